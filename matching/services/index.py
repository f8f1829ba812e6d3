"""The fitted match index: text features of every profile, the funding model, and how to keep them current.

A full refit (`match_index_build`, nightly and in `matches_rebuild`) fits the text features on the
whole corpus, turns every profile into rows once, fits the funding model and saves it all as one
versioned artefact. Workers load it lazily, once per process (and again when a newer one is
saved). A single update must not re-read 100,000 profiles, so the index patches itself: rows of
entities changed since it was built (or named by the caller) are re-read and replaced, rows of
entities that can no longer be matched are dropped.
"""

import logging
import threading
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from django.conf import settings
from django.utils import timezone

from matching.engine import artefacts, words
from matching.engine.funding import Award, FundingRecommender
from matching.engine.semantic import SemanticSpace
from matching.engine.text import TextVectorizer, fit_distinct, profile_vectorizer
from matching.models import Relationship, RelationshipStatus
from matching.services import feeds
from matching.services.learning import rerankers_fit
from matching.services.partners import partners_fit

logger = logging.getLogger(__name__)

ARTEFACT_NAME = "helix-match-index"
SIDES = ("startup", "capability", "mentor", "need")
FEEDS = {
    "startup": feeds.startup_feed,
    "capability": feeds.capability_feed,
    "mentor": feeds.mentor_feed,
    "need": feeds.need_feed,
}
# Which model's updated_at tells that a side's row is out of date.
SIDE_QUERYSETS = {
    "startup": feeds.startup_queryset,
    "capability": feeds.capability_queryset,
    "mentor": feeds.mentor_queryset,
    "need": feeds.need_queryset,
}
SIDE_ID_FIELDS = {"startup": "organisation_id", "capability": "pk", "mentor": "pk", "need": "pk"}


def _empty_rows(width: int) -> sp.csr_matrix:
    return sp.csr_matrix((0, width), dtype=np.float32)


@dataclass
class SideRows:
    """One side's entities: ids, profiles (and applicants), and their needs/offers text rows."""

    ids: np.ndarray
    feed: feeds.Feed
    needs: sp.csr_matrix
    offers: sp.csr_matrix
    funding: sp.csr_matrix | None = None  # startups: rows of the funding model's own features
    # Dense rows of the index's meaning space (semantic.py), needs and offers; None without one.
    needs_meaning: np.ndarray | None = None
    offers_meaning: np.ndarray | None = None
    position: dict[int, int] = field(default_factory=dict)

    def __post_init__(self):
        self.position = {int(entity): row for row, entity in enumerate(self.ids)}

    def __len__(self) -> int:
        return len(self.ids)

    def rows(self, entity_ids) -> np.ndarray:
        """Return the row numbers of these entities (those the index has)."""
        return np.array([self.position[i] for i in entity_ids if i in self.position], dtype=np.int64)

    def meaning(self) -> tuple[np.ndarray, np.ndarray] | None:
        """Return (needs, offers) meaning rows, or None when the index has no meaning space."""
        if self.needs_meaning is None or self.offers_meaning is None:
            return None
        return self.needs_meaning, self.offers_meaning


def _meaning(semantic: SemanticSpace | None, feed: feeds.Feed, known=None) -> tuple[np.ndarray | None, ...]:
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


def _vectorize(vectorizer: TextVectorizer, feed: feeds.Feed, known=None) -> tuple[sp.csr_matrix, sp.csr_matrix]:
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


def funding_text(profile) -> str:
    """Return what a startup's funding query reads: what it does and what it needs."""
    return profile.offers if profile.needs == profile.offers else f"{profile.offers}\n{profile.needs}"


@dataclass
class MatchIndex:
    version: str
    built_at: datetime
    vectorizer: TextVectorizer
    sides: dict[str, SideRows]
    funding: FundingRecommender | None
    programs: feeds.ProgramFeed
    # The moment up to which changes are already in the rows (refresh moves it forward).
    synced_at: datetime | None = None
    # Kind → learning.FeedbackReranker fitted on the feedback log at build time.
    rerankers: dict = field(default_factory=dict)
    # The collaboration record's PartnerRecommender (partners.partners_fit); None while it is empty.
    partners: object = None
    # Closeness in meaning of profile texts (semantic.SemanticSpace); None while the corpus is too small.
    semantic: SemanticSpace | None = None

    def side_rows(self, side: str, feed: feeds.Feed, known=None, known_meaning=None) -> SideRows:
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

    def patch(self, side: str, entity_ids) -> None:
        """Re-read these entities of one side and replace (or drop) their rows."""
        entity_ids = sorted({int(i) for i in entity_ids})
        if not entity_ids:
            return
        current = self.sides[side]
        fresh = self.side_rows(side, FEEDS[side](entity_ids))
        keep = np.ones(len(current), dtype=bool)
        keep[current.rows(entity_ids)] = False
        kept = np.flatnonzero(keep)
        feed = feeds.Feed(
            ids=[current.feed.ids[i] for i in kept] + fresh.feed.ids,
            profiles=[current.feed.profiles[i] for i in kept] + fresh.feed.profiles,
            updated_at=[current.feed.updated_at[i] for i in kept] + fresh.feed.updated_at,
            applicants=[current.feed.applicants[i] for i in kept] + fresh.feed.applicants if side == "startup" else [],
        )
        funding = None
        if current.funding is not None and fresh.funding is not None:
            funding = sp.vstack([current.funding[kept], fresh.funding], format="csr")
        meaning = (None, None)
        if current.meaning() is not None and fresh.meaning() is not None:
            pairs = zip(current.meaning(), fresh.meaning(), strict=True)
            meaning = tuple(np.vstack([old[kept], new]) for old, new in pairs)
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
                extra = feeds.Need.objects.filter(pk__in=changed).values_list("organisation_id", flat=True)
                self.patch("startup", extra)
            self.patch(side, changed)
        # Programs are few: always read them fresh (their dates decide whether they can be matched).
        self.programs = feeds.program_feed()
        if self.funding is None and len(self.programs):
            # The first programs of a new portal: fit the funding model now rather than at night.
            self.funding = _fit_funding(self.programs, self.sides["startup"].feed)
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


def _startup_texts(organisation_ids) -> tuple[list[int], list[str]]:
    feed = feeds.startup_feed(organisation_ids)
    return feed.ids, [funding_text(p) for p in feed.profiles]


def _fit_funding(programs: feeds.ProgramFeed, startups: feeds.Feed) -> FundingRecommender:
    return FundingRecommender(n_jobs=1).fit(
        programs.programs, _awards(), corpus=[funding_text(p) for p in startups.profiles]
    )


def match_index_build() -> MatchIndex:
    """Fit the text features and the funding model on every profile and program in the database."""
    started = timezone.now()
    side_feeds = {side: FEEDS[side]() for side in SIDES}
    programs = feeds.program_feed()
    texts = [text for feed in side_feeds.values() for p in feed.profiles for text in (p.needs, p.offers) if text]
    corpus = list(dict.fromkeys(texts + [program.text for program in programs.programs])) or ["helix"]
    vectorizer = profile_vectorizer(len(corpus))
    # One fitting pass over each distinct text, plus an empty row for profiles that state nothing.
    known = fit_distinct(vectorizer, corpus)
    semantic = SemanticSpace()
    meaning = semantic.fit_transform([*corpus, ""])
    known_meaning = (meaning, {text: row for row, text in enumerate([*corpus, ""])})
    funding = _fit_funding(programs, side_feeds["startup"]) if len(programs) else None
    index = MatchIndex(
        version=f"{started:%Y%m%d%H%M%S}-{uuid.uuid4().hex[:6]}",
        built_at=started,
        vectorizer=vectorizer,
        sides={},
        funding=funding,
        programs=programs,
        semantic=semantic if semantic.fitted_ else None,
    )
    index.sides = {side: index.side_rows(side, feed, known, known_meaning) for side, feed in side_feeds.items()}
    index.synced_at = started
    index.partners = partners_fit()  # before the re-rankers: the record is one of their pair features
    index.rerankers = rerankers_fit(index)
    logger.info("match index built", extra={"version": index.version, **{s: len(f) for s, f in side_feeds.items()}})
    return index


# -- Storage -------------------------------------------------------------------------------------


def index_path() -> Path:
    return Path(settings.MATCHING_ARTEFACTS_DIR) / "match-index.joblib"


_cache: dict[str, object] = {}
_lock = threading.Lock()


def match_index_save(index: MatchIndex) -> None:
    """Write the index where every worker loads it from, and use it in this process too."""
    artefacts.save(index, index_path(), name=ARTEFACT_NAME, version=index.version)
    with _lock:
        _cache.update(index=index, mtime=index_path().stat().st_mtime)


def match_index_get() -> MatchIndex:
    """Return this process's index, current with the database: loaded lazily, built if none exists yet."""
    path = index_path()
    with _lock:
        mtime = path.stat().st_mtime if path.exists() else None
        if mtime is None:
            index = match_index_build()
            artefacts.save(index, path, name=ARTEFACT_NAME, version=index.version)
            _cache.update(index=index, mtime=path.stat().st_mtime)
        elif _cache.get("mtime") != mtime:
            try:
                index, _header = artefacts.load(path, name=ARTEFACT_NAME)
                _remember_segments(index)
            except artefacts.ArtefactMismatch:
                logger.warning("match index unusable here; rebuilding", exc_info=True)
                index = match_index_build()
                artefacts.save(index, path, name=ARTEFACT_NAME, version=index.version)
            _cache.update(index=index, mtime=path.stat().st_mtime)
        return _cache["index"]


def _remember_segments(index: MatchIndex) -> None:
    """Let this process reuse the index's segmented texts: reasons and single updates read the same words."""
    for vectorizer in (index.vectorizer, getattr(index.funding, "vectorizer_", None)):
        segments = getattr(vectorizer, "segments_", None)
        if segments:
            words.remember(segments)


def match_index_forget() -> None:
    """Drop this process's copy (tests, and after the artefacts folder changes)."""
    with _lock:
        _cache.clear()
