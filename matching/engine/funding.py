"""Which funding program fits this applicant: text, outcomes, the applicant's record, a learned re-ranker.

A program is represented three ways: its own text, the profiles of those it funded (a recency-
weighted centroid, the nearest funded neighbours, and an NB-SVM classifier over its past awards),
and the applicant's own record with it (earlier awards, how recent, how similar). A re-ranker
(gradient-boosted trees over those features) learns how to weigh them from outcomes: it is
fitted on the most recent awards, scored by components fitted only on the awards before them,
exactly as new applications will be scored. With too few outcomes it is not fitted and a fixed
blend is used instead (`fallback_scores`), so a fresh portal still ranks sensibly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Self

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from scipy.special import expit, log_softmax
from sklearn.base import BaseEstimator
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

from . import eligibility as eligibility_rules
from .nbsvm import NBSVMClassifier
from .reasons import Match, Reason, ReasonCode
from .retrieval import top_k_of
from .text import TextVectorizer, shared_terms


@dataclass(frozen=True)
class Program:
    id: str
    text: str


@dataclass(frozen=True)
class Award:
    """An outcome: `applicant_id` was funded by `program_id` for `text` in `year` (any unit of time)."""

    applicant_id: str
    program_id: str
    text: str
    year: float | None = None


@dataclass(frozen=True)
class FundingQuery:
    """Who asks and what for: the profile or proposal text, the applicant (for its record) and when."""

    text: str
    applicant_id: str | None = None
    year: float | None = None


FEATURES = (
    "classifier",  # NB-SVM margin (NaN where the program has too few awards for a classifier)
    "classifier_gap",  # margin minus the best margin of the row
    "classifier_logp",  # log-softmax of the margins over programs that have a classifier
    "funded_centroid",  # cosine to the recency-weighted centroid of funded profiles
    "own_text",  # cosine to the program's own description
    "neighbours",  # share of the similarity mass of the nearest funded profiles
    "record_share",  # share of the applicant's awards that came from this program
    "record_count",  # log(1 + awards from this program)
    "record_recent",  # recency-weighted share of the applicant's awards
    "record_years_since",  # years since the last award from this program (NaN: never)
    "record_similarity",  # best cosine to the applicant's own past awards from this program
    "record_total",  # log(1 + all the applicant's awards)
    "popularity",  # log share of all (recency-weighted) awards
    "popularity_recent",  # log share of awards in the last `recent_years`
)


class _Components:
    """Everything fitted from one set of awards; builds the feature tensor for queries."""

    def __init__(
        self,
        owner: FundingRecommender,
        programs_matrix: sp.csr_matrix,
        awards_matrix: sp.csr_matrix,
        labels: npt.NDArray[np.int64],
        years: npt.NDArray[np.float64],
        applicants: Sequence[str | None],
    ) -> None:
        self.owner = owner
        n_programs = programs_matrix.shape[0]
        self.programs_matrix = programs_matrix
        self.awards_matrix = awards_matrix
        self.labels = labels
        self.years = years
        self.reference_year = float(np.nanmax(years)) if len(years) and not np.all(np.isnan(years)) else 0.0
        age = np.nan_to_num(self.reference_year - years, nan=0.0)
        self.weights = 0.5 ** (age / owner.half_life_years)
        by_program = sp.csr_matrix(
            (self.weights, (labels, np.arange(len(labels)))), shape=(n_programs, len(labels)), dtype=np.float32
        )
        self.centroids = normalize(by_program @ awards_matrix)
        counts = np.asarray(by_program.sum(axis=1)).ravel() + 0.5
        self.popularity = np.log(counts / counts.sum())
        recent = labels[np.nan_to_num(years, nan=self.reference_year) > self.reference_year - owner.recent_years]
        recent_counts = np.bincount(recent, minlength=n_programs) + 0.5
        self.popularity_recent = np.log(recent_counts / recent_counts.sum())
        self.record = defaultdict(list)
        for index, applicant in enumerate(applicants):
            if applicant is not None:
                self.record[applicant].append(index)
        award_counts = np.bincount(labels, minlength=n_programs)
        self.classified = np.flatnonzero(award_counts >= owner.min_class_awards)
        self.classifier = None
        if len(self.classified) >= 2:
            mask = np.isin(labels, self.classified)
            self.classifier = NBSVMClassifier(C=owner.C, n_jobs=owner.n_jobs)
            self.classifier.fit(awards_matrix[mask], labels[mask], sample_weight=self.weights[mask])

    def features(
        self, queries_matrix: sp.csr_matrix, applicant_ids: Sequence[str | None], years: np.ndarray
    ) -> npt.NDArray[np.float32]:
        """Return the (n_queries × n_programs × len(FEATURES)) float32 feature tensor."""
        n, p = queries_matrix.shape[0], self.programs_matrix.shape[0]
        out = np.full((n, p, len(FEATURES)), np.nan, dtype=np.float32)
        if self.classifier is not None:
            margins = self.classifier.decision_function(queries_matrix)
            out[:, self.classified, 0] = margins
            out[:, self.classified, 1] = margins - margins.max(axis=1, keepdims=True)
            out[:, self.classified, 2] = log_softmax(self.owner.temperature * margins, axis=1)
        out[:, :, 3] = (queries_matrix @ self.centroids.T).toarray()
        out[:, :, 4] = (queries_matrix @ self.programs_matrix.T).toarray()
        similarities = (queries_matrix @ self.awards_matrix.T).toarray() if self.awards_matrix.shape[0] else None
        neighbours = np.zeros((n, p), dtype=np.float32)
        if similarities is not None:
            nearest = top_k_of(similarities, self.owner.n_neighbours)
            rows, cols = np.nonzero(nearest.indices >= 0)
            np.add.at(neighbours, (rows, self.labels[nearest.indices[rows, cols]]), nearest.scores[rows, cols])
            neighbours /= np.maximum(neighbours.sum(axis=1, keepdims=True), 1e-9)
        out[:, :, 5] = neighbours
        record = np.zeros((n, p, 5), dtype=np.float32)
        record[:, :, 3] = np.nan
        for row, applicant in enumerate(applicant_ids):
            for award in self.record.get(applicant, ()) if applicant is not None else ():
                label = self.labels[award]
                age = (years[row] if not np.isnan(years[row]) else self.reference_year) - self.years[award]
                age = max(float(np.nan_to_num(age, nan=0.0)), 0.0)
                record[row, label, 0] += 1
                record[row, label, 2] += 0.5 ** (age / self.owner.record_half_life_years)
                previous = record[row, label, 3]
                record[row, label, 3] = age if np.isnan(previous) else min(previous, age)
                if similarities is not None:
                    record[row, label, 4] = max(record[row, label, 4], similarities[row, award])
        totals = record[:, :, 0].sum(axis=1, keepdims=True)
        out[:, :, 6] = record[:, :, 0] / np.maximum(totals, 1)
        out[:, :, 7] = np.log1p(record[:, :, 0])
        out[:, :, 8] = record[:, :, 2] / np.maximum(record[:, :, 2].sum(axis=1, keepdims=True), 1e-9)
        out[:, :, 9] = record[:, :, 3]
        out[:, :, 10] = record[:, :, 4]
        out[:, :, 11] = np.log1p(totals)
        out[:, :, 12] = self.popularity[None, :]
        out[:, :, 13] = self.popularity_recent[None, :]
        return out


class FundingRecommender(BaseEstimator):  # type: ignore[misc]  # scikit-learn ships no types
    """Rank programs for applicants from program texts and past awards (see the module docstring).

    fit(programs, awards[, corpus]) → score(queries) → recommend(queries, k, eligible, unknown).
    """

    def __init__(
        self,
        *,
        vectorizer: TextVectorizer | None = None,
        C: float = 0.5,
        temperature: float = 5.0,
        half_life_years: float = 8.0,
        record_half_life_years: float = 3.0,
        recent_years: float = 3.0,
        min_class_awards: int = 5,
        n_neighbours: int = 25,
        rerank: bool = True,
        holdout_years: float = 3.0,
        holdout_fraction: float = 0.25,
        rerank_min_positives: int = 200,
        rerank_iterations: int = 100,
        rerank_pool: int = 10,
        n_jobs: int = 2,
        random_state: int = 0,
    ) -> None:
        self.vectorizer = vectorizer
        self.C = C
        self.temperature = temperature
        self.half_life_years = half_life_years
        self.record_half_life_years = record_half_life_years
        self.recent_years = recent_years
        self.min_class_awards = min_class_awards
        self.n_neighbours = n_neighbours
        self.rerank = rerank
        self.holdout_years = holdout_years
        self.holdout_fraction = holdout_fraction
        self.rerank_min_positives = rerank_min_positives
        self.rerank_iterations = rerank_iterations
        self.rerank_pool = rerank_pool
        self.n_jobs = n_jobs
        self.random_state = random_state

    # -- fitting -----------------------------------------------------------------------------
    def fit(self, programs: Sequence[Program], awards: Sequence[Award], corpus: Sequence[str] = ()) -> Self:
        """Learn from program texts and awards; `corpus` adds texts (e.g. all profiles) to the IDF only."""
        self.program_ids_ = [program.id for program in programs]
        index = {program_id: i for i, program_id in enumerate(self.program_ids_)}
        awards = [award for award in awards if award.program_id in index]
        self.vectorizer_ = self.vectorizer if self.vectorizer is not None else default_vectorizer(self.n_jobs)
        texts = [program.text for program in programs] + [award.text for award in awards]
        matrix = self.vectorizer_.fit_transform(texts + list(corpus))
        programs_matrix, awards_matrix = matrix[: len(programs)], matrix[len(programs) : len(texts)]
        labels = np.array([index[award.program_id] for award in awards], dtype=np.int64)
        years = np.array([np.nan if award.year is None else float(award.year) for award in awards])
        applicants = [award.applicant_id for award in awards]
        self.reranker_ = self._fit_reranker(programs_matrix, awards_matrix, labels, years, applicants)
        self.components_ = _Components(self, programs_matrix, awards_matrix, labels, years, applicants)
        return self

    def _fit_reranker(
        self,
        programs_matrix: sp.csr_matrix,
        awards_matrix: sp.csr_matrix,
        labels: npt.NDArray[np.int64],
        years: npt.NDArray[np.float64],
        applicants: list[str],
    ) -> HistGradientBoostingClassifier | None:
        if not self.rerank or len(labels) < 2 * self.rerank_min_positives:
            return None
        if np.isnan(years).any():
            rng = np.random.default_rng(self.random_state)
            held_out = rng.random(len(labels)) < self.holdout_fraction
        else:
            held_out = years > years.max() - self.holdout_years
        if held_out.sum() < self.rerank_min_positives or (~held_out).sum() < self.rerank_min_positives:
            return None
        early = np.flatnonzero(~held_out)
        components = _Components(
            self, programs_matrix, awards_matrix[early], labels[early], years[early], [applicants[i] for i in early]
        )
        late = np.flatnonzero(held_out)
        features = components.features(awards_matrix[late], [applicants[i] for i in late], years[late])
        pool = self._pool(features)
        rows = np.arange(len(late))[:, None]
        target = pool == labels[late][:, None]
        model = HistGradientBoostingClassifier(
            max_iter=self.rerank_iterations, learning_rate=0.08, random_state=self.random_state
        )
        model.fit(features[rows, pool].reshape(-1, len(FEATURES)), target.ravel())
        return model

    def _pool(self, features: np.ndarray) -> np.ndarray:
        """Return each query's `rerank_pool` best programs by the fixed blend (the re-ranker's candidates)."""
        size = min(self.rerank_pool, features.shape[1])
        return np.argsort(-fallback_scores(features), axis=1, kind="stable")[:, :size]

    # -- scoring -----------------------------------------------------------------------------
    def _prepare(self, queries: Sequence[FundingQuery]) -> tuple[sp.csr_matrix, npt.NDArray[np.float32]]:
        check_is_fitted(self, "components_")
        matrix = self.vectorizer_.transform([query.text for query in queries])
        years = np.array([np.nan if q.year is None else float(q.year) for q in queries])
        return matrix, self.components_.features(matrix, [q.applicant_id for q in queries], years)

    def score(self, queries: Sequence[FundingQuery], *, chunk_size: int = 2000) -> np.ndarray:
        """Return match qualities in [0, 1], one row per query and one column per program."""
        rows = []
        for start in range(0, len(queries), chunk_size):
            _, features = self._prepare(queries[start : start + chunk_size])
            rows.append(self._score_features(features))
        return np.vstack(rows) if rows else np.zeros((0, len(self.program_ids_)), dtype=np.float32)

    def score_rows(
        self, matrix: sp.csr_matrix, applicant_ids: Sequence[str | None], *, chunk_size: int = 2000
    ) -> np.ndarray:
        """Return match qualities of queries already turned into rows by `vectorizer_`.

        The portal keeps every profile's rows between updates, so a changed program is scored
        against 100,000 profiles without tokenising them again.
        """
        check_is_fitted(self, "components_")
        rows = []
        for start in range(0, matrix.shape[0], chunk_size):
            stop = min(start + chunk_size, matrix.shape[0])
            features = self.components_.features(
                matrix[start:stop], list(applicant_ids[start:stop]), np.full(stop - start, np.nan)
            )
            rows.append(self._score_features(features))
        return np.vstack(rows) if rows else np.zeros((0, len(self.program_ids_)), dtype=np.float32)

    @property
    def programs_matrix_(self) -> sp.csr_matrix:
        """The programs' own text rows (for the terms a profile shares with a program)."""
        return self.components_.programs_matrix

    def _score_features(self, features: np.ndarray) -> np.ndarray:
        n, _p, f = features.shape
        base = fallback_scores(features)
        if self.reranker_ is None:
            return base
        # Only the pool is re-ranked; the rest keep the fixed order, below every pooled program.
        pool, rows = self._pool(features), np.arange(n)[:, None]
        scores = 1e-3 * base
        pooled = self.reranker_.predict_proba(features[rows, pool].reshape(-1, f))[:, 1].reshape(pool.shape)
        scores[rows, pool] = 1e-3 + (1 - 1e-3) * pooled
        return scores.astype(np.float32)

    def recommend(
        self,
        queries: Sequence[FundingQuery],
        k: int = 10,
        *,
        eligible: npt.ArrayLike | None = None,
        unknown: npt.ArrayLike | None = None,
    ) -> list[list[Match]]:
        """Return the k best eligible programs per query, with reasons; ineligible ones never appear."""
        scores = eligibility_rules.apply(self.score(queries), eligible, unknown)
        best = top_k_of(scores, k, min_score=-1.0)
        return [
            [Match(j, s, tuple(self.explain(queries[i], j))) for j, s in best.row(i) if np.isfinite(s)]
            for i in range(len(queries))
        ]

    def explain(self, query: FundingQuery, program: int, *, top_terms: int = 5) -> list[Reason]:
        """Return the reasons program `program` fits `query`: its record, similar awards, terms."""
        components = self.components_
        matrix = self.vectorizer_.transform([query.text])
        reasons = []
        own = components.record.get(query.applicant_id, ()) if query.applicant_id is not None else ()
        record = [a for a in own if components.labels[a] == program]
        if record:
            last = np.nanmax(components.years[record]) if not np.all(np.isnan(components.years[record])) else None
            reasons.append(
                Reason(ReasonCode.FUNDED_BEFORE, {"count": len(record), "last_year": last}, float(len(record)))
            )
        if components.classifier is not None and program in components.classified:
            row = int(np.searchsorted(components.classified, program))
            contribution = matrix.multiply(components.classifier.coef_[row]).tocsr()
            positive = np.flatnonzero(contribution.data > 0)
            order = positive[np.argsort(-contribution.data[positive], kind="stable")][:top_terms]
            terms = [str(self.vectorizer_.terms_[contribution.indices[i]]) for i in order]
            if terms:
                reasons.append(
                    Reason(ReasonCode.DISTINCTIVE_TERMS, {"terms": terms}, float(contribution.data[order].sum()))
                )
        if components.awards_matrix.shape[0]:
            similar = (matrix @ components.awards_matrix.T).toarray().ravel()
            nearest = np.argsort(-similar)[: self.n_neighbours]
            count = int((components.labels[nearest] == program).sum())
            if count:
                reasons.append(Reason(ReasonCode.FUNDED_SIMILAR, {"count": count}, count / len(nearest)))
        shared = shared_terms(matrix, components.programs_matrix[program], self.vectorizer_.terms_, top_terms)
        if shared:
            reasons.append(
                Reason(ReasonCode.SHARED_TERMS, {"terms": [t for t, _ in shared]}, sum(w for _, w in shared))
            )
        return sorted(reasons, key=lambda reason: -reason.weight)


def default_vectorizer(n_jobs: int = 2) -> TextVectorizer:
    """Return the text features tuned on the SBIR validation years (stop words kept: they help bigrams,
    and so do pairs across punctuation; its reasons still show only phrases somebody wrote)."""
    return TextVectorizer(
        ngram_range=(1, 2), min_df=2, max_df=0.5, stop_words=None, phrases=False, chunk_size=8000, n_jobs=n_jobs
    )


def fallback_scores(features: np.ndarray) -> np.ndarray:
    """Return a fixed blend in [0, 1] for when no re-ranker could be learned (too few outcomes).

    The classifier margin where a program has one; otherwise its description and funded profiles.
    A program the applicant was funded by before gets a modest lift.
    """
    classifier = features[:, :, FEATURES.index("classifier")]
    text = np.maximum(features[:, :, FEATURES.index("funded_centroid")], features[:, :, FEATURES.index("own_text")])
    base = np.where(np.isnan(classifier), 4.0 * text - 2.0, 2.0 * classifier)
    record_share = features[:, :, FEATURES.index("record_share")]
    scores: npt.NDArray[np.float32] = expit(base + 0.5 * record_share).astype(np.float32)
    return scores
