"""What the recommender derived (matches) and what people did with it (feedback, introductions,
relationships, cohorts, outreach invitations).

Matches are derived data: `matches_rebuild` recreates them from the facts. What people did is
not: a dismissed or saved match keeps its row (and its state) across recomputes, and every
action is also written to the feedback log the engine learns from.
"""

from typing import TypeAlias

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecosystem.fields import MESSAGE_MAX_LENGTH, CappedTextField, OneLineCharField
from ecosystem.models import Capability, MentorOffer, Need, Organisation, Program


class MatchKind(models.TextChoices):
    FUNDING = "funding", _("Funding call")
    COLLABORATION = "collaboration", _("Collaboration partner")
    MENTORING = "mentoring", _("Mentor")
    NEED = "need", _("Need")


class MatchState(models.TextChoices):
    NEW = "new", _("New")
    SAVED = "saved", _("Saved")
    DISMISSED = "dismissed", _("Dismissed")


class Side(models.TextChoices):
    """Which end of a match someone acts from: the seeker (startup, need) or the provider."""

    SEEKER = "seeker", _("Seeker")
    PROVIDER = "provider", _("Provider")


# Which fields hold each kind's two ends: (seeker, provider). Keyed by str: a row's `kind` is the plain value.
ENDS: dict[str, tuple[str, str]] = {
    MatchKind.FUNDING: ("organisation", "program"),
    MatchKind.COLLABORATION: ("organisation", "capability"),
    MatchKind.MENTORING: ("organisation", "mentor"),
    MatchKind.NEED: ("need", "capability"),
}
# The model behind each end field: one pair's end is one of these.
MatchEnd: TypeAlias = Organisation | Need | Program | Capability | MentorOffer
END_MODELS: dict[str, type[MatchEnd]] = {
    "organisation": Organisation,
    "need": Need,
    "program": Program,
    "capability": Capability,
    "mentor": MentorOffer,
}


def match_key(kind: str, seeker_id: int, provider_id: int) -> str:
    """Return the stable identity of a pair, the same across recomputes."""
    return f"{kind}:{seeker_id}:{provider_id}"


class Match(models.Model):
    """One recommended pair with its score, reasons and what each side did with it.

    Both sides see the same row: the startup sees the program, the officer sees the startup in the
    program's outreach list; the startup sees the mentor, the mentor sees the startup.
    """

    # The pair's identity (`match_key`). Unique by a constraint, not `unique=True`: that would add
    # a second index for LIKE queries, which nothing makes, on the largest table.
    key = models.CharField(max_length=64, editable=False)
    kind = models.CharField(_("kind"), max_length=16, choices=MatchKind.choices)
    # No index of their own: each end leads one of the partial indexes below, which also serve
    # the deletes that cascade from it.
    organisation = models.ForeignKey(
        "ecosystem.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="matches",
        db_index=False,
    )
    need = models.ForeignKey(
        "ecosystem.Need", null=True, blank=True, on_delete=models.CASCADE, related_name="matches", db_index=False
    )
    program = models.ForeignKey(
        "ecosystem.Program", null=True, blank=True, on_delete=models.CASCADE, related_name="matches", db_index=False
    )
    capability = models.ForeignKey(
        "ecosystem.Capability",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="matches",
        db_index=False,
    )
    mentor = models.ForeignKey(
        "ecosystem.MentorOffer",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="matches",
        db_index=False,
    )
    score = models.FloatField(_("score"))
    # Structured reasons from the engine ({"code", "params", "weight"}), rendered in the reader's language.
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    model_version = models.CharField(max_length=64)
    computed_at = models.DateTimeField(default=timezone.now)
    # False once a recompute no longer ranks the pair; kept only while someone saved or dismissed it.
    is_current = models.BooleanField(default=True)
    # Place in the seeker's own list of this kind (1 = best) and in the provider's list (outreach,
    # mentees), or None when not in that list; and when each list last placed it, so a full
    # recompute can clear the places of lists it rebuilt without them.
    seeker_rank = models.PositiveSmallIntegerField(null=True, blank=True)
    provider_rank = models.PositiveSmallIntegerField(null=True, blank=True)
    seeker_listed_at = models.DateTimeField(null=True, blank=True)
    provider_listed_at = models.DateTimeField(null=True, blank=True)
    seeker_state = models.CharField(max_length=16, choices=MatchState.choices, default=MatchState.NEW)
    provider_state = models.CharField(max_length=16, choices=MatchState.choices, default=MatchState.NEW)

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        # Partial: each row has two of the five ends, and an index entry for a null end is dead weight
        # that every write of millions of rows would pay for.
        indexes = [
            models.Index(
                fields=["organisation", "kind", "-score"],
                name="match_org_kind_score",
                condition=models.Q(organisation__isnull=False),
            ),
            models.Index(
                fields=["program", "-score"], name="match_program_score", condition=models.Q(program__isnull=False)
            ),
            models.Index(
                fields=["capability", "kind", "-score"],
                name="match_capability_score",
                condition=models.Q(capability__isnull=False),
            ),
            models.Index(
                fields=["mentor", "-score"], name="match_mentor_score", condition=models.Q(mentor__isnull=False)
            ),
            models.Index(fields=["need", "-score"], name="match_need_score", condition=models.Q(need__isnull=False)),
        ]
        constraints = [
            models.UniqueConstraint(fields=["key"], name="match_key_unique"),
            models.CheckConstraint(
                name="match_ends_fit_kind",
                condition=(
                    models.Q(kind=MatchKind.FUNDING, organisation__isnull=False, program__isnull=False)
                    | models.Q(kind=MatchKind.COLLABORATION, organisation__isnull=False, capability__isnull=False)
                    | models.Q(kind=MatchKind.MENTORING, organisation__isnull=False, mentor__isnull=False)
                    | models.Q(kind=MatchKind.NEED, need__isnull=False, capability__isnull=False)
                ),
            ),
        ]

    def __str__(self):
        return self.key

    @property
    def seeker(self):
        return getattr(self, ENDS[self.kind][0])

    @property
    def provider(self):
        return getattr(self, ENDS[self.kind][1])

    def state_of(self, side: str) -> str:
        return self.seeker_state if side == Side.SEEKER else self.provider_state


class MatchedSource(models.Model):
    """When an entity's matches were last computed, and from which version of it (for the sweeper)."""

    source_type = models.CharField(max_length=32)
    source_id = models.PositiveBigIntegerField()
    source_updated_at = models.DateTimeField()
    computed_at = models.DateTimeField(default=timezone.now)
    model_version = models.CharField(max_length=64)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source_type", "source_id"], name="matched_source_unique")]

    def __str__(self):
        return f"{self.source_type}:{self.source_id}"


class ScoreScale(models.Model):
    """How one kind's scores are spread over every listed match: what "strong" means for that kind.

    The scores of different kinds (and of one kind after a refit) are on different scales; a label
    read from a fixed threshold says little. The full recompute stores each kind's score quantiles,
    and a match's strength is its score's place among them (`matching.strength`).
    """

    kind = models.CharField(max_length=16, choices=MatchKind.choices, unique=True)
    quantiles = models.JSONField(default=list)  # ascending scores at 0 %, 1 %, …, 100 %
    sample_size = models.PositiveIntegerField(default=0)
    fitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("score scale")
        verbose_name_plural = _("score scales")

    def __str__(self):
        return f"{self.kind} ({self.sample_size} scores)"


class FeedbackEvent(models.TextChoices):
    SAVED = "saved", _("Saved")
    DISMISSED = "dismissed", _("Dismissed")
    RESTORED = "restored", _("Restored")
    NOT_RELEVANT = "not_relevant", _("Marked not relevant")
    INTRO_REQUESTED = "intro_requested", _("Introduction requested")
    INTRO_ACCEPTED = "intro_accepted", _("Introduction accepted")
    INTRO_DECLINED = "intro_declined", _("Introduction declined")
    COLLABORATION_STARTED = "collaboration_started", _("Collaboration started")
    FUNDING_AWARDED = "funding_awarded", _("Funding awarded")
    INVITED = "invited", _("Invited to apply")
    ASSIGNED = "assigned", _("Assigned in a cohort")


class MatchFeedback(models.Model):
    """One thing a person did with a match: the engine's training signal. Append-only."""

    key = models.CharField(max_length=64, db_index=True)  # the pair, which outlives its Match row
    match = models.ForeignKey(Match, null=True, blank=True, on_delete=models.SET_NULL, related_name="feedback")
    kind = models.CharField(max_length=16, choices=MatchKind.choices)
    side = models.CharField(max_length=16, choices=Side.choices)
    event = models.CharField(max_length=32, choices=FeedbackEvent.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("match feedback")
        verbose_name_plural = _("match feedback")

    def __str__(self):
        return f"{self.key} {self.event}"


class IntroductionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("Expired")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Introduction(models.Model):
    """A request from one side of a match to meet the other, answered by the other side."""

    match = models.ForeignKey(Match, null=True, on_delete=models.SET_NULL, related_name="introductions")
    key = models.CharField(max_length=64, db_index=True)
    kind = models.CharField(max_length=16, choices=MatchKind.choices)
    requester = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    requester_side = models.CharField(max_length=16, choices=Side.choices)
    message = CappedTextField(_("message"), max_length=MESSAGE_MAX_LENGTH, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=IntroductionStatus.choices, default=IntroductionStatus.PENDING
    )
    decline_reason = models.CharField(_("reason"), max_length=300, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("introduction")
        verbose_name_plural = _("introductions")
        constraints = [
            # One open request per pair at a time: a second click is the same request.
            models.UniqueConstraint(
                fields=["key"], condition=models.Q(status="pending"), name="introduction_one_pending_per_pair"
            )
        ]
        indexes = [models.Index(fields=["status", "expires_at"], name="introduction_expiry")]

    def __str__(self):
        return f"{self.key} ({self.status})"

    @property
    def answerer_side(self) -> str:
        return Side.PROVIDER if self.requester_side == Side.SEEKER else Side.SEEKER


class RelationshipStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    FUNDED = "funded", _("Funded")
    ENDED = "ended", _("Ended without result")


class Relationship(models.Model):
    """A collaboration or mentoring relationship that an accepted introduction or a cohort started."""

    kind = models.CharField(max_length=16, choices=MatchKind.choices)
    key = models.CharField(max_length=64, db_index=True)
    introduction = models.OneToOneField(
        Introduction, null=True, blank=True, on_delete=models.SET_NULL, related_name="relationship"
    )
    organisation = models.ForeignKey(
        "ecosystem.Organisation", null=True, blank=True, on_delete=models.CASCADE, related_name="relationships"
    )
    need = models.ForeignKey("ecosystem.Need", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    capability = models.ForeignKey(
        "ecosystem.Capability", null=True, blank=True, on_delete=models.CASCADE, related_name="relationships"
    )
    mentor = models.ForeignKey(
        "ecosystem.MentorOffer", null=True, blank=True, on_delete=models.CASCADE, related_name="relationships"
    )
    program = models.ForeignKey(
        "ecosystem.Program", null=True, blank=True, on_delete=models.SET_NULL, related_name="relationships"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=RelationshipStatus.choices, default=RelationshipStatus.ACTIVE
    )
    started_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("relationship")
        verbose_name_plural = _("relationships")
        indexes = [models.Index(fields=["mentor", "status"], name="relationship_mentor_status")]

    def __str__(self):
        return f"{self.key} ({self.status})"


class ProgramInvitation(models.Model):
    """An officer's invitation to an organisation to apply to a program (from the outreach list)."""

    program = models.ForeignKey("ecosystem.Program", on_delete=models.CASCADE, related_name="invitations_to_apply")
    organisation = models.ForeignKey("ecosystem.Organisation", on_delete=models.CASCADE, related_name="+")
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    message = CappedTextField(_("message"), max_length=MESSAGE_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("invitation to apply")
        verbose_name_plural = _("invitations to apply")
        constraints = [models.UniqueConstraint(fields=["program", "organisation"], name="program_invitation_once")]

    def __str__(self):
        return f"{self.program} → {self.organisation}"


class CohortStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class Cohort(models.Model):
    """A mentoring programme's cohort: startups, the mentor pool and the assignment between them."""

    program = models.ForeignKey("ecosystem.Program", on_delete=models.CASCADE, related_name="cohorts")
    name = OneLineCharField(_("name"), max_length=200)
    startups = models.ManyToManyField("ecosystem.Organisation", verbose_name=_("startups"), related_name="+")
    mentors = models.ManyToManyField("ecosystem.MentorOffer", verbose_name=_("mentors"), related_name="+")
    status = models.CharField(_("status"), max_length=16, choices=CohortStatus.choices, default=CohortStatus.DRAFT)
    # The assignment's quality report: total, mean and worst pair score, unassigned startups.
    report = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("mentoring cohort")
        verbose_name_plural = _("mentoring cohorts")

    def __str__(self):
        return self.name


class CohortPair(models.Model):
    """One startup assigned to one mentor in a cohort (by the optimiser or adjusted by the officer)."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="pairs")
    organisation = models.ForeignKey("ecosystem.Organisation", on_delete=models.CASCADE, related_name="+")
    mentor = models.ForeignKey("ecosystem.MentorOffer", on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    adjusted = models.BooleanField(default=False)

    class Meta:
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "organisation"], name="cohort_pair_one_mentor_per_startup")
        ]

    def __str__(self):
        return f"{self.organisation} ↔ {self.mentor}"
