"""Recompute matches: one changed entity within seconds, or everything in shards.

See `scoring` for which pairs are kept and `match_rows` for how they are written.
"""

import logging

import numpy as np
from django.db import transaction
from django.utils import timezone

from matching.engine.retrieval import top_k_of
from matching.models import ENDS, Match, MatchKind
from matching.services import match_rows
from matching.services.index import MatchIndex, match_index_get
from matching.services.scoring import (
    SEEKER_SIDE,
    Pair,
    block_pairs,
    can_score,
    pairs_from,
    profile_block_pairs,
    provider_top_k,
    ranked,
    score_block,
    seeker_list,
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


def _entity_pairs(index: MatchIndex, kind: str, entity_type: str, entity_id: int) -> tuple[list[Pair], str]:
    """Return the pairs of one entity of one kind and which end (seeker or provider field) it is."""
    seeker_field, provider_field = ENDS[kind]
    if not can_score(index, kind):
        return [], seeker_field if entity_type == SEEKER_SIDE[kind] else provider_field
    if entity_type == SEEKER_SIDE[kind]:
        rows = index.sides[entity_type].rows([entity_id])
        if rows.size == 0:
            return [], seeker_field
        scored = score_block(index, kind, rows)
        scores = scored.scores[0]
        _, cols, ranks, values = seeker_list(scored, index.rerankers.get(kind))
        pairs = pairs_from(scored, np.zeros(cols.size, dtype=np.int64), cols, values, seeker_rank=ranks)
        # Does this seeker now enter the lists of its best providers?
        nearest = top_k_of(scores[None, :], CROSS_CHECK, min_score=0.0)
        _, near_cols, _ = ranked(nearest)
        limits = match_rows.thresholds(
            kind, provider_field, "provider_rank", scored.provider_ids[near_cols], provider_top_k()
        )
        entering = [c for c in near_cols if scores[c] > limits[int(scored.provider_ids[c])]]
        listed = {p.provider: p for p in pairs}
        for c in entering:
            provider = int(scored.provider_ids[c])
            if provider in listed:
                listed[provider].provider_rank = provider_top_k()
            else:
                extra = pairs_from(
                    scored, np.zeros(1, dtype=np.int64), np.array([c]), provider_rank=[provider_top_k()]
                )
                pairs.extend(extra)
        return pairs, seeker_field
    # A provider: every seeker is scored against this one provider.
    if kind == MatchKind.FUNDING:
        if entity_id not in index.programs.ids:
            return [], provider_field
        provider_rows = np.array([index.programs.ids.index(entity_id)])
    else:
        provider_rows = index.sides[entity_type].rows([entity_id])
        if provider_rows.size == 0:
            return [], provider_field
    seekers = index.sides[SEEKER_SIDE[kind]]
    scored = score_block(index, kind, np.arange(len(seekers)), provider_rows)
    column = scored.scores[:, 0]
    own = top_k_of(column[None, :], provider_top_k(), min_score=0.0)
    _, rows, ranks = ranked(own)
    pairs = pairs_from(scored, rows, np.zeros(rows.size, dtype=np.int64), provider_rank=ranks)
    nearest = top_k_of(column[None, :], CROSS_CHECK, min_score=0.0)
    _, near_rows, _ = ranked(nearest)
    limits = match_rows.thresholds(kind, seeker_field, "seeker_rank", seekers.ids[near_rows], top_k())
    listed = {p.seeker: p for p in pairs}
    for r in near_rows:
        seeker = int(seekers.ids[r])
        if column[r] > limits[seeker]:
            if seeker in listed:
                listed[seeker].seeker_rank = top_k()
            else:
                pairs.extend(pairs_from(scored, np.array([r]), np.zeros(1, dtype=np.int64), seeker_rank=[top_k()]))
    return pairs, provider_field


def matches_recompute_for(*, entity_type: str, entity_ids, index: MatchIndex | None = None) -> int:
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
                pairs = match_rows.existing(kind, pairs)
                mine = Match.objects.filter(kind=kind, **{f"{end}_id": entity_id})
                own_rank = "seeker_rank" if end == ENDS[kind][0] else "provider_rank"
                listed = [p.key for p in pairs if getattr(p, own_rank) is not None]
                mine.exclude(key__in=listed).update(**{own_rank: None})
                match_rows.upsert(kind, pairs, version=index.version, now=now)
                mine.update(is_current=match_rows.current_q())
                match_rows.retire(mine)
                written += len(pairs)
            match_rows.record_source(entity_type, [entity_id], index.version, now)
    logger.info("matches recomputed", extra={"entity_type": entity_type, "count": len(entity_ids), "pairs": written})
    return written


# -- Everything, in shards ----------------------------------------------------------------------------


def shards(index: MatchIndex, size: int) -> list[tuple[str, int, int]]:
    """Return the full recompute's units of work: (seeker side, first row, end row)."""
    return [
        (side, start, min(start + size, len(index.sides[side])))
        for side in ("startup", "need")
        for start in range(0, len(index.sides[side]), size)
    ]


def matches_compute_shard(*, index: MatchIndex, side: str, start: int, stop: int, computed_at) -> int:
    """Compute and write every kind of match for seekers [start, stop) of one side; return pairs written."""
    rows = np.arange(start, stop)
    written = 0
    for kind in KINDS_OF["need"] if side == "need" else KINDS_OF["startup"]:
        if not can_score(index, kind):
            continue
        if kind == MatchKind.FUNDING:
            pairs = block_pairs(score_block(index, kind, rows), index.rerankers.get(kind))
        else:
            pairs = profile_block_pairs(index, kind, rows)
        pairs = match_rows.existing(kind, pairs)
        with transaction.atomic():
            # A full recompute decides both lists: ranks it did not give are cleared.
            match_rows.upsert(kind, pairs, version=index.version, now=computed_at, both_ranks=True)
        written += len(pairs)
    return written


def matches_finish_rebuild(*, index: MatchIndex, started_at) -> int:
    """Retire every pair the rebuild did not produce and stamp every entity; return pairs retired."""
    stale = Match.objects.filter(computed_at__lt=started_at)
    count = stale.update(seeker_rank=None, provider_rank=None, is_current=False)
    match_rows.retire(Match.objects.filter(computed_at__lt=started_at))
    for side in ("startup", "need", "capability", "mentor"):
        ids = index.sides[side].ids.tolist()
        for start in range(0, len(ids), 5000):
            match_rows.record_source(side, ids[start : start + 5000], index.version, started_at)
    match_rows.record_source("program", index.programs.ids, index.version, started_at)
    return count


def matches_rebuild_all(*, progress=None) -> dict[str, int]:
    """Refit the index and recompute every match in this process (the command, and big batches)."""
    from matching.services.freshness import shard_size
    from matching.services.index import match_index_build, match_index_save

    started_at = timezone.now()
    index = match_index_build()
    match_index_save(index)
    written = 0
    for side, start, stop in shards(index, shard_size()):
        written += matches_compute_shard(index=index, side=side, start=start, stop=stop, computed_at=started_at)
        if progress:
            progress(stop - start)
    retired = matches_finish_rebuild(index=index, started_at=started_at)
    logger.info("matches rebuilt", extra={"version": index.version, "written": written, "retired": retired})
    return {"written": written, "retired": retired}
