"""Ranking metrics checked by hand on a tiny benchmark."""

import math

import numpy as np
import pytest

from matching.evaluation.metrics import rank_of, summarise


def test_ranks_count_ties_against_the_gold_item():
    scores = np.array([[0.9, 0.5, 0.1], [0.2, 0.2, 0.2], [0.1, 0.3, 0.8]])
    assert rank_of(scores, np.array([0, 1, 0])).tolist() == [0, 2, 2]


def test_hand_computed_metrics():
    # Gold ranked 1st, 2nd, 4th, 11th, and one query whose gold cannot be ranked at all.
    result = summarise([0, 1, 3, 10, None])
    assert result["hit@1"] == pytest.approx(1 / 5)
    assert result["hit@3"] == pytest.approx(2 / 5)
    assert result["hit@10"] == pytest.approx(3 / 5)
    assert result["mrr"] == pytest.approx(round((1 + 1 / 2 + 1 / 4 + 1 / 11) / 5, 4))
    ndcg = (1 + 1 / math.log2(3) + 1 / math.log2(5)) / 5
    assert result["ndcg@10"] == pytest.approx(round(ndcg, 4))


def test_empty_benchmark_scores_zero():
    assert summarise([]) == {"hit@1": 0.0, "hit@3": 0.0, "hit@10": 0.0, "mrr": 0.0, "ndcg@10": 0.0}
