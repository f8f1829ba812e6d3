"""Celery tasks of matching (keeping matches fresh, expiring introductions): thin wrappers around
`matching.pipeline` and `matching.services`, safe to run twice, with one retry policy; and the
queue that sends a recompute when a transaction that changed a profile commits."""

import logging

from celery import chord, shared_task
from django.db import DatabaseError
from django.utils import timezone

from infra.commit_buffer import CommitBuffer
from matching.pipeline import freshness, recompute
from matching.pipeline.refit import match_index_build, match_index_get, match_index_renew, match_index_save
from matching.services import introductions

logger = logging.getLogger(__name__)

RETRY = {
    "bind": True,
    "acks_late": True,
    "autoretry_for": (DatabaseError, ConnectionError),
    "retry_backoff": True,
    "retry_backoff_max": 300,
    "retry_jitter": True,
    "max_retries": 5,
}


@shared_task(**RETRY)
def matches_recompute(self, entity_type: str, ids: list[int]) -> int:
    """Recompute the matches of changed entities ("startup", "need", "program", "capability", "mentor")."""
    return recompute.matches_recompute_for(entity_type=entity_type, entity_ids=ids)


@shared_task(**RETRY)
def matches_rebuild_shard(self, side: str, start: int, stop: int, version: str, started_at: str) -> int:
    """Compute every match of one shard of seekers with the index of `version`."""
    index = match_index_get()
    if index.version != version:
        # A newer refit replaced this run's index: that run's own shards cover this one.
        return 0
    return recompute.matches_compute_shard(
        index=index, side=side, start=start, stop=stop, computed_at=timezone.datetime.fromisoformat(started_at)
    )


@shared_task(**RETRY)
def matches_rebuild_finish(self, written: list[int], version: str, started_at: str) -> dict:
    """Retire the pairs the rebuild did not produce (the chord's callback)."""
    index = match_index_get()
    if index.version != version:
        return {"written": sum(written), "retired": 0}
    retired = recompute.matches_finish_rebuild(index=index, started_at=timezone.datetime.fromisoformat(started_at))
    return {"written": sum(written), "retired": retired}


@shared_task(bind=True, acks_late=True, max_retries=2)
def matches_refit(self, refit: bool = False) -> dict[str, str | None]:
    """Renew the index and recompute every match, sharded across the workers (nightly).

    The index is renewed (`refit.match_index_renew`), or fitted anew with `refit`. Returns the
    index version and the id of the chord's last task (None when the shards ran here), which
    `matches_rebuild --workers --wait` waits for.
    """
    started_at = timezone.now()
    index = match_index_build() if refit else match_index_renew()
    match_index_save(index)
    shards = recompute.shards(index, recompute.shard_size())
    stamp = started_at.isoformat()
    if not self.app.conf.result_backend:
        # A chord needs a result backend to know when every shard is done: without one, run them here.
        written = [matches_rebuild_shard(side, start, stop, index.version, stamp) for side, start, stop in shards]
        matches_rebuild_finish(written, index.version, stamp)
        return {"version": index.version, "finish": None}
    finish = chord(matches_rebuild_shard.si(side, start, stop, index.version, stamp) for side, start, stop in shards)(
        matches_rebuild_finish.s(index.version, stamp)
    )
    return {"version": index.version, "finish": finish.id}


@shared_task(bind=True, acks_late=True, max_retries=3, autoretry_for=(DatabaseError,), retry_backoff=True)
def matches_sweep(self) -> dict[str, int]:
    """Re-enqueue every entity whose matches are older than the entity (django-celery-beat, every 5 minutes)."""
    queued = {}
    for entity_type in freshness.STAMPS:
        ids = freshness.stale_ids(entity_type)
        for start in range(0, len(ids), 200):
            matches_recompute.delay(entity_type, ids[start : start + 200])
        queued[entity_type] = len(ids)
    logger.info("matches sweep", extra=queued)
    return queued


@shared_task(**RETRY)
def introductions_expire(self) -> int:
    """Expire unanswered introduction requests and tell their requesters (django-celery-beat runs this hourly)."""
    return introductions.introductions_expire()


# -- Queueing on commit --------------------------------------------------------------------------

# Sent once; if the broker is down the sweeper catches up, so a request does not wait long.
PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}


def _send(pending: dict[str, set[int]]) -> None:
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
