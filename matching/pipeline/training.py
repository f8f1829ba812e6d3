"""Learning from what people did with matches: the feedback log trains a re-ranker per kind.

At each refit, every saved, dismissed, "not relevant", introduced, collaborating or funded pair
in `MatchFeedback` becomes a training example: its pair features (the engine's score and, for
two-sided kinds, each direction's fit and the score's parts: shared words, closeness in meaning,
sectors, technologies, location; for funding, the unknown criteria) and what people did. So the
hand-set blend of a profile match is re-weighed by outcomes once there are enough of them.
`FeedbackReranker` (engine) keeps the engine's order until both kinds of signal are numerous
enough, then blends in what it learned. Seekers' lists are re-ranked from a pool three times their
length, so a learned preference can lift a pair the text alone ranked lower.
"""

import logging

import numpy as np

from matching.engine.feedback import Event, FeedbackReranker
from matching.engine.reciprocity import COMPONENTS
from matching.models import FeedbackEvent, MatchFeedback, MatchKind
from matching.pipeline.index import MatchIndex
from matching.pipeline.reranking import has_learned
from matching.pipeline.scoring import PROVIDER_SIDE, SEEKER_SIDE, can_score, score_block

logger = logging.getLogger(__name__)

# What each logged action teaches; actions that say nothing about fit (restored, invited) are left out.
# Keyed by FeedbackEvent, whose values are the plain strings the log stores.
SIGNALS: dict[str, Event] = {
    FeedbackEvent.SAVED: Event.SAVED,
    FeedbackEvent.DISMISSED: Event.DISMISSED,
    FeedbackEvent.NOT_RELEVANT: Event.DISMISSED,
    FeedbackEvent.INTRO_DECLINED: Event.DISMISSED,
    FeedbackEvent.INTRO_ACCEPTED: Event.INTRO_ACCEPTED,
    FeedbackEvent.COLLABORATION_STARTED: Event.COLLABORATION_STARTED,
    FeedbackEvent.ASSIGNED: Event.COLLABORATION_STARTED,
    FeedbackEvent.FUNDING_AWARDED: Event.FUNDING_AWARDED,
}
# The prior is the engine's own score (the first feature): without feedback nothing changes. The
# other columns (each direction's fit and the score's parts: words, meaning, sectors, technologies,
# location) are what outcomes can re-weigh.
_PARTS = [0.0] * len(COMPONENTS)
PRIOR: dict[str, list[float]] = {
    MatchKind.FUNDING: [1.0, 0.0],
    MatchKind.COLLABORATION: [1.0, 0.0, 0.0, *_PARTS, 0.0],  # … and the collaboration record (partners.py)
    MatchKind.MENTORING: [1.0, 0.0, 0.0, *_PARTS],
    MatchKind.NEED: [1.0, 0.0, 0.0, *_PARTS],
}


def training_events(kind: str) -> list[tuple[int, int, Event]]:
    """Return (seeker id, provider id, event) for every logged action on pairs of this kind."""
    events = []
    rows = MatchFeedback.objects.filter(kind=kind, event__in=list(SIGNALS)).values_list("key", "event")
    for key, event in rows.iterator(chunk_size=5000):
        _kind, seeker, provider = key.split(":")
        events.append((int(seeker), int(provider), SIGNALS[event]))
    return events


def rerankers_fit(index: MatchIndex) -> dict[str, FeedbackReranker]:
    """Fit one re-ranker per kind on the feedback log, with pair features from `index`."""
    fitted: dict[str, FeedbackReranker] = {}
    for kind in MatchKind:
        events = training_events(kind) if can_score(index, kind) else []
        reranker = FeedbackReranker(prior_weights=PRIOR[kind])
        seekers, providers = index.sides[SEEKER_SIDE[kind]], _providers(index, PROVIDER_SIDE[kind])
        known = [(s, p, e) for s, p, e in events if s in seekers.position and p in providers]
        if known:
            seeker_rows = np.array(sorted({seekers.position[s] for s, _, _ in known}), dtype=np.int64)
            provider_rows = np.array(sorted({providers[p] for _, p, _ in known}), dtype=np.int64)
            scored = score_block(index, kind, seeker_rows, provider_rows)
            local_seeker = {int(seekers.ids[r]): n for n, r in enumerate(seeker_rows)}
            local_provider = {int(scored.provider_ids[n]): n for n in range(len(provider_rows))}
            rows = np.array([local_seeker[s] for s, _, _ in known], dtype=np.int64)
            cols = np.array([local_provider[p] for _, p, _ in known], dtype=np.int64)
            values = np.nan_to_num(scored.scores[rows, cols], neginf=0.0)
            reranker.fit(scored.features(rows, cols, values), [e for _, _, e in known])
        else:
            reranker.fit(np.zeros((0, len(PRIOR[kind]))), [])
        fitted[kind] = reranker
        logger.info(
            "feedback re-ranker fitted", extra={"kind": kind, "events": len(known), "learned": has_learned(reranker)}
        )
    return fitted


def _providers(index: MatchIndex, side: str) -> dict[int, int]:
    if side == "program":
        return {program_id: n for n, program_id in enumerate(index.programs.ids)}
    return index.sides[side].position
