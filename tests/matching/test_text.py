"""Vietnamese text meets with or without diacritics; English and Vietnamese share one vectorizer."""

from matching.engine.reciprocity import Profile, ProfileMatcher
from matching.engine.text import TextVectorizer


def test_diacritics_and_case_do_not_matter():
    vectorizer = TextVectorizer(min_df=1)
    rows = vectorizer.fit_transform(
        ["Đại học Thủ Dầu Một: năng lượng mặt trời", "DAI HOC THU DAU MOT: nang luong mat troi"]
    )
    assert (rows[0] @ rows[1].T).toarray()[0, 0] > 0.99


def test_a_need_without_diacritics_finds_the_capability_written_with_them():
    startups = [Profile(needs="can phong thi nghiem nang luong mat troi"), Profile(needs="phan mem ke toan")]
    labs = [
        Profile(offers="Phòng thí nghiệm năng lượng mặt trời, Đại học Bình Dương"),
        Profile(offers="Dịch vụ kế toán"),
    ]
    matcher = ProfileMatcher(reciprocal=False).fit(startups, labs)
    best, _ = matcher.top_k(1)
    assert best.indices[:, 0].tolist() == [0, 1]


def test_character_ngrams_and_pruning_keep_rows_normalised():
    vectorizer = TextVectorizer(min_df=1, char_ngram_range=(3, 4), max_terms=8)
    rows = vectorizer.fit_transform(["cảm biến IoT cho nông nghiệp", "IoT sensors for agriculture"])
    assert all(rows[i].nnz <= 8 for i in range(2))
    assert abs((rows[0] @ rows[0].T).toarray()[0, 0] - 1) < 1e-5


def test_a_corpus_too_small_for_min_df_still_gives_terms_to_match_on():
    """A new portal's first program: one text, no word written twice."""
    vectorizer = TextVectorizer(min_df=2)
    matrix = vectorizer.fit_transform(["Tài trợ nông nghiệp thông minh"])

    assert vectorizer.n_features_ > 0
    assert matrix.nnz > 0
    assert vectorizer.transform(["nong nghiep"]).nnz > 0
