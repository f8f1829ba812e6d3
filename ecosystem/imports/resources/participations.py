"""Past consortia and programme cohorts: one row per member of a project, identified by the id the export gives.

An agency's list is its own: officers import, update and export only rows their agencies recorded
(another agency's row id is unknown to them); moderators see all. The same member twice in one
project of one agency is refused, within the file as in the database.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.fields import Field

from ecosystem.imports import widgets
from ecosystem.imports.resources.base import AgencyScoped, BaseResource, column_field
from ecosystem.models import OrganisationKind, ParticipationRole, PastParticipation
from ecosystem.models.programs import PUBLISHER_KINDS


class ParticipationResource(AgencyScoped, BaseResource):
    dataset = "participations"
    key = "id"
    required_columns = ("agency", "project", "year", "organisation")

    id = Field(attribute="id", column_name="id", widget=widgets.IntegerWidget(), readonly=True)
    agency = column_field(
        "agency",
        widgets.OrganisationWidget(
            kinds=PUBLISHER_KINDS,
            wrong_kind_message=gettext_lazy(
                "“%(name)s” is not a government agency or support organisation, so it cannot keep this record."
            ),
        ),
    )
    project = column_field("project")
    programme = column_field("programme")
    year = column_field("year", widgets.IntegerWidget())
    organisation = column_field(
        "organisation", widgets.OrganisationWidget(kinds=OrganisationKind.values, wrong_kind_message="")
    )
    role = column_field("role", widgets.ChoiceWidget(ParticipationRole))

    help_texts = {
        "id": gettext_lazy("Leave empty to add a row; keep the exported number to update one."),
        "agency": gettext_lazy("Slug of the agency that keeps this record (yours)."),
        "project": gettext_lazy(
            "Code or name of the project or cohort, written the same way on every member's row "
            "(e.g. ĐTĐL.CN-12/21 or “Ươm tạo khởi nghiệp 2023”)."
        ),
        "programme": gettext_lazy("Programme or funding scheme it belonged to, e.g. Nafosted or Horizon 2020."),
        "year": gettext_lazy("Year the project or cohort began, e.g. 2021."),
        "organisation": gettext_lazy("Slug of the member organisation; it must already be on Helix."),
        "role": gettext_lazy("coordinator or partner; empty if not known."),
    }

    class Meta:
        model = PastParticipation
        fields = ("id", "agency", "project", "programme", "year", "organisation", "role")

    def __init__(self, *, user, row_numbers=()):
        super().__init__(user=user, row_numbers=row_numbers)
        self._members_of_project: dict[tuple, int] = {}

    def key_of(self, value):
        number = widgets.as_text(value)
        return int(number) if number.isdigit() else None

    def get_queryset(self):
        rows = PastParticipation.objects.select_related("agency", "organisation")
        return rows if self.agency_ids is None else rows.filter(agency_id__in=self.agency_ids)

    def check_row(self, instance, row) -> dict:
        errors = {}
        given = widgets.as_text(row.get("id"))
        if self._new and given:
            errors["id"] = _("No past participation has the id “%(id)s”. Leave id empty to add a row.") % {"id": given}
        if self.is_foreign_agency(instance.agency_id):
            errors["agency"] = _("You can only import your own agency's records: %(agencies)s.") % {
                "agencies": self.own_agency_slugs
            }
        if instance.agency_id and instance.organisation_id and instance.project:
            # A dry run saves nothing, so the database cannot see a member repeated within the file.
            member = (instance.agency_id, instance.project, instance.organisation_id)
            first = self._members_of_project.setdefault(member, self.row)
            if first != self.row:
                errors["organisation"] = _("Row %(row)s already records this organisation in this project.") % {
                    "row": first
                }
        return {name: ValidationError(message) for name, message in errors.items()}
