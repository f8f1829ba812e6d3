"""Feedback moves rankings the way people acted; fitted models are versioned and loaded lazily."""

import numpy as np
import pytest

from matching.engine import artefacts
from matching.engine.feedback import Event, FeedbackReranker
from matching.engine.funding import Award, FundingQuery, FundingRecommender, Program

# Pair features: (text similarity, sector overlap).
TEXT_ONLY, SECTOR_ONLY = np.array([0.8, 0.0]), np.array([0.3, 1.0])


def test_without_feedback_the_prior_weights_rank():
    model = FeedbackReranker(prior_weights=[0.9, 0.1]).fit(np.empty((0, 2)), [])
    assert model.model_ is None
    assert model.score(np.vstack([TEXT_ONLY, SECTOR_ONLY])).argmax() == 0


def test_feedback_changes_the_ranking_in_the_expected_direction():
    rng = np.random.default_rng(0)
    accepted = SECTOR_ONLY + rng.normal(0, 0.05, (30, 2))
    dismissed = TEXT_ONLY + rng.normal(0, 0.05, (30, 2))
    events = [Event.COLLABORATION_STARTED] * 10 + [Event.SAVED] * 20 + [Event.DISMISSED] * 30
    model = FeedbackReranker(prior_weights=[0.9, 0.1]).fit(np.vstack([accepted, dismissed]), events)
    before = (
        FeedbackReranker(prior_weights=[0.9, 0.1]).fit(np.empty((0, 2)), []).score(np.vstack([TEXT_ONLY, SECTOR_ONLY]))
    )
    after = model.score(np.vstack([TEXT_ONLY, SECTOR_ONLY]))
    assert before[0] > before[1] and after[1] > after[0]


def test_funding_outcomes_move_a_program_up_for_that_applicant():
    programs = [Program("a", "innovation fund"), Program("b", "innovation fund")]
    awards = [Award(f"f{i}", "ab"[i % 2], "sensor networks") for i in range(10)]
    query = FundingQuery("sensor networks", "acme")
    neutral = FundingRecommender(rerank=False, n_jobs=1).fit(programs, awards).score([query])[0]
    record = [*awards, Award("acme", "b", "sensor networks"), Award("acme", "b", "sensor arrays")]
    informed = FundingRecommender(rerank=False, n_jobs=1).fit(programs, record).score([query])[0]
    assert informed[1] - informed[0] > neutral[1] - neutral[0]


def test_artefacts_record_versions_and_load_lazily(tmp_path):
    model = FeedbackReranker(prior_weights=[1.0]).fit(np.empty((0, 1)), [])
    header = artefacts.save(model, tmp_path / "m.joblib", name="feedback", version="1")
    assert header["libraries"]["scikit-learn"] and header["libraries"]["numpy"]
    lazy = artefacts.LazyArtefact(tmp_path / "m.joblib", name="feedback")
    assert lazy.header is None  # nothing read until first use
    assert lazy.get().score(np.array([[0.5]]))[0] == pytest.approx(0.5)
    assert lazy.header["version"] == "1"
    with pytest.raises(artefacts.ArtefactMismatch):
        artefacts.load(tmp_path / "m.joblib", name="funding")
