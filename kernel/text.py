"""Folding: the case- and diacritic-insensitive form under which Vietnamese text is searched and matched.

One definition for slugs, taxonomies, imports, search and the matching engine, so that "Đại học"
and "dai hoc" meet everywhere.
"""

from __future__ import annotations

import unicodedata

# "đ" is a letter of its own, not "d" plus a mark, so decomposition leaves it alone.
_LETTERS = str.maketrans({"đ": "d", "Đ": "D"})
# Combining marks removed by one C-level translate() instead of a per-character Python loop:
# folding is on the hot path of every full recompute (hundreds of thousands of profiles).
_MARK_BLOCKS = ((0x300, 0x370), (0x1AB0, 0x1B00), (0x1DC0, 0x1E00), (0x20D0, 0x2100), (0xFE20, 0xFE30))
# Only what `unicodedata.combining` calls a mark: the blocks also hold marks of class 0 (U+034F, U+1ABE).
_MARKS = dict.fromkeys(cp for low, high in _MARK_BLOCKS for cp in range(low, high) if unicodedata.combining(chr(cp)))


def fold(text: str) -> str:
    """Return the case- and diacritic-insensitive form of `text` ("Thủ Dầu Một" → "thu dau mot")."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKC", text).translate(_LETTERS)
    text = unicodedata.normalize("NFD", text).translate(_MARKS)
    if text.isascii():  # Vietnamese without its marks: no other mark can be left, nothing to recompose
        return text.lower()
    if not all(not unicodedata.combining(ch) for ch in text):  # marks outside the usual blocks
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", text).casefold()


def strip_diacritics(text: str) -> str:
    """Return `text` without accents or tone marks, keeping case ("Đà Nẵng" → "Da Nang")."""
    decomposed = unicodedata.normalize("NFD", text.translate(_LETTERS))
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))
