"""Consortium completion: which organisation should join these members for this programme?

Co-participation history is the backbone (item-item: who has worked with the members, cosine-
normalised and recency-weighted, plus two-hop "partners of partners"), completed by what the
members do not show: the organisation's type against the programme's usual type mix, its
country, its record in the programme and how active it is lately. A candidate pool is taken from
those signals and re-ranked by gradient-boosted trees learnt on consortia of the most recent
training year with one member hidden (the same task as at use); with too little history the
fixed blend (`base score`) ranks alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.utils.validation import check_is_fitted

from .reasons import Match, Reason, ReasonCode
from .retrieval import top_k_of


@dataclass(frozen=True)
class Participation:
    project_id: str
    org_id: str
    org_type: str
    country: str
    programme: str
    year: float | None = None


@dataclass(frozen=True)
class Consortium:
    """The members so far (organisation ids), the programme of the call and when.

    `type_mix` (one organisation type per seat of the planned consortium, members included) and
    `countries` (those it will span) say what the coordinator is looking for; empty means unknown.
    """

    members: tuple[str, ...]
    programme: str | None = None
    year: float | None = None
    type_mix: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()


FEATURES = (
    "co_count",  # recency-weighted co-participations with the members
    "co_same_programme",  # the same, counting only projects of the call's programme
    "co_cosine",  # the same, cosine-normalised by both organisations' activity
    "co_members",  # how many members it has worked with
    "two_hop",  # partners of the members' partners
    "programme_share",  # share of its participations in this programme
    "programme_count",  # log(1 + its participations in this programme)
    "activity",  # log(1 + recency-weighted participations)
    "years_since",  # since its last participation
    "type_prior",  # how common its type is in this programme's consortia
    "type_in_consortium",  # share of members of its type
    "country_in_consortium",  # share of members from its country
    "country_prior",  # how common its country is in this programme
    "type_open",  # the planned type mix still has a seat of its type (NaN: mix unknown)
    "country_wanted",  # its country is among the planned countries (NaN: unknown)
    "base",  # the fixed blend
)


def _shares(codes: np.ndarray, groups: np.ndarray, n_codes: int, n_groups: int, weights=None) -> np.ndarray:
    table = np.zeros((n_groups, n_codes))
    np.add.at(table, (groups, codes), 1.0 if weights is None else weights)
    return (table + 0.5) / (table.sum(axis=1, keepdims=True) + 0.5 * n_codes)


class _History:
    """Statistics of one set of participations, and the feature tensor for consortia."""

    def __init__(self, owner: PartnerRecommender, participations: Sequence[Participation], orgs: dict, vocab: dict):
        self.owner, self.orgs, self.vocab = owner, orgs, vocab
        n_orgs = len(orgs)
        projects = {p: i for i, p in enumerate(dict.fromkeys(x.project_id for x in participations))}
        years = np.array([np.nan if x.year is None else float(x.year) for x in participations])
        self.reference_year = float(np.nanmax(years)) if len(years) and not np.isnan(years).all() else 0.0
        weights = 0.5 ** (np.nan_to_num(self.reference_year - years, nan=0.0) / owner.half_life_years)
        rows = np.array([orgs[x.org_id] for x in participations], dtype=np.int64)
        cols = np.array([projects[x.project_id] for x in participations], dtype=np.int64)
        incidence = sp.csr_matrix((weights, (rows, cols)), shape=(n_orgs, len(projects)))
        binary = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n_orgs, len(projects)))
        co = (incidence @ binary.T).tocsr()
        co.setdiag(0)
        co.eliminate_zeros()
        self.co = co
        self.co_binary = (co > 0).astype(np.float32)
        activity = np.asarray(incidence.sum(axis=1)).ravel()
        inverse = 1.0 / np.sqrt(np.maximum(activity, 1e-9))
        self.co_cosine = (sp.diags(inverse) @ co @ sp.diags(inverse)).tocsr()
        self.activity = activity
        self.last_year = np.full(n_orgs, np.nan)
        np.fmax.at(self.last_year, rows, years)
        programmes = np.array([vocab["programme"].get(x.programme, 0) for x in participations])
        n_programmes = len(vocab["programme"]) or 1
        # Partners met in the same programme count apart: consortia are built per call.
        self.co_by_programme = []
        for programme in range(n_programmes):
            chosen = programmes == programme
            part = sp.csr_matrix((weights[chosen], (rows[chosen], cols[chosen])), shape=(n_orgs, len(projects)))
            same = (part @ (part > 0).T).tocsr()
            same.setdiag(0)
            same.eliminate_zeros()
            self.co_by_programme.append(same)
        per_programme = np.zeros((n_programmes, n_orgs))
        np.add.at(per_programme, (programmes, rows), 1.0)
        self.programme_count = per_programme
        self.programme_share = per_programme / np.maximum(per_programme.sum(axis=0, keepdims=True), 1)
        self.type_prior = _shares(owner.org_type_[rows], programmes, len(vocab["type"]), n_programmes)
        self.country_prior = _shares(owner.org_country_[rows], programmes, len(vocab["country"]), n_programmes)

    def features(self, members, programmes, years, wanted_types, wanted_countries, pool_size: int):
        """Return (pool indices n × pool_size, features n × pool_size × len(FEATURES)) for consortia.

        The pool is the best `pool_size` organisations by the base score (members excluded); only
        the pool gets the full features, so memory stays n × pool_size whatever the corpus size.
        """
        n, n_orgs = len(members), self.co.shape[0]
        member_rows = np.repeat(np.arange(n), [len(m) for m in members])
        member_cols = np.concatenate([*members, np.zeros(0, dtype=int)]).astype(int)
        indicator = sp.csr_matrix((np.ones(len(member_rows)), (member_rows, member_cols)), shape=(n, n_orgs))
        cosine = indicator @ self.co_cosine
        same = np.zeros((n, n_orgs), dtype=np.float32)
        for programme in np.unique(programmes):
            chosen = np.flatnonzero(programmes == programme)
            same[chosen] = (indicator[chosen] @ self.co_by_programme[programme]).toarray()
        dense = {
            "co_count": (indicator @ self.co).toarray(),
            "co_same_programme": same,
            "activity_raw": self.activity[None, :],
            "programme_count": self.programme_count[programmes],
            "co_cosine": cosine.toarray(),
            "two_hop": (cosine @ self.co_cosine).toarray(),
            "programme_share": self.programme_share[programmes],
            "activity": np.broadcast_to(np.log1p(self.activity)[None, :], (n, n_orgs)),
            "type_prior": np.log(self.type_prior[programmes][:, self.owner.org_type_]),
        }
        types, countries = self.owner.org_type_, self.owner.org_country_
        held = np.zeros_like(wanted_types)
        np.add.at(held, (member_rows, types[member_cols]), 1.0)
        dense["type_open"] = ((wanted_types - held) > 0).astype(np.float32)[:, types]
        dense["type_open"][np.isnan(wanted_types[:, 0])] = np.nan
        dense["country_wanted"] = wanted_countries[:, countries]
        base = base_score(dense, self.owner.type_weight, self.owner.country_weight)
        base[member_rows, member_cols] = -np.inf  # members are never candidates
        pool = top_k_of(base, min(pool_size, n_orgs), min_score=-np.inf)
        index = np.maximum(pool.indices, 0)
        rows = np.arange(n)[:, None]

        def take(matrix) -> np.ndarray:
            matrix = matrix.toarray() if sp.issparse(matrix) else np.asarray(matrix)
            return matrix[rows, index]

        size = np.array([max(len(m), 1) for m in members], dtype=np.float32)[:, None]
        type_mix = np.zeros((n, self.type_prior.shape[1]))
        country_mix = np.zeros((n, self.country_prior.shape[1]))
        np.add.at(type_mix, (member_rows, types[member_cols]), 1.0)
        np.add.at(country_mix, (member_rows, countries[member_cols]), 1.0)
        out = np.empty((*index.shape, len(FEATURES)), dtype=np.float32)
        out[:, :, 0] = take(dense["co_count"])
        out[:, :, 1] = take(dense["co_same_programme"])
        out[:, :, 2] = take(dense["co_cosine"])
        out[:, :, 3] = take(indicator @ self.co_binary)
        out[:, :, 4] = take(dense["two_hop"])
        out[:, :, 5] = take(dense["programme_share"])
        out[:, :, 6] = np.log1p(take(dense["programme_count"]))
        out[:, :, 7] = np.log1p(self.activity)[index]
        out[:, :, 8] = np.nan_to_num(years[:, None], nan=self.reference_year) - self.last_year[index]
        out[:, :, 9] = take(dense["type_prior"])
        out[:, :, 10] = type_mix[rows, types[index]] / size
        out[:, :, 11] = country_mix[rows, countries[index]] / size
        out[:, :, 12] = np.log(self.country_prior[programmes[:, None], countries[index]])
        out[:, :, 13] = take(dense["type_open"])
        out[:, :, 14] = take(dense["country_wanted"])
        out[:, :, 15] = pool.scores
        out[pool.indices < 0] = np.nan
        return pool.indices, out


def base_score(signals: dict, type_weight: float = 0.0, country_weight: float = 0.0) -> np.ndarray:
    """Return the fixed blend: co-participations (same-programme ones twice), damped by activity,
    lifted when the organisation fills an open seat of the planned type mix and countries.

    Chosen on the last training year: raw counts favour hubs and cosine punishes them; dividing by
    activity ** 0.2 sits between. The programme record ranks organisations never met.
    """
    together = signals["co_count"] + 2.0 * signals["co_same_programme"]
    score = together / np.maximum(signals["activity_raw"], 1.0) ** 0.2
    record = 1e-3 * np.log1p(signals["programme_count"]) + 1e-4 * signals["activity"]
    fit = (1.0 + type_weight * np.nan_to_num(signals["type_open"], nan=0.0)) * (
        1.0 + country_weight * np.nan_to_num(signals["country_wanted"], nan=0.0)
    )
    return (score + record) * fit


class PartnerRecommender(BaseEstimator):
    """Recommend organisations to complete a consortium (see the module docstring)."""

    def __init__(
        self,
        *,
        half_life_years=2.0,
        type_weight=3.0,
        country_weight=3.0,
        pool_size=300,
        rerank=False,
        holdout_years=1.0,
        rerank_min_tasks=300,
        rerank_iterations=150,
        chunk_size=64,
        random_state=0,
    ):
        self.half_life_years = half_life_years
        self.type_weight = type_weight
        self.country_weight = country_weight
        self.pool_size = pool_size
        self.rerank = rerank
        self.holdout_years = holdout_years
        self.rerank_min_tasks = rerank_min_tasks
        self.rerank_iterations = rerank_iterations
        self.chunk_size = chunk_size
        self.random_state = random_state

    def fit(self, participations: Sequence[Participation]):
        """Learn co-participation, programme and type statistics (and the re-ranker) from history."""
        participations = list(participations)
        self.org_ids_ = list(dict.fromkeys(x.org_id for x in participations))
        self.org_index_ = {org: i for i, org in enumerate(self.org_ids_)}
        self.vocab_ = {
            "programme": {p: i for i, p in enumerate(sorted({x.programme for x in participations}))},
            "type": {t: i for i, t in enumerate(sorted({x.org_type for x in participations}))},
            "country": {c: i for i, c in enumerate(sorted({x.country for x in participations}))},
        }
        first = {}
        for x in participations:
            first.setdefault(x.org_id, x)
        self.org_type_ = np.array([self.vocab_["type"][first[o].org_type] for o in self.org_ids_])
        self.org_country_ = np.array([self.vocab_["country"][first[o].country] for o in self.org_ids_])
        self.reranker_ = self._fit_reranker(participations)
        self.history_ = _History(self, participations, self.org_index_, self.vocab_)
        return self

    def _fit_reranker(self, participations: list[Participation]):
        years = np.array([np.nan if x.year is None else x.year for x in participations], dtype=float)
        if not self.rerank or np.isnan(years).all():
            return None
        cut = np.nanmax(years) - self.holdout_years
        early = [x for x, y in zip(participations, years, strict=True) if y <= cut]
        late = [x for x, y in zip(participations, years, strict=True) if y > cut]
        tasks, hidden = hide_one_member(late, np.random.default_rng(self.random_state))
        known = {x.org_id for x in early}
        keep = [i for i, org in enumerate(hidden) if org in known]
        if len(keep) < self.rerank_min_tasks or not early:
            return None
        history = _History(self, early, self.org_index_, self.vocab_)
        features, labels = [], []
        for start in range(0, len(keep), self.chunk_size):
            chunk = keep[start : start + self.chunk_size]
            pool, tensor = self._tensor(history, [tasks[i] for i in chunk])
            gold = np.array([self.org_index_[hidden[i]] for i in chunk])
            valid = pool >= 0
            features.append(tensor[valid])
            labels.append((pool == gold[:, None])[valid])
        model = HistGradientBoostingClassifier(
            max_iter=self.rerank_iterations, learning_rate=0.06, random_state=self.random_state
        )
        return model.fit(np.vstack(features), np.concatenate(labels))

    def _tensor(self, history: _History, consortia: Sequence[Consortium]):
        members = [
            np.array([self.org_index_[m] for m in c.members if m in self.org_index_], dtype=int) for c in consortia
        ]
        programmes = np.array([self.vocab_["programme"].get(c.programme, 0) for c in consortia], dtype=int)
        years = np.array([np.nan if c.year is None else c.year for c in consortia], dtype=float)
        types, countries = self.vocab_["type"], self.vocab_["country"]
        wanted_types = np.full((len(consortia), len(types)), np.nan, dtype=np.float32)
        wanted_countries = np.full((len(consortia), len(countries)), np.nan, dtype=np.float32)
        for row, consortium in enumerate(consortia):
            if consortium.type_mix:
                wanted_types[row] = 0.0
                for org_type in consortium.type_mix:
                    if org_type in types:
                        wanted_types[row, types[org_type]] += 1.0
            if consortium.countries:
                wanted_countries[row] = 0.0
                wanted_countries[row, [countries[c] for c in consortium.countries if c in countries]] = 1.0
        return history.features(members, programmes, years, wanted_types, wanted_countries, self.pool_size)

    def score(self, consortia: Sequence[Consortium]) -> np.ndarray:
        """Return a score per consortium and known organisation (-inf for members); higher is better.

        Only the candidate pool is scored (in [0, 1]); the rest share -1, below every pooled one.
        """
        check_is_fitted(self, "history_")
        n_orgs = len(self.org_ids_)
        rows = []
        for start in range(0, len(consortia), self.chunk_size):
            chunk = consortia[start : start + self.chunk_size]
            pool, tensor = self._tensor(self.history_, chunk)
            scores = np.full((len(chunk), n_orgs), -1.0, dtype=np.float32)  # outside the pool: tied, last
            for row, consortium in enumerate(chunk):
                scores[row, [self.org_index_[m] for m in consortium.members if m in self.org_index_]] = -np.inf
            valid = pool >= 0
            if self.reranker_ is not None and valid.any():
                # Trees give tied probabilities; the pool order (base score) breaks the ties.
                order = np.broadcast_to(np.arange(pool.shape[1])[None, :], pool.shape)[valid]
                pooled = self.reranker_.predict_proba(tensor[valid])[:, 1] * 0.999 + 1e-4 / (1.0 + order)
            else:
                # The pool is already in base order; keep that order exactly (a squashed float32 base ties).
                order = np.broadcast_to(np.arange(pool.shape[1])[None, :], pool.shape)[valid]
                pooled = 1.0 - order / (pool.shape[1] + 1.0)
            scores[np.nonzero(valid)[0], pool[valid]] = pooled
            rows.append(scores)
        return np.vstack(rows) if rows else np.zeros((0, n_orgs), dtype=np.float32)

    def recommend(self, consortia: Sequence[Consortium], k: int = 10) -> list[list[Match]]:
        """Return the k best organisations to add to each consortium, with reasons."""
        best = top_k_of(self.score(consortia), k, min_score=-np.inf)
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
        programme = self.vocab_["programme"].get(consortium.programme)
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


def hide_one_member(participations: Sequence[Participation], rng: np.random.Generator, min_members: int = 3):
    """Return (consortia with one member hidden, the hidden ids): the benchmark's protocol.

    Projects in ascending id order (numerically when ids are numbers), members in input order,
    one draw per project with at least `min_members` organisations. Each consortium keeps the
    project's type mix and countries (what a coordinator knows it is looking for).
    """
    by_project: dict[str, list[Participation]] = {}
    for x in participations:
        by_project.setdefault(x.project_id, []).append(x)

    def order(project_id: str):
        return (0, int(project_id), "") if project_id.isdigit() else (1, 0, project_id)

    consortia, hidden = [], []
    for project_id in sorted(by_project, key=order):
        rows = by_project[project_id]
        members = list(dict.fromkeys(x.org_id for x in rows))
        if len(members) < min_members:
            continue
        drawn = members[int(rng.integers(len(members)))]
        first = {x.org_id: x for x in reversed(rows)}
        consortia.append(
            Consortium(
                tuple(m for m in members if m != drawn),
                rows[0].programme,
                rows[0].year,
                type_mix=tuple(first[m].org_type for m in members),
                countries=tuple(sorted({first[m].country for m in members})),
            )
        )
        hidden.append(drawn)
    return consortia, hidden
