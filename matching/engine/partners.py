"""Consortium completion: which organisation should join these members for this programme?

The backbone is the benchmark's strongest fair heuristic: each member's row of the
co-participation matrix scaled to unit L2 norm and summed over the members ("member-normalised"),
with organisations of the open seat's type first and, among those, organisations from the planned
countries first. A candidate pool is taken by that order and re-ranked by gradient-boosted trees
learnt on consortia of the most recent training year with one member hidden (the same task as at
use), which add what the heuristic leaves out: recency, the programme, partners of partners, a
planned country no member covers yet. Organisations outside the pool keep the heuristic's order
below the pool. With too little history to learn from, the heuristic ranks alone; a profile
affinity from the caller (text and taxonomy, in [0, 1]) lifts candidates in either case, and is all
there is to rank by when the history is empty.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Self

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from sklearn.base import BaseEstimator
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.utils.validation import check_is_fitted

from .consortia import Consortium, Participation, hide_one_member
from .reasons import Match, Reason, ReasonCode
from .retrieval import top_k_of
from .selection import Matrix, is_sparse

FEATURES = (
    "normalised",  # the heuristic's member-normalised co-participation
    "normalised_share",  # the same over the best candidate's, so consortia of any size compare
    "normalised_recent",  # the same with recent projects weighing more
    "normalised_max",  # the strongest single member tie
    "co_count",  # co-participations with the members
    "co_members",  # share of the members it has worked with
    "co_same_programme",  # co-participations in projects of the call's programme
    "two_hop",  # partners of the members' partners
    "activity",  # log(1 + participations)
    "activity_recent",  # log(1 + recency-weighted participations)
    "programme_count",  # log(1 + its participations in this programme)
    "programme_share",  # share of its participations in this programme
    "years_since",  # since its last participation
    "type_prior",  # how common its type is in this programme's consortia
    "type_open",  # the planned type mix still has a seat of its type (NaN: mix unknown)
    "country_wanted",  # its country is among the planned countries (NaN: unknown)
    "country_uncovered",  # ... and no member comes from it yet, so the new one must (NaN: unknown)
    "country_in_consortium",  # share of members from its country
    "n_members",  # members known to the history
    "pool_rank",  # its place in the heuristic order, log-scaled
)


def _unit_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    """Return the matrix with each row scaled to unit L2 norm (empty rows stay empty)."""
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    return (sp.diags(1.0 / np.maximum(norms, 1e-12)) @ matrix).tocsr()


def _co_matrix(left: sp.csr_matrix, right: sp.csr_matrix) -> sp.csr_matrix:
    """Return left @ right.T without the diagonal: shared projects between organisations."""
    co = (left @ right.T).tocsr()
    co.setdiag(0)
    co.eliminate_zeros()
    return co


def _shares(codes: np.ndarray, groups: np.ndarray, n_codes: int, n_groups: int) -> np.ndarray:
    """Return smoothed shares of each code within each group (rows: groups)."""
    table = np.zeros((n_groups, n_codes))
    np.add.at(table, (groups, codes), 1.0)
    shares: npt.NDArray[np.float64] = (table + 0.5) / (table.sum(axis=1, keepdims=True) + 0.5 * n_codes)
    return shares


class _History:
    """Statistics of one set of participations over the recommender's organisation table."""

    def __init__(self, owner: PartnerRecommender, participations: Sequence[Participation]) -> None:
        self.owner = owner
        n_orgs, n_programmes = len(owner.org_ids_), len(owner.vocab_["programme"]) + 1
        projects = {p: i for i, p in enumerate(dict.fromkeys(x.project_id for x in participations))}
        years = np.array([np.nan if x.year is None else float(x.year) for x in participations], dtype=float)
        known_years = years[~np.isnan(years)]
        self.reference_year = float(known_years.max()) if known_years.size else 0.0
        recency = 0.5 ** (np.nan_to_num(self.reference_year - years, nan=0.0) / owner.half_life_years)
        rows = np.array([owner.org_index_[x.org_id] for x in participations], dtype=np.int64)
        cols = np.array([projects[x.project_id] for x in participations], dtype=np.int64)
        shape = (n_orgs, len(projects))
        # Binary incidence: an organisation listed twice in one project still counts once.
        incidence = (sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape) > 0).astype(np.float64)
        recent = sp.csr_matrix((recency, (rows, cols)), shape=shape)
        self.co = _co_matrix(incidence, incidence)
        self.co_unit = _unit_rows(self.co)
        self.co_recent_unit = _unit_rows(_co_matrix(recent, incidence))
        self.co_binary = (self.co > 0).astype(np.float64)
        self.activity = np.asarray(incidence.sum(axis=1)).ravel()
        self.activity_recent = np.asarray(recent.sum(axis=1)).ravel()
        self.last_year = np.full(n_orgs, np.nan)
        np.fmax.at(self.last_year, rows, years)
        programmes = np.array([owner.programme_code(x.programme) for x in participations], dtype=np.int64)
        self.co_by_programme = [self._programme_co(programmes == p, rows, cols, shape) for p in range(n_programmes)]
        self.programme_count = np.zeros((n_programmes, n_orgs))
        np.add.at(self.programme_count, (programmes, rows), 1.0)
        self.programme_share = self.programme_count / np.maximum(self.programme_count.sum(axis=0), 1.0)
        self.type_prior = _shares(owner.org_type_[rows], programmes, len(owner.vocab_["type"]), n_programmes)

    @staticmethod
    def _programme_co(chosen: np.ndarray, rows: np.ndarray, cols: np.ndarray, shape: tuple[int, int]) -> sp.csr_matrix:
        """Return the co-participation counts within one programme's projects."""
        part = sp.csr_matrix((np.ones(int(chosen.sum())), (rows[chosen], cols[chosen])), shape=shape)
        part = (part > 0).astype(np.float64)
        return _co_matrix(part, part)


@dataclass
class _Query:
    """The consortia of one chunk, coded against the organisation table."""

    members: list[np.ndarray]
    programmes: np.ndarray
    years: np.ndarray
    open_types: np.ndarray  # n × types: seats still open per type (NaN rows: mix unknown)
    wanted: np.ndarray  # n × countries: 1 for planned countries (NaN rows: unknown)
    uncovered: np.ndarray  # n × countries: planned countries no member comes from (NaN rows: unknown)
    member_countries: np.ndarray  # n × countries: members per country
    affinity: np.ndarray | None  # n × orgs, from the caller

    def indicator(self, n_orgs: int) -> sp.csr_matrix:
        """Return the n × orgs 0/1 matrix of the members."""
        rows = np.repeat(np.arange(len(self.members)), [len(m) for m in self.members])
        cols = np.concatenate([*self.members, np.zeros(0, dtype=np.int64)])
        return sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(self.members), n_orgs))


class PartnerRecommender(BaseEstimator):  # type: ignore[misc]  # scikit-learn ships no types
    """Recommend organisations to complete a consortium (see the module docstring)."""

    def __init__(
        self,
        *,
        half_life_years: float = 1.5,
        pool_size: int = 200,
        rerank: bool = True,
        holdout_years: float = 1,
        rerank_min_tasks: int = 300,
        rerank_iterations: int = 100,
        rerank_draws: int = 1,
        negatives_per_task: int = 100,
        affinity_weight: float = 2.0,
        chunk_size: int = 64,
        random_state: int = 0,
    ) -> None:
        self.half_life_years = half_life_years
        self.pool_size = pool_size
        self.rerank = rerank
        self.holdout_years = holdout_years
        self.rerank_min_tasks = rerank_min_tasks
        self.rerank_iterations = rerank_iterations
        self.rerank_draws = rerank_draws
        self.negatives_per_task = negatives_per_task
        self.affinity_weight = affinity_weight
        self.chunk_size = chunk_size
        self.random_state = random_state

    # ----------------------------------------------------------------------------------- fitting

    def fit(
        self, participations: Sequence[Participation], organisations: Sequence[tuple[str, str, str]] | None = None
    ) -> Self:
        """Return self, having learnt co-participation statistics (and the re-ranker) from history.

        `organisations` — (org_id, org_type, country) triples — adds organisations with no
        participation yet, so they can be ranked too (by type, country and affinity).
        """
        participations = list(participations)
        self._fit_table(participations, list(organisations or ()))
        self.reranker_ = self._fit_reranker(participations)
        self.history_ = _History(self, participations)
        return self

    def _fit_table(self, participations: list[Participation], organisations: list[tuple[str, str, str]]) -> None:
        """Set the organisation table (ids, type and country codes) and the vocabularies."""
        first: dict[str, tuple[str, str]] = {}
        for x in participations:
            first.setdefault(x.org_id, (x.org_type, x.country))
        for org_id, org_type, country in organisations:
            first.setdefault(org_id, (org_type, country))
        self.org_ids_ = list(first)
        self.org_index_ = {org: i for i, org in enumerate(self.org_ids_)}
        self.vocab_ = {
            "programme": {p: i for i, p in enumerate(sorted({x.programme for x in participations}))},
            "type": {t: i for i, t in enumerate(sorted({t for t, _ in first.values()}))},
            "country": {c: i for i, c in enumerate(sorted({c for _, c in first.values()}))},
        }
        self.org_type_ = np.array([self.vocab_["type"][first[o][0]] for o in self.org_ids_], dtype=np.int64)
        self.org_country_ = np.array([self.vocab_["country"][first[o][1]] for o in self.org_ids_], dtype=np.int64)

    def programme_code(self, programme: str | None) -> int:
        """Return the programme's code; unknown programmes share the last one (no history)."""
        codes = self.vocab_["programme"]
        return codes.get(programme, len(codes)) if programme is not None else len(codes)

    def _fit_reranker(self, participations: list[Participation]) -> HistGradientBoostingClassifier | None:
        """Return trees learnt on the last `holdout_years` with one member hidden, or None."""
        years = np.array([np.nan if x.year is None else x.year for x in participations], dtype=float)
        if not self.rerank or np.isnan(years).all():
            return None
        cut = np.nanmax(years) - self.holdout_years
        early = [x for x, y in zip(participations, years, strict=True) if y <= cut]
        late = [x for x, y in zip(participations, years, strict=True) if y > cut]
        tasks, hidden = [], []
        # Several draws per project: more consortia to learn from, the same history.
        for draw in range(self.rerank_draws):
            drawn = hide_one_member(late, np.random.default_rng(self.random_state + draw))
            tasks += drawn[0]
            hidden += drawn[1]
        known = {x.org_id for x in early}
        keep = [i for i, org in enumerate(hidden) if org in known]
        if len(keep) < self.rerank_min_tasks:
            return None
        history = _History(self, early)
        rng = np.random.default_rng(self.random_state)
        features, labels = [], []
        for start in range(0, len(keep), self.chunk_size):
            chunk = keep[start : start + self.chunk_size]
            pool, tensor = self._pool_features(history, [tasks[i] for i in chunk], None)[1:]
            gold = np.array([self.org_index_[hidden[i]] for i in chunk])
            label = pool == gold[:, None]
            # Negatives are plenty and alike: a random share of them keeps the fit fast.
            chosen = (pool >= 0) & (label | (rng.random(pool.shape) < self.negatives_per_task / pool.shape[1]))
            features.append(tensor[chosen])
            labels.append(label[chosen])
        model = HistGradientBoostingClassifier(
            max_iter=self.rerank_iterations,
            learning_rate=0.05,
            max_leaf_nodes=31,
            min_samples_leaf=40,
            l2_regularization=1.0,
            early_stopping=False,  # all tasks to learn from; the iteration count is fixed instead
            random_state=self.random_state,
        )
        return model.fit(np.vstack(features), np.concatenate(labels))

    # ----------------------------------------------------------------------------------- queries

    def _query(self, consortia: Sequence[Consortium], affinity: np.ndarray | None) -> _Query:
        """Return the consortia coded against the organisation table."""
        n, types, countries = len(consortia), self.vocab_["type"], self.vocab_["country"]
        open_types = np.full((n, len(types)), np.nan)
        wanted = np.full((n, len(countries)), np.nan)
        uncovered = np.full((n, len(countries)), np.nan)
        member_countries = np.zeros((n, len(countries)))
        members = []
        for row, consortium in enumerate(consortia):
            known = [self.org_index_[m] for m in consortium.members if m in self.org_index_]
            members.append(np.array(known, dtype=np.int64))
            own_types = self._member_codes(consortium.members, consortium.member_types, types, self.org_type_)
            own_countries = self._member_codes(
                consortium.members, consortium.member_countries, countries, self.org_country_
            )
            np.add.at(member_countries[row], own_countries, 1.0)
            if consortium.type_mix:
                open_types[row] = 0.0
                np.add.at(open_types[row], [types[t] for t in consortium.type_mix if t in types], 1.0)
                np.subtract.at(open_types[row], own_types, 1.0)
            if consortium.countries:
                wanted[row] = 0.0
                wanted[row, [countries[c] for c in consortium.countries if c in countries]] = 1.0
                uncovered[row] = wanted[row] * (member_countries[row] == 0)
        return _Query(
            members,
            np.array([self.programme_code(c.programme) for c in consortia], dtype=np.int64),
            np.array([np.nan if c.year is None else c.year for c in consortia], dtype=float),
            open_types,
            wanted,
            uncovered,
            member_countries,
            None if affinity is None else np.asarray(affinity, dtype=np.float64),
        )

    def _member_codes(
        self, members: Sequence[str], given: tuple[str, ...], vocab: dict[str, int], table: np.ndarray
    ) -> list[int]:
        """Return the members' type (or country) codes: as the consortium says, else as known."""
        if given:
            return [vocab[v] for v in given if v in vocab]
        return [int(table[self.org_index_[m]]) for m in members if m in self.org_index_]

    def _signals(self, history: _History, query: _Query) -> dict[str, Matrix]:
        """Return the dense n × orgs signals every organisation gets (the pool is chosen on them)."""
        n_orgs = len(self.org_ids_)
        indicator = query.indicator(n_orgs)
        normalised = indicator @ history.co_unit
        signals = {
            "normalised": normalised.toarray(),
            "open": np.nan_to_num(query.open_types, nan=0.0)[:, self.org_type_] > 0,
            "wanted": np.nan_to_num(query.wanted, nan=0.0)[:, self.org_country_] > 0,
            "affinity": np.zeros((len(query.members), n_orgs))
            if query.affinity is None
            else np.nan_to_num(query.affinity, nan=0.0),
        }
        signals["heuristic"] = self._heuristic(history, query, signals)
        signals["normalised_sparse"] = normalised
        signals["indicator"] = indicator
        return signals

    def _heuristic(self, history: _History, query: _Query, signals: dict[str, Matrix]) -> np.ndarray:
        """Return the heuristic order as one number per organisation, in [0, 1) (members -inf).

        Open seat's type first, then planned countries, then member-normalised co-participation
        plus the affinity, then popularity: the tiers are 4 and 2 apart, the rest stays below 1.
        """
        sizes = np.array([len(m) for m in query.members], dtype=float)[:, None]
        together = (signals["normalised"] + self.affinity_weight * signals["affinity"]) / (
            sizes + self.affinity_weight + 1.0
        )
        popularity = np.log1p(history.activity) / np.log1p(max(history.activity.max(initial=0.0), 1.0))
        order = 4.0 * signals["open"] + 2.0 * signals["wanted"] + together + 1e-6 * popularity[None, :]
        score: np.ndarray = order / 7.0
        for row, members in enumerate(query.members):
            score[row, members] = -np.inf
        return score

    def _pool_features(
        self, history: _History, consortia: Sequence[Consortium], affinity: np.ndarray | None
    ) -> tuple[np.ndarray, npt.NDArray[np.int64], npt.NDArray[np.float32]]:
        """Return (heuristic n × orgs, pool indices n × pool, features n × pool × FEATURES)."""
        query = self._query(consortia, affinity)
        signals = self._signals(history, query)
        n, n_orgs = len(consortia), len(self.org_ids_)
        pool = top_k_of(signals["heuristic"], min(self.pool_size, n_orgs), min_score=-np.inf).indices
        rows, index = np.arange(n)[:, None], np.maximum(pool, 0)

        def take(matrix: Matrix) -> np.ndarray:
            dense: np.ndarray = matrix.toarray() if is_sparse(matrix) else np.asarray(matrix)
            taken: np.ndarray = dense[rows, index]
            return taken

        indicator, normalised = signals["indicator"], signals["normalised"]
        sizes = np.array([max(len(m), 1) for m in query.members], dtype=float)[:, None]
        programme_co = np.zeros((n, n_orgs))
        for programme in np.unique(query.programmes):
            chosen = np.flatnonzero(query.programmes == programme)
            programme_co[chosen] = (indicator[chosen] @ history.co_by_programme[programme]).toarray()
        pooled_normalised = take(normalised)
        types, countries = self.org_type_[index], self.org_country_[index]
        unknown_types = np.isnan(query.open_types[:, :1])
        unknown_countries = np.isnan(query.wanted[:, :1]) if query.wanted.shape[1] else np.ones((n, 1), bool)
        columns = {
            "normalised": pooled_normalised,
            "normalised_share": pooled_normalised / np.maximum(normalised.max(axis=1, keepdims=True), 1e-9),
            "normalised_recent": take(indicator @ history.co_recent_unit),
            "normalised_max": take(_row_max(indicator, history)),
            "co_count": take(indicator @ history.co),
            "co_members": take(indicator @ history.co_binary) / sizes,
            "co_same_programme": take(programme_co),
            "two_hop": take(signals["normalised_sparse"] @ history.co_unit),
            "activity": np.log1p(history.activity[index]),
            "activity_recent": np.log1p(history.activity_recent[index]),
            "programme_count": np.log1p(history.programme_count[query.programmes[:, None], index]),
            "programme_share": history.programme_share[query.programmes[:, None], index],
            "years_since": np.nan_to_num(query.years[:, None], nan=history.reference_year) - history.last_year[index],
            "type_prior": np.log(history.type_prior[query.programmes[:, None], types]),
            "type_open": np.where(unknown_types, np.nan, np.nan_to_num(query.open_types)[rows, types] > 0),
            "country_wanted": np.where(unknown_countries, np.nan, np.nan_to_num(query.wanted)[rows, countries]),
            "country_uncovered": np.where(unknown_countries, np.nan, np.nan_to_num(query.uncovered)[rows, countries]),
            "country_in_consortium": query.member_countries[rows, countries] / sizes,
            "n_members": np.broadcast_to(sizes, pool.shape),
            "pool_rank": np.broadcast_to(np.log1p(np.arange(pool.shape[1]))[None, :], pool.shape),
        }
        tensor = np.stack([columns[name] for name in FEATURES], axis=-1).astype(np.float32)
        tensor[pool < 0] = np.nan
        return signals["heuristic"], pool, tensor

    # ----------------------------------------------------------------------------------- scoring

    def score(self, consortia: Sequence[Consortium], affinity: np.ndarray | None = None) -> np.ndarray:
        """Return a score in [0, 1] per consortium and known organisation (-inf for members).

        With the re-ranker, the pool scores in [0.5, 1] (its probability, its odds raised by the
        affinity) and the rest keep the heuristic's order in [0, 0.5); without it the heuristic
        ranks every organisation. `affinity` (consortia × orgs, aligned with `org_ids_`, in
        [0, 1], NaN where unknown) is the caller's profile similarity.
        """
        check_is_fitted(self, "history_")
        consortia = list(consortia)
        n_orgs = len(self.org_ids_)
        rows = []
        for start in range(0, len(consortia), self.chunk_size):
            stop = min(start + self.chunk_size, len(consortia))
            chunk_affinity = None if affinity is None else np.asarray(affinity)[start:stop]
            rows.append(self._score_chunk(consortia[start:stop], chunk_affinity))
        return np.vstack(rows) if rows else np.zeros((0, n_orgs))

    def _score_chunk(self, consortia: list[Consortium], affinity: np.ndarray | None) -> np.ndarray:
        """Return the scores of one chunk of consortia (see `score`)."""
        if self.reranker_ is None:
            query = self._query(consortia, affinity)
            return self._signals(self.history_, query)["heuristic"]
        heuristic, pool, tensor = self._pool_features(self.history_, consortia, affinity)
        scores = 0.5 * heuristic
        valid = pool >= 0
        probability = np.clip(self.reranker_.predict_proba(tensor[valid])[:, 1], 1e-9, 1 - 1e-9)
        if affinity is not None:
            # The trees never saw an affinity (CORDIS has none): it raises the odds, Bayes-style.
            pooled_affinity = np.asarray(affinity)[np.nonzero(valid)[0], pool[valid]]
            lift = np.exp(self.affinity_weight * np.nan_to_num(pooled_affinity))
            probability = probability * lift / (probability * lift + 1.0 - probability)
        # Trees tie often; the heuristic order breaks the ties.
        order = np.broadcast_to(np.arange(pool.shape[1])[None, :], pool.shape)[valid]
        pooled = 0.5 + 0.5 * (probability * (1 - 1e-6) + 1e-7 / (1.0 + order))
        scores[np.nonzero(valid)[0], pool[valid]] = pooled
        return scores

    def recommend(
        self, consortia: Sequence[Consortium], k: int = 10, affinity: np.ndarray | None = None
    ) -> list[list[Match]]:
        """Return the k best organisations to add to each consortium, with reasons."""
        consortia = list(consortia)
        best = top_k_of(self.score(consortia, affinity=affinity), k, min_score=-np.inf)
        return [
            [Match(j, float(s), tuple(self.explain(consortia[i], j))) for j, s in best.row(i) if np.isfinite(s)]
            for i in range(len(consortia))
        ]

    def explain(self, consortium: Consortium, candidate: int) -> list[Reason]:
        """Return why `candidate` fits: who it worked with, its programme record, type and country."""
        history = self.history_
        members = [self.org_index_[m] for m in consortium.members if m in self.org_index_]
        reasons = []
        worked_with = [self.org_ids_[m] for m in members if history.co[m, candidate] > 0]
        if worked_with:
            reasons.append(Reason(ReasonCode.PARTNERED_BEFORE, {"members": worked_with}, float(len(worked_with))))
        programme = self.vocab_["programme"].get(consortium.programme) if consortium.programme is not None else None
        if programme is not None and history.programme_count[programme, candidate] > 0:
            count = int(history.programme_count[programme, candidate])
            reasons.append(Reason(ReasonCode.SAME_PROGRAMME, {"programme": consortium.programme, "count": count}, 0.5))
        types = {int(self.org_type_[m]) for m in members}
        names = {code: name for name, code in self.vocab_["type"].items()}
        if int(self.org_type_[candidate]) not in types:
            reasons.append(
                Reason(ReasonCode.COMPLETES_TYPES, {"org_type": names[int(self.org_type_[candidate])]}, 0.3)
            )
        countries = {int(self.org_country_[m]) for m in members}
        if int(self.org_country_[candidate]) in countries:
            country = {code: name for name, code in self.vocab_["country"].items()}[int(self.org_country_[candidate])]
            reasons.append(Reason(ReasonCode.COUNTRY, {"country": country}, 0.1))
        return sorted(reasons, key=lambda reason: -reason.weight)


def _row_max(indicator: sp.csr_matrix, history: _History) -> np.ndarray:
    """Return, per consortium and organisation, its strongest normalised tie with one member."""
    out = np.zeros(indicator.shape)
    for row in range(indicator.shape[0]):
        members = indicator.indices[indicator.indptr[row] : indicator.indptr[row + 1]]
        if len(members):
            out[row] = history.co_unit[members].max(axis=0).toarray().ravel()
    return out
