"""One-line text: names and titles, which end up in e-mail subjects, file names and page titles.

A line break there breaks the e-mail (Django refuses a header with one) or forges a header; other
control characters are invisible garbage. Both forms and saves (imports, the admin, the shell) turn
every run of them into one space.
"""

import re

from django import forms
from django.db import models

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
