"""Choices built from the shared vocabularies, for the filter and owner forms."""

from collections.abc import Callable, Iterable

from django.utils.translation import gettext_lazy as _

from ecosystem.models import ReadinessLevel

# Mentor offers store these codes in `MentorOffer.languages`.
LANGUAGE_CHOICES = [
    ("vi", _("Vietnamese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("de", _("German")),
    ("ja", _("Japanese")),
    ("ko", _("Korean")),
    ("zh", _("Chinese")),
]


def sector_choice_groups(
    sectors: Iterable, *, value: Callable, parent_label: Callable | None = None
) -> list[tuple[str, list[tuple]]]:
    """Return sectors as option groups, one per parent sector, the parent itself first.

    `value` gives an option's value (slug or pk); `parent_label` the parent's own option label.
    """
    sectors = list(sectors)
    parent_label = parent_label or (lambda sector: _("%(sector)s (all)") % {"sector": sector.name})
    children = {}
    for sector in sectors:
        if sector.parent_id:
            children.setdefault(sector.parent_id, []).append(sector)
    parents = sorted((sector for sector in sectors if sector.parent_id is None), key=lambda sector: sector.name)
    groups = []
    for parent in parents:
        options = [(value(parent), parent_label(parent))]
        options += [(value(child), child.name) for child in sorted(children.get(parent.pk, []), key=str)]
        groups.append((parent.name, options))
    return groups


def trl_choices() -> list[tuple[int, str]]:
    """Return the nine technology readiness levels as numbered choices (numbers read the same in every language)."""
    return [(level, str(level)) for level in range(1, 10)]


def trl_choices_described() -> list[tuple[int, str]]:
    """Return the readiness levels with their names in the active language ("3 – Experimental proof of concept")."""
    levels = {level.level: level.name for level in ReadinessLevel.objects.all()}
    return [(level, f"{level} – {levels[level]}" if level in levels else str(level)) for level in range(1, 10)]
