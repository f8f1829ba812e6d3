"""Pooled retrieval scores exactly the pairs whose texts meet; small corpora are always scored exactly."""

import numpy as np
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from matching.engine.reciprocity import Profile, ProfileMatcher
from matching.engine.retrieval import top_k

WORDS = ["solar", "drone", "rice", "seafood", "vaccine", "battery", "sensor", "robot", "water", "soil", "textile"]


def _rows(rng, n, wide, narrow, density):
    """Feature rows [wide | narrow]: sparse text-like columns, then a few taxonomy-like ones per row."""
    text = sp.random(n, wide, density=density, format="csr", random_state=rng, dtype=np.float32)
    facts = sp.random(n, narrow, density=0.3, format="csr", random_state=rng, dtype=np.float32)
    return sp.hstack([text, 0.3 * facts], format="csr")


def _expected(dense, allowed, row, k):
    candidates = np.flatnonzero((dense[row] > 0) & allowed[row])
    return candidates[np.lexsort((candidates, -dense[row, candidates]))][:k].tolist()


def _same_top_k(pooled, exact, dense, rows):
    """Same candidates and scores per row; float sums in another order may swap exact ties only."""
    for row in rows:
        found = exact.indices[row] >= 0
        assert ((pooled.indices[row] >= 0) == found).all()
        np.testing.assert_allclose(pooled.scores[row, found], exact.scores[row, found], rtol=1e-5, atol=1e-7)
        np.testing.assert_allclose(dense[row, pooled.indices[row, found]], pooled.scores[row, found], rtol=1e-5)


def test_pooled_top_k_equals_the_exact_top_k():
    rng = np.random.default_rng(3)
    sources, candidates = _rows(rng, 400, 60, 8, 0.05), _rows(rng, 300, 60, 8, 0.05)
    pooled, by_candidate = top_k(sources, candidates, 6, narrow=8, exact=False, chunk_size=57, k_per_candidate=5)
    exact, exact_by_candidate = top_k(sources, candidates, 6, narrow=8, exact=True, k_per_candidate=5)
    dense = (sources @ candidates.T).toarray()
    meet = (sources[:, :60] @ candidates[:, :60].T).toarray() > 0
    assert not meet.all()  # some pairs meet on the narrow block only: outside the first pool
    _same_top_k(pooled, exact, dense, range(400))
    # Outreach lists are exact among the pairs scored: true scores, best first, nearly all the exact ones.
    listed = by_candidate.indices >= 0
    columns = np.nonzero(listed)[0]
    np.testing.assert_allclose(by_candidate.scores[listed], dense.T[columns, by_candidate.indices[listed]], rtol=1e-5)
    overlap = [
        len(set(by_candidate.indices[j]) & set(exact_by_candidate.indices[j])) / 5
        for j in range(300)
        if (exact_by_candidate.indices[j] >= 0).all()
    ]
    assert np.mean(overlap) > 0.9


def test_small_corpora_are_scored_exactly_by_default():
    rng = np.random.default_rng(4)
    sources, candidates = _rows(rng, 200, 40, 6, 0.05), _rows(rng, 150, 40, 6, 0.05)
    default, _ = top_k(sources, candidates, 5, narrow=6)
    exact, _ = top_k(sources, candidates, 5, narrow=6, exact=True)
    assert (default.indices == exact.indices).all()


def _profiles(rng, n, silent=0.0):
    def text():
        return " ".join(rng.choice(WORDS, size=int(rng.integers(1, 4)), replace=False))

    return [
        Profile(
            needs="" if rng.random() < silent else text(),
            offers=text(),
            sectors=frozenset(rng.choice(["agri", "energy", "health", "ict"], size=1)),
            technologies=frozenset(rng.choice(["ai", "iot", "bio"], size=int(rng.integers(0, 3)), replace=False)),
            location=str(rng.choice(["hcm", "binh-duong", "hanoi"])),
        )
        for _ in range(n)
    ]


def test_pooled_reciprocal_matches_equal_the_exact_ones():
    rng = np.random.default_rng(5)
    left, right = _profiles(rng, 90, silent=0.2), _profiles(rng, 70, silent=0.3)
    matcher = ProfileMatcher(chunk_size=16).fit(left, right)
    pooled, _ = matcher.top_k(5, k_per_right=4, exact=False)
    exact, _ = matcher.top_k(5, k_per_right=4, exact=True)
    dense = np.array([[matcher.score(i, j)[0] for j in range(70)] for i in range(90)])
    texts_meet = (matcher.left_needs_text_ @ matcher.right_offers_text_.T).toarray() > 0
    texts_meet |= (matcher.left_offers_text_ @ matcher.right_needs_text_.T).toarray() > 0
    assert ((dense > 0) & ~texts_meet).any()  # facts alone make some matches
    _same_top_k(pooled, exact, dense, range(90))


def test_a_block_of_rows_gives_the_same_matches_as_the_full_run():
    rng = np.random.default_rng(6)
    left, right = _profiles(rng, 60), _profiles(rng, 40)
    matcher = ProfileMatcher(chunk_size=7).fit(left, right)
    for exact in (True, False):
        full, _ = matcher.top_k(4, exact=exact)
        block, _ = matcher.top_k(4, exact=exact, rows=slice(20, 45))
        assert (block.indices == full.indices[20:45]).all()


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), k=st.integers(1, 8), density=st.sampled_from([0.01, 0.03, 0.1]))
def test_pooled_top_k_is_exact_whatever_the_text_density(seed, k, density):
    """Sparse texts leave many sources with few pooled pairs: their bound sends them to full scoring."""
    rng = np.random.default_rng(seed)
    sources, candidates = _rows(rng, 120, 300, 10, density), _rows(rng, 100, 300, 10, density)
    pooled, _ = top_k(sources, candidates, k, narrow=10, exact=False, chunk_size=50)
    exact, _ = top_k(sources, candidates, k, narrow=10, exact=True)
    _same_top_k(pooled, exact, (sources @ candidates.T).toarray(), range(120))


def test_chunks_scored_in_threads_give_the_same_matches():
    rng = np.random.default_rng(7)
    left, right = _profiles(rng, 80, silent=0.2), _profiles(rng, 50, silent=0.3)
    one = ProfileMatcher(chunk_size=9).fit(left, right)
    two = ProfileMatcher(chunk_size=9, n_jobs=2).fit(left, right)
    for exact in (True, False):
        (best_one, by_one), (best_two, by_two) = (m.top_k(4, k_per_right=3, exact=exact) for m in (one, two))
        assert (best_one.indices == best_two.indices).all() and (by_one.indices == by_two.indices).all()


def test_pooled_partners_without_themselves_equal_the_exact_ones():
    rng = np.random.default_rng(8)
    organisations = _rows(rng, 150, 80, 8, 0.03)
    pooled, _ = top_k(organisations, organisations, 5, exclude_self=True, narrow=8, exact=False, chunk_size=40)
    exact, _ = top_k(organisations, organisations, 5, exclude_self=True, narrow=8, exact=True)
    dense = (organisations @ organisations.T).toarray()
    _same_top_k(pooled, exact, dense, range(150))
    assert not (pooled.indices == np.arange(150)[:, None]).any()
