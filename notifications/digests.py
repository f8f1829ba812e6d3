"""Digests: what is new for a person since their last digest, and the plan that queues everyone's.

A digest's outbox row (key = recipient + period) is created by the plan; its content is computed
when a worker first claims it and stored on the row, so a retry sends the same e-mail and the
next digest starts where the last one that was actually sent ended.
"""

import logging
from collections import defaultdict
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from ecosystem.models import Membership
from ecosystem.selectors.programs import applicant_for, program_list_open
from kernel import eligibility
from matching.models import END_MODELS, ENDS, Introduction, IntroductionStatus, Match, MatchKind, MatchState, Side
from matching.selectors.introductions import introduction_list_received
from matching.selectors.matches import match_list_for, sides_remember
from notifications.models import DIGEST, Delivery, DeliveryStatus, DigestFrequency, Suppression
from notifications.reasons import reason_lines
from notifications.tokens import not_relevant_token
from search.models import SavedSearch
from search.selectors import saved_search_new_results

logger = logging.getLogger(__name__)

MAX_MATCHES = 5
MAX_PROGRAMS = 5
MAX_SEARCH_RESULTS = 5
MAX_INTRODUCTIONS = 10
CLOSING_WITHIN = timedelta(days=14)


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


# --- Periods and the plan ----------------------------------------------------------------------


def digest_period(frequency: str, day) -> str:
    """Return the period a digest sent on `day` covers: the day, or the ISO week."""
    if frequency == DigestFrequency.DAILY:
        return f"daily:{day.isoformat()}"
    year, week, _weekday = day.isocalendar()
    return f"weekly:{year}-W{week:02d}"


def digest_key(user_id: int, period: str) -> str:
    return f"{DIGEST}:{user_id}:{period}"


def digests_plan(*, now: datetime | None = None) -> list[int]:
    """Write an outbox row for everyone whose digest is due today; return the ids not yet queued.

    Rows are unique per (recipient, period), so a second run in the same period (a duplicated beat
    tick) adds nothing, and rows another run is queueing are skipped (skip_locked).
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    suppressed = set(Suppression.objects.values_list("email", flat=True))
    people = (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(email="")
        .values_list("pk", "email", "notification_preference__digest_frequency", "notification_preference__quiet_days")
    )
    rows, periods = [], set()
    for user_id, email, frequency, quiet_days in people.iterator(chunk_size=5000):
        frequency = frequency or DigestFrequency.WEEKLY
        if frequency == DigestFrequency.OFF or today.weekday() in (quiet_days or []):
            continue
        if email.lower() in suppressed:
            continue
        period = digest_period(frequency, today)
        periods.add(period)
        rows.append(Delivery(key=digest_key(user_id, period), recipient_id=user_id, kind=DIGEST, period=period))
    Delivery.objects.bulk_create(rows, ignore_conflicts=True, batch_size=2000)
    with transaction.atomic():
        ids = list(
            Delivery.objects.filter(
                kind=DIGEST, period__in=periods, status=DeliveryStatus.PENDING, enqueued_at__isnull=True
            )
            .select_for_update(skip_locked=True)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        Delivery.objects.filter(pk__in=ids).update(enqueued_at=now)
    logger.info("digests planned", extra={"candidates": len(rows), "queued": len(ids)})
    return ids


# --- Content -----------------------------------------------------------------------------------


class DigestBatch:
    """What a batch of digests reads once (history, organisations, closing programs) instead of once per person."""

    def __init__(self, users, *, now: datetime | None = None):
        self.now = now or timezone.now()
        ids = [user.pk for user in users]
        sides_remember(users)  # what each person's matches hang from, for the batch at once
        self.history: dict[int, tuple[datetime | None, set[str]]] = {}
        sent = Delivery.objects.filter(recipient_id__in=ids, kind=DIGEST, status=DeliveryStatus.SENT)
        for user_id, prepared_at, item_keys in sent.values_list("recipient_id", "prepared_at", "context__item_keys"):
            since, keys = self.history.get(user_id, (None, set()))
            if prepared_at and (since is None or prepared_at > since):
                since = prepared_at
            self.history[user_id] = (since, keys | set(item_keys or []))
        self.alerting = set(SavedSearch.objects.filter(user_id__in=ids, alert=True).values_list("user_id", flat=True))
        self.organisations = defaultdict(list)
        memberships = (
            Membership.objects.filter(user_id__in=ids, organisation__hidden_at__isnull=True)
            .select_related(
                "organisation",
                "organisation__startup_profile__stage",
                "organisation__startup_profile__location",
            )
            .prefetch_related("organisation__startup_profile__sectors__parent")
        )
        for membership in memberships:
            self.organisations[membership.user_id].append(membership.organisation)
        self._closing = None
        self._introductions_pending = None
        self._ends: dict[tuple[str, int], object] = {}
        self._program_matches = None

    def closing_programs(self) -> list:
        """Return the open programs closing within 14 days with their criteria."""
        if self._closing is None:
            programs = program_list_open(now=self.now).filter(closes_at__lte=self.now + CLOSING_WITHIN)
            programs = programs.prefetch_related("eligible_stages", "eligible_sectors", "eligible_locations")
            self._closing = [(program, program.criteria()) for program in programs]
        return self._closing

    def program_matches(self) -> dict[tuple[int, int], tuple[int, str]]:
        """Return funding matches of the batch with closing programs: (organisation, program) → (match, state)."""
        if self._program_matches is None:
            organisation_ids = {organisation.pk for group in self.organisations.values() for organisation in group}
            rows = Match.objects.filter(
                kind=MatchKind.FUNDING,
                organisation_id__in=organisation_ids,
                program_id__in=[program.pk for program, _criteria in self.closing_programs()],
            ).values_list("organisation_id", "program_id", "pk", "seeker_state")
            self._program_matches = {(org, program): (pk, state) for org, program, pk, state in rows}
        return self._program_matches

    def ends(self, wanted: list[tuple[str, int]]) -> dict[tuple[str, int], object]:
        """Return the matches' other ends by (field, id), reading only those not read before in this batch."""
        missing: dict[str, set[int]] = defaultdict(set)
        for field, pk in wanted:
            if (field, pk) not in self._ends:
                missing[field].add(pk)
        for field, ids in missing.items():
            objects = END_MODELS[field].objects.filter(pk__in=ids)
            if field == "mentor":
                objects = objects.select_related("user")
            elif field == "need" or field == "capability":
                objects = objects.select_related("organisation")
            for obj in objects:
                self._ends[(field, obj.pk)] = obj
        return {key: self._ends[key] for key in wanted if key in self._ends}

    def introductions_waiting(self) -> bool:
        """True when any introduction request waits for an answer (most days few do: then nobody needs a query)."""
        if self._introductions_pending is None:
            waiting = Introduction.objects.filter(status=IntroductionStatus.PENDING, expires_at__gt=self.now)
            self._introductions_pending = waiting.exists()
        return self._introductions_pending


# What a person is shown of a match: the provider for a seeker, the seeker for a provider.
MATCH_FIELDS = ("pk", "key", "kind", "reasons", "viewer_side", *(f"{field}_id" for field in END_MODELS))


def _other_end_field(match) -> str:
    seeker_field, provider_field = ENDS[match.kind]
    return provider_field if match.viewer_side == Side.SEEKER else seeker_field


def _title(obj) -> str:
    return getattr(obj, "title", None) or getattr(obj, "name", None) or str(obj)


def _match_key(match) -> str:
    return f"match:{match.key}:{match.viewer_side}"


def _matches(user, *, since, sent_keys, batch: DigestBatch, now) -> list[dict]:
    # The selector decides what the person sees; only the ids are read here (the ends come from the
    # batch's cache), which keeps the query small: it runs once per person.
    matches = match_list_for(user=user, now=now).select_related(None)
    if since is not None:
        matches = matches.filter(computed_at__gt=since)
    rows = matches.values_list(*MATCH_FIELDS, named=True)[: MAX_MATCHES + 20]
    fresh = [match for match in rows if _match_key(match) not in sent_keys][:MAX_MATCHES]
    ends = batch.ends([(_other_end_field(match), getattr(match, f"{_other_end_field(match)}_id")) for match in fresh])
    reasons = reason_lines(fresh)
    items = []
    for match in fresh:
        field = _other_end_field(match)
        other = ends.get((field, getattr(match, f"{field}_id")))
        if other is None:
            continue
        token = not_relevant_token(user_id=user.pk, match_id=match.pk, side=match.viewer_side)
        items.append(
            {
                "key": _match_key(match),
                "program_id": match.program_id,
                "title": _title(other),
                "url": absolute_url(other.get_absolute_url()),
                "kind": str(MatchKind(match.kind).label),
                "reason_html": reasons[match.pk][0],
                "reason": reasons[match.pk][1],
                "not_relevant_url": absolute_url(reverse("notifications:not_relevant", kwargs={"token": token})),
            }
        )
    return items


def _programs(user, *, sent_keys, skip_program_ids, batch: DigestBatch) -> list[dict]:
    organisations = batch.organisations.get(user.pk, [])
    closing = batch.closing_programs() if organisations else []
    if not closing:
        return []
    applicants = [(organisation.pk, applicant_for(organisation)) for organisation in organisations]
    items = []
    for program, criteria in closing:
        key = f"program:{program.pk}"
        if key in sent_keys or program.pk in skip_program_ids:
            continue
        if any(program.agency_id == organisation_id for organisation_id, _applicant in applicants):
            continue  # a program of one's own agency is not an opportunity
        if not any(eligibility.evaluate(criteria, applicant).eligible for _pk, applicant in applicants):
            continue
        matched = [batch.program_matches().get((organisation_id, program.pk)) for organisation_id, _a in applicants]
        matched = [found for found in matched if found is not None]
        if any(state == MatchState.DISMISSED for _pk, state in matched):
            continue  # the person said it is not for them
        item = {
            "key": key,
            "title": program.title,
            "url": absolute_url(program.get_absolute_url()),
            "closes": formats.date_format(timezone.localtime(program.closes_at), "DATE_FORMAT"),
        }
        if matched:
            token = not_relevant_token(user_id=user.pk, match_id=matched[0][0], side=Side.SEEKER)
            item["not_relevant_url"] = absolute_url(reverse("notifications:not_relevant", kwargs={"token": token}))
        items.append(item)
        if len(items) == MAX_PROGRAMS:
            break
    return items


def _searches(user, *, batch: DigestBatch) -> tuple[list[dict], list[int]]:
    items, ids = [], []
    if user.pk not in batch.alerting:
        return items, ids
    for saved_search in SavedSearch.objects.filter(user=user, alert=True).select_related("user"):
        ids.append(saved_search.pk)
        results = saved_search_new_results(saved_search=saved_search, limit=MAX_SEARCH_RESULTS)
        if not results.count:
            continue
        query = f"?{saved_search.query_string}" if saved_search.query_string else ""
        items.append(
            {
                "name": saved_search.name,
                "count": results.count,
                "url": absolute_url(reverse("search:search") + query),
                "results": [{"title": hit.title, "url": absolute_url(hit.url)} for hit in results.hits],
            }
        )
    return items, ids


def _received(user):
    """Return the introduction requests the person answers, by matching's rule."""
    return introduction_list_received(user=user)


def _introductions(user, *, sent_keys, batch: DigestBatch, now) -> list[dict]:
    if not batch.introductions_waiting():
        return []
    pending = (
        _received(user)
        .select_related(None)
        .select_related("requester")
        .filter(status=IntroductionStatus.PENDING, expires_at__gt=now)
        .order_by("expires_at")
    )
    items = []
    for introduction in pending[:MAX_INTRODUCTIONS]:
        key = f"introduction:{introduction.pk}"
        if key in sent_keys:
            continue
        items.append(
            {
                "key": key,
                # A name only: the requester's address is shared once the request is accepted.
                "requester": introduction.requester.public_name,
                "expires": formats.date_format(timezone.localtime(introduction.expires_at), "DATE_FORMAT"),
                "url": absolute_url(_introduction_path(introduction)),
            }
        )
    return items


def _introduction_path(introduction) -> str:
    """Return the request's page in matching when it has one, else the notification list."""
    from django.urls import NoReverseMatch

    try:
        return reverse("matching:introduction_detail", kwargs={"pk": introduction.pk})
    except NoReverseMatch:
        return reverse("notifications:list")


def digest_content(*, user, now: datetime | None = None, batch: DigestBatch | None = None) -> dict:
    """Return what the person's next digest lists, rendered in their language (empty lists when nothing is new)."""
    now = now or timezone.now()
    batch = batch or DigestBatch([user], now=now)
    since, sent_keys = batch.history.get(user.pk, (None, set()))
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        matches = _matches(user, since=since, sent_keys=sent_keys, batch=batch, now=now)
        skip = {item["program_id"] for item in matches if item["program_id"]}
        programs = _programs(user, sent_keys=sent_keys, skip_program_ids=skip, batch=batch)
        searches, saved_search_ids = _searches(user, batch=batch)
        introductions = _introductions(user, sent_keys=sent_keys, batch=batch, now=now)
        count = len(matches) + len(programs) + sum(item["count"] for item in searches) + len(introductions)
        return {
            "matches": matches,
            "programs": programs,
            "searches": searches,
            "introductions": introductions,
            "item_count": count,
            "item_keys": [item["key"] for item in (*matches, *programs, *introductions)],
            "saved_search_ids": saved_search_ids,
            "since": since.isoformat() if since else None,
            "title": _("What is new for you on Helix"),
        }


def digest_mark_sent(*, delivery: Delivery) -> None:
    """After a digest is sent: its saved searches have alerted up to the moment it was prepared."""
    ids = delivery.context.get("saved_search_ids") or []
    if ids:
        SavedSearch.objects.filter(pk__in=ids).update(last_alerted_at=delivery.prepared_at)
