"""The fast word counting gives the same features as scikit-learn counting with our word analyzer (what a
single profile's update uses); the per-document cap keeps the strongest terms."""

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import CountVectorizer

from matching.engine.text import TextVectorizer, keep_strongest
from matching.engine.words import WordNgrams

TEXTS = [
    "Đại học Thủ Dầu Một: năng lượng mặt trời và lưới điện thông minh",
    "DAI HOC THU DAU MOT nang luong mat troi",
    "Solar inverters and smart grids for the Mekong delta; solar solar panels",
    "",
    "the and of",
    "x y z",
    "IoT sensors for agriculture, cảm biến IoT cho nông nghiệp",
    "machine learning crop models machine learning",
]


@pytest.mark.parametrize(
    ("ngram_range", "stop_words", "phrases"),
    [((1, 2), True, True), ((1, 2), None, True), ((1, 1), True, True), ((2, 2), None, True), ((1, 2), None, False)],
)
def test_word_counts_equal_scikit_learns(ngram_range, stop_words, phrases):
    ours = TextVectorizer(
        ngram_range=ngram_range, stop_words=stop_words, phrases=phrases, min_df=1, sublinear_tf=False
    )
    rows = ours.fit_transform(TEXTS)
    reference = CountVectorizer(
        analyzer=WordNgrams(ngram_range, stop_words=bool(stop_words), lexicon=ours.lexicon_, phrases=phrases),
    )
    counts = reference.fit_transform(TEXTS).astype(np.float32)
    assert set(ours.get_feature_names_out()) == set(reference.get_feature_names_out())
    columns = [reference.vocabulary_[term] for term in ours.get_feature_names_out()]
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = np.log((1 + len(TEXTS)) / (1 + df)) + 1
    expected = counts.multiply(idf[None, :]).tocsr()
    norms = np.sqrt(np.asarray(expected.multiply(expected).sum(axis=1))).ravel()
    expected = sp.diags(1 / np.where(norms > 0, norms, 1)) @ expected
    np.testing.assert_allclose(rows.toarray(), expected.toarray()[:, columns], rtol=1e-5, atol=1e-6)


def test_parallel_counting_gives_the_same_rows():
    texts = TEXTS * 40
    alone = TextVectorizer(min_df=2).fit(texts)
    together = TextVectorizer(min_df=2, n_jobs=2, chunk_size=50).fit(texts)
    assert list(alone.get_feature_names_out()) == list(together.get_feature_names_out())
    assert (alone.transform(texts) != together.transform(texts)).nnz == 0


def _reference_cap(matrix, max_terms):
    """Sort every row: the largest entries first, ties by column position."""
    out = matrix.tolil(copy=True)
    for row in range(matrix.shape[0]):
        values, columns = matrix[row].data, matrix[row].indices
        order = np.lexsort((columns, -values))
        for position in order[max_terms:]:
            out[row, columns[position]] = 0
    out = out.tocsr()
    out.eliminate_zeros()
    return out


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), max_terms=st.integers(1, 12), levels=st.integers(1, 5))
def test_the_cap_keeps_the_strongest_terms_and_breaks_ties_by_column(seed, max_terms, levels):
    rng = np.random.default_rng(seed)
    matrix = sp.random(30, 25, density=rng.uniform(0.05, 0.9), format="csr", random_state=rng, dtype=np.float32)
    matrix.data = np.ceil(matrix.data * levels).astype(np.float32)  # few distinct values: many ties
    matrix.sort_indices()
    capped = keep_strongest(matrix, max_terms, block_rows=7)
    assert (capped != _reference_cap(matrix, max_terms)).nnz == 0
