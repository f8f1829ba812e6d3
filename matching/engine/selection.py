"""Selecting the k best entries per row: the shared tool of every kind of retrieval."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias, TypeGuard

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

# A score or feature matrix: dense, or any scipy sparse matrix. scipy ships no type information,
# so to mypy the sparse half is Any; `is_sparse` narrows to it where sparse methods are called.
Matrix: TypeAlias = np.ndarray | sp.spmatrix


def is_sparse(matrix: object) -> TypeGuard[sp.spmatrix]:
    """Return `sp.issparse(matrix)`, as a check mypy narrows on."""
    return bool(sp.issparse(matrix))


@dataclass
class TopK:
    """The k best candidates per row: indices (-1 where fewer exist) and their scores (-inf there)."""

    indices: npt.NDArray[np.int64]
    scores: npt.NDArray[np.float32]

    @classmethod
    def empty(cls, n_rows: int, k: int) -> TopK:
        return cls(np.full((n_rows, k), -1, dtype=np.int64), np.full((n_rows, k), -np.inf, dtype=np.float32))

    def row(self, index: int) -> list[tuple[int, float]]:
        """Return (candidate, score) pairs of one row, best first, without the padding."""
        found = self.indices[index] >= 0
        return list(zip(self.indices[index][found].tolist(), self.scores[index][found].tolist(), strict=True))

    def __len__(self) -> int:
        return len(self.indices)


def select_entries(rows: np.ndarray, cols: np.ndarray, values: np.ndarray, n_rows: int, k: int) -> TopK:
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


def top_k_of(matrix: Matrix, k: int, *, min_score: float = 0.0) -> TopK:
    """Return the k highest entries above `min_score` of each row of a dense or CSR matrix.

    Selection runs on a per-row threshold (numpy's partition, vectorised) rather than a sort of
    every entry. The partition is asked for the k-th *smallest* of the negated scores: numpy's
    introselect is an order of magnitude slower when the wanted rank sits at the far end of rows
    full of ties (zeros, padding), which is what score rows are.
    """
    n_rows, n_cols = matrix.shape
    if n_rows == 0 or n_cols == 0 or k <= 0:
        return TopK.empty(n_rows, max(k, 0))
    if is_sparse(matrix):
        matrix = matrix.tocsr()
        lengths = np.diff(matrix.indptr)
        rows = np.repeat(np.arange(n_rows), lengths)
        values, cols = matrix.data, matrix.indices
        widest = int(lengths.max())
        if widest > k:
            padded = np.full((n_rows, widest), np.inf, dtype=np.float32)
            padded[rows, np.arange(matrix.nnz) - matrix.indptr[rows]] = -values
            threshold = -np.partition(padded, k - 1, axis=1)[:, k - 1]
            keep = (values > min_score) & (values >= threshold[rows])
            rows, cols, values = _trim_ties(rows[keep], cols[keep], values[keep], threshold, k)
        else:
            keep = values > min_score
            rows, cols, values = rows[keep], cols[keep], values[keep]
        return select_entries(rows, cols.astype(np.int64), values.astype(np.float32), n_rows, k)
    matrix = np.asarray(matrix, dtype=np.float32)
    if n_cols > k:
        threshold = -np.partition(-matrix, k - 1, axis=1)[:, k - 1]
        rows, cols = np.nonzero((matrix >= threshold[:, None]) & (matrix > min_score))
        rows, cols, values = _trim_ties(rows, cols, matrix[rows, cols], threshold, k)
    else:
        rows, cols = np.nonzero(matrix > min_score)
        values = matrix[rows, cols]
    return select_entries(rows, cols.astype(np.int64), values, n_rows, k)


def _trim_ties(
    rows: np.ndarray, cols: np.ndarray, values: np.ndarray, threshold: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Drop entries tied at their row's threshold beyond the k a row keeps, largest columns first.

    Score rows are full of ties (discrete taxonomy scores): without this, every tied entry would
    go through the final sort. `rows` must be in ascending order.
    """
    tied = values == threshold[rows]
    if not tied.any():
        return rows, cols, values
    room = k - np.bincount(rows[~tied], minlength=threshold.size)
    candidates = np.flatnonzero(tied)
    candidates = candidates[np.lexsort((cols[candidates], rows[candidates]))]
    tied_rows = rows[candidates]
    rank = np.arange(candidates.size) - np.searchsorted(tied_rows, tied_rows)
    keep = ~tied
    keep[candidates[rank < room[tied_rows]]] = True
    return rows[keep], cols[keep], values[keep]


def merge(first: TopK, second: TopK, k: int) -> TopK:
    """Return the k best of two TopK results over the same rows."""
    indices = np.concatenate([first.indices, second.indices], axis=1)
    scores = np.concatenate([first.scores, second.scores], axis=1)
    rows, positions = np.nonzero(indices >= 0)
    return select_entries(rows, indices[rows, positions], scores[rows, positions], indices.shape[0], k)
