"""Recompute matches: one changed entity within seconds, or everything in shards.

See `scoring` for which pairs are kept and `storing` for how they are written.
"""

import logging
import multiprocessing
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from datetime import datetime

import numpy as np
from django.conf import settings
from django.db import connection, connections, transaction
from django.utils import timezone

from infra.processes import django_with
from matching.engine.retrieval import top_k_of
from matching.models import ENDS, Match, MatchKind
from matching.pipeline import storing
from matching.pipeline.index import MatchIndex
from matching.pipeline.refit import match_index_build, match_index_get, match_index_renew, match_index_save
from matching.pipeline.reranking import final_scores
from matching.pipeline.score_scales import score_scales_fit
from matching.pipeline.scoring import (
    PROVIDER_SIDE,
    SEEKER_SIDE,
    Pair,
    Scored,
    block_pairs,
    can_score,
    funding_provider_pairs,
    pairs_from,
    profile_provider_pairs,
    profile_seeker_pairs,
    provider_top_k,
    ranked,
    score_block,
    top_k,
)

logger = logging.getLogger(__name__)

# The entity types a change can come from, and the kinds in which each one takes part.
KINDS_OF = {
    "startup": [MatchKind.FUNDING, MatchKind.COLLABORATION, MatchKind.MENTORING],
    "need": [MatchKind.NEED],
    "program": [MatchKind.FUNDING],
    "capability": [MatchKind.COLLABORATION, MatchKind.NEED],
    "mentor": [MatchKind.MENTORING],
}
# How many of a changed entity's best counterparts are checked for entering *their* lists.
CROSS_CHECK = 100
# Many at once (an import, the demo): one full pass costs less than each entity alone.
BULK_THRESHOLD = 200


# -- One entity ------------------------------------------------------------------------------------


def _final_scores(index: MatchIndex, kind: str, scored: Scored, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Return the final scores of these cells of a block (-inf where a pair may never match)."""
    values = scored.scores[rows, cols]
    final = np.full(values.shape, -np.inf, dtype=np.float32)
    valid = np.isfinite(values) & (values > 0)
    final[valid] = final_scores(index.rerankers.get(kind), scored.features, rows[valid], cols[valid], values[valid])
    return final


def _entity_pairs(index: MatchIndex, kind: str, entity_type: str, entity_id: int) -> tuple[list[Pair], str]:
    """Return the pairs of one entity of one kind: its own list, and the other ends' lists it now enters."""
    seeker_field, provider_field = ENDS[kind]
    is_seeker = entity_type == SEEKER_SIDE[kind]
    end = seeker_field if is_seeker else provider_field
    if not can_score(index, kind):
        return [], end
    if is_seeker:
        rows = index.sides[entity_type].rows([entity_id])
    elif kind == MatchKind.FUNDING:
        rows = np.array([index.programs.ids.index(entity_id)] if entity_id in index.programs.ids else [])
    else:
        rows = index.sides[entity_type].rows([entity_id])
    if rows.size == 0:
        return [], end
    if is_seeker:
        scored = score_block(index, kind, rows)
        others = scored.provider_ids
        cells = (np.zeros(len(others), dtype=np.int64), np.arange(len(others)))
    else:
        seekers = index.sides[SEEKER_SIDE[kind]]
        scored = score_block(index, kind, np.arange(len(seekers)), rows)
        others = seekers.ids
        cells = (np.arange(len(others)), np.zeros(len(others), dtype=np.int64))
    final = _final_scores(index, kind, scored, *cells)
    own_size, other_size = (top_k(), provider_top_k()) if is_seeker else (provider_top_k(), top_k())
    own_rank, other_rank = ("seeker_rank", "provider_rank") if is_seeker else ("provider_rank", "seeker_rank")
    _, own, ranks = ranked(top_k_of(final[None, :], own_size, min_score=0.0))
    places = {int(position): {own_rank: int(rank)} for position, rank in zip(own, ranks, strict=True)}
    other_field = provider_field if is_seeker else seeker_field
    # Does the pair now enter the other end's list? Only the best CROSS_CHECK can; compare with its worst.
    nearest = _nearest(final)
    limits = storing.list_entry_thresholds(kind, other_field, other_rank, others[nearest], other_size)
    for position in nearest:
        if final[position] > limits[int(others[position])]:
            places.setdefault(int(position), {})[other_rank] = other_size  # last in their list until rebuilt
    positions = np.array(sorted(places), dtype=np.int64)
    pairs = pairs_from(scored, cells[0][positions], cells[1][positions], final[positions])
    for pair, position in zip(pairs, positions, strict=True):
        for name, rank in places[int(position)].items():
            setattr(pair, name, rank)
    return pairs, end


def _matchable(index: MatchIndex, entity_type: str, entity_id: int) -> bool:
    """True if the entity is in the index (its feed still offers it to be matched)."""
    if entity_type == "program":
        return entity_id in index.programs.ids
    return index.sides[entity_type].rows([entity_id]).size > 0


def _nearest(final: np.ndarray) -> np.ndarray:
    _, candidates, _ = ranked(top_k_of(final[None, :], CROSS_CHECK, min_score=0.0))
    return candidates


def matches_recompute_for(*, entity_type: str, entity_ids: Iterable[int], index: MatchIndex | None = None) -> int:
    """Recompute every kind of match of these entities; return how many pairs were written."""
    entity_ids = sorted({int(i) for i in entity_ids})
    if entity_type == "organisation":
        entity_type = "startup"
    if len(entity_ids) > BULK_THRESHOLD:
        # Many at once (an import, the demo): one full pass costs less than each entity alone.
        return matches_rebuild_all()["written"]
    index = index or match_index_get()
    index.refresh(also={entity_type: entity_ids} if entity_type != "program" else None)
    written = 0
    now = timezone.now()
    for entity_id in entity_ids:
        with transaction.atomic():
            for kind in KINDS_OF[entity_type]:
                pairs, end = _entity_pairs(index, kind, entity_type, entity_id)
                pairs = storing.pairs_with_live_ends(kind, pairs)
                mine = Match.objects.filter(kind=kind, **{f"{end}_id": entity_id})
                own_rank = "seeker_rank" if end == ENDS[kind][0] else "provider_rank"
                listed = [p.key for p in pairs if getattr(p, own_rank) is not None]
                if not _matchable(index, entity_type, entity_id):
                    # Hidden, private, paused or deleted: it leaves the other ends' lists too, now.
                    mine.update(seeker_rank=None, provider_rank=None)
                mine.exclude(key__in=listed).update(**{own_rank: None})
                storing.matches_upsert(kind, pairs, version=index.version, now=now)
                mine.update(is_current=storing.listed_anywhere())
                storing.matches_retire(mine)
                written += len(pairs)
            storing.sources_stamp(entity_type, [entity_id], index.version, now)
    logger.info("matches recomputed", extra={"entity_type": entity_type, "count": len(entity_ids), "pairs": written})
    return written


# -- Everything, in shards ----------------------------------------------------------------------------


def shard_size() -> int:
    """How many seekers (or providers) one unit of a full recompute covers."""
    return int(settings.MATCHING_SHARD_SIZE)


# Each side's part in a full recompute: seekers build their own lists, providers theirs.
SHARD_KINDS = {
    "startup": [MatchKind.FUNDING, MatchKind.COLLABORATION, MatchKind.MENTORING],
    "need": [MatchKind.NEED],
    "capability": [MatchKind.COLLABORATION, MatchKind.NEED],
    "mentor": [MatchKind.MENTORING],
}


def shards(index: MatchIndex, size: int) -> list[tuple[str, int, int]]:
    """Return the full recompute's units of work: (side, first row, end row); programs are one unit."""
    units = [
        (side, start, min(start + size, len(index.sides[side])))
        for side in SHARD_KINDS
        for start in range(0, len(index.sides[side]), size)
    ]
    return [*units, ("program", 0, len(index.programs))] if len(index.programs) else units


def _shard_pairs(index: MatchIndex, kind: str, side: str, rows: np.ndarray) -> list[Pair]:
    if side == "program":
        return funding_provider_pairs(index)
    if side != SEEKER_SIDE[kind]:
        return profile_provider_pairs(index, kind, rows)
    if kind == MatchKind.FUNDING:
        return block_pairs(score_block(index, kind, rows), index.rerankers.get(kind))
    return profile_seeker_pairs(index, kind, rows)


def _owners(index: MatchIndex, kind: str, side: str, start: int, stop: int) -> tuple[str, list[int]]:
    """Return the end field whose lists a shard builds, and the ids of that shard's owners."""
    if side == "program":
        return ENDS[kind][1], list(index.programs.ids)
    field_name = ENDS[kind][0] if side == SEEKER_SIDE[kind] else ENDS[kind][1]
    return field_name, index.sides[side].ids[start:stop].tolist()


def matches_compute_shard(*, index: MatchIndex, side: str, start: int, stop: int, computed_at: datetime) -> int:
    """Compute one unit of a full recompute (its side's lists, every kind) and write the lists that
    changed; return how many pairs were written."""
    written = 0
    for kind in SHARD_KINDS.get(side, [MatchKind.FUNDING]):
        if not can_score(index, kind):
            continue
        pairs = storing.pairs_with_live_ends(kind, _shard_pairs(index, kind, side, np.arange(start, stop)))
        owner_field, owners = _owners(index, kind, side, start, stop)
        with transaction.atomic():
            changes = storing.list_changes(kind, owner_field, owners, pairs)
            _mark_reasons_kept(index, kind, changes)
            rank_field = "seeker_rank" if owner_field == ENDS[kind][0] else "provider_rank"
            storing.places_clear(rank_field, changes.unlisted)
            storing.matches_upsert(kind, changes.pairs, version=index.version, now=computed_at)
        written += len(changes.pairs)
    return written


def _updated_at(index: MatchIndex, side: str) -> dict[int, datetime]:
    """Return when each entity of a side (or the programs) last changed, as the index read it."""
    if side == "program":
        return dict(zip(index.programs.ids, index.programs.updated_at, strict=True))
    rows = index.sides[side]
    return dict(zip(rows.ids.tolist(), rows.feed.updated_at, strict=True))


def _mark_reasons_kept(index: MatchIndex, kind: str, changes: storing.ListChanges) -> None:
    """Keep the stored reasons of pairs whose two ends did not change since the pair was written.

    Reasons name what the two texts and facts share, which a refit does not change; explaining
    is most of a recompute's work, so only new pairs and pairs with a changed end are explained.
    """
    seekers, providers = _updated_at(index, SEEKER_SIDE[kind]), _updated_at(index, PROVIDER_SIDE[kind])
    for pair in changes.pairs:
        written = changes.computed_at.get(pair.key)
        seeker_changed, provider_changed = seekers.get(pair.seeker), providers.get(pair.provider)
        pair.keeps_reasons = (
            written is not None
            and seeker_changed is not None
            and provider_changed is not None
            and max(seeker_changed, provider_changed) < written
        )


def _ends_matched(index: MatchIndex, kind: str) -> dict[str, list[int]]:
    """Return the ids of each end of a kind that this index matches: its seekers and its providers."""
    seeker_field, provider_field = ENDS[kind]
    providers = (
        list(index.programs.ids) if kind == MatchKind.FUNDING else index.sides[PROVIDER_SIDE[kind]].ids.tolist()
    )
    return {seeker_field: index.sides[SEEKER_SIDE[kind]].ids.tolist(), provider_field: providers}


def matches_finish_rebuild(*, index: MatchIndex, started_at: datetime) -> int:
    """Clear the places of ends the index no longer matches, retire what no list wants; stamp what changed."""
    count = 0
    for kind in MatchKind:
        if can_score(index, kind):
            for field_name, ids in _ends_matched(index, kind).items():
                count += storing.places_clear_outside(kind, field_name, ids)
        else:
            count += Match.objects.filter(kind=kind).update(seeker_rank=None, provider_rank=None)
    storing.matches_retire(Match.objects.all())
    for side in SHARD_KINDS:
        ids = index.sides[side].ids.tolist()
        for start in range(0, len(ids), 5000):
            storing.sources_stamp(side, ids[start : start + 5000], index.version, started_at, changed_only=True)
    storing.sources_stamp("program", index.programs.ids, index.version, started_at, changed_only=True)
    # Labels read a match's place among its kind's listed matches: refit that spread with the lists.
    score_scales_fit()
    return count


# What a shard process must see as its parent does: the database (a test's, too) and the saved index.
CHILD_SETTINGS = (
    "MATCHING_ARTEFACTS_DIR",
    "MATCHING_SHARD_SIZE",
    "MATCHING_TOP_K",
    "MATCHING_PROVIDER_TOP_K",
)


def _shard_of_version(side: str, start: int, stop: int, version: str, computed_at: datetime) -> int:
    """Compute one shard in a shard process, with the saved index of this run's version."""
    index = match_index_get()
    if index.version != version:
        raise RuntimeError(f"the saved match index is {index.version}, not this run's {version}")
    return matches_compute_shard(index=index, side=side, start=start, stop=stop, computed_at=computed_at)


def _shards_in_processes(
    index: MatchIndex, units: list[tuple[str, int, int]], processes: int, started_at: datetime, progress
) -> int:
    """Compute the shards in `processes` new processes; each loads the saved index once and has its own connection."""
    overrides: dict[str, object] = {name: getattr(settings, name) for name in CHILD_SETTINGS}
    # Each connection's own settings: a test database's name is only there.
    overrides["DATABASES"] = {alias: dict(connections[alias].settings_dict) for alias in connections}
    context = multiprocessing.get_context("spawn")
    written = 0
    with ProcessPoolExecutor(processes, mp_context=context, initializer=django_with, initargs=(overrides,)) as pool:
        sizes = {
            pool.submit(_shard_of_version, side, start, stop, index.version, started_at): stop - start
            for side, start, stop in units
        }
        for done in as_completed(sizes):
            written += done.result()
            if progress:
                progress(sizes[done])
    return written


def matches_rebuild_all(
    *, progress: Callable[[int], object] | None = None, processes: int = 1, refit: bool = False
) -> dict[str, int]:
    """Renew the index (`refit`: fit it anew) and recompute every match on this machine (the command,
    and big batches).

    With `processes` > 1 (PostgreSQL only, and not inside a Celery worker's own child process) the
    shards run in that many processes; the nightly task spreads them over workers instead.
    """
    started_at = timezone.now()
    index = match_index_build() if refit else match_index_renew()
    match_index_save(index)
    units = shards(index, shard_size())
    can_spread = connection.vendor == "postgresql" and not multiprocessing.current_process().daemon
    if processes > 1 and can_spread and len(units) > 1:
        written = _shards_in_processes(index, units, processes, started_at, progress)
    else:
        written = 0
        for side, start, stop in units:
            written += matches_compute_shard(index=index, side=side, start=start, stop=stop, computed_at=started_at)
            if progress:
                progress(stop - start)
    retired = matches_finish_rebuild(index=index, started_at=started_at)
    logger.info("matches rebuilt", extra={"version": index.version, "written": written, "retired": retired})
    return {"written": written, "retired": retired}
