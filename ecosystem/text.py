"""Text folding for Vietnamese: the same words with or without diacritics meet.

Pure Python, shared by slugs, search and matching so that "Đại học" and "dai hoc" fold alike.
"""

import unicodedata

# "đ" is a letter of its own, not "d" plus a mark, so Unicode decomposition leaves it alone.
_LETTERS_WITHOUT_DECOMPOSITION = str.maketrans({"đ": "d", "Đ": "D"})


def strip_diacritics(text: str) -> str:
    """Return `text` without accents or tone marks, keeping case ("Đà Nẵng" → "Da Nang")."""
    decomposed = unicodedata.normalize("NFD", text.translate(_LETTERS_WITHOUT_DECOMPOSITION))
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def fold(text: str) -> str:
    """Return the case- and diacritic-insensitive form of `text` ("Thủ Dầu Một" → "thu dau mot")."""
    return strip_diacritics(unicodedata.normalize("NFKC", text)).casefold()
