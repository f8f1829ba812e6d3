"""Vietnamese words, not syllables, in the features and in the reasons people read."""

from collections import ChainMap

import numpy as np
import pytest

from matching.engine.explain import as_written, profile_pair_reasons
from matching.engine.reciprocity import Profile, ProfileMatcher
from matching.engine.text import TextVectorizer
from matching.engine.words import Words

STARTUP = Profile(
    needs="Cần đối tác nghiên cứu cảm biến IoT đo độ ẩm đất và trí tuệ nhân tạo cho nông nghiệp công nghệ cao.",
    offers="Nền tảng nông nghiệp thông minh cho hợp tác xã trồng lúa ở Cần Thơ.",
)
LAB = Profile(
    needs="Tìm doanh nghiệp thử nghiệm giống cây trồng mới trên đồng ruộng.",
    offers=(
        "Phòng thí nghiệm cảm biến IoT và trí tuệ nhân tạo, chuyên về nông nghiệp công nghệ cao và giống cây trồng."
    ),
)
OTHER = Profile(needs="Phần mềm kế toán cho doanh nghiệp", offers="Dịch vụ du lịch sinh thái")


def _shown_terms(reasons) -> list[str]:
    terms = []
    for reason in reasons:
        for key in ("terms", "needs_met", "offers_used"):
            terms.extend(reason.params.get(key, []))
    return terms


def test_a_vietnamese_text_is_split_into_words_of_several_syllables():
    words = [pair[1] for pair in Words().pairs(STARTUP.needs) if pair]
    assert "cảm biến" in words
    assert "nông nghiệp" in words
    assert "nông" not in words and "nghiệp" not in words
    # Function words carry no topic.
    assert "và" not in words and "cho" not in words


def test_text_without_diacritics_meets_the_same_words():
    vectorizer = TextVectorizer(min_df=1)
    rows = vectorizer.fit_transform(
        ["Trí tuệ nhân tạo cho nông nghiệp thông minh", "tri tue nhan tao cho nong nghiep thong minh", "du lịch"]
    )
    assert "nong nghiep" in vectorizer.get_feature_names_out()
    assert (rows[0] @ rows[1].T).toarray()[0, 0] > 0.99


def test_a_word_pair_is_never_made_across_punctuation():
    grams = Words().folded("nuôi tôm, thủy sản")
    assert None in grams
    vectorizer = TextVectorizer(min_df=1).fit(["nuôi tôm, thủy sản", "thủy sản"])
    assert "tom thuy san" not in vectorizer.get_feature_names_out()


def test_reasons_show_whole_words_as_written_strongest_first():
    matcher = ProfileMatcher().fit([STARTUP], [LAB, OTHER])
    reasons = profile_pair_reasons(matcher, np.array([0]), np.array([0]), np.array([0.5]), [STARTUP], [LAB, OTHER])[0]
    shown = _shown_terms(reasons)
    assert shown, "a match whose texts share words says which"
    assert len(shown) <= 8  # at most four per direction
    written = STARTUP.needs + STARTUP.offers + LAB.needs + LAB.offers
    for term in shown:
        assert term in written, f"{term!r} is not what either side wrote"
    assert any(term.startswith("cảm biến") for term in shown)
    assert any("nông nghiệp" in term for term in shown)
    assert not {"nông", "nghiệp", "cảm", "biến", "trí", "tuệ", "và", "cho"} & set(shown)


def test_a_folded_or_cut_term_is_never_shown():
    texts = ("Giống cây trồng chịu mặn cho đồng bằng",)
    # "giong cay" cuts "cây trồng" in two; "xyz" is written nowhere: neither may be shown.
    assert as_written(["giong cay", "xyz", "cay trong", "giong"], *texts) == ["cây trồng", "Giống"]


def test_a_longer_phrase_replaces_the_words_inside_it():
    texts = ("Nông nghiệp công nghệ cao ở Đồng Tháp",)
    assert as_written(["nong nghiep", "nong nghiep cong nghe cao", "dong thap"], *texts) == [
        "nông nghiệp công nghệ cao",
        "Đồng Tháp",
    ]


def test_the_spelling_with_diacritics_is_preferred():
    assert as_written(["nong nghiep"], "nong nghiep sach", "Nông nghiệp sạch") == ["nông nghiệp"]


def test_english_reasons_are_words_too():
    vectorizer = TextVectorizer(min_df=1)
    rows = vectorizer.fit_transform(["Solar panels, and smart grids", "smart grids for solar farms"])
    assert "and" not in vectorizer.get_feature_names_out()
    assert "panels smart" not in vectorizer.get_feature_names_out()
    assert (rows[0] @ rows[1].T).toarray()[0, 0] > 0


def test_a_fitted_vectorizer_carries_its_segmented_texts(monkeypatch):
    from matching.engine import words

    texts = ["Hệ thống tưới tiêu thông minh cho vườn sầu riêng", "Cảm biến độ ẩm đất"]
    vectorizer = TextVectorizer(min_df=1)
    fitted = vectorizer.fit_transform(texts)
    assert " ".join(vectorizer.segments_[texts[1]]) == texts[1]
    # A later transform (a profile's update, a shard's reasons) reads the remembered words.
    words._segmented.cache_clear()
    monkeypatch.setattr(words, "_known", ChainMap())
    words.remember(vectorizer.segments_)
    monkeypatch.setattr(words, "_segmented", lambda text: pytest.fail(f"segmented again: {text}"))
    assert (vectorizer.transform(texts) != fitted).nnz == 0


def test_a_dropped_one_letter_word_ends_a_phrase():
    forms = Words().forms("Hợp tác xã trồng lúa ở đồng bằng sông Cửu Long")
    assert "lua dong bang" not in forms
    assert forms["dong bang"] == "đồng bằng"


def test_a_pair_running_into_a_stronger_term_is_left_out():
    texts = ("Hợp tác xã trồng lúa ở Cần Thơ",)
    assert as_written(["trong lua", "hop tac xa trong", "can tho"], *texts) == ["trồng lúa", "Cần Thơ"]


@pytest.mark.parametrize("lexicon", [frozenset(), frozenset({"nong nghiep", "thu dau mot", "cam bien"})])
def test_the_fast_path_of_the_features_reads_the_same_words_as_the_reasons(lexicon):
    texts = [
        "Solar inverters, and smart grids for the Mekong delta; solar-panel farms (2026).",
        "nong nghiep thong minh o Thu Dau Mot: cam bien do am dat",
        "Café crème, naïve résumé — a Ünïcode text that is not Vietnamese",
        "x y z, the and of",
        "",
    ]
    words = Words(lexicon=lexicon)
    for text in texts:
        assert words.folded(text) == [pair[0] if pair else None for pair in words.pairs(text)], text
