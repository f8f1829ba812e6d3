"""Re-ranking with what people did: a learned re-ranker re-scores a pool or a set of pairs.

Without a fitted re-ranker (too little feedback so far) every function returns the engine's order
unchanged. The re-rankers are fitted in `training`.
"""

from collections.abc import Callable
from typing import TypeGuard

import numpy as np

from matching.engine.feedback import FeedbackReranker
from matching.engine.retrieval import TopK

# (rows, cols, scores) of some pairs -> their features for a feedback re-ranker (training.PRIOR).
PairFeatures = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]


def has_learned(reranker: FeedbackReranker | None) -> TypeGuard[FeedbackReranker]:
    return reranker is not None and getattr(reranker, "model_", None) is not None


def pool_reranked(reranker: FeedbackReranker | None, pool: TopK, features_of: PairFeatures) -> TopK:
    """Return the pool re-scored by the learned re-ranker, best first per row (unchanged without one)."""
    if not has_learned(reranker):
        return pool
    rows, places = np.nonzero((pool.indices >= 0) & np.isfinite(pool.scores))
    if rows.size == 0:
        return pool
    cols = pool.indices[rows, places]
    scores = np.full(pool.scores.shape, -np.inf, dtype=np.float32)
    scores[rows, places] = reranker.score(features_of(rows, cols, pool.scores[rows, places]))
    order = np.argsort(-scores, axis=1, kind="stable")
    return TopK(np.take_along_axis(pool.indices, order, axis=1), np.take_along_axis(scores, order, axis=1))


def final_scores(
    reranker: FeedbackReranker | None,
    features_of: PairFeatures,
    rows: np.ndarray,
    cols: np.ndarray,
    values: np.ndarray,
) -> np.ndarray:
    """Return the pairs' final scores: re-ranked by feedback where learned, so every list agrees on a pair."""
    if not has_learned(reranker) or len(values) == 0:
        return np.asarray(values, dtype=np.float32)
    return reranker.score(features_of(rows, cols, values)).astype(np.float32)


def ranks_within(groups: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Return each item's place (1 = best) among the items of its group, best value first."""
    order = np.lexsort((-values, groups))
    ranks = np.empty(len(order), dtype=np.int64)
    starts = np.searchsorted(groups[order], groups[order], side="left")
    ranks[order] = np.arange(len(order)) - starts + 1
    return ranks
