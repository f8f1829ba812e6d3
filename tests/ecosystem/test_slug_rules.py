"""The slug rules: every Vietnamese letter has its ASCII letter, and what counts as a spoilt slug."""

import pytest

from ecosystem.slugs import VIETNAMESE_LETTERS, as_slug, is_mangled_slug, slug_from

TITLE = "Tài trợ thử nghiệm nông nghiệp thông minh ĐBSCL 2027"
RIGHT = "tai-tro-thu-nghiem-nong-nghiep-thong-minh-dbscl-2027"
MANGLED = "tai-tr-th-nghim-nong-nghip-thong-minh-djbscl-2027"


def test_every_vietnamese_letter_has_its_ascii_letter():
    assert slug_from("ĂÂĐÊÔƠƯ ăâđêôơư") == "aadeoou-aadeoou"
    assert slug_from("Ắ Ằ Ẳ Ẵ Ặ ế ề ể ễ ệ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ứ ừ ử ữ ự ý ỳ ỷ ỹ ỵ") == (
        "a-a-a-a-a-e-e-e-e-e-o-o-o-o-o-o-o-o-o-o-u-u-u-u-u-y-y-y-y-y"
    )
    for letter, ascii_letter in VIETNAMESE_LETTERS.items():
        assert slug_from(letter) == ascii_letter.lower(), letter
    assert slug_from(TITLE) == RIGHT


@pytest.mark.parametrize(
    ("slug", "mangled"),
    [
        (MANGLED, True),
        ("tai-tr-th-nghim-nong-nghip-thong-minh-bscl-2027", True),  # "Đ" dropped rather than spelt "dj"
        (RIGHT, False),
        ("dbscl-2027", False),  # chosen: fewer words
        ("tai-tro-nong-nghiep-dbscl", False),  # chosen: words left out
        (MANGLED + "-pilot", False),  # something added
        ("thu-nghiem-tai-tro-nong-nghiep-thong-minh-dbscl-2027", False),  # another order
    ],
)
def test_only_a_slug_spoilt_by_dropped_or_misspelt_letters_counts_as_mangled(slug, mangled):
    assert is_mangled_slug(slug, TITLE) is mangled


def test_a_word_of_dropped_letters_vanishes_with_its_hyphen():
    assert is_mangled_slug("h-tr-doanh-nghip-binh-dng", "Hỗ trợ doanh nghiệp ở Bình Dương")


def test_a_slug_given_as_one_is_kept_and_anything_else_is_transliterated():
    assert as_slug("DBSCL_2027-pilot") == "DBSCL_2027-pilot"
    assert as_slug("Tài trợ ĐBSCL 2027!") == "tai-tro-dbscl-2027"
    assert as_slug("") == ""


def test_a_long_slug_is_cut_without_a_trailing_hyphen():
    assert slug_from(TITLE, max_length=8) == "tai-tro"
