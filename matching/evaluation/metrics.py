"""Ranking metrics from the rank of the one relevant item per query (0 = first; None = never ranked)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

CUTOFFS = (1, 3, 10)


def rank_of(scores: np.ndarray, gold: np.ndarray) -> np.ndarray:
    """Return the 0-based rank of each row's gold column; ties count against the gold item.

    Pessimistic ties keep a constant scorer (everything 0) from looking perfect.
    """
    scores = np.asarray(scores, dtype=np.float64)
    gold_scores = scores[np.arange(len(gold)), gold][:, None]
    return (scores > gold_scores).sum(axis=1) + (scores == gold_scores).sum(axis=1) - 1


def rank_of_split(keys, gold: np.ndarray) -> np.ndarray:
    """Return each row's expected 0-based rank of its gold column with ties split evenly.

    `keys` is one score matrix or a sequence of them compared lexicographically (the first decides,
    the next breaks its ties, ...). Among the t items tied with the gold one it may land anywhere,
    so its expected rank is (those strictly ahead) + (t - 1) / 2: a constant scorer ranks the gold
    item in the middle, neither first nor last.
    """
    keys = [keys] if isinstance(keys, np.ndarray) else list(keys)
    rows = np.arange(len(gold))
    ahead = np.zeros(keys[0].shape, dtype=bool)
    tied = np.ones(keys[0].shape, dtype=bool)
    for key in keys:
        key = np.asarray(key, dtype=np.float64)
        gold_key = key[rows, gold][:, None]
        ahead |= tied & (key > gold_key)
        tied &= key == gold_key
    return ahead.sum(axis=1) + (tied.sum(axis=1) - 1) / 2.0


def summarise(ranks: Sequence[float | None]) -> dict[str, float]:
    """Return hit@1/3/10, MRR and NDCG@10 over queries; a None rank (gold not rankable) is a miss.

    Ranks may be fractional (ties split evenly): the metrics are then taken at the expected rank.
    """
    ranks = np.array([np.inf if r is None else r for r in ranks], dtype=np.float64)
    if ranks.size == 0:
        return {f"hit@{k}": 0.0 for k in CUTOFFS} | {"mrr": 0.0, "ndcg@10": 0.0}
    result = {f"hit@{k}": float(np.mean(ranks < k)) for k in CUTOFFS}
    result["mrr"] = float(np.mean(np.where(np.isfinite(ranks), 1.0 / (ranks + 1), 0.0)))
    # One relevant item: the ideal DCG is 1, so NDCG@10 is 1 / log2(rank + 2) inside the top 10.
    result["ndcg@10"] = float(np.mean(np.where(ranks < 10, 1.0 / np.log2(np.minimum(ranks, 1e9) + 2), 0.0)))
    return {name: round(value, 4) for name, value in result.items()}
