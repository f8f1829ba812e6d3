"""Two-sided matches reward fit both ways, and reasons name what this particular pair shares."""

import numpy as np
import scipy.sparse as sp

from matching.engine.funding import Award, FundingQuery, FundingRecommender, Program
from matching.engine.reasons import ReasonCode
from matching.engine.reciprocity import Profile, ProfileMatcher
from matching.engine.retrieval import top_k

STARTUP = Profile(needs="drone imaging for rice fields", offers="machine learning crop models")
BOTH_WAYS = Profile(needs="machine learning crop models", offers="drone imaging for rice fields")
ONE_WAY = Profile(needs="hotel booking marketing", offers="drone imaging for rice fields")


def test_a_pair_that_fits_both_ways_ranks_above_one_that_fits_one_way():
    matcher = ProfileMatcher().fit([STARTUP], [ONE_WAY, BOTH_WAYS])
    best, _ = matcher.top_k(2)
    assert best.indices[0, 0] == 1
    score_both, forward_both, backward_both = matcher.score(0, 1)
    score_one, forward_one, backward_one = matcher.score(0, 0)
    assert forward_one == forward_both and backward_one == 0 < backward_both
    assert score_one < score_both


def test_one_directional_matching_ignores_the_other_side():
    matcher = ProfileMatcher(reciprocal=False).fit([STARTUP], [ONE_WAY, BOTH_WAYS])
    assert matcher.score(0, 0)[0] == matcher.score(0, 1)[0]


def test_reasons_are_specific_to_the_pair():
    left = [
        Profile(needs="cold chain logistics for seafood", sectors=frozenset({"agri"}), location="binh-duong"),
        Profile(needs="solar inverter testing", sectors=frozenset({"energy"}), location="hcm"),
    ]
    right = [
        Profile(offers="seafood cold chain logistics research", sectors=frozenset({"agri"}), location="binh-duong"),
        Profile(offers="solar inverter testing laboratory", sectors=frozenset({"energy"}), location="hanoi"),
    ]
    matcher = ProfileMatcher().fit(left, right)
    first = {r.code: r.params for r in matcher.explain(0, 0, left[0], right[0])}
    second = {r.code: r.params for r in matcher.explain(1, 1, left[1], right[1])}
    assert "cold chain" in first[ReasonCode.SHARED_TERMS]["needs_met"]
    assert "inverter" in second[ReasonCode.SHARED_TERMS]["needs_met"]
    assert not {"cold", "chain", "logistics"} & set(second[ReasonCode.SHARED_TERMS]["needs_met"])
    assert first[ReasonCode.SECTOR_MATCH] == {"sectors": ["agri"]}
    assert first[ReasonCode.LOCATION_MATCH] == {"location": "binh-duong"}
    assert ReasonCode.LOCATION_MATCH not in second


def test_funding_reasons_name_the_record_and_the_terms():
    programs = [Program("energy", "clean energy fund"), Program("health", "health innovation fund")]
    awards = [
        Award(f"firm{i}", ["energy", "health"][i % 2], ["solar cells", "vaccine trials"][i % 2]) for i in range(20)
    ]
    awards.append(Award("acme", "energy", "perovskite solar cells"))
    model = FundingRecommender(rerank=False, n_jobs=1, min_class_awards=3).fit(programs, awards)
    reasons = {r.code: r.params for r in model.explain(FundingQuery("solar cells on roofs", "acme"), 0)}
    assert reasons[ReasonCode.FUNDED_BEFORE]["count"] == 1
    assert "solar" in reasons[ReasonCode.DISTINCTIVE_TERMS]["terms"]
    other = {r.code for r in model.explain(FundingQuery("solar cells on roofs", "acme"), 1)}
    assert ReasonCode.FUNDED_BEFORE not in other


def test_chunked_top_k_is_exact():
    rng = np.random.default_rng(0)
    sources = sp.random(300, 80, density=0.1, format="csr", random_state=1, dtype=np.float32)
    candidates = sp.random(250, 80, density=0.1, format="csr", random_state=2, dtype=np.float32)
    best, by_candidate = top_k(sources, candidates, 5, chunk_size=37, k_per_candidate=4)
    dense = (sources @ candidates.T).toarray()
    for row in rng.choice(300, 40, replace=False):
        positive = np.flatnonzero(dense[row] > 0)
        expected = positive[np.lexsort((positive, -dense[row, positive]))][:5]
        assert best.indices[row, : expected.size].tolist() == expected.tolist()
    for column in rng.choice(250, 40, replace=False):
        positive = np.flatnonzero(dense[:, column] > 0)
        expected = positive[np.lexsort((positive, -dense[positive, column]))][:4]
        assert by_candidate.indices[column, : expected.size].tolist() == expected.tolist()
