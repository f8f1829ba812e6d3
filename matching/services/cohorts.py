"""Mentoring cohorts: an officer picks startups and a mentor pool, the engine assigns them optimally
under each mentor's free places, the officer adjusts and publishes.

A mentor's free places are their offer's capacity minus the mentoring relationships they have
active now, read live every time (when assigning, when moving a startup and when publishing), so
a cohort can never give a mentor more startups than they said they can take. Publishing starts
one active mentoring relationship per pair and is final.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import numpy as np
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ecosystem.models import MentorOffer, Organisation, Program, ProgramKind
from ecosystem.permissions import can_manage_programs
from ecosystem.templatetags.directory_tags import public_name
from matching.engine.capacity import assign_cohort
from matching.engine.reciprocity import Profile, ProfileMatcher
from matching.models import (
    Cohort,
    CohortPair,
    CohortStatus,
    FeedbackEvent,
    Match,
    MatchKind,
    Relationship,
    RelationshipStatus,
    Side,
    match_key,
)
from matching.pipeline.profiles import mentor_feed, startup_feed
from matching.selectors.programs import cohort_pairs, mentor_free_places, mentor_pool, startup_candidates
from matching.services.feedback import feedback_record, match_feedback_record
from matching.signals import cohort_published

if TYPE_CHECKING:
    from accounts.models import User

logger = logging.getLogger(__name__)

COHORT_PROGRAM_KINDS = (ProgramKind.MENTORING, ProgramKind.ACCELERATOR)
# Bounds that keep the optimiser (a square assignment over every place) well under a second.
MAX_STARTUPS = 200
MAX_MENTORS = 100


# -- Who may run cohorts -----------------------------------------------------------------------


def cohort_program_require(*, user: User, program: Program) -> None:
    """Raise PermissionDenied unless the person manages the program's agency and it runs cohorts."""
    if program.kind not in COHORT_PROGRAM_KINDS or not can_manage_programs(user, program.agency):
        raise PermissionDenied


# -- Scores and the report ------------------------------------------------------------------------


def _score_matrix(startup_ids: list[int], mentor_ids: list[int]) -> np.ndarray:
    """Return the fit of every startup (rows) with every mentor (columns), from their profiles now."""
    startups, mentors = startup_feed(startup_ids), mentor_feed(mentor_ids)
    by_startup = dict(zip(startups.ids, startups.profiles, strict=True))
    by_mentor = dict(zip(mentors.ids, mentors.profiles, strict=True))
    left = [by_startup.get(pk, Profile()) for pk in startup_ids]
    right = [by_mentor.get(pk, Profile()) for pk in mentor_ids]
    scores = np.zeros((len(left), len(right)), dtype=np.float64)
    if not left or not right:
        return scores
    try:
        matcher = ProfileMatcher()
        best, _ = matcher.fit(left, right).top_k(len(right))
    except ValueError:  # no words at all on either side: every pair fits equally (not at all)
        logger.warning("cohort scored without text", extra={"startups": len(left), "mentors": len(right)})
        return scores
    rows, places = np.nonzero(best.indices >= 0)
    scores[rows, best.indices[rows, places]] = best.scores[rows, places]
    return scores


def _summary(pair_scores: list[float], startup_ids: Iterable[int], assigned_ids: Iterable[int]) -> dict[str, Any]:
    assigned = set(assigned_ids)
    return {
        "total": float(sum(pair_scores)),
        "mean": float(np.mean(pair_scores)) if pair_scores else 0.0,
        "worst": float(min(pair_scores)) if pair_scores else 0.0,
        "assigned": len(assigned),
        "unassigned": [pk for pk in startup_ids if pk not in assigned],
    }


def _refresh_report(cohort: Cohort) -> None:
    pairs = list(cohort.pairs.values_list("organisation_id", "score"))
    startup_ids = sorted(cohort.startups.values_list("pk", flat=True))
    cohort.report = {
        **cohort.report,
        **_summary([score for _, score in pairs], startup_ids, [pk for pk, _ in pairs]),
        "adjusted": True,
    }
    cohort.save(update_fields=["report"])


def pair_score(cohort: Cohort, organisation_id: int, mentor_id: int) -> float:
    """Return the fit of a startup and a mentor as scored when the cohort was last assigned."""
    return float(cohort.report.get("scores", {}).get(str(organisation_id), {}).get(str(mentor_id), 0.0))


# -- Writes ---------------------------------------------------------------------------------------


def _locked_draft(*, user: User, cohort: Cohort) -> Cohort:
    cohort_program_require(user=user, program=cohort.program)
    locked = Cohort.objects.select_for_update().select_related("program__agency").get(pk=cohort.pk)
    if locked.status != CohortStatus.DRAFT:
        raise ValidationError(_("This cohort has been published: it can no longer be changed."))
    return locked


def _check_members(startups: Iterable[Organisation], mentors: Iterable[MentorOffer]) -> tuple[list[int], list[int]]:
    startup_ids = sorted({organisation.pk for organisation in startups})
    mentor_ids = sorted({mentor.pk for mentor in mentors})
    errors: dict[str, str] = {}
    if not startup_ids:
        errors["startups"] = _("Choose at least one startup.")
    elif len(startup_ids) > MAX_STARTUPS:
        errors["startups"] = _("A cohort takes at most %(max)s startups.") % {"max": MAX_STARTUPS}
    elif startup_candidates().filter(pk__in=startup_ids).count() != len(startup_ids):
        errors["startups"] = _("Only public startups and SMEs with a profile can join a cohort.")
    if not mentor_ids:
        errors["mentors"] = _("Choose at least one mentor.")
    elif len(mentor_ids) > MAX_MENTORS:
        errors["mentors"] = _("A cohort takes at most %(max)s mentors.") % {"max": MAX_MENTORS}
    elif mentor_pool().filter(pk__in=mentor_ids).count() != len(mentor_ids):
        errors["mentors"] = _("Only public mentor offers that are not paused can be chosen.")
    if errors:
        raise ValidationError(errors)
    return startup_ids, mentor_ids


@transaction.atomic
def cohort_create(
    *, user: User, program: Program, name: str, startups: Iterable[Organisation], mentors: Iterable[MentorOffer]
) -> Cohort:
    """Return a new draft cohort of these startups and mentors, already assigned."""
    cohort_program_require(user=user, program=program)
    startup_ids, mentor_ids = _check_members(startups, mentors)
    cohort = Cohort.objects.create(program=program, name=name.strip(), created_by=user)
    cohort.startups.set(startup_ids)
    cohort.mentors.set(mentor_ids)
    logger.info("cohort created", extra={"cohort": cohort.pk, "program": program.pk, "user": user.pk})
    return cohort_assign(user=user, cohort=cohort)


@transaction.atomic
def cohort_update(
    *, user: User, cohort: Cohort, name: str, startups: Iterable[Organisation], mentors: Iterable[MentorOffer]
) -> Cohort:
    """Return the draft cohort with new members, assigned again (adjustments are dropped)."""
    cohort = _locked_draft(user=user, cohort=cohort)
    startup_ids, mentor_ids = _check_members(startups, mentors)
    cohort.name = name.strip()
    cohort.save(update_fields=["name"])
    cohort.startups.set(startup_ids)
    cohort.mentors.set(mentor_ids)
    return cohort_assign(user=user, cohort=cohort)


@transaction.atomic
def cohort_assign(*, user: User, cohort: Cohort) -> Cohort:
    """Return the draft cohort with the optimal assignment of its startups to its mentors' free places.

    Replaces any earlier pairs (and adjustments). The report keeps every pair's score so that an
    officer's later moves are scored the same way.
    """
    cohort = _locked_draft(user=user, cohort=cohort)
    startup_ids = sorted(cohort.startups.values_list("pk", flat=True))
    mentor_ids = sorted(cohort.mentors.values_list("pk", flat=True))
    scores = _score_matrix(startup_ids, mentor_ids)
    free = mentor_free_places(mentor_ids)
    assignment = assign_cohort(scores, [free[pk] for pk in mentor_ids])
    cohort.pairs.all().delete()
    CohortPair.objects.bulk_create(
        CohortPair(cohort=cohort, organisation_id=startup_ids[row], mentor_id=mentor_ids[column], score=score)
        for (row, column), score in zip(assignment.pairs, assignment.scores, strict=True)
    )
    cohort.report = {
        **_summary(assignment.scores, startup_ids, [startup_ids[row] for row, _ in assignment.pairs]),
        "adjusted": False,
        "scores": {
            str(startup): {
                str(mentor): round(float(scores[row, column]), 6) for column, mentor in enumerate(mentor_ids)
            }
            for row, startup in enumerate(startup_ids)
        },
    }
    cohort.save(update_fields=["report"])
    logger.info(
        "cohort assigned",
        extra={"cohort": cohort.pk, "pairs": len(assignment.pairs), "unassigned": len(assignment.unassigned)},
    )
    return cohort


@transaction.atomic
def cohort_pair_move(*, user: User, cohort: Cohort, organisation: Organisation, mentor: MentorOffer | None) -> Cohort:
    """Return the cohort with the startup moved to `mentor` (None: left unassigned).

    Refused (ValidationError on "mentor") when the mentor has no free place left for it.
    """
    cohort = _locked_draft(user=user, cohort=cohort)
    if not cohort.startups.filter(pk=organisation.pk).exists():
        raise ValidationError({"organisation": _("This startup is not in the cohort.")})
    if mentor is None:
        cohort.pairs.filter(organisation=organisation).delete()
        _refresh_report(cohort)
        return cohort
    if not cohort.mentors.filter(pk=mentor.pk).exists():
        raise ValidationError({"mentor": _("This mentor is not in the cohort's pool.")})
    if cohort.pairs.filter(organisation=organisation, mentor=mentor).exists():
        return cohort
    taken = cohort.pairs.filter(mentor=mentor).exclude(organisation=organisation).count()
    free = mentor_free_places([mentor.pk], lock=True)[mentor.pk]
    if taken + 1 > free:
        raise ValidationError(
            {
                "mentor": _(
                    "%(mentor)s has no free place left: %(taken)s of their %(free)s free places are already "
                    "taken in this cohort. Move another startup away first or choose another mentor."
                )
                % {"mentor": public_name(mentor.user), "taken": taken, "free": free}
            }
        )
    CohortPair.objects.update_or_create(
        cohort=cohort,
        organisation=organisation,
        defaults={"mentor": mentor, "score": pair_score(cohort, organisation.pk, mentor.pk), "adjusted": True},
    )
    _refresh_report(cohort)
    return cohort


def _record_assigned(*, pairs: list[CohortPair], user: User) -> None:
    keys = {pair.pk: match_key(MatchKind.MENTORING, pair.organisation_id, pair.mentor_id) for pair in pairs}
    matches = {match.key: match for match in Match.objects.filter(key__in=keys.values())}
    for pair in pairs:
        key = keys[pair.pk]
        if key in matches:
            match_feedback_record(match=matches[key], side=Side.PROVIDER, event=FeedbackEvent.ASSIGNED, actor=user)
        else:  # an officer may pair a startup with a mentor the engine never ranked for it
            feedback_record(
                key=key, kind=MatchKind.MENTORING, side=Side.PROVIDER, event=FeedbackEvent.ASSIGNED, actor=user
            )


@transaction.atomic
def cohort_publish(*, user: User, cohort: Cohort) -> list[Relationship]:
    """Return the active mentoring relationships the published cohort starts, one per pair.

    Final: a published cohort cannot be published again or changed. Refused when a mentor no longer
    has the places the cohort gives them (they took on other startups or paused meanwhile).
    Listeners hear `cohort_published` once, with every pair, after the transaction commits.
    """
    cohort = _locked_draft(user=user, cohort=cohort)
    pairs = cohort_pairs(cohort=cohort)
    if not pairs:
        raise ValidationError(_("No startup is assigned to a mentor yet, so there is nothing to publish."))
    load = Counter(pair.mentor_id for pair in pairs)
    free = mentor_free_places(load, lock=True)
    short = [pair.mentor for pair in pairs if load[pair.mentor_id] > free[pair.mentor_id]]
    if short:
        names = ", ".join(sorted({public_name(mentor.user) for mentor in short}))
        raise ValidationError(
            _(
                "These mentors no longer have enough free places (they have taken on other startups or paused "
                "their offer): %(names)s. Move their startups or assign the cohort again."
            )
            % {"names": names}
        )
    now = timezone.now()
    # One by one, not in bulk: saving a relationship tells the recompute that the mentor has less room.
    relationships = [
        Relationship.objects.create(
            kind=MatchKind.MENTORING,
            key=match_key(MatchKind.MENTORING, pair.organisation_id, pair.mentor_id),
            organisation_id=pair.organisation_id,
            mentor_id=pair.mentor_id,
            program=cohort.program,
            status=RelationshipStatus.ACTIVE,
            started_at=now,
        )
        for pair in pairs
    ]
    _record_assigned(pairs=pairs, user=user)
    cohort.status = CohortStatus.PUBLISHED
    cohort.published_at = now
    cohort.save(update_fields=["status", "published_at"])
    transaction.on_commit(lambda: cohort_published.send(sender=Cohort, cohort=cohort, pairs=pairs))
    logger.info("cohort published", extra={"cohort": cohort.pk, "pairs": len(pairs), "user": user.pk})
    return relationships
