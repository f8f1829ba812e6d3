"""Filter forms for the public directories.

A filter form is always bound to the query string. A value it cannot read (a sector that no longer
exists, "trl_min=abc") is shown as an error on its field and left out of the filters, so a stale
or hand-edited link still lists something instead of failing.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from ecosystem.models import (
    CapabilityKind,
    Location,
    OrganisationKind,
    ProgramKind,
    ProgramStatus,
    Sector,
    SeekingKind,
    Stage,
)
from ecosystem.taxonomy_choices import LANGUAGE_CHOICES, sector_choice_groups, trl_choices


class TaxonomyChoiceField(forms.ChoiceField):
    """A choice among taxonomy rows by slug (readable in links); cleans to the row itself."""

    def __init__(self, *, empty_label, **kwargs):
        super().__init__(required=False, **kwargs)
        self.empty_label = empty_label
        self.rows = {}

    def load(self, rows, choices=None) -> None:
        self.rows = {row.slug: row for row in rows}
        if choices is None:
            choices = [(row.slug, row.name) for row in self.rows.values()]
        self.choices = [("", self.empty_label), *choices]

    def clean(self, value):
        value = super().clean(value)
        return self.rows.get(value) if value else None


def _optional_choice(label, choices, empty_label):
    return forms.ChoiceField(label=label, required=False, choices=[("", empty_label), *choices])


class DirectoryFilterForm(forms.Form):
    """Reads the filters from the query string; `filters()` gives the valid, non-empty ones."""

    # Filters whose taxonomy the form loads: field name → model.
    taxonomies: dict = {}

    def __init__(self, data=None, **kwargs):
        super().__init__(data if data is not None else {}, **kwargs)
        for name, model in self.taxonomies.items():
            field = self.fields[name]
            rows = list(model.objects.all())
            if model is Sector:
                field.load(rows, sector_choice_groups(rows, value=lambda sector: sector.slug))
            else:
                field.load(rows)

    def filters(self) -> dict:
        """Return the filters that were given and are valid, by selector keyword."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "", False)}


def _sector_field(help_text=""):
    return TaxonomyChoiceField(label=_("Sector"), empty_label=_("All sectors"), help_text=help_text)


class StartupFilterForm(DirectoryFilterForm):
    taxonomies = {"sector": Sector, "location": Location, "stage": Stage}

    sector = _sector_field()
    location = TaxonomyChoiceField(label=_("Location"), empty_label=_("All locations"))
    stage = TaxonomyChoiceField(label=_("Stage"), empty_label=_("All stages"))
    seeking = _optional_choice(_("Looking for"), SeekingKind.choices, _("Anything"))


class CapabilityFilterForm(DirectoryFilterForm):
    taxonomies = {"sector": Sector}

    kind = _optional_choice(_("Kind"), CapabilityKind.choices, _("All kinds"))
    sector = TaxonomyChoiceField(label=_("Research area"), empty_label=_("All research areas"))
    trl_min = forms.TypedChoiceField(
        label=_("TRL from"), required=False, coerce=int, empty_value=None, choices=[("", "–"), *trl_choices()]
    )
    trl_max = forms.TypedChoiceField(
        label=_("TRL up to"), required=False, coerce=int, empty_value=None, choices=[("", "–"), *trl_choices()]
    )

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("trl_min"), cleaned.get("trl_max")
        if low is not None and high is not None and low > high:
            self.add_error("trl_max", _("The upper level must not be below the lower one."))
        return cleaned


class MentorFilterForm(DirectoryFilterForm):
    taxonomies = {"sector": Sector}

    sector = _sector_field()
    language = _optional_choice(_("Language"), LANGUAGE_CHOICES, _("Any language"))
    available = forms.BooleanField(label=_("Only mentors taking new startups"), required=False)


class NeedFilterForm(DirectoryFilterForm):
    taxonomies = {"sector": Sector}

    sector = _sector_field()
    status = _optional_choice(
        _("Deadline"), [("open", _("Still open")), ("closed", _("Deadline passed"))], _("Open and closed")
    )
    respondent = _optional_choice(_("Who may respond"), OrganisationKind.choices, _("Anyone"))


PROGRAM_STATUS_CHOICES = [
    (ProgramStatus.OPEN.value, _("Open now")),
    (ProgramStatus.CLOSING_SOON.value, ProgramStatus.CLOSING_SOON.label),
    (ProgramStatus.FORTHCOMING.value, ProgramStatus.FORTHCOMING.label),
    (ProgramStatus.CLOSED.value, ProgramStatus.CLOSED.label),
]


class ProgramFilterForm(DirectoryFilterForm):
    taxonomies = {"sector": Sector, "location": Location}

    kind = _optional_choice(_("Kind"), ProgramKind.choices, _("All kinds"))
    status = _optional_choice(_("Status"), PROGRAM_STATUS_CHOICES, _("Any status"))
    sector = _sector_field(help_text=_("Programs open to every sector are included."))
    location = TaxonomyChoiceField(
        label=_("Location"),
        empty_label=_("All locations"),
        help_text=_("Programs open to every location are included."),
    )
