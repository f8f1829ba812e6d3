"""The consortium-partner recommender on small hand-made histories: what a coordinator would notice."""

import numpy as np
import pytest

from matching.engine.consortia import Consortium, Participation, hide_one_member
from matching.engine.partners import PartnerRecommender
from matching.evaluation.metrics import rank_of_split
from matching.evaluation.partners import BASELINES, _baseline_ranks


def _projects(*projects, programme="SC1", year=2016.0, types=None, countries=None):
    """Return participations of projects given as tuples of organisation ids."""
    types, countries = types or {}, countries or {}
    return [
        Participation(f"p{number}", org, types.get(org, "PRC"), countries.get(org, "VN"), programme, year)
        for number, members in enumerate(projects)
        for org in members
    ]


def _ranked(model, consortium, affinity=None) -> list[str]:
    """Return the organisation ids best first, members left out."""
    scores = model.score([consortium], affinity=affinity)[0]
    order = np.argsort(-scores, kind="stable")
    return [model.org_ids_[i] for i in order if np.isfinite(scores[i])]


def test_a_frequent_co_partner_of_the_members_ranks_above_a_stranger():
    history = _projects(*[("a", "b", "friend")] * 4, ("a", "stranger", "x"), ("stranger", "y", "z"))
    model = PartnerRecommender().fit(history)
    ranked = _ranked(model, Consortium(("a", "b"), "SC1", 2017.0))
    assert ranked[0] == "friend"
    assert ranked.index("friend") < ranked.index("stranger") < ranked.index("z")


def test_the_open_seats_type_ranks_first_when_the_type_mix_asks_for_it():
    types = {"uni": "HES", "lab": "REC", "firm": "PRC", "a": "HES", "b": "HES"}
    history = _projects(*[("a", "b", "uni")] * 5, ("a", "lab"), ("b", "firm"), types=types)
    model = PartnerRecommender().fit(history)
    asking = Consortium(("a", "b"), "SC1", 2017.0, type_mix=("HES", "HES", "PRC"))
    assert _ranked(model, asking)[0] == "firm"
    # Without a type mix the strongest co-partner leads again.
    assert _ranked(model, Consortium(("a", "b"), "SC1", 2017.0))[0] == "uni"


def test_the_planned_countries_come_before_others_of_the_same_type():
    countries = {"far": "FR", "near": "VN"}
    history = _projects(*[("a", "far")] * 3, ("a", "near"), countries=countries)
    model = PartnerRecommender().fit(history)
    assert _ranked(model, Consortium(("a",), countries=("VN",)))[0] == "near"
    assert _ranked(model, Consortium(("a",)))[0] == "far"


def test_with_no_history_the_affinity_decides():
    organisations = [("a", "PRC", "VN"), ("b", "HES", "VN"), ("c", "REC", "VN"), ("d", "PRC", "FR")]
    model = PartnerRecommender().fit([], organisations=organisations)
    affinity = np.array([[1.0, 0.2, 0.9, 0.5]])
    assert _ranked(model, Consortium(("a",)), affinity=affinity) == ["c", "d", "b"]
    assert np.isfinite(model.score([Consortium(("a",))])[0][1:]).all()


def test_affinity_lifts_an_organisation_known_only_from_its_profile():
    history = _projects(("a", "b", "c"), ("a", "b"))
    model = PartnerRecommender().fit(history, organisations=[("newcomer", "PRC", "VN")])
    affinity = np.zeros((1, len(model.org_ids_)))
    affinity[0, model.org_index_["newcomer"]] = 1.0
    assert _ranked(model, Consortium(("c",)), affinity=affinity)[0] == "newcomer"


def test_a_tiny_history_still_scores_every_known_organisation():
    history = _projects(("a", "b"), ("c", "d", "e"))
    model = PartnerRecommender().fit(history)
    scores = model.score([Consortium(("a",)), Consortium(("zz",), programme="unknown")])
    assert scores.shape == (2, 5)
    assert np.isfinite(scores[0, 1:]).all() and scores[0, 0] == -np.inf
    assert np.isfinite(scores[1]).all()


def test_members_are_never_recommended():
    history = _projects(*[("a", "b", "c", "d")] * 3)
    model = PartnerRecommender().fit(history)
    matches = model.recommend([Consortium(("a", "b", "c"), "SC1")], k=10)[0]
    assert [model.org_ids_[m.index] for m in matches] == ["d"]
    assert {reason.code for reason in matches[0].reasons} >= {"partnered_before", "same_programme", "country"}


def test_the_re_ranker_learns_from_the_last_year_and_keeps_co_partners_first():
    rng = np.random.default_rng(3)
    teams = [[f"t{team}-{i}" for i in range(4)] for team in range(30)]
    history = []
    for year in (2014.0, 2015.0, 2016.0):
        for number in range(60):
            team = teams[number % 30]
            members = [*rng.choice(team, 3, replace=False), f"x{rng.integers(200)}"]
            history += [Participation(f"{year}-{number}", org, "PRC", "VN", "SC1", year) for org in members]
    model = PartnerRecommender(rerank_min_tasks=20).fit(history)
    assert model.reranker_ is not None
    consortium = Consortium(("t0-0", "t0-1"), "SC1", 2017.0)
    assert set(_ranked(model, consortium)[:2]) == {"t0-2", "t0-3"}
    # The caller's affinity still counts once the trees rank: it lifts the pooled organisation.
    affinity = np.zeros((1, len(model.org_ids_)))
    affinity[0, model.org_index_["t5-0"]] = 1.0
    lifted, plain = model.score([consortium], affinity=affinity)[0], model.score([consortium])[0]
    assert lifted[model.org_index_["t5-0"]] > plain[model.org_index_["t5-0"]]


def test_ties_are_split_evenly():
    scores = np.array([[0.2, 0.2, 0.2], [0.9, 0.5, 0.5]])
    assert rank_of_split(scores, np.array([1, 2])).tolist() == [1.0, 1.5]
    assert rank_of_split([scores, np.array([[0, 0, 1], [0, 1, 0]])], np.array([2, 2])).tolist() == [0.0, 2.0]


def test_the_readme_heuristics_on_a_hand_computed_example():
    types = {"a": "HES", "b": "PRC", "c": "HES", "d": "REC", "e": "REC"}
    countries = {"d": "FR"}
    train = _projects(("a", "b", "c"), ("a", "c"), ("b", "d"), ("e",), types=types, countries=countries)
    index = {org: i for i, org in enumerate("abcde")}
    # b's unit row: a, c and d at 1/sqrt(3) each; popularity a 2, c 2, d 1, e 1; gold d (REC, FR).
    consortium = Consortium(("b",), "SC1", type_mix=("PRC", "REC"), countries=("VN",), member_types=("PRC",))
    ranks = _baseline_ranks(train, index, [consortium], np.array([index["d"]]))
    expected = {
        "popularity": 2.5,  # a, c ahead; tied with e
        "co_participation": 1.0,  # tied with a and c at one shared project
        "member_normalised": 2.0,  # tied with a and c, which are more popular
        "member_normalised_open_type": 0.0,  # d and e are the REC seat; d has worked with b
        "member_normalised_open_type_country": 1.0,  # e is from the planned country
    }
    assert set(ranks) == set(BASELINES)
    assert {name: float(ranks[name][0]) for name in BASELINES} == pytest.approx(expected)


def test_hidden_members_keep_their_consortiums_types_and_countries():
    rows = _projects(("a", "b", "c"), types={"a": "HES"}, countries={"b": "FR"})
    (consortium,), (hidden,) = hide_one_member(rows, np.random.default_rng(0))
    kept = {org: i for i, org in enumerate(consortium.members)}
    assert hidden not in kept and len(consortium.member_types) == 2
    for org, org_type, country in (("a", "HES", "VN"), ("b", "PRC", "FR"), ("c", "PRC", "VN")):
        if org in kept:
            assert consortium.member_types[kept[org]] == org_type
            assert consortium.member_countries[kept[org]] == country
