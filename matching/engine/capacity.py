"""Capacity and exposure: nobody is recommended or assigned beyond what they can take.

`spread_exposure` turns each source's candidate pool into its final top k so that no candidate
appears in more lists than its exposure cap (and none with zero remaining capacity appears at
all): the same few popular mentors are not shown to everyone. `assign_cohort` gives an officer
the optimal one-to-one-slot assignment of a cohort to mentors under their capacities.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.optimize import linear_sum_assignment

from .selection import TopK, select_entries


def spread_exposure(pool: TopK, k: int, caps: np.ndarray, *, max_rounds: int = 20) -> TopK:
    """Return the k best candidates per source with each candidate shown at most caps[j] times.

    Rounds of "every source proposes its best remaining candidates; an over-exposed candidate
    keeps the sources that score it highest": the best pairs win, and sources whose candidates
    were taken move down their pools. A candidate with cap 0 is never shown.
    """
    caps = np.asarray(caps, dtype=np.int64)
    n = pool.indices.shape[0]
    alive = (pool.indices >= 0) & np.isfinite(pool.scores)
    alive &= caps[np.maximum(pool.indices, 0)] > 0
    chosen = np.zeros_like(alive)
    for _ in range(max_rounds):
        # Each source proposes its best alive candidates up to k (chosen ones included).
        rank = np.cumsum(alive, axis=1) - 1
        proposed = alive & (rank < k)
        if not (proposed & ~chosen).any():
            break
        rows, cols = np.nonzero(proposed)
        candidates, scores = pool.indices[rows, cols], pool.scores[rows, cols]
        order = np.argsort(_by_candidate_then_score(candidates, scores), kind="stable")  # ties: rows ascending
        candidates_sorted = candidates[order]
        starts = np.searchsorted(candidates_sorted, candidates_sorted, side="left")
        place = np.arange(order.size) - starts
        rejected = order[place >= caps[candidates_sorted]]
        alive[rows[rejected], cols[rejected]] = False
        chosen = proposed.copy()
        chosen[rows[rejected], cols[rejected]] = False
    rows, cols = np.nonzero(chosen)
    return select_entries(rows, pool.indices[rows, cols], pool.scores[rows, cols], n, k)


def _by_candidate_then_score(candidates: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """Return one integer key per entry ordering by candidate, then by score descending.

    One stable argsort of these keys replaces a three-key lexsort: this runs every round over
    every source's proposals (millions at full scale). Float bits are made order-preserving.
    """
    bits = np.ascontiguousarray(scores, dtype=np.float32).view(np.uint32)
    ascending = np.where(bits >> 31 == 1, ~bits, bits | np.uint32(0x80000000))
    return (candidates.astype(np.uint64) << np.uint64(32)) | (~ascending).astype(np.uint64)


def exposure_caps(
    n_sources: int, k: int, n_candidates: int, capacity: npt.ArrayLike | None = None, *, slack: float = 2.0
) -> npt.NDArray[np.int64]:
    """Return each candidate's exposure cap: `slack` times a fair share of all slots, within capacity.

    `capacity` (None: unlimited) is how many more people a candidate can take; a candidate is
    shown to at most max(capacity, 1) × fair share... but never when its capacity is 0.
    """
    fair = int(np.ceil(slack * n_sources * k / max(n_candidates, 1)))
    caps = np.full(n_candidates, max(fair, 1), dtype=np.int64)
    if capacity is not None:
        capacity = np.asarray(capacity, dtype=np.int64)
        caps[capacity <= 0] = 0
    return caps


@dataclass(frozen=True)
class Assignment:
    """Who goes to whom: pairs (source, target) and the quality report an officer reads."""

    pairs: list[tuple[int, int]]
    scores: list[float]
    unassigned: list[int]
    total: float
    mean: float
    worst: float


def assign_cohort(scores: npt.ArrayLike, capacities: npt.ArrayLike, *, min_score: float = 0.0) -> Assignment:
    """Return the assignment of sources (rows) to targets (columns) maximising the total score.

    Each target j takes at most capacities[j] sources; a source gets one target or none (when there
    are not enough places, or only pairs under `min_score`, e.g. ineligible ones at -inf).
    Solved exactly with the Hungarian algorithm on a capacity-expanded matrix (one column per place).
    """
    scores = np.asarray(scores, dtype=np.float64)
    capacities = np.asarray(capacities, dtype=np.int64)
    n = scores.shape[0]
    places = np.repeat(np.arange(scores.shape[1]), np.minimum(np.maximum(capacities, 0), n))
    if n == 0 or places.size == 0:
        return Assignment([], [], list(range(n)), 0.0, 0.0, 0.0)
    expanded = scores[:, places]
    allowed = np.isfinite(expanded) & (expanded >= min_score)
    # Forbidden pairs cost more than any allowed one, so they are used only when forced, then dropped.
    cost = np.where(allowed, -expanded, (np.abs(expanded[allowed]).max(initial=0) + 1) * n + 1)
    rows, cols = linear_sum_assignment(cost)
    pairs, values = [], []
    for row, col in zip(rows, cols, strict=True):
        if allowed[row, col]:
            pairs.append((int(row), int(places[col])))
            values.append(float(expanded[row, col]))
    assigned = {row for row, _ in pairs}
    return Assignment(
        pairs=pairs,
        scores=values,
        unassigned=[row for row in range(n) if row not in assigned],
        total=float(sum(values)),
        mean=float(np.mean(values)) if values else 0.0,
        worst=float(min(values)) if values else 0.0,
    )
