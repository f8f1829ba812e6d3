"""The slug field of every Wagtail admin form: Vietnamese is transliterated, never dropped.

Registered for every SlugField in EcosystemConfig.ready(). The widget transliterates as the title
is typed, so the person sees the slug the page will have; the form field transliterates again
whatever arrives (an old browser tab, a slug typed in Vietnamese), so the server decides.
"""

from django import forms
from wagtail.admin.widgets.slug import SlugInput

from ecosystem.slugs import VIETNAMESE_LETTERS, as_slug


class VietnameseSlugInput(SlugInput):
    """Wagtail's slug widget, transliterating Vietnamese letters as the title is typed."""

    def __init__(self, attrs=None, formatters=None, locale=None):
        by_ascii: dict[str, list[str]] = {}
        for letter, ascii_letter in VIETNAMESE_LETTERS.items():
            by_ascii.setdefault(ascii_letter, []).append(letter)
        vietnamese = [(f"[{''.join(letters)}]", ascii_letter) for ascii_letter, letters in by_ascii.items()]
        super().__init__(attrs, formatters=[*vietnamese, *(formatters or [])], locale=locale)


class TransliteratedSlugField(forms.SlugField):
    """A slug form field that transliterates what it receives ("Tài trợ" → "tai-tro") before validating it."""

    def to_python(self, value):
        return as_slug(super().to_python(value))
