"""Research capabilities, identified by the id the export gives them."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.fields import Field

from ecosystem.imports import widgets
from ecosystem.imports.resources.base import BaseResource, column_field
from ecosystem.models import Capability, CapabilityKind, OrganisationKind, Sector

ACADEMIC_KINDS = [OrganisationKind.UNIVERSITY, OrganisationKind.RESEARCH_INSTITUTE]


class CapabilityResource(BaseResource):
    dataset = "capabilities"
    key = "id"
    required_columns = ("title", "kind", "description", "owner")
    m2m_after_save = ("research_areas", "technologies")

    id = Field(attribute="id", column_name="id", widget=widgets.IntegerWidget(), readonly=True)
    title = column_field("title")
    kind = column_field("kind", widgets.ChoiceWidget(CapabilityKind))
    description = column_field("description")
    organisation = column_field(
        "organisation",
        widgets.OrganisationWidget(
            kinds=ACADEMIC_KINDS,
            wrong_kind_message=gettext_lazy(
                "“%(name)s” is not a university or research institute; leave the cell empty for an individual."
            ),
        ),
    )
    owner = column_field("owner", widgets.PersonByEmailWidget())
    research_areas = column_field("research_areas", widgets.TaxonomyListWidget(Sector, noun=gettext_lazy("sectors")))
    technologies = column_field("technologies", widgets.TechnologyListWidget())
    trl = column_field("trl", widgets.IntegerWidget())
    availability = column_field("availability")
    terms = column_field("terms")
    is_public = column_field("is_public", widgets.BooleanWidget())

    help_texts = {
        "id": gettext_lazy("Leave empty to add a capability; keep the exported number to update one."),
        "title": gettext_lazy("Title of the capability."),
        "kind": gettext_lazy("expertise, facility, licensing or service (or their names)."),
        "description": gettext_lazy("What is offered, for whom."),
        "organisation": gettext_lazy("Slug of the university or research institute; empty for an individual."),
        "owner": gettext_lazy("E-mail address of the person who posts it; they must have an account."),
        "research_areas": gettext_lazy("Sectors, separated by “;” (slugs or names from the list below)."),
        "technologies": gettext_lazy("Technologies, separated by “;”; new ones are added."),
        "trl": gettext_lazy("Technology readiness level, 1 to 9."),
        "availability": gettext_lazy("When and how it is available."),
        "terms": gettext_lazy("Terms of use, licensing or prices."),
        "is_public": gettext_lazy("yes or no. Empty: new ones are public, others stay as they are."),
    }

    class Meta:
        model = Capability
        fields = (
            "id",
            "title",
            "kind",
            "description",
            "organisation",
            "owner",
            "research_areas",
            "technologies",
            "trl",
            "availability",
            "terms",
            "is_public",
        )

    def key_of(self, value):
        number = widgets.as_text(value)
        return int(number) if number.isdigit() else None

    def get_queryset(self):
        return Capability.objects.select_related("organisation", "owner").prefetch_related(
            "research_areas", "technologies"
        )

    def check_row(self, instance, row):
        given = widgets.as_text(row.get("id"))
        if self._new and given:
            message = _("No capability has the id “%(id)s”. Leave id empty to add a new capability.")
            return {"id": ValidationError(message % {"id": given})}
        return {}
