"""Pooled scoring: the exact scores of the few pairs that can reach a top k, and a proof for the rest.

Feature rows are `[wide | narrow]`: wide text columns, where two rows meet for about a hundred
pairs per source, then a narrow block of taxonomy facts, where most pairs meet a little. A
source's pool is the pairs whose wide columns meet plus its `size` best pairs by the narrow block
alone; every pooled pair gets its full score. Any pair left out has no text in common, so it
scores what its facts alone give, which is at most that of the first pair left out of the
narrow ranking; the chunk reports that pair (score, index) so the caller can check that the
pooled k-th beats it, and otherwise score the source on every pair that meets (`complete`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from .selection import Matrix, TopK, top_k_of

# Relative float error allowed between two computations of the same facts-only score.
TIE_TOLERANCE = 1e-5


@dataclass
class PoolChunk:
    """Scores of a chunk's pooled pairs (CSR), and per source the best pair left out (score, index)."""

    scores: sp.csr_matrix
    outside_score: np.ndarray
    outside_index: np.ndarray

    def settled(self, kth_score: np.ndarray, kth_index: np.ndarray, min_score: float) -> np.ndarray:
        """Return, per source, whether its pooled top k (k-th: score, index) is its exact top k.

        A left-out pair wins only by scoring more, or the same with a smaller index.
        """
        high, low = self.outside_score * (1 + TIE_TOLERANCE), self.outside_score * (1 - TIE_TOLERANCE)
        return (
            (self.outside_score <= min_score)
            | (kth_score > high)
            | ((kth_score >= low) & (kth_index >= 0) & (kth_index < self.outside_index))
        )


class PooledProduct:
    """Full products of `sources` and `candidates` rows for each source's pool (module docstring).

    `classes` = (class of each source, one row of candidate weights per class) turns narrow
    products into the scores a facts-only pair finally gets (e.g. reciprocity's discount for a
    side without needs), so the narrow ranking is the final one.
    """

    def __init__(
        self,
        sources: Matrix,
        candidates: Matrix,
        narrow: int,
        *,
        classes: tuple[np.ndarray, np.ndarray] | None = None,
        rank_narrow: bool = True,
    ) -> None:
        width = sources.shape[1] - narrow
        sources, candidates = sp.csr_matrix(sources), sp.csr_matrix(candidates)
        self.n_candidates = candidates.shape[0]
        self.wide_sources = sources[:, :width].tocsr()
        self.wide_candidates_t = candidates[:, :width].T.tocsr()
        self.narrow_sources = PaddedRows(sources[:, width:].tocsr())
        narrow_candidates = candidates[:, width:].toarray().astype(np.float32)
        self.narrow_candidates = with_zero_column(narrow_candidates)
        # Built here, not on first use: chunks are scored in threads.
        self.ranking = NarrowRanking(self.narrow_sources, narrow_candidates, classes) if rank_narrow else None

    def wide(self, start: int, stop: int) -> sp.csr_matrix:
        """Return the wide columns' product of sources start:stop with every candidate (canonical CSR)."""
        return _canonical(self.wide_sources[start:stop] @ self.wide_candidates_t)

    def narrow(self, start: int, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Return the narrow block's products of pairs (start + rows[i], cols[i])."""
        return sampled_dot(self.narrow_sources, self.narrow_candidates, rows + start, cols)

    def narrow_pool(
        self, start: int, stop: int, size: int, complete: np.ndarray | None = None
    ) -> tuple[sp.csr_matrix, np.ndarray, np.ndarray]:
        """Return the `size` best pairs per source by the (class-weighted) narrow block alone, all of
        them for `complete` sources, as a CSR pattern, and per source the first pair left out
        (score, index)."""
        assert self.ranking is not None, "a PooledProduct built with rank_narrow=False has no narrow pool"
        best = self.ranking.best(start, stop, size + 1, complete)
        outside_score = np.maximum(best.scores[:, size], 0.0)
        outside_index = np.where(best.indices[:, size] >= 0, best.indices[:, size], self.n_candidates)
        kept = best.indices.copy()
        if complete is not None and complete.any():
            outside_score = np.where(complete, 0.0, outside_score)
        else:
            kept = kept[:, :size]
        rows, positions = np.nonzero(kept >= 0)
        pool = sp.csr_matrix(
            (np.ones(rows.size, np.float32), (rows, kept[rows, positions])), shape=(stop - start, self.n_candidates)
        )
        return _canonical(pool), outside_score.astype(np.float32), outside_index

    def scores(self, start: int, stop: int, size: int, complete: np.ndarray | None = None) -> PoolChunk:
        """Return the full products of each source's pool: pairs whose wide columns meet, and its
        `size` best by the narrow block (every pair meeting anywhere for `complete` sources)."""
        wide = self.wide(start, stop)
        facts, outside_score, outside_index = self.narrow_pool(start, stop, size, complete)
        pool = _canonical(wide + facts)  # non-negative products: the sum's pattern is the union
        rows, cols = pattern(pool)
        pool.data = values_at(wide, rows * pool.shape[1] + cols) + self.narrow(start, rows, cols)
        return PoolChunk(pool, outside_score, outside_index)


class NarrowRanking:
    """The best candidates of each source by the narrow block alone, scoring few of its pairs.

    Candidates are sorted so that rows alike in their heaviest columns sit together, and cut into
    blocks of `block`; a block's column maxima bound what any of its candidates scores with a
    source. Per source, its most promising blocks give a score that its n-th best pair reaches at
    least, and only blocks whose bound reaches that score are scored pair by pair (block-max
    pruning, as search engines do): a few hundred pairs per source instead of most candidates.
    """

    def __init__(
        self,
        sources: PaddedRows,
        candidates: np.ndarray,
        classes: tuple[np.ndarray, np.ndarray] | None = None,
        block: int = 16,
    ) -> None:
        self.sources, self.block = sources, block
        n_candidates = candidates.shape[0]
        if classes is None:
            classes = (np.zeros(sources.n_rows, dtype=np.int64), np.ones((1, n_candidates), dtype=np.float32))
        self.source_class, weights = classes
        # Sorted as weighted at most, so a block also holds candidates of one weight: tighter maxima.
        ranked = candidates * weights.max(axis=0)[:, None].astype(np.float32)
        heaviest = np.argsort(-ranked.max(axis=0, initial=0.0), kind="stable")
        order = np.lexsort([-ranked[:, column] for column in heaviest[::-1]]) if heaviest.size else np.arange(0)
        padded = np.full(-(-n_candidates // block) * block, -1, dtype=np.int64)
        padded[:n_candidates] = order
        self.members = padded.reshape(-1, block)
        by_class = [candidates * row[:, None].astype(np.float32) for row in weights]
        # Each block's values laid out column by column (block, column, member): scoring a source
        # against a block reads one short contiguous run per source entry, not a row per member.
        # Padding members (-1) read the zero row appended last.
        self.block_values = [
            np.vstack([with_zero_column(weighted), np.zeros((1, weighted.shape[1] + 1), np.float32)])[padded]
            .reshape(self.members.shape[0], block, -1)
            .transpose(0, 2, 1)
            .copy()
            for weighted in by_class
        ]
        starts = np.arange(0, n_candidates, block)
        self.block_max = [
            np.maximum.reduceat(weighted[order], starts, axis=0) if n_candidates else weighted[:0]
            for weighted in by_class
        ]

    def _block_values(self, start: int, rows: np.ndarray, blocks: np.ndarray) -> np.ndarray:
        """Return the values of every member of the given (chunk row, block)s, one row of `block` each."""
        values = np.zeros((rows.size, self.block), dtype=np.float32)
        classes = self.source_class[rows + start]
        for c in np.unique(classes):
            chosen = np.flatnonzero(classes == c)
            columns = self.sources.columns[rows[chosen] + start]
            weights = self.sources.values[rows[chosen] + start]
            gathered = self.block_values[c][blocks[chosen, None], columns]  # (pairs, entries, members)
            values[chosen] = (weights[:, :, None] * gathered).sum(axis=1)
        return values

    def best(self, start: int, stop: int, n: int, complete: np.ndarray | None = None) -> TopK:
        """Return each source's n best candidates (every positive one for `complete` sources)."""
        n_rows, n_blocks = stop - start, self.members.shape[0]
        if n_blocks == 0:
            return TopK.empty(n_rows, n)
        chunk, classes = self.sources.matrix[start:stop], self.source_class[start:stop]
        bounds = np.zeros((n_rows, n_blocks), dtype=np.float32)
        for c in np.unique(classes):
            chosen = np.flatnonzero(classes == c)
            bounds[chosen] = chunk[chosen] @ self.block_max[c].T
        # The most promising blocks' n-th best value is a floor for the n-th best overall. Sampling
        # about 8n candidates (not just n) makes it a close one, so far fewer blocks reach it: a
        # full recompute scores about half the pairs it would with n.
        first = min(n_blocks, -(-8 * n // self.block) + 1)
        promising = np.argpartition(-bounds, first - 1, axis=1)[:, :first] if first < n_blocks else None
        if promising is None:
            promising = np.broadcast_to(np.arange(n_blocks), (n_rows, n_blocks))
        sampled = self._block_values(start, np.repeat(np.arange(n_rows), promising.shape[1]), promising.ravel())
        sampled = sampled.reshape(n_rows, -1)
        floor = np.maximum(-np.partition(-sampled, n - 1, axis=1)[:, n - 1], 0.0) if sampled.shape[1] >= n else 0.0
        floor = np.where(complete, 0.0, floor) if complete is not None else np.broadcast_to(floor, n_rows)
        # Blocks that may tie the floor are scored too: a tie is won by the smaller index.
        rows, blocks = np.nonzero((bounds > 0) & (bounds >= floor[:, None] * (1 - TIE_TOLERANCE)))
        values = self._block_values(start, rows, blocks).ravel()
        cols, rows = self.members[blocks].ravel(), np.repeat(rows, self.block)
        positive = values > 0  # padding members score 0
        scores = _row_sorted_csr(rows[positive], cols[positive], values[positive], (n_rows, self.members.size))
        if complete is not None and complete.any():
            width = max(n, int(np.diff(scores.indptr).max(initial=0)))
            return top_k_of(scores, width)
        return top_k_of(scores, n)


def _row_sorted_csr(rows: np.ndarray, cols: np.ndarray, values: np.ndarray, shape: tuple[int, int]) -> sp.csr_matrix:
    """Return the CSR of distinct entries already in row order, without COO's sort."""
    indptr = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=shape[0]))])
    return sp.csr_matrix((values, cols, indptr), shape=shape)


def _canonical(matrix: Matrix) -> sp.csr_matrix:
    matrix = sp.csr_matrix(matrix)
    matrix.sum_duplicates()  # sorted indices, no duplicates: pattern keys come out sorted
    return matrix


class PaddedRows:
    """A CSR matrix with few entries per row, as (rows × width) columns and values, for gathers.

    Padding points at one column past the last, which `with_zero_column` matrices hold as zeros.
    """

    def __init__(self, matrix: sp.csr_matrix) -> None:
        self.matrix = matrix
        self.n_rows, n_cols = matrix.shape
        lengths = np.diff(matrix.indptr)
        width = max(int(lengths.max(initial=0)), 1)
        self.columns = np.full((self.n_rows, width), n_cols, dtype=np.int64)
        self.values = np.zeros((self.n_rows, width), dtype=np.float32)
        rows = np.repeat(np.arange(self.n_rows), lengths)
        self.columns[rows, np.arange(matrix.nnz) - matrix.indptr[rows]] = matrix.indices
        self.values[rows, np.arange(matrix.nnz) - matrix.indptr[rows]] = matrix.data


def with_zero_column(dense: np.ndarray) -> np.ndarray:
    """Return `dense` with a zero column appended (the padding target of PaddedRows)."""
    return np.hstack([dense, np.zeros((dense.shape[0], 1), dtype=np.float32)]).astype(np.float32)


def sampled_dot(left: PaddedRows, right: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Return left[rows[i]] · right[cols[i]] for each i, `right` dense with a zero column appended.

    Flat gathers, one per entry position of the short left rows: this runs on every pooled pair.
    """
    columns, values = left.columns[rows], left.values[rows]
    flat, base = right.ravel(), cols * right.shape[1]
    out = np.zeros(rows.size, dtype=np.float32)
    for position in range(columns.shape[1]):
        out += values[:, position] * flat[base + columns[:, position]]
    return out


def pattern(matrix: sp.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
    """Return the (rows, cols) of a CSR matrix's stored entries, row-major."""
    return np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr)), matrix.indices.astype(np.int64)


def values_at(matrix: sp.csr_matrix, keys: np.ndarray) -> np.ndarray:
    """Return a canonical CSR's values at sorted row-major keys (row × n_cols + col); each entry must be a key."""
    rows, cols = pattern(matrix)
    out = np.zeros(keys.size, dtype=np.float32)
    out[np.searchsorted(keys, rows * matrix.shape[1] + cols)] = matrix.data
    return out
