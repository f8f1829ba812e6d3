"""Keeping matches fresh: queue recomputes on commit, and sweep up whatever a lost task left behind."""

import logging

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q

from config.commit_buffer import CommitBuffer
from ecosystem.models import Capability, MentorOffer, Need, Organisation, Program
from matching.models import MatchedSource

logger = logging.getLogger(__name__)

# Sent once; if the broker is down the sweeper catches up, so a request does not wait long.
PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
SWEEP_LIMIT = 5000


def shard_size() -> int:
    return settings.MATCHING_SHARD_SIZE


# -- Queueing on commit --------------------------------------------------------------------------


def _send(pending: dict[str, set[int]]) -> None:
    from matching.tasks import matches_recompute

    for entity_type, ids in pending.items():
        try:
            matches_recompute.apply_async((entity_type, sorted(ids)), retry_policy=PUBLISH_RETRY_POLICY)
        except Exception:  # the broker is down: the sweeper will see these entities as stale
            logger.warning(
                "matches recompute not queued; the sweeper will catch up",
                extra={"entity_type": entity_type, "ids": sorted(ids)[:20]},
                exc_info=True,
            )


_buffer = CommitBuffer("matching", _send)


def matches_recompute_enqueue(*, entity_type: str, ids) -> None:
    """Queue a recompute of these entities' matches for when the current transaction commits."""
    _buffer.add({entity_type: ids})


# -- The sweeper -----------------------------------------------------------------------------------

# Entity type → (queryset of matchable entities, the field holding when its facts last changed).
STAMPS = {
    "startup": (lambda: Organisation.objects.filter(startup_profile__isnull=False), "startup_profile__updated_at"),
    "need": (lambda: Need.objects.all(), "updated_at"),
    "program": (lambda: Program.objects.filter(live=True), "updated_at"),
    "capability": (lambda: Capability.objects.all(), "updated_at"),
    "mentor": (lambda: MentorOffer.objects.all(), "updated_at"),
}


def stale_ids(entity_type: str, limit: int = SWEEP_LIMIT) -> list[int]:
    """Return entities changed after their matches were last computed (or never computed)."""
    queryset, stamp = STAMPS[entity_type]
    fresh = MatchedSource.objects.filter(
        source_type=entity_type, source_id=OuterRef("pk"), source_updated_at__gte=OuterRef(stamp)
    )
    return list(
        queryset()
        .filter(~Q(**{f"{stamp}__isnull": True}))
        .exclude(Exists(fresh))
        .order_by(F(stamp).asc())
        .values_list("pk", flat=True)[:limit]
    )


def matches_sweep() -> dict[str, int]:
    """Queue a recompute for every stale entity; return how many of each type."""
    from matching.tasks import matches_recompute

    queued = {}
    for entity_type in STAMPS:
        ids = stale_ids(entity_type)
        for start in range(0, len(ids), 200):
            matches_recompute.delay(entity_type, ids[start : start + 200])
        queued[entity_type] = len(ids)
    logger.info("matches sweep", extra=queued)
    return queued
