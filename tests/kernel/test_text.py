"""Folding: the same Vietnamese words meet with or without diacritics, in any case, in any Unicode form."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kernel.text import fold, strip_diacritics


def folded_by_definition(text: str) -> str:
    """The definition `fold` must meet, written the slow and obvious way: compatibility forms
    unified, "đ" read as "d", every combining mark of Unicode dropped, case folded."""
    text = unicodedata.normalize("NFKC", text).replace("đ", "d").replace("Đ", "D")
    marks_dropped = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", marks_dropped).casefold()


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đại học Thủ Dầu Một", "dai hoc thu dau mot"),
        ("dai hoc thu dau mot", "dai hoc thu dau mot"),
        ("TP. HỒ CHÍ MINH", "tp. ho chi minh"),
        ("Bình Dương", "binh duong"),
        # The same word typed with combining marks (NFD) folds like the precomposed one.
        ("Nghe\u0302\u0323 An", "nghe an"),
        ("Nguyễn Ø Æsir ﬁne ẞ", "nguyen ø æsir fine ss"),
    ],
)
def test_fold_meets_with_or_without_diacritics(text, folded):
    assert fold(text) == folded


@given(st.text())
def test_fold_meets_its_definition_on_any_text(text):
    assert fold(text) == folded_by_definition(text)


@given(st.text())
def test_folding_twice_changes_nothing(text):
    assert fold(fold(text)) == fold(text)


def test_strip_diacritics_keeps_case():
    assert strip_diacritics("Đà Nẵng") == "Da Nang"
