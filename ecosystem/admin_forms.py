"""Forms behind the Wagtail admin editors for programs and the shared vocabularies."""

from django import forms
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from ecosystem.fields import LIST_MAX_LENGTH
from ecosystem.models import Location, OrganisationKind, Program, Sector, Stage
from ecosystem.permissions import program_agencies_for
from ecosystem.slugs import is_mangled_slug, unique_slug


class SectorMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, sector):
        # Sub-sectors name their parent, so "Smart farming" reads as part of "Agriculture".
        return f"{sector.parent.name} › {sector.name}" if sector.parent_id else sector.name


def sectors_grouped():
    """Return sectors with each parent followed by its children (the order the checkboxes show)."""
    return Sector.objects.select_related("parent").order_by(
        Coalesce("parent__name_vi", "name_vi"), F("parent").asc(nulls_first=True), "name_vi"
    )


def unique_program_slug(title: str, *, exclude_pk=None) -> str:
    """Return a free ASCII slug for a program title ("Đổi mới sáng tạo" → "doi-moi-sang-tao")."""
    return unique_slug(title, taken=Program.objects.exclude(pk=exclude_pk), max_length=240, fallback="program")


class ProgramForm(WagtailAdminModelForm):
    """The program editor: agencies limited to the user's own, eligibility as checkboxes."""

    # The model keeps organisation kinds as a JSON list; people tick them.
    eligible_kinds = forms.MultipleChoiceField(
        label=_("organisation kinds"),
        choices=OrganisationKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave every box empty to accept all kinds of organisation."),
    )
    eligible_sectors = SectorMultipleChoiceField(
        label=_("sectors"),
        queryset=Sector.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Ticking a sector also accepts its sub-sectors. Leave empty to accept all sectors."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        agency = self.fields["agency"]
        if self.for_user is not None:
            agency.queryset = program_agencies_for(self.for_user).order_by("name")
            if not self.instance.pk and not self.is_bound:
                # An officer of a single agency has nothing to choose.
                only = list(agency.queryset[:2])
                if len(only) == 1:
                    self.initial.setdefault("agency", only[0].pk)
        self.fields["eligible_sectors"].queryset = sectors_grouped()
        self.fields["eligible_stages"].queryset = Stage.objects.order_by("order")
        self.fields["eligible_locations"].queryset = Location.objects.order_by("kind", "name_vi")
        # Left empty, the slug is made from the title.
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _("The program's address on the site. Left empty, it is made from the title.")

    def clean_eligible_kinds(self):
        chosen = set(self.cleaned_data.get("eligible_kinds") or [])
        # Stored in the order of the choices, so revisions compare equal when nothing changed.
        return [kind for kind in OrganisationKind.values if kind in chosen]

    def clean(self):
        cleaned = super().clean()
        title, slug = cleaned.get("title"), cleaned.get("slug")
        # The slug field has already transliterated what it was sent; a slug that an older slug
        # widget spoilt ("tai-tr-djbscl" for "Tài trợ ĐBSCL") is made again from the title.
        if title and "slug" in cleaned and (not slug or is_mangled_slug(slug, title)):
            cleaned["slug"] = unique_program_slug(title, exclude_pk=self.instance.pk)
        go_live_at, closes_at = cleaned.get("go_live_at"), cleaned.get("closes_at")
        if go_live_at and closes_at and go_live_at >= closes_at:
            self.add_error("go_live_at", _("The program would go live after it has closed."))
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        # Program.save() does the same, but a draft is only serialised into a revision, so the
        # revision (and the status panel reading it) would otherwise show a stale expiry.
        self.instance.expire_at = self.instance.closes_at


class LocationForm(WagtailAdminModelForm):
    """A location; former and alternative names are typed one per line."""

    aliases = forms.CharField(
        label=_("former and alternative names"),
        required=False,
        max_length=LIST_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One name per line, such as the provinces merged into this one (Bình Dương). "
            "People searching for any of them find this location."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["aliases"] = "\n".join(self.instance.aliases or [])

    def clean_aliases(self):
        names = []
        for line in self.cleaned_data.get("aliases", "").splitlines():
            name = " ".join(line.split())
            if name and name not in names:
                names.append(name)
        for name in names:
            if len(name) > 200:
                raise forms.ValidationError(_("Each name must be at most 200 characters long."))
        return names


class SectorForm(WagtailAdminModelForm):
    """A sector; only top-level sectors can be parents, keeping the hierarchy two levels deep."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parents = Sector.objects.filter(parent__isnull=True).order_by("name_vi")
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents

    def clean_parent(self):
        parent = self.cleaned_data.get("parent")
        if parent and self.instance.pk and self.instance.children.exists():
            raise forms.ValidationError(
                _("This sector has sub-sectors, so it cannot become a sub-sector itself. Move its sub-sectors first.")
            )
        return parent
