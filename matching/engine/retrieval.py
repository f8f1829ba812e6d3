"""Exact top-k retrieval over all pairs, in chunks, so memory stays bounded at any corpus size.

A full recompute scores every source against every candidate: sources are taken `chunk_size` rows
at a time, the chunk is scored (a sparse or dense matrix product, then any adjustment the caller
passes in), and only the k best of each row survive. Nothing approximate: every pair is scored
and the k kept are exactly the k highest (ties broken by candidate index, so results are stable).
The best sources per candidate (outreach lists) are kept in the same pass.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp


@dataclass
class TopK:
    """The k best candidates per row: indices (-1 where fewer exist) and their scores (-inf there)."""

    indices: np.ndarray
    scores: np.ndarray

    @classmethod
    def empty(cls, n_rows: int, k: int) -> TopK:
        return cls(np.full((n_rows, k), -1, dtype=np.int64), np.full((n_rows, k), -np.inf, dtype=np.float32))

    def row(self, index: int) -> list[tuple[int, float]]:
        """Return (candidate, score) pairs of one row, best first, without the padding."""
        found = self.indices[index] >= 0
        return list(zip(self.indices[index][found].tolist(), self.scores[index][found].tolist(), strict=True))

    def __len__(self) -> int:
        return self.indices.shape[0]


def _select(rows: np.ndarray, cols: np.ndarray, values: np.ndarray, n_rows: int, k: int) -> TopK:
    """Keep the k best (row, col, value) entries per row: value descending, then col ascending."""
    result = TopK.empty(n_rows, k)
    if rows.size == 0:
        return result
    order = np.lexsort((cols, -values, rows))
    rows, cols, values = rows[order], cols[order], values[order]
    starts = np.searchsorted(rows, rows, side="left")
    rank = np.arange(rows.size) - starts
    keep = rank < k
    result.indices[rows[keep], rank[keep]] = cols[keep]
    result.scores[rows[keep], rank[keep]] = values[keep]
    return result


def top_k_of(matrix, k: int, *, min_score: float = 0.0) -> TopK:
    """Return the k highest entries above `min_score` of each row of a dense or CSR matrix.

    Selection runs on a per-row threshold (numpy's partition, vectorised) rather than argpartition
    over every entry: several times faster on wide rows and insensitive to the many zero ties of
    sparse products.
    """
    n_rows, n_cols = matrix.shape
    if n_rows == 0 or n_cols == 0 or k <= 0:
        return TopK.empty(n_rows, max(k, 0))
    if sp.issparse(matrix):
        matrix = matrix.tocsr()
        lengths = np.diff(matrix.indptr)
        rows = np.repeat(np.arange(n_rows), lengths)
        values, cols = matrix.data, matrix.indices
        widest = int(lengths.max())
        if widest > k:
            padded = np.full((n_rows, widest), -np.inf, dtype=np.float32)
            padded[rows, np.arange(matrix.nnz) - matrix.indptr[rows]] = values
            threshold = np.partition(padded, widest - k, axis=1)[:, widest - k]
            keep = (values > min_score) & (values >= threshold[rows])
        else:
            keep = values > min_score
        return _select(rows[keep], cols[keep].astype(np.int64), values[keep].astype(np.float32), n_rows, k)
    matrix = np.asarray(matrix, dtype=np.float32)
    if n_cols > k:
        threshold = np.partition(matrix, n_cols - k, axis=1)[:, n_cols - k]
        mask = (matrix >= threshold[:, None]) & (matrix > min_score)
    else:
        mask = matrix > min_score
    rows, cols = np.nonzero(mask)
    return _select(rows, cols.astype(np.int64), matrix[rows, cols], n_rows, k)


def merge(first: TopK, second: TopK, k: int) -> TopK:
    """Return the k best of two TopK results over the same rows."""
    indices = np.concatenate([first.indices, second.indices], axis=1)
    scores = np.concatenate([first.scores, second.scores], axis=1)
    rows, positions = np.nonzero(indices >= 0)
    return _select(rows, indices[rows, positions], scores[rows, positions], indices.shape[0], k)


Scorer = Callable[[int, int, object], object]


def top_k(
    sources,
    candidates,
    k: int,
    *,
    chunk_size: int = 2048,
    adjust: Scorer | None = None,
    min_score: float = 0.0,
    exclude_self: bool = False,
    k_per_candidate: int = 0,
) -> tuple[TopK, TopK | None]:
    """Return the exact k best candidates per source (and, if asked, best sources per candidate).

    `sources` (n × f) and `candidates` (m × f) are CSR or dense feature rows; a pair scores their
    dot product, then `adjust(start, stop, chunk_scores)` may rewrite a chunk (eligibility masks,
    reciprocity, feature blends) before selection. Peak memory is one chunk of scores,
    chunk_size × m, whatever n is.
    """
    n_sources = sources.shape[0]
    transposed = candidates.T.tocsr() if sp.issparse(candidates) else np.ascontiguousarray(candidates.T)
    by_source = TopK.empty(n_sources, k)
    by_candidate = TopK.empty(candidates.shape[0], k_per_candidate) if k_per_candidate else None
    for start in range(0, n_sources, chunk_size):
        stop = min(start + chunk_size, n_sources)
        scores = sources[start:stop] @ transposed
        if adjust is not None:
            scores = adjust(start, stop, scores)
        if exclude_self:
            scores = _drop_diagonal(scores, start, stop)
        chunk = top_k_of(scores, k, min_score=min_score)
        by_source.indices[start:stop], by_source.scores[start:stop] = chunk.indices, chunk.scores
        if by_candidate is not None:
            columns = top_k_of(
                scores.T.tocsr() if sp.issparse(scores) else scores.T, k_per_candidate, min_score=min_score
            )
            columns.indices[columns.indices >= 0] += start
            by_candidate = merge(by_candidate, columns, k_per_candidate)
    return by_source, by_candidate


def _drop_diagonal(scores, start: int, stop: int):
    """Zero each source's score against itself (sources and candidates are the same rows)."""
    rows = np.arange(stop - start)
    if sp.issparse(scores):
        diagonal = sp.csr_matrix((np.ones(rows.size), (rows, rows + start)), shape=scores.shape)
        scores = (scores - scores.multiply(diagonal)).tocsr()
        scores.eliminate_zeros()
        return scores
    scores = np.array(scores, copy=True)
    scores[rows, rows + start] = -np.inf
    return scores
