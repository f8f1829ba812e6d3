"""Small text and naming helpers for generated content: capitals, lengths, lists, slugs, addresses, times."""

from datetime import date, datetime, time

from django.utils import timezone

from demo import sentences as s
from ecosystem import taxonomy_data
from ecosystem.slugs import slug_from

SECTOR_NAMES = {
    slug: (name_vi, name_en)
    for parent_slug, parent_vi, parent_en, children in taxonomy_data.SECTORS
    for slug, name_vi, name_en in [(parent_slug, parent_vi, parent_en), *children]
}


def cap(text: str) -> str:
    """Return `text` with its first letter in upper case (the rest untouched, unlike str.capitalize)."""
    return text[:1].upper() + text[1:]


def lower_label(label: str) -> str:
    """Return a label for use mid-sentence: lower-case first letter unless it starts an acronym ("AI")."""
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


def fit(text: str, limit: int) -> str:
    """Return `text` cut at a word boundary so that it fits a column of `limit` characters."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def join_words(items: list[str], language: str) -> str:
    """Return "a, b and c" in the language."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {s.AND[language]} {items[-1]}"


def sector_label(slug: str, language: str) -> str:
    name_vi, name_en = SECTOR_NAMES[slug]
    return name_vi if language == "vi" else name_en


def example_url(slug: str, path: str = "") -> str:
    """Return an address under the reserved .example domain; a host-name label holds at most 63 characters."""
    return f"https://{slug[:63].strip('-')}.example{path}"


def at(day: date, hour: int) -> datetime:
    """Return `day` at `hour` o'clock in the current time zone: whole hours keep generated data stable."""
    return timezone.make_aware(datetime.combine(day, time(hour)))


class UniqueSlugs:
    """Hands out slugs that were never handed out before (nor taken), numbering repeats like Django admin."""

    def __init__(self, *, taken=(), suffix: str = ""):
        self._taken = set(taken)
        self._next: dict[str, int] = {}
        self._suffix = suffix

    def take(self, text: str, *, limit: int = 200) -> str:
        base = (slug_from(text, max_length=limit) or "item") + self._suffix
        slug, number = base, self._next.get(base, 2)
        while slug in self._taken:
            slug, number = f"{base}-{number}", number + 1
        self._next[base] = number
        self._taken.add(slug)
        return slug
