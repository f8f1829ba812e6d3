"""Scoring blocks of seekers against providers with the fitted index, and the pairs worth keeping.

Every kind is a seeker side (startups; needs) against a provider side (programs, capabilities,
mentors). A pair is kept when it is in the seeker's top `MATCHING_TOP_K` (its `seeker_rank`) or in
the provider's top `MATCHING_PROVIDER_TOP_K` (its `provider_rank`: outreach lists, mentees, the
startups a capability fits). Full lists come from the engine's chunked exact top-k; single
updates score one entity against everyone on the other side.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import numpy as np
import scipy.sparse as sp
from django.conf import settings
from django.db.models import Count

from ecosystem.models import MentorOffer
from matching.engine import eligibility as eligibility_rules
from matching.engine.capacity import exposure_caps, spread_exposure
from matching.engine.explain import MAX_TERMS, as_written, pair_fits, profile_pair_reasons, top_shared_terms
from matching.engine.feedback import FeedbackReranker
from matching.engine.reasons import Reason, ReasonCode
from matching.engine.reciprocity import ProfileMatcher
from matching.engine.retrieval import TopK, top_k_of
from matching.models import MatchKind, Relationship, RelationshipStatus, match_key
from matching.pipeline.index import MatchIndex, SideRows
from matching.pipeline.partners import PartnerRecord, lifted, partner_record
from matching.pipeline.reranking import PairFeatures, final_scores, has_learned, pool_reranked, ranks_within

# The provider side of each kind (keyed by MatchKind, whose values are the plain strings stored on rows).
PROVIDER_SIDE: dict[str, str] = {
    MatchKind.FUNDING: "program",
    MatchKind.COLLABORATION: "capability",
    MatchKind.MENTORING: "mentor",
    MatchKind.NEED: "capability",
}
SEEKER_SIDE: dict[str, str] = {kind: ("need" if kind == MatchKind.NEED else "startup") for kind in MatchKind}


def top_k() -> int:
    return int(settings.MATCHING_TOP_K)


def provider_top_k() -> int:
    return int(settings.MATCHING_PROVIDER_TOP_K)


# (rows, cols, scores) of some pairs of a block -> each pair's reasons.
ExplainPairs = Callable[[np.ndarray, np.ndarray, np.ndarray], list[list[Reason]]]


@dataclass
class Pair:
    """One pair a list keeps. Its reasons are worked out only when it is written (`explained`): a
    full recompute leaves most pairs as they were, and explaining is a third of its cost."""

    kind: str
    seeker: int
    provider: int
    score: float
    reasons: list[dict[str, Any]] | None = None
    seeker_rank: int | None = None
    provider_rank: int | None = None
    # True when the stored row's reasons still hold (neither end changed since): only its score and place are written.
    keeps_reasons: bool = False
    # Where the pair sits in the block it was scored in, and what explains that block's pairs.
    cell: tuple[int, int] = (0, 0)
    explain: ExplainPairs | None = field(default=None, repr=False, compare=False)

    @property
    def key(self) -> str:
        return match_key(self.kind, self.seeker, self.provider)


def explained(pairs: list[Pair]) -> list[Pair]:
    """Fill in the reasons of the pairs that have none yet, each block's pairs in one call; return the pairs."""
    waiting: defaultdict[int, list[Pair]] = defaultdict(list)
    for pair in pairs:
        if pair.reasons is None and not pair.keeps_reasons:
            waiting[id(pair.explain)].append(pair)
    for group in waiting.values():
        explain = group[0].explain
        if explain is None:
            for pair in group:
                pair.reasons = []
            continue
        rows = np.array([pair.cell[0] for pair in group], dtype=np.int64)
        cols = np.array([pair.cell[1] for pair in group], dtype=np.int64)
        values = np.array([pair.score for pair in group], dtype=np.float64)
        for pair, reasons in zip(group, explain(rows, cols, values), strict=True):
            pair.reasons = [reason.as_dict() for reason in reasons]
    return pairs


# -- Blocks --------------------------------------------------------------------------------------


def _subset(side: SideRows, rows: np.ndarray) -> SideRows:
    feed, meaning = side.feed, side.meaning()
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
        *((meaning[0][rows], meaning[1][rows]) if meaning is not None else (None, None)),
    )


def _mentor_room(mentor_ids: np.ndarray) -> np.ndarray:
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
    explain: ExplainPairs
    features: PairFeatures  # pair features for the feedback re-ranker (training.PRIOR)


def _profile_scores(index: MatchIndex, kind: str, seekers: SideRows, providers: SideRows) -> Scored:
    matcher = _fitted_matcher(index, kind, seekers, providers)
    forward = matcher.left_needs_ @ matcher.right_offers_.T
    combined = matcher._combine(0, len(seekers), forward)
    # Dense or sparse: only a (scipy, untyped) sparse block needs toarray().
    scores = np.asarray(combined if isinstance(combined, np.ndarray) else combined.toarray(), dtype=np.float32)
    if kind == MatchKind.MENTORING:
        scores[:, _mentor_room(providers.ids) == 0] = -np.inf
    history = _history(index, kind, seekers, providers)
    if history is not None:
        rows, cols = np.nonzero(np.isfinite(scores) & (scores > 0))
        scores[rows, cols] = lifted(scores[rows, cols], history(rows, cols))

    def explain(rows: np.ndarray, cols: np.ndarray, values: np.ndarray) -> list[list[Reason]]:
        explained = profile_pair_reasons(matcher, rows, cols, values, seekers.feed.profiles, providers.feed.profiles)
        return _with_track_record(history, cols, explained)

    def features(rows: np.ndarray, cols: np.ndarray, values: np.ndarray) -> np.ndarray:
        return profile_features(matcher, rows, cols, values, kind=kind, history=history)

    return Scored(kind, seekers, providers.ids, scores, explain, features)


def _history(index: MatchIndex, kind: str, seekers: SideRows, providers: SideRows) -> PartnerRecord | None:
    """Return the collaboration record's view of these pairs, or None where it has no say."""
    if kind != MatchKind.COLLABORATION:
        return None
    return partner_record(
        getattr(index, "partners", None), seekers.ids, providers.ids, year=float(index.built_at.year)
    )


def profile_features(
    matcher: ProfileMatcher,
    rows: np.ndarray,
    cols: np.ndarray,
    values: np.ndarray,
    *,
    kind: str,
    history: PartnerRecord | None = None,
) -> np.ndarray:
    """Return the re-ranker's features of two-sided pairs: the engine's score, each direction's fit, the
    score's parts (ProfileMatcher.components: words, meaning, sectors, technologies, location) and,
    for collaboration partners, the collaboration record's score."""
    forward = pair_fits(matcher.left_needs_, matcher.right_offers_, rows, cols)
    backward = pair_fits(matcher.left_offers_, matcher.right_needs_, rows, cols)
    columns = [values, forward, backward, *matcher.components(rows, cols).T]
    if kind == MatchKind.COLLABORATION:
        columns.append(history(rows, cols) if history is not None else np.zeros(len(rows), dtype=np.float32))
    return np.column_stack(columns).astype(np.float64)


def _funding_scores(index: MatchIndex, seekers: SideRows) -> Scored:
    programs = index.programs
    model = index.funding
    assert model is not None, "can_score() checks the funding model before a funding block is scored"
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
    lexicon: frozenset[str] = getattr(model.vectorizer_, "lexicon_", frozenset())

    def explain(rows: np.ndarray, cols: np.ndarray, values: np.ndarray) -> list[list[Reason]]:
        shared = top_shared_terms(seekers.funding, program_rows, rows, cols, terms, top=2 * MAX_TERMS)
        explained = []
        for n, (i, j) in enumerate(zip(rows.tolist(), cols.tolist(), strict=True)):
            reasons: list[Reason] = []
            profile = seekers.feed.profiles[i]
            texts = (profile.offers, profile.needs, programs.programs[j].text)
            spelled = as_written(shared[n], *texts, lexicon=lexicon) if shared[n] else []
            if spelled:
                reasons.append(Reason(ReasonCode.SHARED_TERMS, {"terms": spelled}, 1.0))
            if unknown[i, j]:
                reasons.append(Reason(ReasonCode.CRITERIA_UNKNOWN, {"count": int(unknown[i, j])}, -1.0))
            else:
                reasons.append(Reason(ReasonCode.CRITERIA_MET, {}, 0.5))
            explained.append(reasons)
        return explained

    def features(rows: np.ndarray, cols: np.ndarray, values: np.ndarray) -> np.ndarray:
        return np.column_stack([values, unknown[rows, cols] / 3.0]).astype(np.float64)

    return Scored(MatchKind.FUNDING, seekers, np.array(programs.ids, dtype=np.int64), scores, explain, features)


def can_score(index: MatchIndex, kind: str) -> bool:
    """Return whether both sides of a kind have anyone to match (and funding has its model)."""
    if kind == MatchKind.FUNDING:
        return index.funding is not None and len(index.programs) > 0 and len(index.sides["startup"]) > 0
    return len(index.sides[SEEKER_SIDE[kind]]) > 0 and len(index.sides[PROVIDER_SIDE[kind]]) > 0


def score_block(
    index: MatchIndex, kind: str, seeker_rows: np.ndarray, provider_rows: np.ndarray | None = None
) -> Scored:
    """Return the scores of these seekers (row numbers) against the providers (all, or these rows)."""
    seekers = _subset(index.sides[SEEKER_SIDE[kind]], seeker_rows)
    if kind == MatchKind.FUNDING:
        scored = _funding_scores(index, seekers)
        if provider_rows is not None:
            scored.scores, scored.provider_ids = scored.scores[:, provider_rows], scored.provider_ids[provider_rows]
            explain, features = scored.explain, scored.features
            scored.explain = lambda rows, cols, values: explain(rows, provider_rows[cols], values)
            scored.features = lambda rows, cols, values: features(rows, provider_rows[cols], values)
        return scored
    providers = index.sides[PROVIDER_SIDE[kind]]
    if provider_rows is not None:
        providers = _subset(providers, provider_rows)
    return _profile_scores(index, kind, seekers, providers)


def pairs_from(
    scored: Scored, rows: np.ndarray, cols: np.ndarray, values: np.ndarray | None = None, **ranks: np.ndarray | None
) -> list[Pair]:
    values = scored.scores[rows, cols] if values is None else values
    pairs = []
    for n, (i, j) in enumerate(zip(rows.tolist(), cols.tolist(), strict=True)):
        pair = Pair(
            scored.kind,
            int(scored.seekers.ids[i]),
            int(scored.provider_ids[j]),
            float(values[n]),
            cell=(i, j),
            explain=scored.explain,
        )
        for name, rank in ranks.items():
            setattr(pair, name, int(rank[n]) if rank is not None else None)
        pairs.append(pair)
    return pairs


def ranked(best: TopK) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rows, places = np.nonzero((best.indices >= 0) & np.isfinite(best.scores) & (best.scores > 0))
    return rows, best.indices[rows, places], places + 1


def _fitted_matcher(index: MatchIndex, kind: str, seekers: SideRows, providers: SideRows) -> ProfileMatcher:
    """Return the kind's matcher on these rows: shared words, closeness in meaning (when the index has it), facts."""
    matcher = ProfileMatcher(vectorizer=index.vectorizer, reciprocal=kind != MatchKind.NEED)
    meaning = None
    seeker_meaning, provider_meaning = seekers.meaning(), providers.meaning()
    if seeker_meaning is not None and provider_meaning is not None:
        meaning = (*seeker_meaning, *provider_meaning)
    fitted: ProfileMatcher = matcher.fit(
        seekers.feed.profiles,
        providers.feed.profiles,
        text_rows=(seekers.needs, seekers.offers, providers.needs, providers.offers),
        meaning_rows=meaning,
    )
    return fitted


def _every_pair(matcher: ProfileMatcher) -> bool | None:
    """Score every pair where closeness in meaning takes part (pooling cannot bound it); else by size.

    A provider's shard is every seeker against its providers: 85,000 × 2,000 pairs at 100,000
    organisations, past the engine's size for scoring every pair by default.
    """
    return True if getattr(matcher, "meaning_", None) is not None else None


def _with_track_record(
    history: PartnerRecord | None, cols: np.ndarray, explained: list[list[Reason]]
) -> list[list[Reason]]:
    """Add the collaboration record of each pair's capability owner to its reasons (where it has one)."""
    if history is None or not len(cols):
        return explained
    for reasons, count in zip(explained, history.track_records(cols), strict=True):
        if count:
            reasons.append(Reason(ReasonCode.TRACK_RECORD, {"count": count}, 0.2))
            reasons.sort(key=lambda reason: -reason.weight)
    return explained


def _profile_pairs(
    matcher: ProfileMatcher,
    kind: str,
    seekers: SideRows,
    providers: SideRows,
    rows: np.ndarray,
    cols: np.ndarray,
    values: np.ndarray,
    *,
    history: PartnerRecord | None = None,
    **ranks: np.ndarray,
) -> list[Pair]:

    def explain(rows: np.ndarray, cols: np.ndarray, values: np.ndarray) -> list[list[Reason]]:
        explained = profile_pair_reasons(matcher, rows, cols, values, seekers.feed.profiles, providers.feed.profiles)
        return _with_track_record(history, cols, explained)

    pairs = []
    for n, (i, j) in enumerate(zip(rows.tolist(), cols.tolist(), strict=True)):
        pair = Pair(kind, int(seekers.ids[i]), int(providers.ids[j]), float(values[n]), cell=(i, j), explain=explain)
        for name, rank in ranks.items():
            setattr(pair, name, int(rank[n]))
        pairs.append(pair)
    return pairs


def profile_seeker_pairs(index: MatchIndex, kind: str, seeker_rows: np.ndarray) -> list[Pair]:
    """Return these seekers' own lists of one two-sided kind (exact, chunked: memory stays bounded)."""
    seekers = _subset(index.sides[SEEKER_SIDE[kind]], seeker_rows)
    providers = index.sides[PROVIDER_SIDE[kind]]
    matcher = _fitted_matcher(index, kind, seekers, providers)
    adjust: Callable[[int, int, Any], np.ndarray] | None = None
    spread = kind == MatchKind.MENTORING
    if spread:
        room = _mentor_room(providers.ids)

        def without_full_mentors(start: int, stop: int, scores: Any) -> np.ndarray:
            """Rule out mentors with no room left (`scores`: a dense or sparse block of the matcher's)."""
            dense: np.ndarray = scores.toarray() if sp.issparse(scores) else np.array(scores, dtype=np.float32)
            dense[:, room == 0] = -np.inf
            return dense

        adjust = without_full_mentors

    reranker = index.rerankers.get(kind)
    history = _history(index, kind, seekers, providers)
    pool_size = 3 * top_k() if spread or has_learned(reranker) or history is not None else top_k()
    best, _ = matcher.top_k(pool_size, adjust=adjust, exact=_every_pair(matcher))
    if history is not None:
        best = _lift_pool(best, history)
    best = pool_reranked(
        reranker, best, lambda r, c, v: profile_features(matcher, r, c, v, kind=kind, history=history)
    )
    if spread:
        best = spread_exposure(best, top_k(), exposure_caps(len(seekers), top_k(), len(room), room))
    best = TopK(best.indices[:, : top_k()], best.scores[:, : top_k()])
    rows, cols, ranks = ranked(best)
    values = best.scores[rows, ranks - 1]
    return _profile_pairs(matcher, kind, seekers, providers, rows, cols, values, history=history, seeker_rank=ranks)


def _lift_pool(pool: TopK, history: PartnerRecord) -> TopK:
    """Return a pool whose fits the collaboration record lifts, best first again per row."""
    rows, places = np.nonzero((pool.indices >= 0) & np.isfinite(pool.scores))
    scores = pool.scores.copy()
    scores[rows, places] = lifted(pool.scores[rows, places], history(rows, pool.indices[rows, places]))
    order = np.argsort(-scores, axis=1, kind="stable")
    return TopK(np.take_along_axis(pool.indices, order, axis=1), np.take_along_axis(scores, order, axis=1))


def profile_provider_pairs(index: MatchIndex, kind: str, provider_rows: np.ndarray) -> list[Pair]:
    """Return these providers' lists (their best seekers) of one two-sided kind, over every seeker."""
    seekers = index.sides[SEEKER_SIDE[kind]]
    providers = _subset(index.sides[PROVIDER_SIDE[kind]], provider_rows)
    matcher = _fitted_matcher(index, kind, seekers, providers)
    _, best = matcher.top_k(1, k_per_right=provider_top_k(), exact=_every_pair(matcher))
    assert best is not None, "top_k returns the best lefts per right when k_per_right > 0"
    if kind == MatchKind.MENTORING:
        # A mentor with no room left takes no mentee: no list of candidates either.
        best.indices[_mentor_room(providers.ids) == 0] = -1
    cols, rows, ranks = ranked(best)
    values = best.scores[cols, ranks - 1]
    history = _history(index, kind, seekers, providers)
    if history is not None:
        values = lifted(values, history(rows, cols))
    features = partial(profile_features, matcher, kind=kind, history=history)
    values = final_scores(index.rerankers.get(kind), features, rows, cols, values)
    ranks = ranks_within(cols, values)
    return _profile_pairs(matcher, kind, seekers, providers, rows, cols, values, history=history, provider_rank=ranks)


def funding_provider_pairs(index: MatchIndex, chunk_size: int = 2000) -> list[Pair]:
    """Return every program's list (its best eligible organisations: the outreach list), over every startup."""
    startups = index.sides["startup"]
    blocks: list[Scored] = []
    found: list[tuple[float, int, int, int]] = []  # (score, block, row in block, program column)
    for start in range(0, len(startups), chunk_size):
        scored = score_block(index, MatchKind.FUNDING, np.arange(start, min(start + chunk_size, len(startups))))
        best = top_k_of(np.ascontiguousarray(scored.scores.T), provider_top_k(), min_score=0.0)
        cols, rows, _ = ranked(best)
        values = final_scores(
            index.rerankers.get(MatchKind.FUNDING), scored.features, rows, cols, scored.scores[rows, cols]
        )
        values = values.tolist()
        found += zip(values, [len(blocks)] * len(rows), rows.tolist(), cols.tolist(), strict=True)
        blocks.append(scored)
    score_of = {(block, row, col): score for score, block, row, col in found}
    by_program: defaultdict[int, list[tuple[int, int]]] = defaultdict(list)
    for _score, block, row, col in sorted(found, key=lambda f: (-f[0], f[1], f[2])):
        if len(by_program[col]) < provider_top_k():
            by_program[col].append((block, row))
    chosen: defaultdict[int, list[tuple[int, int, int]]] = defaultdict(list)  # block → (row, column, rank)
    for col, places in by_program.items():
        for rank, (block, row) in enumerate(places, 1):
            chosen[block].append((row, col, rank))
    pairs = []
    for block, cells in chosen.items():
        rows, cols, ranks = (np.array(axis, dtype=np.int64) for axis in zip(*cells, strict=True))
        values = np.array([score_of[(block, row, col)] for row, col, _ in cells], dtype=np.float32)
        pairs += pairs_from(blocks[block], rows, cols, values, provider_rank=ranks)
    return pairs


def seeker_list(
    scored: Scored, reranker: FeedbackReranker | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Return each seeker's list (rows, provider columns, ranks, final scores), re-ranked by feedback if learned."""
    pool = top_k_of(scored.scores, 3 * top_k() if has_learned(reranker) else top_k(), min_score=0.0)
    pool = pool_reranked(reranker, pool, scored.features)
    best = TopK(pool.indices[:, : top_k()], pool.scores[:, : top_k()])
    rows, cols, ranks = ranked(best)
    return rows, cols, ranks, best.scores[rows, ranks - 1]


def block_pairs(scored: Scored, reranker: FeedbackReranker | None = None) -> list[Pair]:
    """Return the seekers' own lists from a dense block of scores (funding)."""
    rows, cols, ranks, values = seeker_list(scored, reranker)
    return pairs_from(scored, rows, cols, values, seeker_rank=ranks)
