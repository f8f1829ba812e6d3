"""One line saying why a match was made, for digests: HTML (escaped) and plain text.

Matching's `ReasonRenderer` says it in the reader's language; when it cannot say a reason, a short
generic line stands in.
"""

from html import unescape

from django.utils.html import escape, strip_tags
from django.utils.translation import gettext as _

from matching.reasons import ReasonRenderer


def reason_lines(matches) -> dict[int, tuple[str, str]]:
    """Return {match id: (HTML line, text line)} for each match's strongest reason."""
    renderer = ReasonRenderer.for_matches(matches)
    lines = {}
    for match in matches:
        sentences = renderer.sentences(match.reasons or [], side=match.viewer_side, limit=1)
        html = str(sentences[0]) if sentences else escape(_("Fits your profile"))
        lines[match.pk] = (html, unescape(strip_tags(html)))
    return lines
