"""Writing match rows: upserts keyed by the pair, retiring pairs no list wants, freshness stamps.

A retried or duplicated task leaves the same rows. A pair that drops out of both lists is
deleted, unless someone saved or dismissed it: then it stays, no longer current, so a dismissal
outlives every recompute. On PostgreSQL, rows go in through COPY into a temporary table and one
INSERT … ON CONFLICT: a full recompute writes millions of them.
"""

import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
from django.db import connection
from django.db.models import BooleanField, Count, ExpressionWrapper, Min, Q, QuerySet

from ecosystem.models import Capability, MentorOffer, Need, Organisation, Program
from matching.models import ENDS, Match, MatchedSource, MatchState
from matching.pipeline.scoring import PROVIDER_SIDE, SEEKER_SIDE, Pair, explained

MODELS: dict[str, type[Organisation | Need | Program | Capability | MentorOffer]] = {
    "startup": Organisation,
    "need": Need,
    "program": Program,
    "capability": Capability,
    "mentor": MentorOffer,
}


def pairs_with_live_ends(kind: str, pairs: list[Pair]) -> list[Pair]:
    """Drop pairs whose ends were deleted or hidden since the index last saw them."""
    seeker_model, provider_model = MODELS[SEEKER_SIDE[kind]], MODELS[PROVIDER_SIDE[kind]]
    seekers = set(seeker_model.objects.filter(pk__in={p.seeker for p in pairs}).values_list("pk", flat=True))
    providers = set(provider_model.objects.filter(pk__in={p.provider for p in pairs}).values_list("pk", flat=True))
    return [p for p in pairs if p.seeker in seekers and p.provider in providers]


COLUMNS = [
    "key", "kind", "organisation_id", "need_id", "program_id", "capability_id", "mentor_id", "score", "reasons",
    "model_version", "computed_at", "is_current", "seeker_rank", "provider_rank", "seeker_listed_at",
    "provider_listed_at", "seeker_state", "provider_state",
]  # fmt: skip


def _rows(kind: str, pairs: list[Pair], version: str, now: datetime) -> Iterator[tuple[Any, ...]]:
    seeker_field, provider_field = ENDS[kind]
    for pair in pairs:
        ends = {f"{seeker_field}_id": pair.seeker, f"{provider_field}_id": pair.provider}
        yield (
            pair.key, kind, ends.get("organisation_id"), ends.get("need_id"), ends.get("program_id"),
            ends.get("capability_id"), ends.get("mentor_id"), pair.score, pair.reasons or [],
            version, now, True, pair.seeker_rank, pair.provider_rank,
            None if pair.seeker_rank is None else now, None if pair.provider_rank is None else now,
            MatchState.NEW, MatchState.NEW,
        )  # fmt: skip


def _upsert_copy(rows: Iterable[tuple[Any, ...]], update: list[str]) -> None:
    """COPY the rows into a temporary table, then insert or update them in one statement."""
    columns = ", ".join(COLUMNS)
    updates = ", ".join(f"{name} = EXCLUDED.{name}" for name in update)
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE IF NOT EXISTS match_incoming AS SELECT {columns} FROM matching_match WITH NO DATA"
        )
        cursor.execute("TRUNCATE match_incoming")
        with cursor.cursor.copy(f"COPY match_incoming ({columns}) FROM STDIN") as copy:
            reasons = COLUMNS.index("reasons")
            for row in rows:
                copy.write_row((*row[:reasons], json.dumps(row[reasons], ensure_ascii=False), *row[reasons + 1 :]))
        cursor.execute(
            f"INSERT INTO matching_match ({columns}) SELECT {columns} FROM match_incoming "
            f"ON CONFLICT (key) DO UPDATE SET {updates}"
        )


def _upsert_orm(kind: str, pairs: list[Pair], update: list[str], version: str, now: datetime) -> None:
    Match.objects.bulk_create(
        [Match(**dict(zip(COLUMNS, row, strict=True))) for row in _rows(kind, pairs, version, now)],
        batch_size=500,
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=update,
    )


def matches_upsert(kind: str, pairs: list[Pair], *, version: str, now: datetime) -> None:
    """Insert the pairs or update their rows; states stay, and so does a list place this computation did not decide."""
    groups: defaultdict[tuple[bool, bool, bool], list[Pair]] = defaultdict(list)
    for pair in explained(pairs):
        groups[(pair.seeker_rank is not None, pair.provider_rank is not None, pair.keeps_reasons)].append(pair)
    for (has_seeker_rank, has_provider_rank, keeps_reasons), group in groups.items():
        update = ["score", "model_version", "computed_at", "is_current"] + ([] if keeps_reasons else ["reasons"])
        update += ["seeker_rank", "seeker_listed_at"] if has_seeker_rank else []
        update += ["provider_rank", "provider_listed_at"] if has_provider_rank else []
        if connection.vendor == "postgresql":
            _upsert_copy(_rows(kind, group, version, now), update)
        else:
            _upsert_orm(kind, group, update, version, now)


# A stored score within this share of the new one is the same score: a refit moves every score
# a little (each new text shifts the corpus's term weights), and rewriting millions of rows to
# change what no one can see is what made a full recompute slow. A list is rewritten whole when
# anything in it moves more, so the scores on one list always stay in the order of its places.
SCORE_TOLERANCE = 1e-3


@dataclass
class ListChanges:
    """What a full recompute writes for some lists: the pairs of lists that changed, and the rows that left them."""

    pairs: list[Pair]
    unlisted: list[int]  # primary keys of rows whose place in these lists is gone
    computed_at: dict[str, datetime]  # when each stored pair of these owners was last written


def _same_list(stored: dict[str, tuple[int, float]], computed: dict[str, tuple[int, float]]) -> bool:
    if stored.keys() != computed.keys():
        return False
    for key, (rank, score) in computed.items():
        stored_rank, stored_score = stored[key]
        if stored_rank != rank or abs(stored_score - score) > SCORE_TOLERANCE * max(abs(score), 1e-9):
            return False
    return True


def list_changes(kind: str, owner_field: str, owners: Collection[int], pairs: list[Pair]) -> ListChanges:
    """Compare these owners' computed lists (the pairs) with their stored ones; keep only what differs.

    `owner_field` is the end whose lists these are: the seeker's field (its `seeker_rank`) or the
    provider's (`provider_rank`).
    """
    seeker_field = ENDS[kind][0]
    rank_field = "seeker_rank" if owner_field == seeker_field else "provider_rank"
    computed: defaultdict[int, dict[str, tuple[int, float]]] = defaultdict(dict)
    by_owner: defaultdict[int, list[Pair]] = defaultdict(list)
    for pair in pairs:
        owner = pair.seeker if owner_field == seeker_field else pair.provider
        computed[owner][pair.key] = (getattr(pair, rank_field), pair.score)
        by_owner[owner].append(pair)
    stored: defaultdict[int, dict[str, tuple[int, float]]] = defaultdict(dict)
    stored_pk: dict[str, int] = {}
    changes = ListChanges([], [], {})
    rows = Match.objects.filter(
        kind=kind, **{f"{owner_field}_id__in": list(owners), f"{rank_field}__isnull": False}
    ).values_list(f"{owner_field}_id", "pk", "key", rank_field, "score")
    for owner, pk, key, rank, score in rows.iterator(chunk_size=10_000):
        stored[owner][key] = (rank, score)
        stored_pk[key] = pk
    for owner in set(computed) | set(stored):
        if _same_list(stored[owner], computed[owner]):
            continue
        changes.pairs += by_owner[owner]
        changes.unlisted += [stored_pk[key] for key in stored[owner].keys() - computed[owner].keys()]
    # Only for the pairs about to be written: on a quiet night most lists are unchanged, and turning
    # every stored row's timestamp into a datetime was a tenth of a recompute.
    keys = [pair.key for pair in changes.pairs]
    for start in range(0, len(keys), 10_000):
        written = Match.objects.filter(key__in=keys[start : start + 10_000]).values_list("key", "computed_at")
        changes.computed_at.update(written)
    return changes


def places_clear(rank_field: str, pks: list[int]) -> None:
    """Take these rows out of the lists that `rank_field` places them in."""
    for start in range(0, len(pks), 10_000):
        Match.objects.filter(pk__in=pks[start : start + 10_000]).update(**{rank_field: None})


def places_clear_outside(kind: str, owner_field: str, owners: Collection[int]) -> int:
    """Clear the places in lists of owners that are no longer matched at all (deleted, hidden, paused)."""
    rank_field = "seeker_rank" if owner_field == ENDS[kind][0] else "provider_rank"
    if connection.vendor != "postgresql":
        listed = Match.objects.filter(kind=kind, **{f"{rank_field}__isnull": False})
        return listed.exclude(**{f"{owner_field}_id__in": list(owners)}).update(**{rank_field: None})
    with connection.cursor() as cursor:
        # bigint[], the column's own type: PostgreSQL then looks each row up in a hash of the array.
        # With an integer[] it compares element by element: minutes per kind at 100,000 organisations.
        cursor.execute(
            f"UPDATE matching_match SET {rank_field} = NULL WHERE kind = %s AND {rank_field} IS NOT NULL "
            f"AND NOT ({owner_field}_id = ANY(%s::bigint[]))",
            [kind, list(owners)],
        )
        return cursor.rowcount


def matches_retire(matches: QuerySet[Match]) -> None:
    """Delete pairs in no list any more, or keep them as not current where someone acted on them."""
    matches = matches.filter(seeker_rank__isnull=True, provider_rank__isnull=True)
    matches.filter(seeker_state=MatchState.NEW, provider_state=MatchState.NEW).delete()
    matches.filter(is_current=True).update(is_current=False)


# Quoted: ExpressionWrapper is generic in django-stubs only, not at run time.
def listed_anywhere() -> "ExpressionWrapper[Q]":
    return ExpressionWrapper(
        Q(seeker_rank__isnull=False) | Q(provider_rank__isnull=False), output_field=BooleanField()
    )


def list_entry_thresholds(
    kind: str, field_name: str, rank_field: str, ids: Collection[int], size: int
) -> dict[int, float]:
    """Return each listed end's current worst listed score, or -inf where its list is not full."""
    rows = (
        Match.objects.filter(kind=kind, **{f"{field_name}_id__in": list(ids), f"{rank_field}__isnull": False})
        .values(f"{field_name}_id")
        .annotate(worst=Min("score"), n=Count("pk"))
        .values_list(f"{field_name}_id", "worst", "n")
    )
    found = {end: (worst if n >= size else -np.inf) for end, worst, n in rows}
    return {int(i): found.get(int(i), -np.inf) for i in ids}


def sources_stamp(
    entity_type: str, entity_ids: Iterable[int], version: str, now: datetime, *, changed_only: bool = False
) -> None:
    """Record that these entities' matches are computed from their current facts.

    With `changed_only` (a full recompute), entities whose record already says so are left alone.
    """
    model = MODELS[entity_type]
    stamp = "startup_profile__updated_at" if entity_type == "startup" else "updated_at"
    entity_ids = list(entity_ids)
    rows = list(model.objects.filter(pk__in=entity_ids).values_list("pk", stamp))
    if changed_only:
        recorded = dict(
            MatchedSource.objects.filter(source_type=entity_type, source_id__in=entity_ids).values_list(
                "source_id", "source_updated_at"
            )
        )
        rows = [(pk, updated) for pk, updated in rows if updated is None or recorded.get(pk) != updated]
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
