"""Forms with which owners describe their startup, capability, mentor offer or need.

They validate only; `ecosystem.services.profiles` writes, so the permission checks and the
technology tags live in one place whatever calls them.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import MinValueValidator, URLValidator
from django.utils import timezone
from django.utils.choices import CallableChoiceIterator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ecosystem.fields import MESSAGE_MAX_LENGTH
from ecosystem.models import (
    Capability,
    MentorOffer,
    Need,
    Organisation,
    OrganisationKind,
    Sector,
    SeekingKind,
    StartupProfile,
    Technology,
)
from ecosystem.taxonomy_choices import LANGUAGE_CHOICES, sector_choice_groups, trl_choices_described
from kernel.text import fold

MAX_TECHNOLOGIES = 20
MAX_LOGO_BYTES = 2 * 1024 * 1024
MAX_TECHNOLOGY_SUGGESTIONS = 1000


class GroupedCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Checkboxes in one fieldset per option group, so screen readers announce the group."""

    template_name = "ecosystem/profiles/widgets/grouped_checkboxes.html"


class SectorsField(forms.ModelMultipleChoiceField):
    """Sectors as checkboxes grouped under their parent sector."""

    widget = GroupedCheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(queryset=Sector.objects.all(), **kwargs)

    def _get_choices(self):
        # Built when the widget renders, in the language of the request.
        return CallableChoiceIterator(
            lambda: sector_choice_groups(
                self.queryset,
                value=lambda sector: sector.pk,
                parent_label=lambda sector: _("%(sector)s (in general)") % {"sector": sector.name},
            )
        )

    choices = property(_get_choices, forms.ChoiceField.choices.fset)


class TechnologiesInput(forms.TextInput):
    """A comma-separated text input suggesting the technologies others have used."""

    template_name = "ecosystem/profiles/widgets/technologies_input.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["suggestions"] = Technology.objects.order_by("name").values_list("name", flat=True)[
            :MAX_TECHNOLOGY_SUGGESTIONS
        ]
        context["widget"]["attrs"]["list"] = f"{context['widget']['attrs'].get('id', name)}-suggestions"
        return context


class TechnologiesField(forms.CharField):
    """Free technology tags separated by commas; cleans to a list of distinct names."""

    widget = TechnologiesInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Technologies"))
        kwargs.setdefault(
            "help_text", _("Separate technologies with commas, e.g. “IoT, computer vision”. New ones are added.")
        )
        super().__init__(max_length=2000, **kwargs)
        self.widget.attrs.setdefault("autocomplete", "off")

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(str(item) for item in value)
        return value

    def clean(self, value) -> list[str]:
        text = super().clean(value) or ""
        names, seen = [], set()
        for part in text.replace(";", ",").split(","):
            name = " ".join(part.split())
            if name and fold(name) not in seen:
                seen.add(fold(name))
                names.append(name)
        too_long = [name for name in names if len(name) > 100]
        if too_long:
            raise ValidationError(
                _("A technology name can have at most 100 characters: %(names)s"),
                params={"names": ", ".join(too_long)},
            )
        if len(names) > MAX_TECHNOLOGIES:
            raise ValidationError(
                ngettext(
                    "List at most %(limit)d technology.", "List at most %(limit)d technologies.", MAX_TECHNOLOGIES
                ),
                params={"limit": MAX_TECHNOLOGIES},
            )
        return names


def _trl_field(label=None):
    return forms.TypedChoiceField(
        label=label or _("Technology readiness level"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=lambda: [("", _("Not set")), *trl_choices_described()],
    )


def _amount_field(label):
    return forms.DecimalField(
        label=label,
        required=False,
        max_digits=16,
        decimal_places=0,
        min_value=0,
        widget=forms.NumberInput(attrs={"min": 0, "step": 1000000, "inputmode": "numeric"}),
    )


class TechnologiesMixin:
    """Shows an instance's technologies as initial tags."""

    def _load_technologies(self):
        if self.instance.pk and "technologies" not in self.initial:
            self.initial["technologies"] = [technology.name for technology in self.instance.technologies.all()]


class StartupProfileForm(TechnologiesMixin, forms.ModelForm):
    sectors = SectorsField(label=_("Sectors"))
    technologies = TechnologiesField()
    trl = _trl_field()
    seeking = forms.MultipleChoiceField(
        label=_("Looking for"), required=False, choices=SeekingKind.choices, widget=forms.CheckboxSelectMultiple
    )
    funding_amount = _amount_field(_("Funding sought (VND)"))

    class Meta:
        model = StartupProfile
        fields = [
            "pitch",
            "description",
            "sectors",
            "stage",
            "trl",
            "founded_on",
            "team_size",
            "location",
            "seeking",
            "funding_amount",
            "links",
            "logo",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "founded_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "links": forms.Textarea(attrs={"rows": 3}),
            "team_size": forms.NumberInput(attrs={"min": 1}),
        }
        help_texts = {"funding_amount": _("Only asked when you are looking for funding.")}

    field_order = ["pitch", "description", "sectors", "technologies"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._load_technologies()
        self.fields["team_size"].validators.append(MinValueValidator(1))
        self.fields["logo"].widget.attrs["accept"] = "image/png,image/jpeg,image/webp,image/gif"

    def clean_founded_on(self):
        founded_on = self.cleaned_data.get("founded_on")
        if founded_on and founded_on > timezone.localdate():
            raise ValidationError(_("The founding date cannot be in the future."))
        return founded_on

    def clean_links(self):
        lines = [line.strip() for line in self.cleaned_data.get("links", "").splitlines() if line.strip()]
        validate = URLValidator(schemes=["http", "https"])
        bad = []
        for line in lines:
            try:
                validate(line)
            except ValidationError:
                bad.append(line)
        if bad:
            raise ValidationError(
                _("Write each link as a full address starting with https://. Not valid: %(links)s"),
                params={"links": ", ".join(bad)},
            )
        return "\n".join(lines)

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        # Only a new upload has a size worth checking; the stored logo was checked when it came in.
        if isinstance(logo, UploadedFile) and logo.size > MAX_LOGO_BYTES:
            raise ValidationError(_("The logo must be smaller than 2 MB."))
        return logo

    def clean(self):
        cleaned = super().clean()
        # An amount only means something when funding is sought; drop a stale one.
        if SeekingKind.FUNDING not in (cleaned.get("seeking") or []):
            cleaned["funding_amount"] = None
        return cleaned


class CapabilityForm(TechnologiesMixin, forms.ModelForm):
    research_areas = SectorsField(label=_("Research areas"))
    technologies = TechnologiesField()
    trl = _trl_field()

    class Meta:
        model = Capability
        fields = [
            "organisation",
            "kind",
            "title",
            "description",
            "research_areas",
            "trl",
            "availability",
            "terms",
            "is_public",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 6}), "terms": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"is_public": _("Private capabilities are seen only by you and your organisation.")}

    field_order = ["organisation", "kind", "title", "description", "research_areas", "technologies"]

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self._load_technologies()
        field = self.fields["organisation"]
        if self.instance.organisation_id:
            # Whoever edits keeps the organisation it was posted for, even if they are not a member.
            organisations = (organisations | Organisation.objects.filter(pk=self.instance.organisation_id)).distinct()
        field.queryset = organisations
        field.empty_label = _("In my own name (as a researcher)")
        field.label = _("On behalf of")
        field.help_text = _("Choose your university or institute, or post the capability in your own name.")


class MentorOfferForm(forms.ModelForm):
    sectors = SectorsField(label=_("Sectors"))
    languages = forms.MultipleChoiceField(
        label=_("Languages you mentor in"),
        required=False,
        choices=LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = MentorOffer
        fields = [
            "headline",
            "expertise",
            "sectors",
            "languages",
            "capacity",
            "availability",
            "is_paused",
            "is_public",
        ]
        widgets = {"expertise": forms.Textarea(attrs={"rows": 5}), "capacity": forms.NumberInput(attrs={"min": 1})}


class NeedForm(TechnologiesMixin, forms.ModelForm):
    sectors = SectorsField(label=_("Sectors"))
    technologies = TechnologiesField()
    budget_min = _amount_field(_("Budget from (VND)"))
    budget_max = _amount_field(_("Budget up to (VND)"))
    respondent_kinds = forms.MultipleChoiceField(
        label=_("Who may respond"),
        required=False,
        choices=OrganisationKind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty to let everyone respond."),
    )

    class Meta:
        model = Need
        fields = [
            "organisation",
            "title",
            "problem",
            "desired_outcome",
            "sectors",
            "budget_min",
            "budget_max",
            "deadline",
            "respondent_kinds",
            "is_public",
        ]
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 6}),
            "desired_outcome": forms.Textarea(attrs={"rows": 4}),
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {"is_public": _("Private needs are seen only by your organisation.")}

    field_order = ["organisation", "title", "problem", "desired_outcome", "sectors", "technologies"]

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self._load_technologies()
        if self.instance.pk:
            # A need stays with the organisation that posted it.
            del self.fields["organisation"]
        else:
            self.fields["organisation"].queryset = organisations
            self.fields["organisation"].empty_label = None

    def clean_deadline(self):
        deadline = self.cleaned_data.get("deadline")
        changed = "deadline" in self.changed_data
        if deadline and changed and deadline < timezone.localdate():
            raise ValidationError(_("The deadline cannot be in the past."))
        return deadline

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("budget_min"), cleaned.get("budget_max")
        if low is not None and high is not None and low > high:
            self.add_error("budget_max", _("The upper budget must not be below the lower one."))
        return cleaned


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (shown to the owner)"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Say which rule the content breaks and what the owner can do about it."),
    )
