"""funding-sbir: which agency funded this proposal? Engine against baselines, in one run.

Reads programs.jsonl, train.jsonl.gz and test.jsonl.gz as they are. The engine sees the programs,
the training awards (its outcomes, including each applicant's record) and, for each test award,
only its text, applicant and year; never a test label.
"""

from __future__ import annotations

import gzip
import json
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from matching.engine.funding import Award, FundingQuery, FundingRecommender, Program

from .metrics import rank_of, summarise


@dataclass(frozen=True)
class FundingBenchmark:
    programs: list[Program]
    train: list[dict]
    test: list[dict]


def _jsonl(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read(directory: Path, *, validation_years: int = 0) -> FundingBenchmark:
    """Return the benchmark; with `validation_years`, the last training years become the test set."""
    directory = Path(directory)
    programs = [
        Program(row["id"], row.get("description") or row["name"]) for row in _jsonl(directory / "programs.jsonl")
    ]
    train = _jsonl(directory / "train.jsonl.gz")
    if validation_years:
        cut = max(row["year"] for row in train) - validation_years
        return FundingBenchmark(
            programs, [r for r in train if r["year"] <= cut], [r for r in train if r["year"] > cut]
        )
    return FundingBenchmark(programs, train, _jsonl(directory / "test.jsonl.gz"))


def evaluate(directory: Path, *, validation_years: int = 0, recommender: FundingRecommender | None = None) -> dict:
    """Return the metrics of the engine and of the baselines on one split, in the command's JSON shape."""
    benchmark = read(directory, validation_years=validation_years)
    index = {program.id: i for i, program in enumerate(benchmark.programs)}
    gold = np.array([index[row["program_id"]] for row in benchmark.test])
    awards = [Award(r["applicant_id"], r["program_id"], r["text"], r["year"]) for r in benchmark.train]
    queries = [FundingQuery(r["text"], r["applicant_id"], r["year"]) for r in benchmark.test]

    recommender = recommender or FundingRecommender()
    started = time.perf_counter()
    recommender.fit(benchmark.programs, awards)
    fit_seconds = time.perf_counter() - started
    started = time.perf_counter()
    scores = recommender.score(queries)
    score_seconds = time.perf_counter() - started
    return {
        "kind": "funding",
        "split": f"validation (last {validation_years} training years)" if validation_years else "test",
        "n_train": len(benchmark.train),
        "n_test": len(benchmark.test),
        "fit_seconds": round(fit_seconds, 1),
        "score_seconds": round(score_seconds, 1),
        "engine": summarise(rank_of(scores, gold)),
        "baselines": {
            "popularity": summarise(rank_of(_popularity(benchmark, index), gold)),
            "tfidf_centroid": summarise(rank_of(_centroid(benchmark, index), gold)),
        },
    }


def _popularity(benchmark: FundingBenchmark, index: dict[str, int]) -> np.ndarray:
    counts = np.bincount([index[r["program_id"]] for r in benchmark.train], minlength=len(index)).astype(float)
    return np.tile(counts, (len(benchmark.test), 1))


def _centroid(benchmark: FundingBenchmark, index: dict[str, int]) -> np.ndarray:
    """Plain scikit-learn TF-IDF, one mean vector per program, cosine to each test text."""
    vectorizer = TfidfVectorizer(sublinear_tf=True, min_df=2, dtype=np.float32)
    train = vectorizer.fit_transform([r["text"] for r in benchmark.train])
    labels = np.array([index[r["program_id"]] for r in benchmark.train])
    membership = sp.csr_matrix(
        (np.ones(len(labels)), (labels, np.arange(len(labels)))), shape=(len(index), len(labels))
    )
    centroids = normalize(membership @ train)
    return (vectorizer.transform([r["text"] for r in benchmark.test]) @ centroids.T).toarray()
