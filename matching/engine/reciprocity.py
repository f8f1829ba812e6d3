"""Two-sided matches (startup ↔ capability, startup ↔ mentor, need → capabilities), reciprocal by default.

Each profile states what it needs and what it offers, plus taxonomy facts. The forward fit is how
well the right side's offers meet the left side's needs (text, sectors, technologies, location);
the backward fit is the same the other way. A reciprocal score is their harmonic mean, so a pair
that fits one way only ranks below a pair that fits both ways; a side that states no needs at
all is scored on the other direction, discounted. Chunk by chunk (retrieval.select), a small
corpus has every pair scored; a large one has each left profile's pool scored (the pairs whose
texts meet in either direction and its best pairs by facts alone, pooling.py), with a proof that
no other pair enters its top k. Either way the top k per left profile is the same.

A text fit is shared words (TF-IDF, text.py) blended with closeness in meaning (semantic.py) when
a fitted `semantic` space is given: `semantic_share` of the text weight. Meaning is dense (every
pair has some), so it needs every pair scored (a portal's recompute, an evaluation): a pooled top k
(over retrieval.EXACT_MAX_PAIRS pairs) is for a matcher fitted without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Self, TypeAlias

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from sklearn.base import BaseEstimator
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

from .pooling import PoolChunk, PooledProduct, pattern, values_at
from .reasons import Reason, ReasonCode, fact_reasons
from .retrieval import ChunkScores, Scorer, TopK, select, use_exact
from .selection import Matrix, is_sparse
from .text import TextVectorizer, fit_distinct, shared_terms

if TYPE_CHECKING:
    from .semantic import SemanticSpace


@dataclass(frozen=True)
class Profile:
    """One side of a match: stated needs and offers, and taxonomy facts (codes or names)."""

    needs: str = ""
    offers: str = ""
    sectors: frozenset[str] = field(default_factory=frozenset)
    technologies: frozenset[str] = field(default_factory=frozenset)
    location: str | None = None


# The taxonomy facts a pair can share, in the order of their columns.
FACTS = ("sectors", "technologies", "location")
# The parts of a pair's score, as `ProfileMatcher.components` returns them.
COMPONENTS = ("words", "meaning", *FACTS)
# Closeness in meaning below this is float32 rounding, not a signal (dense rows of unrelated texts
# are orthogonal only up to ~1e-7): counted as nothing, so no pair matches on noise alone.
MEANING_NOISE = 1e-4

# (left needs, left offers, right needs, right offers): TF-IDF rows (CSR), or meaning rows (dense).
TextRows: TypeAlias = tuple[sp.csr_matrix, sp.csr_matrix, sp.csr_matrix, sp.csr_matrix]
MeaningRows: TypeAlias = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def _row_dots(left: Matrix, right: Matrix) -> npt.NDArray[np.float32]:
    """Return the dot product of each row of `left` with the same row of `right` (sparse or dense)."""
    if is_sparse(left):
        return np.asarray(left.multiply(right).sum(axis=1), dtype=np.float32).ravel()
    dots: npt.NDArray[np.float32] = np.einsum("ij,ij->i", left, right).astype(np.float32)
    return dots


def _indicator(values: Sequence[frozenset[str]], vocabulary: dict[str, int]) -> sp.csr_matrix:
    rows, cols = [], []
    for row, items in enumerate(values):
        for item in items:
            if item in vocabulary:
                rows.append(row)
                cols.append(vocabulary[item])
    matrix = sp.csr_matrix(
        (np.ones(len(rows), np.float32), (rows, cols)), shape=(len(values), max(len(vocabulary), 1))
    )
    return normalize(matrix)


class ProfileMatcher(BaseEstimator):  # type: ignore[misc]  # scikit-learn ships no types
    """Score left profiles against right profiles; fit(left, right) then top_k(k) or score(i, j)."""

    def __init__(
        self,
        *,
        vectorizer: TextVectorizer | None = None,
        reciprocal: bool = True,
        text_weight: float = 0.7,
        sector_weight: float = 0.15,
        technology_weight: float = 0.1,
        location_weight: float = 0.05,
        one_way_discount: float = 0.5,
        semantic: SemanticSpace | None = None,
        semantic_share: float = 0.35,
        chunk_size: int = 2048,
        n_jobs: int = 1,
    ) -> None:
        self.vectorizer = vectorizer
        self.semantic = semantic
        self.semantic_share = semantic_share
        self.reciprocal = reciprocal
        self.text_weight = text_weight
        self.sector_weight = sector_weight
        self.technology_weight = technology_weight
        self.location_weight = location_weight
        self.one_way_discount = one_way_discount
        self.chunk_size = chunk_size
        self.n_jobs = n_jobs

    def fit(
        self,
        left: Sequence[Profile],
        right: Sequence[Profile],
        *,
        text_rows: TextRows | None = None,
        meaning_rows: MeaningRows | None = None,
    ) -> Self:
        """Fit the text features on both sides' texts and build each side's needs and offers rows.

        `text_rows` = (left needs, left offers, right needs, right offers) TF-IDF rows already made
        by `vectorizer` (fitted on the whole corpus), so a recompute tokenises each profile once;
        `meaning_rows` the same four blocks of `semantic` rows (dense), or None for words alone.
        Without `text_rows`, both are fitted here on both sides' texts.
        """
        self.vectorizer_ = self.vectorizer if self.vectorizer is not None else TextVectorizer(min_df=1)
        n, m = len(left), len(right)
        if text_rows is None:
            texts = [p.needs for p in left] + [p.offers for p in left]
            texts += [p.needs for p in right] + [p.offers for p in right]
            matrix, row_of = fit_distinct(self.vectorizer_, texts)
            matrix = matrix[[row_of[text] for text in texts]]
            text_rows = (matrix[:n], matrix[n : 2 * n], matrix[2 * n : 2 * n + m], matrix[2 * n + m :])
            if self.semantic is not None and meaning_rows is None:
                meaning = self.semantic.fit_transform(texts)
                meaning_rows = (meaning[:n], meaning[n : 2 * n], meaning[2 * n : 2 * n + m], meaning[2 * n + m :])
        self.left_needs_text_, self.left_offers_text_, self.right_needs_text_, self.right_offers_text_ = text_rows
        if meaning_rows is not None and not meaning_rows[0].shape[1]:
            meaning_rows = None  # a corpus too small for a meaning space (semantic.MIN_TEXTS)
        self.meaning_ = meaning_rows
        self.transform_sides(left, right)
        return self

    def transform_sides(self, left: Sequence[Profile], right: Sequence[Profile]) -> None:
        """Build the weighted feature rows (text | sectors | technologies | location) of both sides."""
        vocab = {
            "sectors": {v: i for i, v in enumerate(sorted({s for p in [*left, *right] for s in p.sectors}))},
            "technologies": {v: i for i, v in enumerate(sorted({s for p in [*left, *right] for s in p.technologies}))},
            "location": {v: i for i, v in enumerate(sorted({p.location for p in [*left, *right] if p.location}))},
        }

        def indicators(side: Sequence[Profile]) -> dict[str, sp.csr_matrix]:
            return {
                "sectors": _indicator([p.sectors for p in side], vocab["sectors"]),
                "technologies": _indicator([p.technologies for p in side], vocab["technologies"]),
                "location": _indicator(
                    [frozenset([p.location]) if p.location else frozenset() for p in side], vocab["location"]
                ),
            }

        weights = {
            "sectors": self.sector_weight,
            "technologies": self.technology_weight,
            "location": self.location_weight,
        }
        self.fact_rows_ = (indicators(left), indicators(right))

        def facts(rows: dict[str, sp.csr_matrix]) -> sp.csr_matrix:
            return sp.hstack([weights[name] * rows[name] for name in FACTS], format="csr")

        left_facts, right_facts = facts(self.fact_rows_[0]), facts(self.fact_rows_[1])
        self.n_facts_ = left_facts.shape[1]
        share = self.semantic_share if self.meaning_ is not None else 0.0
        weight = self.text_weight * (1.0 - share)
        self.meaning_floor_ = MEANING_NOISE * self.text_weight * share
        if self.meaning_ is not None:
            # The needs side carries the weight, as for words: one product per direction.
            left_needs, left_offers, right_needs, right_offers = self.meaning_
            self.left_needs_meaning_ = (self.text_weight * share) * left_needs
            self.right_needs_meaning_ = (self.text_weight * share) * right_needs
            self.left_offers_meaning_, self.right_offers_meaning_ = left_offers, right_offers
        # Facts count for a direction only when that side stated a need in it, so a silent side stays silent.
        left_has, right_has = self._has_needs(self.left_needs_text_), self._has_needs(self.right_needs_text_)
        self.left_needs_ = sp.hstack([weight * self.left_needs_text_, sp.diags(left_has) @ left_facts], format="csr")
        self.left_offers_ = sp.hstack([self.left_offers_text_, left_facts], format="csr")
        self.right_needs_ = sp.hstack(
            [weight * self.right_needs_text_, sp.diags(right_has) @ right_facts], format="csr"
        )
        self.right_offers_ = sp.hstack([self.right_offers_text_, right_facts], format="csr")
        self.left_has_needs_, self.right_has_needs_ = left_has.astype(bool), right_has.astype(bool)

    @staticmethod
    def _has_needs(matrix: sp.csr_matrix) -> npt.NDArray[np.float32]:
        has: npt.NDArray[np.float32] = (np.diff(matrix.indptr) > 0).astype(np.float32)
        return has

    def _combine(self, start: int, stop: int, forward: Matrix) -> Matrix:
        """Return the chunk's final scores (dense) from its forward fits and the backward ones made here.

        Dense arithmetic: taxonomy facts make chunk products dense enough that elementwise
        sparse operations cost several times more than plain arrays.
        """
        forward = self._with_meaning(forward, "left_needs_meaning_", "right_offers_meaning_", start, stop)
        if not self.reciprocal:
            return forward
        forward = forward.toarray() if is_sparse(forward) else np.asarray(forward)
        backward = self.left_offers_[start:stop] @ self.right_needs_.T
        backward = self._with_meaning(backward, "left_offers_meaning_", "right_needs_meaning_", start, stop)
        backward = backward.toarray() if is_sparse(backward) else backward
        silent_left = (~self.left_has_needs_[start:stop])[:, None]
        return self._blend(forward, backward, silent_left, (~self.right_has_needs_)[None, :])

    def _with_meaning(self, fits: Matrix, left_name: str, right_name: str, start: int, stop: int) -> Matrix:
        """Return `fits` (words and facts) plus closeness in meaning, never negative; unchanged without a space."""
        if self.meaning_ is None:
            return fits
        fits = fits.toarray() if is_sparse(fits) else np.asarray(fits)
        closeness = getattr(self, left_name)[start:stop] @ getattr(self, right_name).T
        return fits + self._meaning_above_noise(closeness)

    def _meaning_above_noise(self, closeness: np.ndarray | np.floating[Any]) -> np.ndarray:
        """Return the (weighted) closeness in meaning, with noise and negative closeness as 0."""
        return np.where(closeness > self.meaning_floor_, closeness, 0.0)

    def _blend(
        self, forward: np.ndarray, backward: np.ndarray, silent_left: np.ndarray, silent_right: np.ndarray
    ) -> npt.NDArray[np.float32]:
        """Return reciprocal scores: the harmonic mean of both fits, or one discounted fit for a silent side."""
        total = forward + backward
        with np.errstate(divide="ignore", invalid="ignore"):
            score = np.where((forward > 0) & (backward > 0), 2.0 * forward * backward / total, 0.0)
        # One-way fallbacks: only where that side stated no needs at all.
        score += self.one_way_discount * (silent_left * backward + silent_right * forward)
        return score.astype(np.float32)

    def _pooled_scores(self, size: int) -> ChunkScores:
        """Return chunk scores of each left profile's pool (pooling.py) as PoolChunk.

        The pool: pairs whose texts meet in either direction, and the `size` best by facts alone.
        Facts are symmetric (the same rows both ways, gated by each side stating needs), so a
        facts-only pair scores its facts product times 1 (both sides have needs), the one-way
        discount (one has) or 0.
        """
        if not self.reciprocal:
            forward = PooledProduct(self.left_needs_, self.right_offers_, self.n_facts_)
            return lambda start, stop, complete=None: forward.scores(start, stop, size, complete)
        forward = PooledProduct(self.left_needs_, self.right_offers_, self.n_facts_, rank_narrow=False)
        backward = PooledProduct(self.left_offers_, self.right_needs_, self.n_facts_, rank_narrow=False)
        left_has, right_has = self.left_has_needs_, self.right_has_needs_
        discount = self.one_way_discount
        # Facts products without the needs gates (left offers' facts × right offers' facts), weighted
        # per left class: 1 / discount for a right with / without needs when the left has needs,
        # discount / 0 when it has none.
        weights = np.array([np.where(right_has, discount, 0.0), np.where(right_has, 1.0, discount)])
        facts = PooledProduct(
            self.left_offers_, self.right_offers_, self.n_facts_, classes=(left_has.astype(np.int64), weights)
        )
        n_right = self.right_offers_.shape[0]

        def scores(start: int, stop: int, complete: np.ndarray | None = None) -> PoolChunk:
            ahead, behind = forward.wide(start, stop), backward.wide(start, stop)
            by_facts, outside_score, outside_index = facts.narrow_pool(start, stop, size, complete)
            pool = (ahead + behind + by_facts).tocsr()  # non-negative products: the pattern is the union
            pool.sum_duplicates()
            rows, cols = pattern(pool)
            keys = rows * n_right + cols
            # Facts are the same rows both ways, gated by each side stating needs: one product serves both.
            shared = facts.narrow(start, rows, cols)
            ahead = values_at(ahead, keys) + left_has[rows + start] * shared
            behind = values_at(behind, keys) + right_has[cols] * shared
            pool.data = self._blend(ahead, behind, ~left_has[rows + start], ~right_has[cols])
            pool.eliminate_zeros()
            return PoolChunk(pool, outside_score, outside_index)

        return scores

    def top_k(
        self,
        k: int,
        *,
        k_per_right: int = 0,
        adjust: Scorer | None = None,
        exact: bool | None = None,
        rows: slice | None = None,
    ) -> tuple[TopK, TopK | None]:
        """Return the k best right profiles per left one (and, if asked, the best lefts per right).

        `exact` as in retrieval.top_k: None scores every pair of a small corpus and pools a large one
        (same top k per left profile, provided `adjust` never raises a score; the best lefts per
        right are then exact among the pooled pairs). `rows` limits the run to a contiguous block
        of left profiles (result row 0 is its first); `adjust` still receives absolute left
        indices, and CSR chunks when pooled.
        """
        check_is_fitted(self, "left_needs_")
        n_left, n_right = self.left_needs_.shape[0], self.right_offers_.shape[0]
        first, last, _ = (rows or slice(None)).indices(n_left)
        chunk: ChunkScores
        if use_exact(n_left, n_right, exact):
            transposed = self.right_offers_.T.tocsr()

            def exact_chunk(start: int, stop: int, complete: np.ndarray | None = None) -> Matrix:
                return self._combine(start, stop, self.left_needs_[start:stop] @ transposed)

            chunk = exact_chunk
        else:
            if self.meaning_ is not None:
                raise ValueError("closeness in meaning needs every pair scored: use exact=True or no semantic space")
            chunk = self._pooled_scores(k)

        def scores(start: int, stop: int, complete: np.ndarray | None = None) -> Matrix | PoolChunk:
            return chunk(first + start, first + stop, complete)

        def adjusted(start: int, stop: int, combined: Matrix) -> Matrix:
            return adjust(first + start, first + stop, combined) if adjust is not None else combined

        best, by_right = select(
            scores,
            max(last - first, 0),
            n_right,
            k,
            chunk_size=self.chunk_size,
            adjust=adjusted,
            k_per_candidate=k_per_right,
            n_jobs=self.n_jobs,
        )
        if by_right is not None:
            by_right.indices[by_right.indices >= 0] += first
        return best, by_right

    def score(self, left: int, right: int) -> tuple[float, float, float]:
        """Return (score, forward fit, backward fit) of one pair."""
        forward = (self.left_needs_[left] @ self.right_offers_[right].T).toarray()[0, 0]
        backward = (self.right_needs_[right] @ self.left_offers_[left].T).toarray()[0, 0]
        if self.meaning_ is not None:
            forward += self._meaning_above_noise(self.left_needs_meaning_[left] @ self.right_offers_meaning_[right])
            backward += self._meaning_above_noise(self.left_offers_meaning_[left] @ self.right_needs_meaning_[right])
        combined = self._combine(left, left + 1, self.left_needs_[left] @ self.right_offers_.T)
        combined = (combined.toarray() if is_sparse(combined) else combined)[0, right]
        return float(combined), float(forward), float(backward)

    def components(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Return the parts of each pair's score, unweighted, one column per name in COMPONENTS.

        Shared words and closeness in meaning are cosines averaged over both directions (forward
        only when not reciprocal; 0 without a meaning space); facts are the cosine of the two
        sides' sectors, technologies and location. What outcomes teach re-weighs these
        (services/learning.py) instead of the hand-set weights of `__init__`.
        """
        check_is_fitted(self, "left_needs_")
        directions = [(self.left_needs_text_, self.right_offers_text_, 0, 3)]
        if self.reciprocal:
            directions.append((self.left_offers_text_, self.right_needs_text_, 1, 2))
        words = np.mean([_row_dots(left[rows], right[cols]) for left, right, _, _ in directions], axis=0)
        meaning = np.zeros(len(rows), dtype=np.float32)
        if self.meaning_ is not None:
            fits = [_row_dots(self.meaning_[a][rows], self.meaning_[b][cols]) for _, _, a, b in directions]
            meaning = np.mean(fits, axis=0)
            meaning = np.where(meaning > MEANING_NOISE, meaning, 0.0)
        left_facts, right_facts = self.fact_rows_
        facts = [_row_dots(left_facts[name][rows], right_facts[name][cols]) for name in FACTS]
        return np.column_stack([words, meaning, *facts]).astype(np.float32)

    def explain(
        self, left: int, right: int, left_profile: Profile, right_profile: Profile, top: int = 5
    ) -> list[Reason]:
        """Return the reasons of one pair: mutual fit, needs met by the other's offers (both ways), facts."""
        score, forward, backward = self.score(left, right)
        terms = self.vectorizer_.get_feature_names_out()
        reasons = [
            Reason(ReasonCode.MUTUAL_FIT, {"forward": round(forward, 3), "backward": round(backward, 3)}, score)
        ]
        wanted = shared_terms(self.left_needs_text_[left], self.right_offers_text_[right], terms, top)
        offered = shared_terms(self.right_needs_text_[right], self.left_offers_text_[left], terms, top)
        if wanted or offered:
            reasons.append(
                Reason(
                    ReasonCode.SHARED_TERMS,
                    {"needs_met": [t for t, _ in wanted], "offers_used": [t for t, _ in offered]},
                    sum(w for _, w in wanted + offered),
                )
            )
        reasons.extend(fact_reasons(left_profile, right_profile))
        return sorted(reasons, key=lambda reason: -reason.weight)
