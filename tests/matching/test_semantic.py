"""Closeness in meaning (engine/semantic.py): profiles about the same thing meet without sharing a word."""

import random

import numpy as np
import pytest

from matching.engine.reciprocity import Profile, ProfileMatcher
from matching.engine.semantic import MIN_TEXTS, SemanticSpace

AQUACULTURE = [
    "nuôi tôm",
    "thủy sản",
    "ao nuôi",
    "nước lợ",
    "con giống",
    "thức ăn thủy sản",
    "dịch bệnh trên tôm",
    "cá tra",
    "vùng nuôi",
    "xuất khẩu thủy sản",
]
SOFTWARE = [
    "phần mềm",
    "ứng dụng di động",
    "điện toán đám mây",
    "cơ sở dữ liệu",
    "lập trình",
    "bảo mật thông tin",
    "giao diện người dùng",
    "máy chủ",
    "trí tuệ nhân tạo",
    "chuyển đổi số",
]


def _corpus(seed: int = 0, per_theme: int = 40) -> list[str]:
    """Texts that each draw a few phrases from one theme: the themes' words co-occur within a theme only."""
    rng = random.Random(seed)
    return [", ".join(rng.sample(theme, 4)) for theme in (AQUACULTURE, SOFTWARE) for _ in range(per_theme)]


def test_profiles_about_the_same_thing_meet_without_a_shared_word():
    corpus = _corpus()
    # The seeker and the right capability share no word (not even a syllable); the other
    # capability is about software.
    seeker = Profile(needs="nuôi tôm nước lợ, con giống", offers="nuôi tôm nước lợ, con giống")
    right = Profile(needs="cá tra, xuất khẩu thủy sản", offers="cá tra, xuất khẩu thủy sản")
    wrong = Profile(needs="phần mềm, máy chủ", offers="phần mềm, máy chủ")
    others = [Profile(needs=text, offers=text) for text in corpus]
    words_alone = ProfileMatcher().fit([seeker], [right, wrong, *others])
    assert words_alone.score(0, 0)[0] == 0.0 and words_alone.score(0, 1)[0] == 0.0

    with_meaning = ProfileMatcher(semantic=SemanticSpace()).fit([seeker], [right, wrong, *others])
    assert with_meaning.score(0, 0)[0] > 0.0 and with_meaning.score(0, 1)[0] == 0.0
    # Its whole list is about aquaculture: the right capability and the theme's 40 texts come before software.
    best, _ = with_meaning.top_k(41)
    assert set(best.indices[0]) == {0, *range(2, 42)}


def test_meaning_ignores_diacritics_and_case():
    space = SemanticSpace()
    space.fit(_corpus())
    written, plain = space.transform(["Nuôi tôm nước lợ, thức ăn thủy sản", "nuoi tom nuoc lo, thuc an thuy san"])
    assert float(written @ plain) == pytest.approx(1.0, abs=1e-5)


def test_an_empty_text_is_nowhere():
    space = SemanticSpace().fit(_corpus())
    empty, text = space.transform(["", "phần mềm"])
    assert not empty.any() and np.linalg.norm(text) == pytest.approx(1.0, abs=1e-5)


def test_a_new_portal_ranks_by_words_until_it_has_enough_texts():
    few = _corpus(per_theme=(MIN_TEXTS // 2) - 1)
    space = SemanticSpace()
    assert space.fit_transform(few).shape == (len(few), 0) and not space.fitted_
    profiles = [Profile(needs=text, offers=text) for text in few]
    plain = ProfileMatcher().fit(profiles[:3], profiles)
    with_space = ProfileMatcher(semantic=SemanticSpace()).fit(profiles[:3], profiles)
    assert with_space.meaning_ is None
    np.testing.assert_array_equal(plain.top_k(5)[0].indices, with_space.top_k(5)[0].indices)


def test_a_pooled_top_k_refuses_meaning_rather_than_ranking_without_it():
    profiles = [Profile(needs=text, offers=text) for text in _corpus()]
    matcher = ProfileMatcher(semantic=SemanticSpace()).fit(profiles[:5], profiles)
    with pytest.raises(ValueError, match="every pair"):
        matcher.top_k(3, exact=False)
    assert matcher.top_k(3, exact=True)[0].indices.shape == (5, 3)


def test_texts_that_share_no_term_leave_the_space_empty_instead_of_failing_the_refit():
    codes = [f"mã{n}x" for n in range(2 * MIN_TEXTS)]  # no term in two texts: nothing to place them by
    space = SemanticSpace()
    assert space.fit_transform(codes).shape == (len(codes), 0) and not space.fitted_
    profiles = [Profile(needs=code, offers=code) for code in codes]
    matcher = ProfileMatcher(semantic=SemanticSpace()).fit(profiles[:2], profiles)
    assert matcher.meaning_ is None


def test_rounding_noise_in_meaning_is_no_match():
    # Float32 products of unrelated dense rows land a few 1e-8 off zero, by CPU: that is not closeness.
    seeker = Profile(needs="nuôi tôm", offers="nuôi tôm")
    unrelated = Profile(needs="phần mềm", offers="phần mềm")
    related = Profile(needs="cá tra", offers="cá tra")
    left = np.array([[1.0, 0.0]], dtype=np.float32)
    right = np.array([[4e-8, 1.0], [0.6, 0.8]], dtype=np.float32)
    matcher = ProfileMatcher(semantic=SemanticSpace()).fit(
        [seeker], [unrelated, related], meaning_rows=(left, left, right, right)
    )
    assert matcher.score(0, 0)[0] == 0.0
    assert matcher.score(0, 1)[0] > 0.0
    assert matcher.components(np.array([0, 0]), np.array([0, 1]))[:, 1].tolist() == [0.0, pytest.approx(0.6)]
