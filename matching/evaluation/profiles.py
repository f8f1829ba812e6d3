"""profiles-vntc: which profiles are about the same thing? The portal's profile matcher against baselines.

Reads queries.jsonl.gz and corpus.jsonl.gz as they are. Each document becomes a Profile whose
needs and offers are both its text, with no taxonomy facts; the matcher is the portal's
(ProfileMatcher: words from text.profile_vectorizer, meaning from semantic.SemanticSpace) and ranks
every corpus document for each query, reciprocally as for startup ↔ capability. A document is relevant when it has the
query's topic; the topic is never an input.
"""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path

import numpy as np
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from matching.engine.reciprocity import Profile, ProfileMatcher
from matching.engine.semantic import SemanticSpace
from matching.engine.text import profile_vectorizer

DEPTH = 100  # MAP@100: the deepest rank any metric reads
LSA_RANK = 150


def _jsonl(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read(directory: Path) -> tuple[list[dict], list[dict]]:
    """Return (queries, corpus) rows, each {"id", "topic", "text"}."""
    directory = Path(directory)
    return _jsonl(directory / "queries.jsonl.gz"), _jsonl(directory / "corpus.jsonl.gz")


def portal_matcher(queries: list[dict], corpus: list[dict]) -> ProfileMatcher:
    """Return an unfitted matcher configured as the portal configures profile matches."""
    texts = {row["text"] for row in [*queries, *corpus] if row["text"].strip()}
    return ProfileMatcher(vectorizer=profile_vectorizer(len(texts)), semantic=SemanticSpace())


def evaluate(directory: Path, *, validation_years: int = 0, matcher: ProfileMatcher | None = None) -> dict:
    """Return the metrics of the engine and of the baselines, in the command's JSON shape.

    `validation_years` does not apply (the split has no years); it is accepted for the command.
    """
    queries, corpus = read(directory)
    relevant = _relevance(queries, corpus)
    matcher = matcher or portal_matcher(queries, corpus)
    started = time.perf_counter()
    matcher.fit([_profile(row) for row in queries], [_profile(row) for row in corpus])
    fit_seconds = time.perf_counter() - started
    started = time.perf_counter()
    best, _ = matcher.top_k(DEPTH)
    score_seconds = time.perf_counter() - started
    query_texts, corpus_texts = [r["text"] for r in queries], [r["text"] for r in corpus]
    return {
        "kind": "profiles",
        "split": "test",
        "n_corpus": len(corpus),
        "n_test": len(queries),
        "fit_seconds": round(fit_seconds, 1),
        "score_seconds": round(score_seconds, 1),
        "engine": summarise(best.indices, relevant),
        "baselines": {
            name: summarise(_top(scores), relevant) for name, scores in _baselines(query_texts, corpus_texts).items()
        },
    }


def _profile(row: dict) -> Profile:
    return Profile(needs=row["text"], offers=row["text"])


def _relevance(queries: list[dict], corpus: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    """Return (topic of each corpus document, topic of each query) as integer codes."""
    topics = {topic: code for code, topic in enumerate(sorted({r["topic"] for r in [*queries, *corpus]}))}
    return np.array([topics[r["topic"]] for r in corpus]), np.array([topics[r["topic"]] for r in queries])


def summarise(ranked: np.ndarray, relevance: tuple[np.ndarray, np.ndarray]) -> dict[str, float]:
    """Return P@10, nDCG@10 (binary gains) and MAP@100 of ranked corpus indices (-1 = nothing there)."""
    corpus_topics, query_topics = relevance
    ranked = ranked[:, :DEPTH]
    hits = (ranked >= 0) & (corpus_topics[np.maximum(ranked, 0)] == query_topics[:, None])
    hits = np.pad(hits, ((0, 0), (0, DEPTH - hits.shape[1])))
    n_relevant = (corpus_topics[None, :] == query_topics[:, None]).sum(axis=1)
    discount = 1.0 / np.log2(np.arange(2, 12))
    ideal = np.cumsum(discount)[np.clip(np.minimum(n_relevant, 10) - 1, 0, 9)] * (n_relevant > 0)
    ndcg = np.divide((hits[:, :10] * discount).sum(axis=1), ideal, out=np.zeros(len(ideal)), where=ideal > 0)
    precision = np.cumsum(hits, axis=1) / np.arange(1, DEPTH + 1)
    average = (precision * hits).sum(axis=1) / np.maximum(np.minimum(n_relevant, DEPTH), 1)
    result = {"p@10": hits[:, :10].mean(axis=1), "ndcg@10": ndcg, "map@100": average}
    return {name: round(float(values.mean()), 4) for name, values in result.items()}


def _top(scores: np.ndarray) -> np.ndarray:
    """Return each row's DEPTH best columns, best first (ties: smaller index first)."""
    depth = min(DEPTH, scores.shape[1])
    part = np.argpartition(-scores, depth - 1, axis=1)[:, :depth]
    order = np.lexsort((part, -np.take_along_axis(scores, part, axis=1)), axis=1)
    return np.take_along_axis(part, order, axis=1)


def _baselines(queries: list[str], corpus: list[str]) -> dict[str, np.ndarray]:
    """Return the README's reference heuristics' scores (queries × corpus), plain scikit-learn."""
    results = {}
    for name, ngrams in (("tfidf_syllable_1_2", (1, 2)), ("tfidf_syllable_1", (1, 1))):
        vectorizer = TfidfVectorizer(sublinear_tf=True, min_df=2, ngram_range=ngrams, dtype=np.float32)
        rows = vectorizer.fit_transform(queries + corpus)
        query_rows, corpus_rows = rows[: len(queries)], rows[len(queries) :]
        results[name] = (query_rows @ corpus_rows.T).toarray()
        if ngrams == (1, 2):
            # LSA of the same rows, fitted on the corpus only: the stronger, dense baseline.
            rank = min(LSA_RANK, corpus_rows.shape[0] - 1, corpus_rows.shape[1] - 1)  # tiny folders in tests
            svd = TruncatedSVD(rank, algorithm="randomized", n_iter=5, random_state=0).fit(corpus_rows)
            query_dense, corpus_dense = normalize(svd.transform(query_rows)), normalize(svd.transform(corpus_rows))
            results[f"lsa{LSA_RANK}_syllable_1_2"] = query_dense @ corpus_dense.T
    return results
