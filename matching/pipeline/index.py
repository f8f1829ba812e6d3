"""The fitted match index: text features of every profile, the funding model, and how to keep them current.

A full refit (`refit.match_index_build`, nightly and in `matches_rebuild`) fits the text features on the
whole corpus, turns every profile into rows once, fits the funding model and saves it all as one
versioned artefact. Workers load it lazily, once per process (and again when a newer one is
saved). A single update must not re-read 100,000 profiles, so the index patches itself: rows of
entities changed since it was built (or named by the caller) are re-read and replaced, rows of
entities that can no longer be matched are dropped.
"""

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

import numpy as np
import scipy.sparse as sp
from django.db.models import QuerySet
from django.utils import timezone

from ecosystem.models import Capability, MentorOffer, Need, StartupProfile
from matching.engine.feedback import FeedbackReranker
from matching.engine.funding import Award, FundingRecommender
from matching.engine.partners import PartnerRecommender
from matching.engine.reciprocity import Profile
from matching.engine.semantic import SemanticSpace
from matching.engine.text import TextVectorizer
from matching.models import Relationship, RelationshipStatus
from matching.pipeline import profiles

logger = logging.getLogger(__name__)

ARTEFACT_NAME = "helix-match-index"
SIDES = ("startup", "capability", "mentor", "need")


class FeedReader(Protocol):
    """A side's feed: every entity that may be matched, or only those with these ids."""

    def __call__(self, ids: Iterable[int] | None = None, /) -> profiles.Feed: ...


FEEDS: dict[str, FeedReader] = {
    "startup": profiles.startup_feed,
    "capability": profiles.capability_feed,
    "mentor": profiles.mentor_feed,
    "need": profiles.need_feed,
}
# Which model's updated_at tells that a side's row is out of date.
SIDE_QUERYSETS: dict[str, Callable[[], QuerySet[StartupProfile | Capability | MentorOffer | Need]]] = {
    "startup": profiles.startup_queryset,
    "capability": profiles.capability_queryset,
    "mentor": profiles.mentor_queryset,
    "need": profiles.need_queryset,
}
SIDE_ID_FIELDS = {"startup": "organisation_id", "capability": "pk", "mentor": "pk", "need": "pk"}


def _empty_rows(width: int) -> sp.csr_matrix:
    return sp.csr_matrix((0, width), dtype=np.float32)


@dataclass
class SideRows:
    """One side's entities: ids, profiles (and applicants), and their needs/offers text rows."""

    ids: np.ndarray
    feed: profiles.Feed
    needs: sp.csr_matrix
    offers: sp.csr_matrix
    funding: sp.csr_matrix | None = None  # startups: rows of the funding model's own features
    # Dense rows of the index's meaning space (semantic.py), needs and offers; None without one.
    needs_meaning: np.ndarray | None = None
    offers_meaning: np.ndarray | None = None
    position: dict[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.position = {int(entity): row for row, entity in enumerate(self.ids)}

    def __len__(self) -> int:
        return len(self.ids)

    def rows(self, entity_ids: Iterable[int]) -> np.ndarray:
        """Return the row numbers of these entities (those the index has)."""
        return np.array([self.position[i] for i in entity_ids if i in self.position], dtype=np.int64)

    def meaning(self) -> tuple[np.ndarray, np.ndarray] | None:
        """Return (needs, offers) meaning rows, or None when the index has no meaning space."""
        if self.needs_meaning is None or self.offers_meaning is None:
            return None
        return self.needs_meaning, self.offers_meaning


# Rows made already for distinct texts: (matrix, row of each text in it).
KnownRows = tuple[sp.csr_matrix, dict[str, int]]
KnownMeaning = tuple[np.ndarray, dict[str, int]]


def _meaning(
    semantic: SemanticSpace | None, feed: profiles.Feed, known: KnownMeaning | None = None
) -> tuple[np.ndarray | None, np.ndarray | None]:
    """Return the needs and offers meaning rows of a feed; `known` = (rows, row of each text) made already."""
    if semantic is None or not getattr(semantic, "fitted_", False):
        return None, None
    texts = [p.needs for p in feed.profiles] + [p.offers for p in feed.profiles]
    if known is None:
        distinct = list(dict.fromkeys(texts))
        known = (semantic.transform(distinct), {text: row for row, text in enumerate(distinct)})
    matrix, row_of = known
    rows = matrix[[row_of[text] for text in texts]] if texts else matrix[:0]
    return rows[: len(feed)], rows[len(feed) :]


def _vectorize(
    vectorizer: TextVectorizer, feed: profiles.Feed, known: KnownRows | None = None
) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """Return the needs and offers rows of a feed; `known` = (matrix, row of each text) made already."""
    if not len(feed):
        width = len(vectorizer.get_feature_names_out())
        return _empty_rows(width), _empty_rows(width)
    texts = [p.needs for p in feed.profiles] + [p.offers for p in feed.profiles]
    if known is None:
        # Most startups without posted needs have needs == offers: tokenise each distinct text once.
        distinct = list(dict.fromkeys(texts))
        known = (vectorizer.transform(distinct), {text: row for row, text in enumerate(distinct)})
    matrix, row_of = known
    rows = matrix[[row_of[text] for text in texts]]
    return sp.csr_matrix(rows[: len(feed)]), sp.csr_matrix(rows[len(feed) :])


def funding_text(profile: Profile) -> str:
    """Return what a startup's funding query reads: what it does and what it needs."""
    return profile.offers if profile.needs == profile.offers else f"{profile.offers}\n{profile.needs}"


@dataclass
class MatchIndex:
    version: str
    built_at: datetime
    vectorizer: TextVectorizer
    sides: dict[str, SideRows]
    funding: FundingRecommender | None
    programs: profiles.ProgramFeed
    # The moment up to which changes are already in the rows (refresh moves it forward).
    synced_at: datetime | None = None
    # Kind → FeedbackReranker fitted on the feedback log at build time (training.rerankers_fit).
    rerankers: dict[str, FeedbackReranker] = field(default_factory=dict)
    # The collaboration record's PartnerRecommender (partners.partners_fit); None while it is empty.
    partners: PartnerRecommender | None = None
    # Closeness in meaning of profile texts (semantic.SemanticSpace); None while the corpus is too small.
    semantic: SemanticSpace | None = None

    def side_rows(
        self,
        side: str,
        feed: profiles.Feed,
        known: KnownRows | None = None,
        known_meaning: KnownMeaning | None = None,
    ) -> SideRows:
        needs, offers = _vectorize(self.vectorizer, feed, known)
        needs_meaning, offers_meaning = _meaning(self.semantic, feed, known_meaning)
        funding = None
        if side == "startup" and self.funding is not None:
            funding = _empty_rows(len(self.funding.vectorizer_.terms_)) if not len(feed) else None
        if side == "startup" and self.funding is not None and len(feed):
            funding = sp.csr_matrix(self.funding.vectorizer_.transform([funding_text(p) for p in feed.profiles]))
        return SideRows(
            np.array(feed.ids, dtype=np.int64), feed, needs, offers, funding, needs_meaning, offers_meaning
        )

    def patch(self, side: str, entity_ids: Iterable[int]) -> None:
        """Re-read these entities of one side and replace (or drop) their rows."""
        entity_ids = sorted({int(i) for i in entity_ids})
        if not entity_ids:
            return
        current = self.sides[side]
        fresh = self.side_rows(side, FEEDS[side](entity_ids))
        keep = np.ones(len(current), dtype=bool)
        keep[current.rows(entity_ids)] = False
        kept = np.flatnonzero(keep)
        feed = profiles.Feed(
            ids=[current.feed.ids[i] for i in kept] + fresh.feed.ids,
            profiles=[current.feed.profiles[i] for i in kept] + fresh.feed.profiles,
            updated_at=[current.feed.updated_at[i] for i in kept] + fresh.feed.updated_at,
            applicants=[current.feed.applicants[i] for i in kept] + fresh.feed.applicants if side == "startup" else [],
        )
        funding = None
        if current.funding is not None and fresh.funding is not None:
            funding = sp.vstack([current.funding[kept], fresh.funding], format="csr")
        meaning: tuple[np.ndarray | None, np.ndarray | None] = (None, None)
        current_meaning, fresh_meaning = current.meaning(), fresh.meaning()
        if current_meaning is not None and fresh_meaning is not None:
            (old_needs, old_offers), (new_needs, new_offers) = current_meaning, fresh_meaning
            meaning = (np.vstack([old_needs[kept], new_needs]), np.vstack([old_offers[kept], new_offers]))
        self.sides[side] = SideRows(
            np.array(feed.ids, dtype=np.int64),
            feed,
            sp.vstack([current.needs[kept], fresh.needs], format="csr"),
            sp.vstack([current.offers[kept], fresh.offers], format="csr"),
            funding,
            *meaning,
        )

    def refresh(self, *, also: dict[str, list[int]] | None = None) -> None:
        """Bring the rows up to date with the database: changes since the last sync, plus `also`."""
        now = timezone.now()
        since = self.synced_at or self.built_at
        for side in SIDES:
            changed = set((also or {}).get(side, []))
            changed.update(
                SIDE_QUERYSETS[side]()
                .model.objects.filter(updated_at__gt=since)
                .values_list(SIDE_ID_FIELDS[side], flat=True)
            )
            if side == "need":
                # A startup's needs text is its posted needs: their changes are its changes too.
                extra = Need.objects.filter(pk__in=changed).values_list("organisation_id", flat=True)
                self.patch("startup", extra)
            self.patch(side, changed)
        # Programs are few: always read them fresh (their dates decide whether they can be matched).
        self.programs = profiles.program_feed()
        if self.funding is None and len(self.programs):
            # The first programs of a new portal: fit the funding model now rather than at night.
            self.funding = fit_funding(self.programs, self.sides["startup"].feed)
            self.sides["startup"] = self.side_rows("startup", self.sides["startup"].feed)
        self.synced_at = now


def _awards() -> list[Award]:
    """Return the funding outcomes recorded in Helix: relationships a program funded."""
    rows = Relationship.objects.filter(status=RelationshipStatus.FUNDED, program__isnull=False).values_list(
        "organisation_id", "program_id", "started_at"
    )
    awards = []
    profiles = dict(zip(*_startup_texts([r[0] for r in rows]), strict=True))
    for organisation_id, program_id, started_at in rows:
        if organisation_id in profiles:
            awards.append(
                Award(str(organisation_id), str(program_id), profiles[organisation_id], started_at.year + 0.0)
            )
    return awards


def _startup_texts(organisation_ids: Iterable[int]) -> tuple[list[int], list[str]]:
    feed = profiles.startup_feed(organisation_ids)
    return feed.ids, [funding_text(p) for p in feed.profiles]


def fit_funding(programs: profiles.ProgramFeed, startups: profiles.Feed) -> FundingRecommender:
    recommender = FundingRecommender(n_jobs=1)
    fitted: FundingRecommender = recommender.fit(
        programs.programs, _awards(), corpus=[funding_text(p) for p in startups.profiles]
    )
    return fitted
