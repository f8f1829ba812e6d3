"""ASCII slugs from Vietnamese text: every letter transliterated, none dropped.

"Tài trợ thử nghiệm ĐBSCL 2027" must become `tai-tro-thu-nghiem-dbscl-2027`. Two things get it
wrong on their own: Django's `slugify` drops "đ" (a letter of its own, not "d" with a mark), and
Wagtail's slug widget transliterates for European languages, so it drops every letter with two
marks (ợ, ử, ệ) and spells "đ" as "dj". So every slug is made by `slug_from`, and the admin's
slug fields (ecosystem.admin_slugs) transliterate as people type and again on the server.
"""

import re
import unicodedata

from django.db.models import QuerySet
from django.utils.text import slugify

from kernel.text import strip_diacritics

_VOWELS = "aăâeêioôơuưy"
_TONE_MARKS = ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")  # huyền, sắc, ngã, hỏi, nặng


def _vietnamese_letters() -> dict[str, str]:
    """Return each Vietnamese letter that is not ASCII with its ASCII letter ("ợ" → "o", "Đ" → "D")."""
    letters = {"đ": "d", "Đ": "D"}
    for vowel in _VOWELS + _VOWELS.upper():
        for mark in ("", *_TONE_MARKS):
            letter = unicodedata.normalize("NFC", vowel + mark)
            if not letter.isascii():
                letters[letter] = strip_diacritics(letter)
    return letters


VIETNAMESE_LETTERS = _vietnamese_letters()

_ASCII_SLUG = re.compile(r"[-a-zA-Z0-9_]+")

# Another transliteration's spelling of a letter, seen in slugs that Wagtail's widget made ("đ" → "dj").
_FOREIGN_SPELLINGS = {"đ": ("dj",)}


def slug_from(text: str, *, max_length: int | None = None) -> str:
    """Return the ASCII slug of `text` ("Tài trợ ĐBSCL 2027" → "tai-tro-dbscl-2027"), at most `max_length` long."""
    slug = slugify(strip_diacritics(text))
    if max_length is not None and len(slug) > max_length:
        slug = slug[:max_length].rstrip("-")
    return slug


def as_slug(value: str) -> str:
    """Return what someone gave as a slug: as it is if it is one already ("ABC-1"), else transliterated.

    Valid slugs stay untouched so that a stored one (even with capitals) keeps its address.
    """
    return value if _ASCII_SLUG.fullmatch(value) else slug_from(value)


def unique_slug(text: str, *, taken: QuerySet, max_length: int, fallback: str) -> str:
    """Return `slug_from(text)` (or `fallback`), numbered "-2", "-3"… until no row of `taken` has it."""
    base = slug_from(text, max_length=max_length) or fallback
    slug, number = base, 2
    while taken.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _letter_pattern(letter: str) -> tuple[str, bool]:
    """Return what a slug may show for one letter of the text, and whether it may show nothing."""
    if letter.isascii():
        return (re.escape(letter), False) if letter.isalnum() or letter == "_" else ("", True)
    spellings = {strip_diacritics(letter), *_FOREIGN_SPELLINGS.get(letter, ())}
    spellings = sorted(spelling for spelling in spellings if spelling.isascii() and spelling.isalnum())
    # Kept as its ASCII letter, spelt another way, or dropped; punctuation and symbols always go.
    return (f"(?:{'|'.join(spellings)})?" if spellings else "", True)


def is_mangled_slug(slug: str, text: str) -> bool:
    """Return whether `slug` is `text`'s slug spoilt by a transliteration that dropped or misspelt letters.

    "tai-tr-th-nghim-djbscl-2027" is "Tài trợ thử nghiệm ĐBSCL 2027" spoilt: the same words in the
    same order, each non-ASCII letter either kept as its ASCII letter, dropped, or spelt another
    way ("đ" as "dj"), and nothing added. A slug someone chose (other words, fewer words, another
    order, anything added) is never taken for a spoilt one, and neither is the right slug.
    """
    if slug == slug_from(text):
        return False
    words = []
    for word in re.split(r"[\s-]+", unicodedata.normalize("NFC", text).lower()):
        letters = [_letter_pattern(letter) for letter in word]
        pattern = "".join(letter_pattern for letter_pattern, _ in letters)
        if pattern:
            # A word made only of dropped letters ("ở") vanishes together with its hyphen.
            optional = all(may_vanish for _, may_vanish in letters)
            words.append(f"(?:{pattern}-)" + ("?" if optional else ""))
    normalised = re.sub(r"-+", "-", slug).strip("-")
    return bool(words) and re.fullmatch("".join(words), normalised + "-") is not None
