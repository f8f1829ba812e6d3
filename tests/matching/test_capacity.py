"""Capacity is never exceeded, in recommendations (exposure) or in a cohort assignment."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from matching.engine.capacity import assign_cohort, exposure_caps, spread_exposure
from matching.engine.retrieval import top_k_of


@settings(max_examples=80, deadline=None)
@given(
    arrays(np.float64, st.tuples(st.integers(1, 30), st.integers(1, 12)), elements=st.floats(0.01, 1)),
    st.data(),
)
def test_exposure_never_exceeds_caps_and_full_mentors_never_appear(scores, data):
    n_mentors = scores.shape[1]
    caps = np.array(data.draw(st.lists(st.integers(0, 5), min_size=n_mentors, max_size=n_mentors)))
    final = spread_exposure(top_k_of(scores, n_mentors), 3, caps)
    shown = np.bincount(final.indices[final.indices >= 0], minlength=n_mentors)
    assert (shown <= caps).all()
    # Nobody is left short while an eligible candidate still has room for them.
    for row in range(scores.shape[0]):
        if (final.indices[row] >= 0).sum() < 3:
            room = np.flatnonzero((shown < caps) & ~np.isin(np.arange(n_mentors), final.indices[row]))
            assert room.size == 0


def test_exposure_spreads_a_popular_mentor():
    scores = np.tile(np.array([0.9, 0.5, 0.4, 0.3]), (40, 1))  # everyone prefers mentor 0
    caps = exposure_caps(40, 1, 4, capacity=[10, 10, 10, 10], slack=1.0)
    final = spread_exposure(top_k_of(scores, 4), 1, caps)
    assert np.bincount(final.indices[:, 0], minlength=4).tolist() == [10, 10, 10, 10]


@settings(max_examples=60, deadline=None)
@given(
    arrays(np.float64, st.tuples(st.integers(1, 12), st.integers(1, 5)), elements=st.floats(0, 1)),
    st.data(),
)
def test_cohort_assignment_respects_capacity_and_is_optimal(scores, data):
    capacities = np.array(data.draw(st.lists(st.integers(0, 4), min_size=scores.shape[1], max_size=scores.shape[1])))
    result = assign_cohort(scores, capacities)
    taken = np.bincount([mentor for _, mentor in result.pairs], minlength=scores.shape[1])
    assert (taken <= capacities).all()
    assert len({startup for startup, _ in result.pairs}) == len(result.pairs)
    assert len(result.pairs) == min(scores.shape[0], capacities.sum())
    if result.scores:
        assert result.worst == min(result.scores) and abs(result.total - sum(result.scores)) < 1e-9
    # Greedy can only match or lose to the optimum.
    left, greedy = capacities.copy(), 0.0
    for startup in range(scores.shape[0]):
        options = np.flatnonzero(left > 0)
        if options.size:
            best = options[np.argmax(scores[startup, options])]
            greedy += scores[startup, best]
            left[best] -= 1
    assert result.total >= greedy - 1e-9


def test_ineligible_pairs_are_never_assigned():
    scores = np.array([[0.9, -np.inf], [-np.inf, -np.inf]])
    result = assign_cohort(scores, [1, 1])
    assert result.pairs == [(0, 0)] and result.unassigned == [1]
