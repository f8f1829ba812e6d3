"""Learning from feedback: what people did with matches re-weighs the features of future ones.

Saved, intro-accepted, collaboration-started and funding-awarded matches are positives of rising
strength; dismissed ones are negatives. A logistic regression over a matcher's pair features is
blended in as evidence accumulates (`blend_events`), and until both kinds of event have been
seen often enough the fixed prior weights rank alone: a new portal behaves sensibly on day one.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Self

import numpy as np
import numpy.typing as npt
from scipy.special import expit
from sklearn.base import BaseEstimator
from sklearn.linear_model import LogisticRegression


class Event(StrEnum):
    SAVED = "saved"
    DISMISSED = "dismissed"
    INTRO_ACCEPTED = "intro_accepted"
    COLLABORATION_STARTED = "collaboration_started"
    FUNDING_AWARDED = "funding_awarded"


# (label, weight): stronger commitments teach more than a click.
SIGNAL = {
    Event.SAVED: (1, 1.0),
    Event.DISMISSED: (0, 1.0),
    Event.INTRO_ACCEPTED: (1, 2.0),
    Event.COLLABORATION_STARTED: (1, 3.0),
    Event.FUNDING_AWARDED: (1, 4.0),
}


class FeedbackReranker(BaseEstimator):  # type: ignore[misc]  # scikit-learn ships no types
    """Score pairs from their features: prior weights, then learned weights as feedback accumulates."""

    def __init__(
        self,
        *,
        prior_weights: npt.ArrayLike | None = None,
        min_events_per_label: int = 5,
        blend_events: int = 50,
        C: float = 1.0,
    ) -> None:
        self.prior_weights = prior_weights
        self.min_events_per_label = min_events_per_label
        self.blend_events = blend_events
        self.C = C

    def fit(self, features: npt.ArrayLike, events: Sequence[Event | str] = ()) -> Self:
        """Learn from the features of pairs people acted on and what they did (may be empty)."""
        rows = np.asarray(features, dtype=np.float64).reshape(len(events), -1) if len(events) else None
        labels = np.array([SIGNAL[Event(e)][0] for e in events], dtype=int)
        weights = np.array([SIGNAL[Event(e)][1] for e in events], dtype=float)
        self.n_events_ = len(events)
        self.model_: LogisticRegression | None = None
        if rows is not None and min((labels == 1).sum(), (labels == 0).sum()) >= self.min_events_per_label:
            self.model_ = LogisticRegression(C=self.C, max_iter=1000).fit(rows, labels, sample_weight=weights)
        return self

    def score(self, features: npt.ArrayLike) -> npt.NDArray[np.float64]:
        """Return a score in [0, 1] per pair (rows of `features`)."""
        features = np.asarray(features, dtype=np.float64)
        prior_weights = (
            np.full(features.shape[1], 1.0 / features.shape[1])
            if self.prior_weights is None
            else np.asarray(self.prior_weights, dtype=np.float64)
        )
        prior: npt.NDArray[np.float64] = np.clip(features @ prior_weights, 0.0, 1.0)
        model = getattr(self, "model_", None)  # None before fit, or with too little feedback
        if model is None:
            return prior
        share = self.n_events_ / (self.n_events_ + self.blend_events)
        blended: npt.NDArray[np.float64] = (1 - share) * prior + share * expit(model.decision_function(features))
        return blended
