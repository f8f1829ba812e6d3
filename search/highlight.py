"""Snippets: a short passage of a document around the words searched for, with those words marked.

Everything but the <mark> tags is escaped here, so a snippet is safe to insert as HTML whatever
the document or the query contained.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from kernel.text import fold

_WORD = re.compile(r"[^\W_]+")
SNIPPET_LENGTH = 240
# Start a passage a little before its first match, so the marked word is read in context.
LEAD_IN = 40
# Engines that highlight themselves (Elasticsearch) mark matches with these private-use characters.
MARK_START, MARK_END = "\ue000", "\ue001"


def _matches(text: str, terms: set[str]) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WORD.finditer(text) if fold(m.group()) in terms]


def _passage_start(text: str, matches: list[tuple[int, int]], length: int) -> int:
    # The passage that shows the most matches, beginning at a word boundary shortly before its first one.
    best, best_count = 0, 0
    for index, (start, _end) in enumerate(matches):
        count = sum(1 for other, _ in matches[index:] if other < start + length - LEAD_IN)
        if count > best_count:
            best, best_count = start, count
    if best <= LEAD_IN:
        return 0
    space = text.rfind(" ", 0, best - LEAD_IN)
    return space + 1 if space >= 0 else best - LEAD_IN


def _cut(text: str, start: int, length: int) -> tuple[int, int]:
    end = start + length
    if end >= len(text):
        return start, len(text)
    space = text.rfind(" ", start, end)
    return start, space if space > start else end


def highlight(text: str, terms: list[str], *, length: int = SNIPPET_LENGTH) -> SafeString:
    """Return an escaped passage of `text` of about `length` characters, matched words in <mark>."""
    text = text or ""
    matches = _matches(text, set(terms)) if terms else []
    start, end = _cut(text, _passage_start(text, matches, length) if matches else 0, length)
    parts = ["…" if start > 0 else ""]
    position = start
    for match_start, match_end in matches:
        if match_start < start or match_end > end:
            continue
        parts += [escape(text[position:match_start]), "<mark>", escape(text[match_start:match_end]), "</mark>"]
        position = match_end
    parts += [escape(text[position:end]), "…" if end < len(text) else ""]
    return mark_safe("".join(parts))


def from_markers(fragment: str) -> SafeString:
    """Return an engine's highlighted fragment as safe HTML: text escaped, markers turned into <mark>."""
    escaped = escape(fragment)
    return mark_safe(escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))
