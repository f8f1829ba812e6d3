"""What a profile is about, beyond the words it shares: a low-rank meaning space for profile matches.

Two profiles about the same thing often share few exact words ("nuôi tôm" and "thủy sản"). This
space places each text by the syllable pairs it uses and by the texts nearest to it:

1. folded syllable 1–2 gram TF-IDF (diacritic-insensitive: "nong nghiep" is "nông nghiệp").
   Syllables, not the segmented words of text.py: on profiles-vntc they rank better (LSA of
   syllables 0.80 P@10, of words 0.79), while words stay what reasons show;
2. latent semantic analysis (truncated SVD) of those rows, L2-normalised;
3. one step of neighbourhood smoothing: each text moves halfway towards the weighted mean of its
   nearest fitted texts (weights: cosine cubed), so a short or unusual text borrows the topic of
   the texts most like it.

Chosen on profiles-vntc (development split, P@10, blended with the word TF-IDF of text.py as
ProfileMatcher blends them): words alone 0.754, + raw LSA 0.804, + smoothing 0.811; the
plateau is flat for 5–10 neighbours, halfway moves and a meaning share of 0.3–0.4.
No download and nothing pretrained: the space is fitted on the portal's own texts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Self

import numpy as np
import numpy.typing as npt
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

from kernel.text import fold

# Below this many distinct texts a low-rank space says nothing that shared words do not: the
# matcher then ranks by words alone (`fitted` is False).
MIN_TEXTS = 50


class SemanticSpace(TransformerMixin, BaseEstimator):  # type: ignore[misc]  # scikit-learn ships no types
    """Fit on a corpus of texts; transform texts to L2-normalised dense rows (float32), zero for empty text.

    `max_fit_texts` bounds the fitting cost at national scale: vocabulary, IDF and SVD are fitted
    on an evenly spaced sample, and the smoothing neighbours are drawn from that sample too.
    """

    def __init__(
        self,
        *,
        rank: int = 150,
        neighbours: int = 10,
        own_share: float = 0.5,
        max_fit_texts: int = 30_000,
        chunk_size: int = 2048,
    ) -> None:
        self.rank = rank
        self.neighbours = neighbours
        self.own_share = own_share
        self.max_fit_texts = max_fit_texts
        self.chunk_size = chunk_size

    def fit(self, texts: Sequence[str], y: object = None) -> Self:
        self.fit_transform(texts)
        return self

    def fit_transform(self, texts: Sequence[str], y: object = None) -> np.ndarray:
        texts = list(texts)
        distinct = [text for text in dict.fromkeys(texts) if text.strip()]
        self.fitted_ = len(distinct) >= MIN_TEXTS
        if not self.fitted_:
            self.n_features_out_ = 0
            return np.zeros((len(texts), 0), dtype=np.float32)
        step = max(1, -(-len(distinct) // self.max_fit_texts))
        sample = distinct[::step]
        # As text.profile_vectorizer: in a small portal no term is common by accident.
        max_df = 0.5 if len(sample) >= 200 else 1.0
        self.terms_ = TfidfVectorizer(
            preprocessor=fold, ngram_range=(1, 2), sublinear_tf=True, min_df=2, max_df=max_df, dtype=np.float32
        )
        try:
            counts = self.terms_.fit_transform(sample)
        except ValueError:  # no term is shared by two texts: nothing to place them by
            counts = None
        if counts is None or counts.shape[1] < 3:
            self.fitted_ = False
            self.n_features_out_ = 0
            return np.zeros((len(texts), 0), dtype=np.float32)
        rank = min(self.rank, counts.shape[0] - 1, counts.shape[1] - 1)
        self.svd_ = TruncatedSVD(rank, algorithm="randomized", n_iter=5, random_state=0).fit(counts)
        self.n_features_out_ = rank
        # The sample's own places, before smoothing: the neighbours every text moves towards.
        self.anchors_ = normalize(self.svd_.transform(counts)).astype(np.float32)
        self.sample_ = {text: row for row, text in enumerate(sample)}
        return self.transform(texts)

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        check_is_fitted(self, "fitted_")
        texts = list(texts)
        if not self.fitted_:
            return np.zeros((len(texts), 0), dtype=np.float32)
        rows = np.zeros((len(texts), self.n_features_out_), dtype=np.float32)
        for start in range(0, len(texts), self.chunk_size):
            chunk = texts[start : start + self.chunk_size]
            rows[start : start + len(chunk)] = self._smoothed(chunk)
        return rows

    def _smoothed(self, texts: list[str]) -> np.ndarray:
        own = normalize(self.svd_.transform(self.terms_.transform(texts))).astype(np.float32)
        similar = own @ self.anchors_.T
        # A fitted text is not its own neighbour.
        itself = [(row, self.sample_[text]) for row, text in enumerate(texts) if text in self.sample_]
        if itself:
            rows, cols = zip(*itself, strict=True)
            similar[list(rows), list(cols)] = -1.0
        k = min(self.neighbours, similar.shape[1])
        nearest = np.argpartition(-similar, k - 1, axis=1)[:, :k]
        weights = np.maximum(np.take_along_axis(similar, nearest, axis=1), 0.0) ** 3
        total = weights.sum(axis=1, keepdims=True)
        around = np.einsum("rk,rkd->rd", weights, self.anchors_[nearest]) / np.maximum(total, 1e-12)
        # A text with no terms (or nothing near it) stays where it is: nowhere, or its own place.
        around[total[:, 0] == 0] = own[total[:, 0] == 0]
        moved = self.own_share * own + (1.0 - self.own_share) * around
        moved[~own.any(axis=1)] = 0.0
        smoothed: npt.NDArray[np.float32] = normalize(moved).astype(np.float32)
        return smoothed
