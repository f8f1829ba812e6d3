"""Top-k retrieval over all pairs, in chunks, so memory stays bounded at any corpus size.

Sources are taken `chunk_size` rows at a time, the chunk is scored (a sparse or dense matrix
product, then any adjustment the caller passes in), and only the k best of each row survive, ties
broken by candidate index so results are stable. The best sources per candidate (outreach lists)
are kept in the same pass.

Feature rows often end in a narrow block of taxonomy facts (a few sectors, technologies, a
region) whose products are dense: most pairs share something there, so scoring every pair means
dense chunks, and densifying 100,000 × 20,000 pairs per kind is what made a full recompute slow.
Pooled scoring (`exact=False`, pooling.py) scores each source's pool only — the pairs whose wide
(text) columns meet, about a hundred per source, and its k best pairs by the narrow block alone —
each exactly, narrow block and adjustments included. A source whose pooled k-th score does not
beat the best pair left out is scored again on every pair that meets. The result is the exact
top k either way, provided `adjust` never raises a score (masks and penalties don't).
`exact=None` picks full scoring up to EXACT_MAX_PAIRS pairs and pooled scoring above.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Protocol, TypedDict, TypeVar

import numpy as np
import scipy.sparse as sp

from .pooling import PoolChunk, PooledProduct, pattern
from .selection import Matrix, TopK, is_sparse, merge, select_entries, top_k_of

__all__ = ["EXACT_MAX_PAIRS", "TopK", "merge", "select", "top_k", "top_k_of", "use_exact"]


EXACT_MAX_PAIRS = 50_000_000  # sources × candidates scored exactly when exact=None


# adjust(start, stop, chunk scores) -> the chunk's rewritten scores (dense, or CSR when pooled).
Scorer = Callable[[int, int, Matrix], Matrix]

_Item = TypeVar("_Item")
_Result = TypeVar("_Result")


class ChunkScores(Protocol):
    """Scores of sources start:stop against every candidate (dense array or CSR).

    `complete` (pooled scorers): a mask of the chunk's sources to score on every pair that meets.
    """

    def __call__(self, start: int, stop: int, complete: np.ndarray | None = None) -> Matrix | PoolChunk: ...


class _SelectOptions(TypedDict):
    """The keyword arguments `top_k` passes on to `select`."""

    chunk_size: int
    adjust: Scorer | None
    min_score: float
    exclude_self: bool
    k_per_candidate: int
    n_jobs: int


def use_exact(n_sources: int, n_candidates: int, exact: bool | None) -> bool:
    """Return whether to score every pair: as asked, or by corpus size when `exact` is None."""
    return n_sources * n_candidates <= EXACT_MAX_PAIRS if exact is None else bool(exact)


def top_k(
    sources: Matrix,
    candidates: Matrix,
    k: int,
    *,
    chunk_size: int = 2048,
    adjust: Scorer | None = None,
    min_score: float = 0.0,
    exclude_self: bool = False,
    k_per_candidate: int = 0,
    narrow: int = 0,
    exact: bool | None = None,
    n_jobs: int = 1,
) -> tuple[TopK, TopK | None]:
    """Return the k best candidates per source (and, if asked, best sources per candidate).

    `sources` (n × f) and `candidates` (m × f) are CSR or dense feature rows; a pair scores their
    dot product, then `adjust(start, stop, chunk_scores)` may rewrite a chunk (eligibility masks,
    reciprocity, feature blends) before selection. Peak memory is one chunk of scores,
    chunk_size × m, whatever n is. With `narrow` > 0 and pooled scoring (see the module
    docstring), `adjust` receives CSR chunks and the best sources per candidate are exact among
    the pairs scored (each source's pool, or all its pairs where its bound required them).
    """
    n_sources, n_candidates = sources.shape[0], candidates.shape[0]
    options: _SelectOptions = {
        "chunk_size": chunk_size,
        "adjust": adjust,
        "min_score": min_score,
        "exclude_self": exclude_self,
        "k_per_candidate": k_per_candidate,
        "n_jobs": n_jobs,
    }
    if narrow and not use_exact(n_sources, n_candidates, exact):
        pooled = PooledProduct(sources, candidates, narrow)

        def pooled_scores(start: int, stop: int, complete: np.ndarray | None = None) -> PoolChunk:
            # A source's best pair by facts alone is itself when it is excluded: one more makes up for it.
            return pooled.scores(start, stop, k + exclude_self, complete)

        return select(pooled_scores, n_sources, n_candidates, k, **options)
    transposed = candidates.T.tocsr() if is_sparse(candidates) else np.ascontiguousarray(candidates.T)

    def scores(start: int, stop: int, complete: np.ndarray | None = None) -> Matrix:
        return sources[start:stop] @ transposed

    return select(scores, n_sources, n_candidates, k, **options)


def select(
    scores: ChunkScores,
    n_sources: int,
    n_candidates: int,
    k: int,
    *,
    chunk_size: int = 2048,
    adjust: Scorer | None = None,
    min_score: float = 0.0,
    exclude_self: bool = False,
    k_per_candidate: int = 0,
    n_jobs: int = 1,
) -> tuple[TopK, TopK | None]:
    """Return the k best candidates per source from chunk scores (and the best sources per candidate).

    A pooled scorer returns PoolChunk: a source whose pooled top k is not settled by it is scored
    again with `complete`, so the result stays exact. `n_jobs` chunks are scored at once (threads;
    `scores` and `adjust` must then be safe to call concurrently, as pure array functions are).
    """
    by_source = TopK.empty(n_sources, k)
    by_candidate = TopK.empty(n_candidates, k_per_candidate) if k_per_candidate else None

    def adjusted(start: int, stop: int, complete: np.ndarray | None = None) -> tuple[Matrix, PoolChunk | None]:
        scored = scores(start, stop) if complete is None else scores(start, stop, complete)
        pool = scored if isinstance(scored, PoolChunk) else None
        chunk_scores = scored.scores if isinstance(scored, PoolChunk) else scored
        if adjust is not None:
            chunk_scores = adjust(start, stop, chunk_scores)
        if exclude_self:
            chunk_scores = _drop_diagonal(chunk_scores, start, stop)
        return chunk_scores, pool

    def run(start: int) -> tuple[int, int, TopK, Matrix | None]:
        stop = min(start + chunk_size, n_sources)
        chunk_scores, pool = adjusted(start, stop)
        chunk = top_k_of(chunk_scores, k, min_score=min_score)
        if pool is not None:
            complete = ~pool.settled(chunk.scores[:, -1], chunk.indices[:, -1], min_score)
            if complete.any():
                chunk_scores, _ = adjusted(start, stop, complete)
                chunk = top_k_of(chunk_scores, k, min_score=min_score)
        return start, stop, chunk, chunk_scores if by_candidate is not None else None

    for start, stop, chunk, chunk_scores in _in_order(run, range(0, n_sources, chunk_size), n_jobs):
        by_source.indices[start:stop], by_source.scores[start:stop] = chunk.indices, chunk.scores
        if by_candidate is not None and chunk_scores is not None:  # run() keeps the scores when by_candidate is set
            _update_columns(by_candidate, chunk_scores, start, min_score)
    return by_source, by_candidate


def _in_order(function: Callable[[_Item], _Result], items: Iterable[_Item], n_jobs: int) -> Iterator[_Result]:
    """Yield function(item) for each item in order, computing up to `n_jobs` at once in threads.

    numpy and scipy release the GIL in their loops, so chunks score in parallel; no more than
    n_jobs results wait at a time, which keeps peak memory at n_jobs chunks.
    """
    if n_jobs <= 1:
        yield from map(function, items)
        return
    with ThreadPoolExecutor(n_jobs) as pool:
        waiting: deque[Future[_Result]] = deque()
        for item in items:
            waiting.append(pool.submit(function, item))
            if len(waiting) >= n_jobs:
                yield waiting.popleft().result()
        while waiting:
            yield waiting.popleft().result()


def _update_columns(best: TopK, scores: Matrix, start: int, min_score: float) -> None:
    """Merge a chunk's scores into the best sources per candidate, in place.

    Only entries above a column's current k-th score can enter it (a later source loses a tie,
    its index being larger), so after the first chunks almost nothing is merged.
    """
    k = best.indices.shape[1]
    if is_sparse(scores):
        scores = scores.tocsr()
        rows, cols = pattern(scores)
        values = scores.data
    else:
        columns = top_k_of(np.asarray(scores).T, k, min_score=min_score)
        cols, positions = np.nonzero(columns.indices >= 0)
        rows, values = columns.indices[cols, positions], columns.scores[cols, positions]
    enter = (values > min_score) & (values > best.scores[cols, -1])
    if not enter.any():
        return
    rows, cols, values = rows[enter], cols[enter], values[enter]
    touched = np.unique(cols)
    current = TopK(best.indices[touched], best.scores[touched])
    held_rows, held_positions = np.nonzero(current.indices >= 0)
    merged = select_entries(
        np.concatenate([held_rows, np.searchsorted(touched, cols)]),
        np.concatenate([current.indices[held_rows, held_positions], rows.astype(np.int64) + start]),
        np.concatenate([current.scores[held_rows, held_positions], values.astype(np.float32)]),
        touched.size,
        k,
    )
    best.indices[touched], best.scores[touched] = merged.indices, merged.scores


def _drop_diagonal(scores: Matrix, start: int, stop: int) -> Matrix:
    """Zero each source's score against itself (sources and candidates are the same rows)."""
    rows = np.arange(stop - start)
    if is_sparse(scores):
        diagonal = sp.csr_matrix((np.ones(rows.size), (rows, rows + start)), shape=scores.shape)
        scores = (scores - scores.multiply(diagonal)).tocsr()
        scores.eliminate_zeros()
        return scores
    scores = np.array(scores, copy=True)
    scores[rows, rows + start] = -np.inf
    return scores
