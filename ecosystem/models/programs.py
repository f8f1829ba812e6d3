"""Support programs and funding calls, published by agencies through Wagtail's moderation workflow."""

from datetime import timedelta

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin

from ecosystem.fields import (
    DESCRIPTION_MAX_LENGTH,
    DETAILS_MAX_LENGTH,
    CappedRichTextField,
    CappedTextField,
    OneLineCharField,
)
from ecosystem.models.moderation import Hideable
from ecosystem.models.organisations import Organisation, OrganisationKind
from ecosystem.models.profiles import TRL_VALIDATORS
from kernel import eligibility

CLOSING_SOON = timedelta(days=14)
PUBLISHER_KINDS = [OrganisationKind.GOVERNMENT_AGENCY, OrganisationKind.SUPPORT_ORGANISATION]


class ProgramKind(models.TextChoices):
    GRANT = "grant", _("Grant")
    LOAN = "loan", _("Loan")
    TAX_INCENTIVE = "tax_incentive", _("Tax incentive")
    ACCELERATOR = "accelerator", _("Accelerator / incubation")
    MENTORING = "mentoring", _("Mentoring programme")
    COMPETITION = "competition", _("Competition")
    TRAINING = "training", _("Training")


class ProgramStatus(models.TextChoices):
    FORTHCOMING = "forthcoming", _("Forthcoming")
    OPEN = "open", _("Open")
    CLOSING_SOON = "closing_soon", _("Closing soon")
    CLOSED = "closed", _("Closed")


def status_at(opens_at, closes_at, now) -> ProgramStatus:
    """Return the status of a call open from `opens_at` until `closes_at` (either may be unset)."""
    if opens_at and now < opens_at:
        return ProgramStatus.FORTHCOMING
    if closes_at is None:
        return ProgramStatus.OPEN
    if now >= closes_at:
        return ProgramStatus.CLOSED
    if closes_at - now <= CLOSING_SOON:
        return ProgramStatus.CLOSING_SOON
    return ProgramStatus.OPEN


class Program(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, Hideable, ClusterableModel):
    agency = models.ForeignKey(
        Organisation,
        verbose_name=_("publishing organisation"),
        on_delete=models.PROTECT,
        related_name="programs",
        limit_choices_to={"kind__in": PUBLISHER_KINDS},
    )
    title = OneLineCharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=ProgramKind.choices)
    summary = models.CharField(_("summary"), max_length=500)
    description = CappedRichTextField(_("full description"), max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    budget_total = models.DecimalField(_("total budget (VND)"), max_digits=18, decimal_places=0, null=True, blank=True)
    max_award = models.DecimalField(_("maximum award (VND)"), max_digits=18, decimal_places=0, null=True, blank=True)
    how_to_apply = CappedRichTextField(_("how to apply"), max_length=DETAILS_MAX_LENGTH, blank=True)
    apply_url = models.URLField(_("application address"), blank=True)
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)

    # Structured eligibility: empty means "no restriction".
    eligible_kinds = models.JSONField(_("organisation kinds"), default=list, blank=True)
    eligible_stages = ParentalManyToManyField("ecosystem.Stage", verbose_name=_("stages"), blank=True)
    eligible_sectors = ParentalManyToManyField("ecosystem.Sector", verbose_name=_("sectors"), blank=True)
    eligible_locations = ParentalManyToManyField("ecosystem.Location", verbose_name=_("locations"), blank=True)
    founded_after = models.DateField(_("founded on or after"), null=True, blank=True)
    founded_before = models.DateField(_("founded on or before"), null=True, blank=True)
    max_team_size = models.PositiveIntegerField(_("maximum team size"), null=True, blank=True)
    trl_min = models.PositiveSmallIntegerField(_("minimum TRL"), null=True, blank=True, validators=TRL_VALIDATORS)
    trl_max = models.PositiveSmallIntegerField(_("maximum TRL"), null=True, blank=True, validators=TRL_VALIDATORS)
    other_conditions = CappedTextField(_("other conditions"), max_length=DETAILS_MAX_LENGTH, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="program")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="program",
        for_concrete_model=False,
    )

    class Meta:
        ordering = ["closes_at", "title"]
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        indexes = [models.Index(fields=["live", "closes_at"])]

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions

    def get_absolute_url(self):
        return reverse("ecosystem:program_detail", kwargs={"slug": self.slug})

    @property
    def status(self) -> ProgramStatus:
        return status_at(self.opens_at, self.closes_at, timezone.now())

    def get_status_display(self) -> str:
        return self.status.label

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("The closing date must be after the opening date.")
        if self.trl_min and self.trl_max and self.trl_min > self.trl_max:
            errors["trl_max"] = _("The maximum TRL must not be below the minimum.")
        if self.founded_after and self.founded_before and self.founded_after > self.founded_before:
            errors["founded_before"] = _("This date must not be before 'founded on or after'.")
        if self.agency_id and self.agency.kind not in PUBLISHER_KINDS:
            errors["agency"] = _("Programs are published by government agencies and support organisations.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # A call unpublishes itself when it closes (Wagtail's publish_scheduled does the unpublishing).
        self.expire_at = self.closes_at
        super().save(*args, **kwargs)

    def criteria(self) -> eligibility.Criteria:
        """The program's hard criteria in the engine's plain form (slugs, not rows)."""
        return eligibility.Criteria(
            organisation_kinds=frozenset(self.eligible_kinds),
            stages=frozenset(stage.slug for stage in self.eligible_stages.all()),
            sectors=frozenset(sector.slug for sector in self.eligible_sectors.all()),
            locations=frozenset(location.slug for location in self.eligible_locations.all()),
            founded_after=self.founded_after,
            founded_before=self.founded_before,
            max_team_size=self.max_team_size,
            trl_min=self.trl_min,
            trl_max=self.trl_max,
            conditions=self.other_conditions,
        )
