"""One line saying why a match was made, for digests: HTML (escaped) and plain text.

Matching's `ReasonRenderer` says it in the reader's language; when it is not there (or cannot say
a reason) a short generic line stands in.
"""

from html import unescape

from django.utils.html import escape, strip_tags
from django.utils.translation import gettext as _


def _renderer_for(matches):
    try:  # matching's renderer; imported lazily so the two apps can land in either order
        from matching.reasons import ReasonRenderer
    except ImportError:
        return None
    return ReasonRenderer.for_matches(matches)


def reason_lines(matches) -> dict[int, tuple[str, str]]:
    """Return {match id: (HTML line, text line)} for each match's strongest reason."""
    renderer = _renderer_for(matches)
    lines = {}
    for match in matches:
        sentences = renderer.sentences(match.reasons or [], side=match.viewer_side, limit=1) if renderer else []
        html = str(sentences[0]) if sentences else escape(_("Fits your profile"))
        lines[match.pk] = (html, unescape(strip_tags(html)))
    return lines
