"""partners-cordis: which organisation completes this consortium? Engine against baselines, in one run.

Reads train.csv.gz and test.csv.gz as they are and applies the README's protocol: test projects
with at least 3 organisations in ascending project_id, one member hidden per project by
numpy.random.default_rng(0) drawing over its members in file order. As the README says, the
engine gets the other members (with their types and countries as the project lists them) plus
the project's programme, type mix and countries (the planned consortium: one type per seat and
the set of countries, so the open seat's type is known, as a coordinator knows whom they look
for) and its start year; it ranks every organisation seen in training (members excluded). A
hidden member never seen in training counts as a miss.

Every reference heuristic of the README is computed beside the engine, with the README's
definitions, and every ranking (engine included) splits ties evenly (`rank_of_split`):
popularity; co_participation (counts summed over the members); member_normalised (each member's
co-participation row scaled to unit L2 norm, summed, popularity breaking ties); then the same
with organisations of the open seat's type first (member_normalised_open_type) and, among those,
organisations from the project's countries first (member_normalised_open_type_country, the one
an engine must beat: it uses exactly the engine's inputs).
"""

from __future__ import annotations

import csv
import gzip
import time
from collections import Counter
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from matching.engine.consortia import Consortium, Participation, hide_one_member
from matching.engine.partners import PartnerRecommender

from .metrics import rank_of_split, summarise

BASELINES = (
    "popularity",
    "co_participation",
    "member_normalised",
    "member_normalised_open_type",
    "member_normalised_open_type_country",
)
CHUNK = 256  # consortia ranked at a time: keeps the dense score matrices small


def read(path: Path) -> list[Participation]:
    """Return the participations of one CSV file, in file order."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        return [
            Participation(
                row["project_id"],
                row["org_id"],
                row["org_type"],
                row["country"],
                row["programme"],
                float(row["start_year"]),
            )
            for row in csv.DictReader(handle)
        ]


def evaluate(directory: Path, *, validation_years: int = 0, recommender: PartnerRecommender | None = None) -> dict:
    """Return the metrics of the engine and of the baselines on one split, in the command's JSON shape."""
    directory = Path(directory)
    train = read(directory / "train.csv.gz")
    if validation_years:
        cut = max(x.year for x in train) - validation_years
        train, test = [x for x in train if x.year <= cut], [x for x in train if x.year > cut]
    else:
        test = read(directory / "test.csv.gz")
    consortia, hidden = hide_one_member(test, np.random.default_rng(0))

    recommender = recommender or PartnerRecommender()
    started = time.perf_counter()
    recommender.fit(train)
    fit_seconds = time.perf_counter() - started
    index = {org: i for i, org in enumerate(dict.fromkeys(x.org_id for x in train))}
    known = np.array([org in index for org in hidden])
    gold = np.array([index.get(org, 0) for org in hidden])

    started = time.perf_counter()
    engine = _engine_ranks(recommender, consortia, gold, index)
    score_seconds = time.perf_counter() - started
    baselines = _baseline_ranks(train, index, consortia, gold)

    def summary(ranks: np.ndarray) -> dict[str, float]:
        return summarise([float(r) if ok else None for r, ok in zip(ranks, known, strict=True)])

    return {
        "kind": "partners",
        "split": f"validation (last {validation_years} training years)" if validation_years else "test",
        "n_train": len(train),
        "n_test": len(consortia),
        "n_hidden_unseen": int((~known).sum()),
        "fit_seconds": round(fit_seconds, 1),
        "score_seconds": round(score_seconds, 1),
        "engine": summary(engine),
        "baselines": {name: summary(ranks) for name, ranks in baselines.items()},
    }


def _engine_ranks(recommender: PartnerRecommender, consortia, gold: np.ndarray, index: dict[str, int]) -> np.ndarray:
    """Return the engine's expected rank of each gold organisation among those seen in training."""
    # The engine's table may list organisations in another order; rank over the training ones.
    columns = np.array([recommender.org_index_[org] for org in index])
    ranks = []
    for start in range(0, len(consortia), CHUNK):
        scores = recommender.score(consortia[start : start + CHUNK])[:, columns]
        ranks.append(rank_of_split(scores, gold[start : start + CHUNK]))
    return np.concatenate(ranks) if ranks else np.zeros(0)


def _baseline_ranks(train: list[Participation], index: dict[str, int], consortia, gold: np.ndarray) -> dict:
    """Return each README heuristic's expected rank of each gold organisation (members excluded)."""
    projects = {p: i for i, p in enumerate(dict.fromkeys(x.project_id for x in train))}
    incidence = sp.csr_matrix(
        (np.ones(len(train)), ([index[x.org_id] for x in train], [projects[x.project_id] for x in train])),
        shape=(len(index), len(projects)),
    )
    incidence = (incidence > 0).astype(np.float64)  # one organisation listed twice counts once
    co = (incidence @ incidence.T).tocsr()
    co.setdiag(0)
    co.eliminate_zeros()
    norms = np.sqrt(np.asarray(co.multiply(co).sum(axis=1)).ravel())
    unit = (sp.diags(1.0 / np.maximum(norms, 1e-12)) @ co).tocsr()
    popularity = np.asarray(incidence.sum(axis=1)).ravel()
    first = {}
    for x in train:
        first.setdefault(x.org_id, x)
    org_type = np.array([first[org].org_type for org in index])
    org_country = np.array([first[org].country for org in index])
    ranks = {name: [] for name in BASELINES}
    for start in range(0, len(consortia), CHUNK):
        chunk, chunk_gold = consortia[start : start + CHUNK], gold[start : start + CHUNK]
        members = _member_matrix(chunk, index)
        excluded = members.toarray() > 0
        keys = {
            "popularity": np.broadcast_to(popularity, excluded.shape),
            "count": (members @ co).toarray(),
            "normalised": (members @ unit).toarray(),
            "open_type": _open_type(chunk, org_type),
            "country": np.array([np.isin(org_country, c.countries) for c in chunk], dtype=np.float64),
        }
        keys = {name: np.where(excluded, -np.inf, key) for name, key in keys.items()}
        orders = {
            "popularity": ["popularity"],
            "co_participation": ["count"],
            "member_normalised": ["normalised", "popularity"],
            "member_normalised_open_type": ["open_type", "normalised", "popularity"],
            "member_normalised_open_type_country": ["open_type", "country", "normalised", "popularity"],
        }
        for name, order in orders.items():
            ranks[name].append(rank_of_split([keys[key] for key in order], chunk_gold))
    return {name: np.concatenate(parts) if parts else np.zeros(0) for name, parts in ranks.items()}


def _member_matrix(consortia: list[Consortium], index: dict[str, int]) -> sp.csr_matrix:
    """Return the consortia × organisations 0/1 matrix of the members seen in training."""
    rows = [[index[m] for m in c.members if m in index] for c in consortia]
    return sp.csr_matrix(
        (
            np.ones(sum(map(len, rows))),
            (np.repeat(np.arange(len(rows)), [len(r) for r in rows]), np.concatenate([*rows, []]).astype(int)),
        ),
        shape=(len(rows), len(index)),
    )


def _open_type(consortia: list[Consortium], org_type: np.ndarray) -> np.ndarray:
    """Return 1 where an organisation's type still has a seat in the consortium's planned type mix.

    The open seats are the type mix less the remaining members' types as the project lists them
    (members new to the history included), as a coordinator knows its own members.
    """
    out = np.zeros((len(consortia), len(org_type)))
    for row, consortium in enumerate(consortia):
        seats = Counter(consortium.type_mix)
        seats.subtract(consortium.member_types)
        out[row] = np.isin(org_type, [t for t, n in seats.items() if n > 0])
    return out
