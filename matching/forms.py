"""The forms of matching's pages: "My matches" (its tabs and filters, dismissing, asking for an
introduction), introductions (boxes, declining, a relationship's status) and mentoring cohorts.

Views bind them and pass what they clean to services; a value a form cannot read is left out or
shown as a field error, never a 500.
"""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ecosystem.fields import MESSAGE_MAX_LENGTH
from ecosystem.forms_directories import DirectoryFilterForm, TaxonomyChoiceField
from ecosystem.models import MentorOffer, Organisation, Sector
from ecosystem.templatetags.directory_tags import public_name
from matching.models import MatchKind, RelationshipStatus, Side
from matching.selectors import programs as program_selectors

# -- "My matches" ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tab:
    slug: str
    kind: str
    side: str | None
    label: str


TABS = (
    Tab("funding", MatchKind.FUNDING, None, gettext_lazy("Funding calls")),
    Tab("partners", MatchKind.COLLABORATION, None, gettext_lazy("Collaboration partners")),
    Tab("mentoring", MatchKind.MENTORING, None, gettext_lazy("Mentors")),
    Tab("needs", MatchKind.NEED, Side.PROVIDER, gettext_lazy("Needs you could answer")),
    Tab("capabilities", MatchKind.NEED, Side.SEEKER, gettext_lazy("Capabilities for your needs")),
)


TAB_BY_SLUG = {tab.slug: tab for tab in TABS}


SHOW_CHOICES = [
    ("", gettext_lazy("Current")),
    ("saved", gettext_lazy("Saved")),
    ("dismissed", gettext_lazy("Dismissed")),
]


SORT_CHOICES = [
    ("best", gettext_lazy("Best fit")),
    ("deadline", gettext_lazy("Deadline")),
    ("newest", gettext_lazy("Newest")),
]


class MatchFilterForm(DirectoryFilterForm):
    """The list's query string: tab, view (current, saved, dismissed), sector, closing soon and sort."""

    taxonomies = {"sector": Sector}

    tab = forms.ChoiceField(required=False, choices=[(tab.slug, tab.label) for tab in TABS], widget=forms.HiddenInput)
    show = forms.ChoiceField(required=False, choices=SHOW_CHOICES, widget=forms.HiddenInput)
    sector = TaxonomyChoiceField(label=gettext_lazy("Sector"), empty_label=gettext_lazy("All sectors"))
    closing_soon = forms.BooleanField(label=gettext_lazy("Closing soon only"), required=False)
    sort = forms.ChoiceField(label=gettext_lazy("Sort by"), required=False, choices=SORT_CHOICES)


class DismissForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Why is it not for you? (optional)"), max_length=300, required=False)


class IntroductionRequestForm(forms.Form):
    message = forms.CharField(
        label=gettext_lazy("A short message"),
        max_length=MESSAGE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Say who you are and what you would like to talk about."),
    )


# -- Introductions -------------------------------------------------------------------------------


BOXES = [("received", gettext_lazy("Received")), ("sent", gettext_lazy("Sent"))]


class BoxForm(forms.Form):
    box = forms.ChoiceField(choices=BOXES, required=False)


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason (optional, the requester will read it)"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RelationshipStatusForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=RelationshipStatus.choices)


# -- Cohorts ---------------------------------------------------------------------------------------


SUGGESTED = 100


# The largest primary key any database holds; a bigger number in a query string names nothing (and
# SQLite refuses to even compare it: a 500 on the default setup).
LARGEST_ID = 2**63 - 1


class _IdsField(forms.ModelMultipleChoiceField):
    """Checkboxes of rows by id: an id no database can hold is refused like any unknown id."""

    def _check_values(self, value):
        for pk in value:
            if str(pk).isdigit() and int(pk) > LARGEST_ID:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return super()._check_values(value)


class StartupChoiceField(_IdsField):
    def label_from_instance(self, organisation):
        fit = getattr(organisation, "fit", None)
        if fit is None:
            return organisation.name
        return _("%(name)s (fit with the program: %(fit)s%%)") % {"name": organisation.name, "fit": round(fit * 100)}


class MentorChoiceField(_IdsField):
    def label_from_instance(self, mentor):
        free = max(mentor.capacity - mentor.active, 0)
        return _("%(name)s — %(headline)s (%(free)s of %(capacity)s places free)") % {
            "name": public_name(mentor.user),
            "headline": mentor.headline,
            "free": free,
            "capacity": mentor.capacity,
        }


def _ids(values) -> set[int]:
    return {int(value) for value in values if str(value).isdigit() and int(value) <= LARGEST_ID}


class CohortForm(forms.Form):
    """A cohort's name, startups and mentor pool.

    The checkboxes shown are the suggestions (or what the searches found) plus whatever is chosen
    already, so a startup found by an earlier search stays chosen; any candidate is accepted.
    """

    name = forms.CharField(label=gettext_lazy("Name of the cohort"), max_length=200)
    startup_search = forms.CharField(label=gettext_lazy("Find startups by name"), max_length=100, required=False)
    startups = StartupChoiceField(
        label=gettext_lazy("Startups"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Suggested: the startups this program or a mentor fits best. Search for others."),
    )
    mentor_search = forms.CharField(label=gettext_lazy("Find mentors"), max_length=100, required=False)
    mentors = MentorChoiceField(
        label=gettext_lazy("Mentor pool"),
        queryset=MentorOffer.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Public mentor offers that are not paused. Each mentor takes at most their free places."
        ),
    )

    def __init__(self, *args, program, **kwargs):
        super().__init__(*args, **kwargs)
        source = self.data if self.is_bound else self.initial
        getter = source.getlist if hasattr(source, "getlist") else lambda key: source.get(key) or []
        chosen_startups = _ids(getter("startups"))
        chosen_mentors = _ids(getter("mentors"))
        startup_search = str(source.get("startup_search") or "")[:100]
        mentor_search = str(source.get("mentor_search") or "").strip()[:100]
        suggested = program_selectors.startup_suggestions(program=program, search=startup_search, limit=SUGGESTED)
        self.fields["startups"].queryset = (
            program_selectors.startup_candidates()
            .filter(Q(pk__in=suggested.values("pk")) | Q(pk__in=chosen_startups))
            .annotate(fit=program_selectors.program_fit(program=program))
            .order_by("name", "pk")
        )
        mentors = program_selectors.mentor_pool()
        if mentor_search:
            found = Q(user__display_name__icontains=mentor_search) | Q(headline__icontains=mentor_search)
            found |= Q(expertise__icontains=mentor_search)
            shown = mentors.filter(found).values("pk")[:SUGGESTED]
        else:
            shown = mentors.values("pk")[:SUGGESTED]
        self.fields["mentors"].queryset = mentors.filter(Q(pk__in=shown) | Q(pk__in=chosen_mentors)).order_by(
            "user__display_name", "pk"
        )


class MoveForm(forms.Form):
    organisation = forms.ModelChoiceField(label=gettext_lazy("Startup"), queryset=Organisation.objects.none())
    mentor = forms.ModelChoiceField(
        label=gettext_lazy("Mentor"),
        queryset=MentorOffer.objects.none(),
        required=False,
        empty_label=gettext_lazy("Nobody (leave unassigned)"),
    )

    def __init__(self, *args, cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = cohort.startups.all()
        self.fields["mentor"].queryset = cohort.mentors.all()


# -- Outreach ----------------------------------------------------------------------------------------


class InviteForm(forms.Form):
    organisations = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Organisations"),
        coerce=int,
        error_messages={
            "required": gettext_lazy("Choose at least one organisation to invite."),
            "invalid_choice": gettext_lazy(
                "Some of the chosen organisations are no longer in the list. Reload and try again."
            ),
        },
    )
    message = forms.CharField(
        label=gettext_lazy("Message (optional)"),
        max_length=MESSAGE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Sent with the invitation, for example what the program could do for them."),
    )

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisations"].choices = [(row.organisation.pk, row.organisation.name) for row in rows]
