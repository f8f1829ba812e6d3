"""Fitting the match index on the whole database, and keeping one copy of it per process.

`match_index_build` fits every model the pipeline scores with (text features, closeness in
meaning, the funding model, the collaboration record, the feedback re-rankers); the saved artefact
is what every worker loads, and `match_index_get` keeps the loaded copy current.
"""

import logging
import threading
import uuid
from pathlib import Path
from typing import cast

from django.conf import settings
from django.utils import timezone

from matching.engine import artefacts, words
from matching.engine.semantic import SemanticSpace
from matching.engine.text import fit_distinct, profile_vectorizer
from matching.pipeline import profiles
from matching.pipeline.index import (
    ARTEFACT_NAME,
    FEEDS,
    SIDE_ID_FIELDS,
    SIDE_QUERYSETS,
    SIDES,
    MatchIndex,
    fit_funding,
)
from matching.pipeline.partners import partners_fit
from matching.pipeline.training import rerankers_fit

logger = logging.getLogger(__name__)


def match_index_build() -> MatchIndex:
    """Fit the text features and the funding model on every profile and program in the database."""
    started = timezone.now()
    side_feeds = {side: FEEDS[side]() for side in SIDES}
    programs = profiles.program_feed()
    texts = [text for feed in side_feeds.values() for p in feed.profiles for text in (p.needs, p.offers) if text]
    corpus = list(dict.fromkeys(texts + [program.text for program in programs.programs])) or ["helix"]
    vectorizer = profile_vectorizer(len(corpus), n_jobs=settings.MATCHING_FIT_JOBS)
    _previous_segments_remembered()
    # One fitting pass over each distinct text, plus an empty row for profiles that state nothing.
    known = fit_distinct(vectorizer, corpus)
    semantic = SemanticSpace()
    meaning = semantic.fit_transform([*corpus, ""])
    known_meaning = (meaning, {text: row for row, text in enumerate([*corpus, ""])})
    funding = fit_funding(programs, side_feeds["startup"]) if len(programs) else None
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


def _saved_index() -> MatchIndex | None:
    """Return the last saved index (this process's copy, or read from disk and kept), or None."""
    path = index_path()
    mtime = path.stat().st_mtime if path.exists() else None
    with _lock:
        if mtime is not None and _cache.get("mtime") == mtime:
            return cast(MatchIndex, _cache["index"])
    if mtime is None:
        return None
    try:
        saved, _header = artefacts.load(path, name=ARTEFACT_NAME)
    except (artefacts.ArtefactMismatch, OSError, EOFError, ValueError):
        logger.warning("saved match index unreadable; fitting a new one", exc_info=True)
        return None
    _remember_segments(saved)
    with _lock:
        _cache.update(index=saved, mtime=mtime)
    return cast(MatchIndex, saved)


def _changed_since(index: MatchIndex, since) -> dict[str, set[int]]:
    """Return, per side, the entities changed since `since`, added to or gone from what can be matched."""
    changed: dict[str, set[int]] = {}
    for side in SIDES:
        queryset = SIDE_QUERYSETS[side]()
        id_field = SIDE_ID_FIELDS[side]
        now_ids = set(queryset.values_list(id_field, flat=True))
        known = set(index.sides[side].ids.tolist())
        edited = set(queryset.model.objects.filter(updated_at__gt=since).values_list(id_field, flat=True))
        changed[side] = (now_ids ^ known) | (edited & (now_ids | known))
    return changed


def match_index_renew() -> MatchIndex:
    """Return the index a nightly recompute scores with: the saved one brought up to date while the
    texts it was fitted on have barely changed, otherwise a new fit (`match_index_build`).

    Refitting the text features and the meaning space on an almost unchanged corpus moves every
    score a little and reorders about half of all lists for no reason a person could see; and it
    is most of a night's work at 100,000 organisations. So while fewer than
    `MATCHING_REFIT_DRIFT` of the profiles have changed, been added or gone since the last fit,
    the saved index patches the changed rows (as a single update does) and only the models that
    learn from what people did (the collaboration record, the feedback re-rankers) are refitted.
    """
    saved = _saved_index()
    if saved is None:
        return match_index_build()
    changed = _changed_since(saved, saved.built_at)
    size = sum(len(saved.sides[side]) for side in SIDES)
    drift = sum(len(ids) for ids in changed.values()) / max(size, 1)
    if drift > settings.MATCHING_REFIT_DRIFT:
        logger.info("texts changed since the last fit; fitting anew", extra={"drift": round(drift, 4)})
        return match_index_build()
    started = timezone.now()
    saved.refresh(
        also={side: sorted(ids) for side, ids in _changed_since(saved, saved.synced_at or saved.built_at).items()}
    )
    saved.version = f"{started:%Y%m%d%H%M%S}-{uuid.uuid4().hex[:6]}"
    saved.partners = partners_fit()
    saved.rerankers = rerankers_fit(saved)
    logger.info("match index renewed", extra={"version": saved.version, "drift": round(drift, 4)})
    return saved


# -- Storage -------------------------------------------------------------------------------------


def index_path() -> Path:
    return Path(settings.MATCHING_ARTEFACTS_DIR) / "match-index.joblib"


_cache: dict[str, object] = {}
_lock = threading.RLock()  # re-entered: a build under match_index_get reads the saved index


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
        # Only this module fills the cache, and always with a MatchIndex under "index".
        return cast(MatchIndex, _cache["index"])


def _previous_segments_remembered() -> None:
    """Let a refit in a new process reuse the texts the saved index segmented: most are unchanged."""
    if "index" not in _cache:
        _saved_index()  # loading it remembers its segments


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
