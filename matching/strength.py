"""A match's strength: its score's place among every listed match of its kind, and the label that says it.

A score is a match quality on the engine's own scale, which differs by kind and moves with each
refit, so fixed thresholds label nearly everything "Possible fit". The full recompute stores each
kind's score quantiles (`pipeline.score_scales.score_scales_fit`); a page reads them once
(`selectors.score_scales`) and a match's strength is the share of that kind's listed matches it
beats. Until a kind has a scale (a new portal before its first recompute) the label falls back to
the score itself.
"""

from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext_lazy

# Strength thresholds, best first: the label is the first whose threshold the strength reaches.
LEVELS = (
    (0.85, "excellent", gettext_lazy("Excellent fit")),
    (0.5, "good", gettext_lazy("Good fit")),
    (0.0, "possible", gettext_lazy("Possible fit")),
)
# Before a kind has a scale: the score's own thresholds, as the engine's scores read in [0, 1].
FALLBACK_LEVELS = ((0.7, "excellent"), (0.4, "good"), (0.0, "possible"))
# The shares at which a kind's quantiles are stored: 0 %, 1 %, …, 100 %.
POINTS = np.linspace(0.0, 1.0, 101)


@dataclass(frozen=True)
class Strength:
    level: str
    text: str
    percent: int  # 0–100: the share of this kind's listed matches it is at least as strong as
    calibrated: bool = True  # False: no scale yet, `percent` is the score itself


def strength(score: float, kind: str | None = None, scales: dict[str, np.ndarray] | None = None) -> Strength:
    """Return the strength of one score: from its kind's scale when there is one, else from the score."""
    texts = {level: text for _threshold, level, text in LEVELS}
    quantiles = (scales or {}).get(kind) if kind else None
    if quantiles is None or quantiles.size != POINTS.size:
        share = float(np.clip(score, 0.0, 1.0))
        level = next(level for threshold, level in FALLBACK_LEVELS if share >= threshold)
        return Strength(level, str(texts[level]), round(100 * share), calibrated=False)
    # Equal scores (ties fill several quantiles) take the highest share they reach, so they read alike.
    equal = np.flatnonzero(quantiles == score)
    share = float(POINTS[equal[-1]]) if equal.size else float(np.interp(score, quantiles, POINTS, left=0.0, right=1.0))
    level = next(level for threshold, level, _text in LEVELS if share >= threshold)
    return Strength(level, str(texts[level]), round(100 * share))
