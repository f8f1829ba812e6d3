"""An honest strength: a label says where a match stands among its kind's suggestions, not a fixed cut."""

import re

import numpy as np
import pytest

from matching.models import Match, MatchKind, ScoreScale
from matching.pipeline.score_scales import score_scales_fit
from matching.selectors.matches import score_scales
from matching.strength import strength
from tests.factories.ecosystem import MembershipFactory, OrganisationFactory
from tests.factories.matching import MatchFactory

pytestmark = pytest.mark.django_db


def _listed_funding_matches(scores, organisation=None):
    for score in scores:
        MatchFactory(kind=MatchKind.FUNDING, organisation=organisation or OrganisationFactory(), score=score)


def test_scores_all_below_the_old_cut_still_spread_over_every_label():
    # The funding model's scores cluster low: every one of them was "Possible fit" before.
    _listed_funding_matches(np.linspace(0.05, 0.35, 40))
    score_scales_fit()
    scales = score_scales()
    levels = [strength(score, MatchKind.FUNDING, scales).level for score in (0.34, 0.25, 0.06)]
    assert levels == ["excellent", "good", "possible"]
    assert strength(0.35, MatchKind.FUNDING, scales).percent == 100
    assert strength(0.05, MatchKind.FUNDING, scales).percent == 0


def test_a_weak_match_says_so_even_with_a_high_looking_score():
    _listed_funding_matches(np.linspace(0.8, 0.99, 40))
    score_scales_fit()
    weak = strength(0.8, MatchKind.FUNDING, score_scales())
    assert weak.level == "possible" and weak.percent < 5


def test_equal_scores_read_alike():
    _listed_funding_matches([0.3] * 20 + list(np.linspace(0.1, 0.2, 20)))
    score_scales_fit()
    assert strength(0.3, MatchKind.FUNDING, score_scales()).percent == 100


def test_too_few_matches_keep_the_scores_own_scale():
    _listed_funding_matches([0.2, 0.3, 0.9])
    assert score_scales_fit() == {}
    assert not ScoreScale.objects.exists()
    label = strength(0.9, MatchKind.FUNDING, score_scales())
    assert (label.level, label.calibrated) == ("excellent", False)


def test_only_matches_someone_sees_make_the_scale():
    _listed_funding_matches(np.linspace(0.1, 0.2, 40))
    MatchFactory.create_batch(40, kind=MatchKind.FUNDING, score=0.9, is_current=False)
    score_scales_fit()
    assert strength(0.2, MatchKind.FUNDING, score_scales()).percent == 100


def test_the_card_shows_the_calibrated_label_and_strength(client):
    startup = OrganisationFactory()
    member = MembershipFactory(organisation=startup).user
    _listed_funding_matches(np.linspace(0.05, 0.35, 40))
    _listed_funding_matches([0.34, 0.2, 0.06], organisation=startup)
    score_scales_fit()
    client.force_login(member)
    html = client.get("/en/me/matches/", {"tab": "funding"}).content.decode()
    assert re.findall(r'data-score-level="(\w+)"', html) == ["excellent", "good", "possible"]
    strengths = [int(value) for value in re.findall(r'data-strength="(\d+)"', html)]
    assert strengths == sorted(strengths, reverse=True) and strengths[0] > 90 and strengths[-1] < 10
    assert Match.objects.filter(organisation=startup).count() == 3
