"""Text fields with the rules people's writing needs: names on one line, free text of a person's size.

One-line text: names and titles, which end up in e-mail subjects, file names and page titles.
A line break there breaks the e-mail (Django refuses a header with one) or forges a header; other
control characters are invisible garbage. Both forms and saves (imports, the admin, the shell) turn
every run of them into one space.

Free text: descriptions, messages and notes are capped at what a person writes, so a pasted file or
a script cannot store megabytes that every page, search document, e-mail and match computation
would then carry. The caps live here so that forms, the bulk import and the admin agree.
"""

import re

from django import forms
from django.core.validators import MaxLengthValidator
from django.db import models
from wagtail.fields import RichTextField
from wagtail.rich_text import RichTextMaxLengthValidator

# Caps in characters (what len() counts; a Vietnamese letter typed with its accent is one).
DESCRIPTION_MAX_LENGTH = 10_000  # the main text of a profile, capability, need or program: a few pages
DETAILS_MAX_LENGTH = 5_000  # a text beside it: expertise, terms, desired outcome, other conditions
LIST_MAX_LENGTH = 2_000  # a list typed one item per line: a startup's links, a location's other names
MESSAGE_MAX_LENGTH = 1_000  # a note to someone: an introduction request, an invitation, a reason for hiding
INTRODUCTION_MAX_LENGTH = 1_000  # a page's introduction or the site footer: a few sentences

_CONTROL_RUNS = re.compile(r"\s*[\x00-\x1f\x7f\x85\u2028\u2029]+\s*")


def one_line(value):
    """Return `value` with each run of line breaks or control characters made one space, trimmed."""
    if not isinstance(value, str):
        return value
    return _CONTROL_RUNS.sub(" ", value).strip()


class OneLineFormField(forms.CharField):
    def to_python(self, value):
        return one_line(super().to_python(value))


class OneLineCharField(models.CharField):
    def pre_save(self, model_instance, add):
        value = one_line(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def to_python(self, value):
        return one_line(super().to_python(value))

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": OneLineFormField, **kwargs})


class _MaxLengthChecked:
    """Makes full_clean check max_length too: Django checks a TextField's only in its form field, so
    the bulk import (full_clean, no form) would otherwise store any size."""

    max_length_validator = MaxLengthValidator

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.max_length is not None:
            self.validators.append(self.max_length_validator(self.max_length))


class CappedTextField(_MaxLengthChecked, models.TextField):
    """Free text of at most max_length characters (checked in forms and by full_clean, not by the database)."""


class CappedRichTextField(_MaxLengthChecked, RichTextField):
    """Rich text of at most max_length characters of text; markup does not count, as in the editor's counter."""

    max_length_validator = RichTextMaxLengthValidator
