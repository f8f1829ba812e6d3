"""Programs and funding calls, identified by their slug.

A program is compared with, exported from and saved as its latest revision: imported changes
arrive as drafts (a live program keeps showing its published version) and go through the same
moderation as changes made in the admin. Government officers may only touch their agencies' programs.
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ecosystem.imports import widgets
from ecosystem.imports.resources.base import AgencyScoped, BaseResource, column_field
from ecosystem.models import Location, OrganisationKind, Program, ProgramKind, Sector, Stage
from ecosystem.models.programs import PUBLISHER_KINDS
from ecosystem.slugs import slug_from


class ProgramResource(AgencyScoped, BaseResource):
    dataset = "programs"
    key = "slug"
    required_columns = ("slug", "title", "agency", "kind", "summary")
    rich_text = ("description", "how_to_apply")

    slug = column_field("slug", widgets.SlugWidget())
    title = column_field("title")
    agency = column_field(
        "agency",
        widgets.OrganisationWidget(
            kinds=PUBLISHER_KINDS,
            wrong_kind_message=gettext_lazy(
                "“%(name)s” is not a government agency or support organisation, so it cannot publish programs."
            ),
        ),
    )
    kind = column_field("kind", widgets.ChoiceWidget(ProgramKind))
    summary = column_field("summary")
    description = column_field("description", widgets.RichTextWidget())
    how_to_apply = column_field("how_to_apply", widgets.RichTextWidget())
    budget_total = column_field("budget_total", widgets.MoneyWidget())
    max_award = column_field("max_award", widgets.MoneyWidget())
    apply_url = column_field("apply_url")
    opens_at = column_field("opens_at", widgets.DateTimeWidget())
    closes_at = column_field("closes_at", widgets.DateTimeWidget(end_of_day=True))
    eligible_kinds = column_field("eligible_kinds", widgets.ChoiceListWidget(OrganisationKind))
    eligible_stages = column_field("eligible_stages", widgets.TaxonomyListWidget(Stage, noun=gettext_lazy("stages")))
    eligible_sectors = column_field(
        "eligible_sectors", widgets.TaxonomyListWidget(Sector, noun=gettext_lazy("sectors"))
    )
    eligible_locations = column_field(
        "eligible_locations", widgets.TaxonomyListWidget(Location, noun=gettext_lazy("locations"))
    )
    founded_after = column_field("founded_after", widgets.DateWidget())
    founded_before = column_field("founded_before", widgets.DateWidget())
    max_team_size = column_field("max_team_size", widgets.IntegerWidget())
    trl_min = column_field("trl_min", widgets.IntegerWidget())
    trl_max = column_field("trl_max", widgets.IntegerWidget())
    other_conditions = column_field("other_conditions")

    help_texts = {
        "slug": gettext_lazy("Short web name that identifies the program (letters, digits, hyphens)."),
        "title": gettext_lazy("Title of the program or call."),
        "agency": gettext_lazy("Slug of the publishing government agency or support organisation."),
        "kind": gettext_lazy("grant, loan, tax_incentive, accelerator, mentoring, competition or training."),
        "summary": gettext_lazy("One or two sentences (at most 500 characters)."),
        "description": gettext_lazy("Full description. Markdown works: **bold**, lists with “- ”, blank lines."),
        "how_to_apply": gettext_lazy("How to apply, in Markdown like the description."),
        "budget_total": gettext_lazy("Total budget in đồng, digits only (500000000 or 500.000.000)."),
        "max_award": gettext_lazy("Largest award per applicant in đồng."),
        "apply_url": gettext_lazy("Address of the application form, starting with https://"),
        "opens_at": gettext_lazy("Opening: YYYY-MM-DD HH:MM or DD/MM/YYYY HH:MM, Vietnam time."),
        "closes_at": gettext_lazy("Deadline, like opens_at; a date alone means the end of that day."),
        "eligible_kinds": gettext_lazy("Kinds of organisation that may apply, separated by “;”; empty for all."),
        "eligible_stages": gettext_lazy("Startup stages, separated by “;”; empty for all."),
        "eligible_sectors": gettext_lazy("Sectors, separated by “;”; empty for all."),
        "eligible_locations": gettext_lazy("Provinces or cities (former names work too), separated by “;”."),
        "founded_after": gettext_lazy("Applicants founded on or after this date (YYYY-MM-DD)."),
        "founded_before": gettext_lazy("Applicants founded on or before this date."),
        "max_team_size": gettext_lazy("Largest team size allowed."),
        "trl_min": gettext_lazy("Lowest technology readiness level, 1 to 9."),
        "trl_max": gettext_lazy("Highest technology readiness level, 1 to 9."),
        "other_conditions": gettext_lazy("Any other conditions, in words."),
    }

    class Meta:
        model = Program
        import_id_fields = ("slug",)
        fields = (
            "slug",
            "title",
            "agency",
            "kind",
            "summary",
            "description",
            "how_to_apply",
            "budget_total",
            "max_award",
            "apply_url",
            "opens_at",
            "closes_at",
            "eligible_kinds",
            "eligible_stages",
            "eligible_sectors",
            "eligible_locations",
            "founded_after",
            "founded_before",
            "max_team_size",
            "trl_min",
            "trl_max",
            "other_conditions",
        )

    def __init__(self, *, user, row_numbers=()):
        super().__init__(user=user, row_numbers=row_numbers)
        self._stored = {}

    def get_queryset(self):
        return Program.objects.select_related("agency").prefetch_related(
            "eligible_stages", "eligible_sectors", "eligible_locations"
        )

    def _working_copy(self, program: Program) -> Program:
        # Changes waiting for moderation live in the latest revision, not in the row.
        self._stored[program.pk] = program
        return program.get_latest_revision_as_object() if program.has_unpublished_changes else program

    def lookup(self, keys) -> dict:
        return {program.slug: self._working_copy(program) for program in self.get_queryset().filter(slug__in=keys)}

    def export_rows(self):
        programs = self.get_queryset().order_by("slug")
        if self.agency_ids is not None:
            programs = programs.filter(agency_id__in=self.agency_ids)
        return [self._working_copy(program) for program in programs]

    def after_init_instance(self, instance, new, row, **kwargs):
        super().after_init_instance(instance, new, row, **kwargs)
        self._agency_before = None if new else instance.agency_id

    def check_row(self, instance, row) -> dict:
        errors = {}
        if self._new and not instance.slug and instance.title:
            errors["slug"] = _("Give each new program a slug, such as “%(slug)s”.") % {
                "slug": slug_from(instance.title, max_length=240)
            }
        if self.is_foreign_agency(self._agency_before) and not self._stored[instance.pk].live:
            # Another agency's draft is not theirs to know about: only that the slug is taken.
            errors["slug"] = _("The slug “%(slug)s” is already taken; choose another one for your program.") % {
                "slug": instance.slug
            }
        elif self.is_foreign_agency(self._agency_before):
            errors["agency"] = _(
                "The program “%(slug)s” belongs to another agency; you can only change your own agency's programs."
            ) % {"slug": instance.slug}
        elif self.is_foreign_agency(instance.agency_id):
            errors["agency"] = _("You can only import programs of your own agency: %(agencies)s.") % {
                "agencies": self.own_agency_slugs
            }
        stored = self._stored.get(instance.pk)
        lock = stored.get_lock() if stored is not None else None
        if lock is not None and lock.for_user(self.user):
            errors[NON_FIELD_ERRORS] = _(
                "This program is locked in the admin (being edited or scheduled for publishing); unlock it first."
            )
        return {name: ValidationError(message) for name, message in errors.items()}
