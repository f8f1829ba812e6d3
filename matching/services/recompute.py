"""Recompute matches: one changed entity within seconds, or everything in shards.

Every kind is a seeker side (startups; needs) against a provider side (programs, capabilities,
mentors). A pair is kept when it is in the seeker's top `MATCHING_TOP_K` (its `seeker_rank`) or in
the provider's top `MATCHING_PROVIDER_TOP_K` (its `provider_rank`: outreach lists, mentees, the
startups a capability fits). Writes are upserts keyed by the pair, so a retried or duplicated
task leaves the same rows; a pair that drops out of both lists is deleted, unless someone saved
or dismissed it — then it stays, no longer current, and a dismissal outlives every recompute.
"""

import logging
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from django.conf import settings
from django.db import transaction
from django.db.models import BooleanField, Count, ExpressionWrapper, Min, Q
from django.utils import timezone

from ecosystem.models import Capability, MentorOffer, Need, Organisation, Program
from matching.engine import eligibility as eligibility_rules
from matching.engine.capacity import exposure_caps, spread_exposure
from matching.engine.explain import profile_pair_reasons, top_shared_terms
from matching.engine.reasons import Reason, ReasonCode
from matching.engine.reciprocity import ProfileMatcher
from matching.engine.retrieval import TopK, top_k_of
from matching.models import (
    ENDS,
    Match,
    MatchedSource,
    MatchKind,
    MatchState,
    Relationship,
    RelationshipStatus,
    match_key,
)
from matching.services.index import MatchIndex, SideRows, match_index_get

logger = logging.getLogger(__name__)

# The provider side of each kind, and the models whose rows the two ends point at.
PROVIDER_SIDE = {
    MatchKind.FUNDING: "program",
    MatchKind.COLLABORATION: "capability",
    MatchKind.MENTORING: "mentor",
    MatchKind.NEED: "capability",
}
SEEKER_SIDE = {kind: ("need" if kind == MatchKind.NEED else "startup") for kind in MatchKind}
MODELS = {"startup": Organisation, "need": Need, "program": Program, "capability": Capability, "mentor": MentorOffer}
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
BULK_THRESHOLD = 200


def top_k() -> int:
    return settings.MATCHING_TOP_K


def provider_top_k() -> int:
    return settings.MATCHING_PROVIDER_TOP_K


@dataclass
class Pair:
    kind: str
    seeker: int
    provider: int
    score: float
    reasons: list[dict] = field(default_factory=list)
    seeker_rank: int | None = None
    provider_rank: int | None = None

    @property
    def key(self) -> str:
        return match_key(self.kind, self.seeker, self.provider)


# -- Scoring --------------------------------------------------------------------------------------


def _subset(side: SideRows, rows: np.ndarray) -> SideRows:
    feed = side.feed
    subset_feed = type(feed)(
        ids=[feed.ids[i] for i in rows],
        profiles=[feed.profiles[i] for i in rows],
        updated_at=[feed.updated_at[i] for i in rows],
        applicants=[feed.applicants[i] for i in rows] if feed.applicants else [],
    )
    return SideRows(
        side.ids[rows],
        subset_feed,
        side.needs[rows],
        side.offers[rows],
        side.funding[rows] if side.funding is not None else None,
    )


def _mentor_room(mentor_ids) -> np.ndarray:
    """Return how many more startups each mentor can take (capacity minus active mentoring)."""
    active = dict(
        Relationship.objects.filter(
            kind=MatchKind.MENTORING, status=RelationshipStatus.ACTIVE, mentor_id__in=list(mentor_ids)
        )
        .values("mentor_id")
        .annotate(n=Count("pk"))
        .values_list("mentor_id", "n")
    )
    capacity = dict(MentorOffer.objects.filter(pk__in=list(mentor_ids)).values_list("pk", "capacity"))
    return np.array([max(capacity.get(i, 0) - active.get(i, 0), 0) for i in mentor_ids], dtype=np.int64)


@dataclass
class Scored:
    """A block of scores: seekers × providers (-inf where a pair may never match)."""

    kind: str
    seekers: SideRows
    provider_ids: np.ndarray
    scores: np.ndarray
    explain: object  # (rows, cols, scores) -> list[list[Reason]]


def _profile_scores(index: MatchIndex, kind: str, seekers: SideRows, providers: SideRows) -> Scored:
    matcher = ProfileMatcher(vectorizer=index.vectorizer, reciprocal=kind != MatchKind.NEED)
    matcher.fit(
        seekers.feed.profiles,
        providers.feed.profiles,
        text_rows=(seekers.needs, seekers.offers, providers.needs, providers.offers),
    )
    forward = matcher.left_needs_ @ matcher.right_offers_.T
    combined = matcher._combine(0, len(seekers), forward)
    scores = np.asarray(combined.toarray() if sp.issparse(combined) else combined, dtype=np.float32)
    if kind == MatchKind.MENTORING:
        scores[:, _mentor_room(providers.ids) == 0] = -np.inf

    def explain(rows, cols, values):
        return profile_pair_reasons(matcher, rows, cols, values, seekers.feed.profiles, providers.feed.profiles)

    return Scored(kind, seekers, providers.ids, scores, explain)


def _funding_scores(index: MatchIndex, seekers: SideRows) -> Scored:
    programs = index.programs
    model = index.funding
    program_rows = model.vectorizer_.transform([p.text for p in programs.programs])
    fitted = model.score_rows(seekers.funding, [str(i) for i in seekers.ids]) if len(seekers) else None
    column = {program_id: n for n, program_id in enumerate(model.program_ids_)}
    scores = np.zeros((len(seekers), len(programs)), dtype=np.float32)
    for j, program in enumerate(programs.programs):
        if program.id in column and fitted is not None:
            scores[:, j] = fitted[:, column[program.id]]
        else:
            # Published since the last refit: its own text only, on the model's fallback scale.
            cosine = np.asarray((seekers.funding @ program_rows[j].T).todense()).ravel()
            scores[:, j] = 1.0 / (1.0 + np.exp(-(4.0 * cosine - 2.0)))
    arrays, people = eligibility_rules.encode(seekers.feed.applicants, programs.criteria)
    eligible, unknown = arrays.check(**people)
    scores = eligibility_rules.apply(scores, eligible, unknown)
    terms = model.vectorizer_.terms_

    def explain(rows, cols, values):
        shared = top_shared_terms(seekers.funding, program_rows, rows, cols, terms)
        explained = []
        for n, (i, j) in enumerate(zip(rows.tolist(), cols.tolist(), strict=True)):
            reasons = []
            if shared[n]:
                reasons.append(Reason(ReasonCode.SHARED_TERMS, {"terms": shared[n]}, 1.0))
            if unknown[i, j]:
                reasons.append(Reason(ReasonCode.CRITERIA_UNKNOWN, {"count": int(unknown[i, j])}, -1.0))
            else:
                reasons.append(Reason(ReasonCode.CRITERIA_MET, {}, 0.5))
            explained.append(reasons)
        return explained

    return Scored(MatchKind.FUNDING, seekers, np.array(programs.ids, dtype=np.int64), scores, explain)


def can_score(index: MatchIndex, kind: str) -> bool:
    """Return whether both sides of a kind have anyone to match (and funding has its model)."""
    if kind == MatchKind.FUNDING:
        return index.funding is not None and len(index.programs) > 0 and len(index.sides["startup"]) > 0
    return len(index.sides[SEEKER_SIDE[kind]]) > 0 and len(index.sides[PROVIDER_SIDE[kind]]) > 0


def score_block(index: MatchIndex, kind: str, seeker_rows: np.ndarray, provider_rows: np.ndarray | None = None):
    """Return the scores of these seekers (row numbers) against the providers (all, or these rows)."""
    seekers = _subset(index.sides[SEEKER_SIDE[kind]], seeker_rows)
    if kind == MatchKind.FUNDING:
        scored = _funding_scores(index, seekers)
        if provider_rows is not None:
            scored.scores, scored.provider_ids = scored.scores[:, provider_rows], scored.provider_ids[provider_rows]
            inner = scored.explain
            scored.explain = lambda rows, cols, values: inner(rows, provider_rows[cols], values)
        return scored
    providers = index.sides[PROVIDER_SIDE[kind]]
    if provider_rows is not None:
        providers = _subset(providers, provider_rows)
    return _profile_scores(index, kind, seekers, providers)


def _pairs_from(scored: Scored, rows: np.ndarray, cols: np.ndarray, **ranks) -> list[Pair]:
    values = scored.scores[rows, cols]
    explained = scored.explain(rows, cols, values)
    pairs = []
    for n, (i, j) in enumerate(zip(rows.tolist(), cols.tolist(), strict=True)):
        pair = Pair(
            scored.kind,
            int(scored.seekers.ids[i]),
            int(scored.provider_ids[j]),
            float(values[n]),
            [reason.as_dict() for reason in explained[n]],
        )
        for name, rank in ranks.items():
            setattr(pair, name, int(rank[n]) if rank is not None else None)
        pairs.append(pair)
    return pairs


def _ranked(best: TopK) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rows, places = np.nonzero((best.indices >= 0) & np.isfinite(best.scores) & (best.scores > 0))
    return rows, best.indices[rows, places], places + 1


def _fitted_matcher(index: MatchIndex, kind: str, seekers: SideRows, providers: SideRows) -> ProfileMatcher:
    matcher = ProfileMatcher(vectorizer=index.vectorizer, reciprocal=kind != MatchKind.NEED)
    return matcher.fit(
        seekers.feed.profiles,
        providers.feed.profiles,
        text_rows=(seekers.needs, seekers.offers, providers.needs, providers.offers),
    )


def profile_block_pairs(index: MatchIndex, kind: str, seeker_rows: np.ndarray) -> list[Pair]:
    """Return the pairs of these seekers that enter their own lists or (within the block) providers' lists.

    Uses the engine's chunked exact top-k, so memory stays bounded whatever the providers' number.
    """
    seekers = _subset(index.sides[SEEKER_SIDE[kind]], seeker_rows)
    providers = index.sides[PROVIDER_SIDE[kind]]
    matcher = _fitted_matcher(index, kind, seekers, providers)
    adjust, spread = None, kind == MatchKind.MENTORING
    if spread:
        room = _mentor_room(providers.ids)

        def adjust(start, stop, scores):
            scores = scores.toarray() if sp.issparse(scores) else np.array(scores, dtype=np.float32)
            scores[:, room == 0] = -np.inf
            return scores

    best, by_provider = matcher.top_k(3 * top_k() if spread else top_k(), k_per_right=provider_top_k(), adjust=adjust)
    if spread:
        best = spread_exposure(best, top_k(), exposure_caps(len(seekers), top_k(), len(room), room))
    cells: dict[tuple[int, int], dict] = defaultdict(dict)
    for i, j, rank in zip(*_ranked(best), strict=True):
        cells[(i, j)].update(seeker_rank=rank, score=best.scores[i, rank - 1])
    for j, i, rank in zip(*_ranked(by_provider), strict=True):
        cells[(i, j)].update(provider_rank=rank, score=by_provider.scores[j, rank - 1])
    if not cells:
        return []
    rows, cols = (np.array(axis, dtype=np.int64) for axis in zip(*cells, strict=True))
    values = np.array([cell["score"] for cell in cells.values()], dtype=np.float32)
    explained = profile_pair_reasons(matcher, rows, cols, values, seekers.feed.profiles, providers.feed.profiles)
    return [
        Pair(
            kind,
            int(seekers.ids[i]),
            int(providers.ids[j]),
            float(value),
            [reason.as_dict() for reason in reasons],
            cell.get("seeker_rank"),
            cell.get("provider_rank"),
        )
        for i, j, value, reasons, cell in zip(rows, cols, values, explained, cells.values(), strict=True)
    ]


def block_pairs(scored: Scored) -> list[Pair]:
    """Return the pairs of a dense block that enter the seekers' and (within it) the providers' lists."""
    by_pair: dict[tuple[int, int], dict] = defaultdict(dict)
    for i, j, rank in zip(*_ranked(top_k_of(scored.scores, top_k(), min_score=0.0)), strict=True):
        by_pair[(i, j)]["seeker_rank"] = rank
    best = top_k_of(np.ascontiguousarray(scored.scores.T), provider_top_k(), min_score=0.0)
    for j, i, rank in zip(*_ranked(best), strict=True):
        by_pair[(i, j)]["provider_rank"] = rank
    if not by_pair:
        return []
    cells = np.array(list(by_pair), dtype=np.int64)
    pairs = _pairs_from(scored, cells[:, 0], cells[:, 1])
    for pair, cell in zip(pairs, by_pair.values(), strict=True):
        pair.seeker_rank, pair.provider_rank = cell.get("seeker_rank"), cell.get("provider_rank")
    return pairs


# -- Writing --------------------------------------------------------------------------------------


def _existing(kind: str, pairs: list[Pair]) -> list[Pair]:
    """Drop pairs whose ends were deleted or hidden since the index last saw them."""
    seeker_model, provider_model = MODELS[SEEKER_SIDE[kind]], MODELS[PROVIDER_SIDE[kind]]
    seekers = set(seeker_model.objects.filter(pk__in={p.seeker for p in pairs}).values_list("pk", flat=True))
    providers = set(provider_model.objects.filter(pk__in={p.provider for p in pairs}).values_list("pk", flat=True))
    return [p for p in pairs if p.seeker in seekers and p.provider in providers]


def _upsert(kind: str, pairs: list[Pair], *, version: str, now, both_ranks: bool = False) -> None:
    seeker_field, provider_field = ENDS[kind]
    groups = defaultdict(list)
    for pair in pairs:
        groups[(pair.seeker_rank is not None, pair.provider_rank is not None)].append(pair)
    for (has_seeker_rank, has_provider_rank), group in groups.items():
        # Only the ranks this computation decided are written: the other list's rank stays as it was.
        update = ["score", "reasons", "model_version", "computed_at", "is_current"]
        update += ["seeker_rank"] if has_seeker_rank or both_ranks else []
        update += ["provider_rank"] if has_provider_rank or both_ranks else []
        Match.objects.bulk_create(
            [
                Match(
                    key=pair.key,
                    kind=kind,
                    **{f"{seeker_field}_id": pair.seeker, f"{provider_field}_id": pair.provider},
                    score=pair.score,
                    reasons=pair.reasons,
                    model_version=version,
                    computed_at=now,
                    is_current=True,
                    seeker_rank=pair.seeker_rank,
                    provider_rank=pair.provider_rank,
                )
                for pair in group
            ],
            batch_size=1000,
            update_conflicts=True,
            unique_fields=["key"],
            update_fields=update,
        )


def _retire(matches) -> None:
    """Delete pairs in no list any more, or keep them as not current where someone acted on them."""
    matches = matches.filter(seeker_rank__isnull=True, provider_rank__isnull=True)
    matches.filter(seeker_state=MatchState.NEW, provider_state=MatchState.NEW).delete()
    matches.update(is_current=False)


def _current_q() -> ExpressionWrapper:
    return ExpressionWrapper(
        Q(seeker_rank__isnull=False) | Q(provider_rank__isnull=False), output_field=BooleanField()
    )


def _thresholds(kind: str, field_name: str, rank_field: str, ids, size: int) -> dict[int, float]:
    """Return each listed end's current worst listed score, or -inf where its list is not full."""
    rows = (
        Match.objects.filter(kind=kind, **{f"{field_name}_id__in": list(ids), f"{rank_field}__isnull": False})
        .values(f"{field_name}_id")
        .annotate(worst=Min("score"), n=Count("pk"))
        .values_list(f"{field_name}_id", "worst", "n")
    )
    found = {end: (worst if n >= size else -np.inf) for end, worst, n in rows}
    return {int(i): found.get(int(i), -np.inf) for i in ids}


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
        own = top_k_of(scores[None, :], top_k(), min_score=0.0)
        _, cols, ranks = _ranked(own)
        pairs = _pairs_from(scored, np.zeros(cols.size, dtype=np.int64), cols, seeker_rank=ranks)
        # Does this seeker now enter the lists of its best providers?
        nearest = top_k_of(scores[None, :], CROSS_CHECK, min_score=0.0)
        _, near_cols, _ = _ranked(nearest)
        limits = _thresholds(kind, provider_field, "provider_rank", scored.provider_ids[near_cols], provider_top_k())
        entering = [c for c in near_cols if scores[c] > limits[int(scored.provider_ids[c])]]
        listed = {p.provider: p for p in pairs}
        for c in entering:
            provider = int(scored.provider_ids[c])
            if provider in listed:
                listed[provider].provider_rank = provider_top_k()
            else:
                extra = _pairs_from(
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
    _, rows, ranks = _ranked(own)
    pairs = _pairs_from(scored, rows, np.zeros(rows.size, dtype=np.int64), provider_rank=ranks)
    nearest = top_k_of(column[None, :], CROSS_CHECK, min_score=0.0)
    _, near_rows, _ = _ranked(nearest)
    limits = _thresholds(kind, seeker_field, "seeker_rank", seekers.ids[near_rows], top_k())
    listed = {p.seeker: p for p in pairs}
    for r in near_rows:
        seeker = int(seekers.ids[r])
        if column[r] > limits[seeker]:
            if seeker in listed:
                listed[seeker].seeker_rank = top_k()
            else:
                pairs.extend(_pairs_from(scored, np.array([r]), np.zeros(1, dtype=np.int64), seeker_rank=[top_k()]))
    return pairs, provider_field


def _record_source(entity_type: str, entity_ids, version: str, now) -> None:
    model = MODELS[entity_type]
    stamp = "startup_profile__updated_at" if entity_type == "startup" else "updated_at"
    rows = model.objects.filter(pk__in=list(entity_ids)).values_list("pk", stamp)
    MatchedSource.objects.bulk_create(
        [
            MatchedSource(
                source_type=entity_type,
                source_id=pk,
                source_updated_at=updated or now,
                computed_at=now,
                model_version=version,
            )
            for pk, updated in rows
        ],
        batch_size=1000,
        update_conflicts=True,
        unique_fields=["source_type", "source_id"],
        update_fields=["source_updated_at", "computed_at", "model_version"],
    )


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
                pairs = _existing(kind, pairs)
                mine = Match.objects.filter(kind=kind, **{f"{end}_id": entity_id})
                own_rank = "seeker_rank" if end == ENDS[kind][0] else "provider_rank"
                listed = [p.key for p in pairs if getattr(p, own_rank) is not None]
                mine.exclude(key__in=listed).update(**{own_rank: None})
                _upsert(kind, pairs, version=index.version, now=now)
                mine.update(is_current=_current_q())
                _retire(mine)
                written += len(pairs)
            _record_source(entity_type, [entity_id], index.version, now)
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
            pairs = block_pairs(score_block(index, kind, rows))
        else:
            pairs = profile_block_pairs(index, kind, rows)
        pairs = _existing(kind, pairs)
        with transaction.atomic():
            # A full recompute decides both lists: ranks it did not give are cleared.
            _upsert(kind, pairs, version=index.version, now=computed_at, both_ranks=True)
        written += len(pairs)
    return written


def matches_finish_rebuild(*, index: MatchIndex, started_at) -> int:
    """Retire every pair the rebuild did not produce and stamp every entity; return pairs retired."""
    stale = Match.objects.filter(computed_at__lt=started_at)
    count = stale.update(seeker_rank=None, provider_rank=None, is_current=False)
    _retire(Match.objects.filter(computed_at__lt=started_at))
    for side in ("startup", "need", "capability", "mentor"):
        ids = index.sides[side].ids.tolist()
        for start in range(0, len(ids), 5000):
            _record_source(side, ids[start : start + 5000], index.version, started_at)
    _record_source("program", index.programs.ids, index.version, started_at)
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
