"""The ecosystem's past: who took part in which joint project or programme cohort, as agencies recorded it.

Programme offices keep lists of past consortia (national science and technology projects, H2020,
provincial innovation grants) and of each programme's cohorts. Officers import them (bulk import,
dataset "participations"); the collaboration-partner suggestions learn from them as they learn
from collaborations begun through Helix.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ecosystem.models.organisations import Organisation
from ecosystem.models.profiles import Timestamped
from ecosystem.models.programs import PUBLISHER_KINDS

FIRST_YEAR = 1975  # Đổi Mới's science programmes are younger; a typo like 202 is caught


class ParticipationRole(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    PARTNER = "partner", _("Partner")


class PastParticipation(Timestamped):
    """One organisation's part in one past project or cohort, recorded by one agency."""

    agency = models.ForeignKey(
        Organisation,
        verbose_name=_("recorded by"),
        on_delete=models.CASCADE,
        related_name="recorded_participations",
        limit_choices_to={"kind__in": PUBLISHER_KINDS},
    )
    project = models.CharField(
        _("project or cohort"),
        max_length=255,
        help_text=_("The project's code or name, written the same way on every member's row."),
    )
    programme = models.CharField(_("programme or funding scheme"), max_length=255, blank=True)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)]
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="past_participations",
    )
    role = models.CharField(_("role"), max_length=20, choices=ParticipationRole.choices, blank=True)

    class Meta:
        verbose_name = _("past participation")
        verbose_name_plural = _("past participations")
        ordering = ["-year", "project", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "project", "organisation"],
                name="one_participation_per_member",
                violation_error_message=_("This organisation is already recorded in this project."),
            )
        ]

    def __str__(self):
        return f"{self.project} ({self.year}): {self.organisation}"
