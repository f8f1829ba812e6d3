"""Eligibility first: a program an applicant fails is never recommended; unknowns lower the score."""

from datetime import date

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from kernel.eligibility import Applicant, Criteria, evaluate
from matching.engine import eligibility
from matching.engine.funding import Award, FundingQuery, FundingRecommender, Program

KINDS, STAGES, SECTORS, LOCATIONS = (
    ["startup", "sme", "university"],
    ["idea", "seed", "growth"],
    list("abcd"),
    list("xyz"),
)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 1, 1))

criteria_strategy = st.builds(
    Criteria,
    organisation_kinds=st.frozensets(st.sampled_from(KINDS)),
    stages=st.frozensets(st.sampled_from(STAGES)),
    sectors=st.frozensets(st.sampled_from(SECTORS)),
    locations=st.frozensets(st.sampled_from(LOCATIONS)),
    founded_after=st.none() | days,
    founded_before=st.none() | days,
    max_team_size=st.none() | st.integers(0, 50),
    trl_min=st.none() | st.integers(0, 9),
    trl_max=st.none() | st.integers(0, 9),
    conditions=st.sampled_from(["", "  ", "Must co-fund 30%"]),
)
applicant_strategy = st.builds(
    Applicant,
    organisation_kind=st.none() | st.sampled_from(KINDS),
    stage=st.none() | st.sampled_from(STAGES),
    sectors=st.frozensets(st.sampled_from(SECTORS)),
    location=st.none() | st.sampled_from(LOCATIONS),
    founded_on=st.none() | days,
    team_size=st.none() | st.integers(0, 60),
    trl=st.none() | st.integers(1, 9),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(applicant_strategy, min_size=1, max_size=6), st.lists(criteria_strategy, min_size=1, max_size=6))
def test_vectorised_check_agrees_with_the_pure_check(applicants, criteria):
    arrays, people = eligibility.encode(applicants, criteria)
    eligible, unknown = arrays.check(**people)
    rows, programs = np.indices(eligible.shape).reshape(2, -1)
    pair_eligible, pair_unknown = eligibility.check_pairs(arrays, people, rows, programs)
    assert (pair_eligible == eligible.ravel()).all() and (pair_unknown == unknown.ravel()).all()
    for i, applicant in enumerate(applicants):
        for j, program in enumerate(criteria):
            verdict = evaluate(program, applicant)
            assert eligible[i, j] == verdict.eligible
            assert unknown[i, j] == len(verdict.unknown)


_PROGRAMS = [
    Program(f"p{i}", f"program {i} {topic}") for i, topic in enumerate(["solar", "rice", "software", "health"])
]
_AWARDS = [
    Award(f"a{i}", f"p{i % 4}", f"{['solar energy', 'rice farming', 'cloud software', 'hospital care'][i % 4]} {i}")
    for i in range(40)
]
_MODEL = FundingRecommender(rerank=False, n_jobs=1, min_class_awards=3).fit(_PROGRAMS, _AWARDS)


@settings(max_examples=60, deadline=None)
@given(st.lists(applicant_strategy, min_size=1, max_size=5), st.lists(criteria_strategy, min_size=4, max_size=4))
def test_recommendations_never_include_a_failed_program(applicants, criteria):
    queries = [FundingQuery("solar energy software for hospitals", f"a{i}") for i in range(len(applicants))]
    eligible, unknown = eligibility.verdict_arrays(applicants, criteria)
    for i, matches in enumerate(_MODEL.recommend(queries, k=4, eligible=eligible, unknown=unknown)):
        assert all(eligible[i, match.index] for match in matches)
        assert len(matches) == eligible[i].sum()


def test_each_unknown_criterion_lowers_the_score_and_is_named():
    scores = eligibility.apply(np.array([[0.8, 0.8, 0.8]]), np.array([[True, True, False]]), np.array([[0, 2, 0]]))
    assert scores[0, 0] > scores[0, 1] > 0 and scores[0, 2] == -np.inf
    verdict = evaluate(Criteria(stages=frozenset({"seed"}), sectors=frozenset({"a"})), Applicant(stage="seed"))
    codes = {reason.code: reason.params for reason in eligibility.reasons_for(verdict)}
    assert codes["criteria_met"] == {"criteria": ["stage"]}
    assert codes["criteria_unknown"] == {"criteria": ["sector"]}
