"""Benchmark: a full matching recompute at 100,000 startups × 20,000 programs/capabilities/mentors.

    .venv/bin/python bench/matching.py [--startups 100000] [--items 20000] [--k 20]

Builds a synthetic corpus whose texts are windows resampled from the SBIR abstracts (read from
../shared/benchmarks/funding-sbir when present, else drawn from a generated Zipf vocabulary),
then times every kind of match with the engine: startup → program with eligibility and outreach
lists, startup ↔ capability (reciprocal), need → capabilities, startup ↔ mentor (reciprocal,
capacity and exposure), organisation → organisations. The bare baseline, measured in the same
run on the same vectors, is the TF-IDF sparse product and an argpartition top-k per kind (on a
sample of sources, scaled up; the sample fraction is printed). Last line: one JSON object.

The engine runs as the portal would at this size: pooled scoring (matching/engine/pooling.py)
with two threads. Its features are the exact engine's (word 1–2 gram TF-IDF, each text capped at
its 24 strongest terms, plus taxonomy facts), and so is its top k: pooled scoring only skips
pairs it proves cannot enter a top k. `recall_at_20` checks that against full scoring of every
pair on the first sources of each pooled kind (1.0 = the same lists). The baseline multiplies the
same TF-IDF rows, without the facts, reciprocity or eligibility the engine adds.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from matching.engine import eligibility
from matching.engine.capacity import exposure_caps, spread_exposure
from matching.engine.reciprocity import Profile, ProfileMatcher
from matching.engine.retrieval import TopK, merge, top_k, top_k_of
from matching.engine.text import TextVectorizer

SBIR = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "funding-sbir" / "train.jsonl.gz"
SECTORS, TECHNOLOGIES, LOCATIONS = 24, 200, 35


def _sources(rng: np.random.Generator) -> list[list[str]]:
    if SBIR.is_file():
        with gzip.open(SBIR, "rt", encoding="utf-8") as handle:
            return [json.loads(line)["text"].lower().split() for line in handle]
    vocabulary = np.array([f"term{i}" for i in range(30_000)])
    ranks = np.minimum(rng.zipf(1.2, size=(5_000, 200)), 30_000) - 1
    return [list(vocabulary[row]) for row in ranks]


def _texts(rng, sources, n: int, low: int, high: int) -> list[str]:
    picks, lengths = rng.integers(0, len(sources), n), rng.integers(low, high, n)
    out = []
    for pick, length in zip(picks, lengths, strict=True):
        words = sources[pick]
        start = int(rng.integers(0, max(1, len(words) - length)))
        out.append(" ".join(words[start : start + length]))
    return out


def _profiles(rng, sources, n: int, *, silent_needs: float = 0.0) -> list[Profile]:
    needs, offers = _texts(rng, sources, n, 20, 60), _texts(rng, sources, n, 30, 90)
    silent = rng.random(n) < silent_needs
    sectors = rng.integers(0, SECTORS, (n, 2))
    technologies = rng.integers(0, TECHNOLOGIES, (n, 3))
    locations = rng.integers(0, LOCATIONS, n)
    return [
        Profile(
            needs="" if silent[i] else needs[i],
            offers=offers[i],
            sectors=frozenset(f"s{s}" for s in sectors[i]),
            technologies=frozenset(f"t{t}" for t in technologies[i]),
            location=f"l{locations[i]}",
        )
        for i in range(n)
    ]


def _eligibility(rng, n_startups: int, n_programs: int):
    """Programs restricting kind/stage/location/sector/TRL at random; startups with gaps (unknowns)."""
    arrays = eligibility.EligibilityArrays(
        allowed_kinds=rng.random((n_programs, 3)) < 0.5,
        allowed_stages=rng.random((n_programs, 4)) < 0.4,
        allowed_locations=rng.random((n_programs, LOCATIONS)) < 0.05,
        allowed_sectors=rng.random((n_programs, SECTORS)) < 0.3,
        founded_after=np.where(rng.random(n_programs) < 0.3, 730_000 + rng.integers(0, 5000, n_programs), np.nan),
        founded_before=np.full(n_programs, np.nan),
        max_team_size=np.where(rng.random(n_programs) < 0.3, rng.integers(5, 200, n_programs), np.nan),
        trl_min=np.where(rng.random(n_programs) < 0.3, rng.integers(1, 5, n_programs), np.nan),
        trl_max=np.full(n_programs, np.nan),
        has_conditions=rng.random(n_programs) < 0.2,
    )

    def unknown(values, share):
        return np.where(rng.random(n_startups) < share, -1, values)

    people = {
        "kind": unknown(rng.integers(0, 3, n_startups), 0.1),
        "stage": unknown(rng.integers(0, 4, n_startups), 0.2),
        "location": unknown(rng.integers(0, LOCATIONS, n_startups), 0.05),
        "sectors": rng.random((n_startups, SECTORS)) < 0.08,
        "founded_on": np.where(rng.random(n_startups) < 0.3, np.nan, 730_000 + rng.integers(0, 9000, n_startups)),
        "team_size": np.where(rng.random(n_startups) < 0.3, np.nan, rng.integers(1, 300, n_startups)),
        "trl": np.where(rng.random(n_startups) < 0.4, np.nan, rng.integers(1, 10, n_startups)),
    }
    return arrays, people


def _slice(people: dict, start: int, stop: int) -> dict:
    return {name: values[start:stop] for name, values in people.items()}


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def recompute(world: dict, k: int) -> dict:
    """Run every kind of match once over the whole corpus; return the results per kind."""
    startups, capabilities, mentors = world["startups"], world["capabilities"], world["mentors"]
    vectorizer = TextVectorizer(min_df=2, max_df=0.2, max_terms=24, phrases=False, n_jobs=2, chunk_size=25_000)
    started = time.perf_counter()
    # Every text is tokenised once, with the vocabulary and IDF of the whole corpus.
    groups = [
        [p.needs for p in startups],
        [p.offers for p in startups],
        [p.needs for p in capabilities],
        [p.offers for p in capabilities],
        [p.needs for p in mentors],
        [p.offers for p in mentors],
        world["program_texts"],
    ]
    rows = vectorizer.fit_transform([text for group in groups for text in group])
    bounds = np.cumsum([0] + [len(group) for group in groups])
    blocks = [rows[bounds[i] : bounds[i + 1]] for i in range(len(groups))]
    world["vectorize_seconds"] = time.perf_counter() - started
    results, seconds = {}, world.setdefault("kind_seconds", {})
    clock = time.perf_counter()

    def lap(kind: str) -> None:
        nonlocal clock
        seconds[kind] = round(time.perf_counter() - clock, 1)
        clock = time.perf_counter()

    # startup ↔ capability, reciprocal, with the capability's best startups (its outreach list).
    collaboration = ProfileMatcher(vectorizer=vectorizer, n_jobs=world["jobs"])
    collaboration.fit(startups, capabilities, text_rows=blocks[0:4])
    results["collaboration"] = collaboration.top_k(k, k_per_right=k)
    lap("collaboration")
    # need → capabilities, one way (the same rows, forward only).
    results["need_to_capability"] = top_k(
        collaboration.left_needs_, collaboration.right_offers_, k, narrow=collaboration.n_facts_, n_jobs=world["jobs"]
    )
    lap("need_to_capability")
    # startup ↔ mentor: a wider reciprocal pool, then capacity and exposure caps.
    mentoring = ProfileMatcher(vectorizer=vectorizer, n_jobs=world["jobs"]).fit(
        startups, mentors, text_rows=blocks[0:2] + blocks[4:6]
    )
    pool, _ = mentoring.top_k(3 * k)
    world["mentoring_pool"] = pool
    caps = exposure_caps(len(startups), k, len(mentors), capacity=world["mentor_capacity"])
    results["mentoring"] = spread_exposure(pool, k, caps)
    lap("mentoring")
    # startup → program: eligibility first, unknown criteria penalised; programs' outreach lists too.
    program_rows = blocks[6]
    arrays, people = world["eligibility"]

    def eligible_only(start, stop, scores):
        # Only pairs whose texts meet can be recommended, so only they are checked.
        scores = scores.tocsr()
        rows = np.repeat(np.arange(stop - start), np.diff(scores.indptr))
        allowed, unknown = eligibility.check_pairs(arrays, people, rows + start, scores.indices)
        scores.data = np.where(allowed, scores.data * eligibility.UNKNOWN_PENALTY**unknown, 0).astype(np.float32)
        scores.eliminate_zeros()
        return scores

    results["funding"] = top_k(
        collaboration.left_needs_text_, program_rows, k, adjust=eligible_only, k_per_candidate=k, n_jobs=world["jobs"]
    )
    lap("funding")
    # organisation → organisations (capabilities' owners as consortium partners), self excluded.
    results["partners"] = top_k(
        collaboration.right_offers_,
        collaboration.right_offers_,
        k,
        exclude_self=True,
        narrow=collaboration.n_facts_,
        n_jobs=world["jobs"],
    )
    lap("partners")
    world["vectorizer"], world["program_rows"] = vectorizer, program_rows
    world["collaboration"], world["mentoring"] = collaboration, mentoring
    return results


def baseline(world: dict, k: int, sample: int) -> float:
    """Return the seconds of the bare TF-IDF sparse product + argpartition for every kind, scaled up."""
    collaboration, mentoring = world["collaboration"], world["mentoring"]
    pairs = [
        (collaboration.left_needs_text_, collaboration.right_offers_text_),  # collaboration
        (collaboration.left_needs_text_, collaboration.right_offers_text_),  # need → capabilities
        (mentoring.left_needs_text_, mentoring.right_offers_text_),  # mentoring
        (collaboration.left_needs_text_, world["program_rows"]),  # funding
        (collaboration.right_offers_text_, collaboration.right_offers_text_),  # partners
    ]
    total = 0.0
    for sources, candidates in pairs:
        rows = sources[: min(sample, sources.shape[0])]
        transposed = candidates.T.tocsr()
        started = time.perf_counter()
        for start in range(0, rows.shape[0], 2048):
            chunk = (rows[start : start + 2048] @ transposed).toarray()
            np.argpartition(chunk, -k, axis=1)[:, -k:]
        total += (time.perf_counter() - started) * sources.shape[0] / rows.shape[0]
    return total


def recall(world: dict, results: dict, k: int, sample: int) -> dict[str, float]:
    """Return, per pooled kind, the recall@k of the pooled top-k against exact scoring on `sample` sources."""
    collaboration, mentoring = world["collaboration"], world["mentoring"]
    rows = slice(0, sample)
    narrow = collaboration.n_facts_
    offers = collaboration.right_offers_
    pairs = {
        "collaboration": (results["collaboration"][0], collaboration.top_k(k, exact=True, rows=rows)[0]),
        "mentoring": (world["mentoring_pool"], mentoring.top_k(k, exact=True, rows=rows)[0]),
        "need_to_capability": (
            results["need_to_capability"][0],
            top_k(collaboration.left_needs_[rows], offers, k, narrow=narrow, exact=True)[0],
        ),
        "partners": (
            results["partners"][0],
            top_k(offers[rows], offers, k, narrow=narrow, exact=True, exclude_self=True)[0],
        ),
    }
    out = {}
    for kind, (pooled, exact) in pairs.items():
        found = [
            len(set(pooled.indices[row, :k].tolist()) & set(exact.indices[row][exact.indices[row] >= 0].tolist()))
            / max(int((exact.indices[row] >= 0).sum()), 1)
            for row in range(min(sample, len(exact)))
            if exact.indices[row, 0] >= 0
        ]
        out[kind] = round(float(np.mean(found)), 4) if found else 1.0
    return out


def single_update(world: dict, results: dict, k: int, repeats: int = 25) -> float:
    """Return the median milliseconds to recompute one changed startup's matches in every kind."""
    rng = np.random.default_rng(7)
    vectorizer, collaboration, mentoring = world["vectorizer"], world["collaboration"], world["mentoring"]
    arrays, people = world["eligibility"]
    # Kept between updates, as a running service would: candidates' rows laid out for row × matrix products.
    offers_by_term = {id(m): m.right_offers_text_.T.tocsr() for m in (collaboration, mentoring)}
    programs_by_term = world["program_rows"].T.tocsr()
    timings = []
    for _ in range(repeats):
        row = int(rng.integers(len(world["startups"])))
        changed = _profiles(rng, world["sources"], 1)[0]
        started = time.perf_counter()
        needs, offers = vectorizer.transform([changed.needs, changed.offers])
        for matcher in (collaboration, mentoring):
            forward = (needs @ offers_by_term[id(matcher)]).toarray()[0]
            backward = (matcher.right_needs_text_ @ offers.T).toarray()[:, 0]
            both = np.where((forward > 0) & (backward > 0), 2 * forward * backward / (forward + backward + 1e-12), 0)
            top_k_of(both[None, :], k)
        allowed, unknown = arrays.check(**_slice(people, row, row + 1))
        funding = eligibility.apply((needs @ programs_by_term).toarray(), allowed, unknown)
        top_k_of(funding, k)
        # The startup may enter programs' outreach lists: compare with each list's current last score.
        outreach = results["funding"][1]
        entering = np.flatnonzero(funding[0] > outreach.scores[:, -1])
        if entering.size:
            update = TopK(np.full((entering.size, 1), row), funding[0, entering][:, None].astype(np.float32))
            current = TopK(outreach.indices[entering], outreach.scores[entering])
            merge(current, update, k)
        timings.append((time.perf_counter() - started) * 1000)
    return float(np.median(timings))


VNTC = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "profiles-vntc" / "corpus.jsonl.gz"


def segmentation(sample: int, profile_chars: int = 500) -> dict | None:
    """Time the word analysis of Vietnamese profiles (underthesea's segmenter) against the syllable split.

    The corpus above is English (SBIR), where no segmenter runs; this measures what a Vietnamese
    corpus adds: real Vietnamese text (VNTC news, cut to a profile's length), both analyses in one run.
    """
    if not VNTC.is_file() or sample <= 0:
        return None
    from kernel.text import fold
    from matching.engine import words as word_analysis

    with gzip.open(VNTC, "rt", encoding="utf-8") as handle:
        texts = [json.loads(line)["text"][:profile_chars] for _, line in zip(range(sample), handle, strict=False)]
    syllables = re.compile(r"(?u)\b\w\w+\b")
    started = time.perf_counter()
    for text in texts:
        syllables.findall(fold(text))
    syllable_seconds = time.perf_counter() - started
    word_analysis._segmented.cache_clear()  # time the segmenter itself, not its cache
    words = word_analysis.Words()
    started = time.perf_counter()
    for text in texts:
        words.pairs(text)
    word_seconds = time.perf_counter() - started
    return {
        "texts": len(texts),
        "chars_per_text": round(sum(map(len, texts)) / len(texts)),
        "words_ms_per_text": round(1000 * word_seconds / len(texts), 3),
        "syllables_ms_per_text": round(1000 * syllable_seconds / len(texts), 3),
    }


def meaning(world: dict, k: int, sample: int) -> dict:
    """Time the meaning space (semantic.SemanticSpace) the portal's index fits beside the text features.

    Fitted on every distinct profile text of the corpus, as match_index_build does; then the dense
    blend the portal's recompute adds for a startup ↔ capability block (`sample` startups against
    every capability, exact scoring with and without meaning, scaled up to all startups), and the
    cost of placing one edited profile.
    """
    from matching.engine.semantic import SemanticSpace

    profiles = [*world["startups"], *world["capabilities"], *world["mentors"]]
    corpus = list(dict.fromkeys(text for p in profiles for text in (p.needs, p.offers) if text))
    started = time.perf_counter()
    space = SemanticSpace()
    rows = space.fit_transform(corpus)
    fit_seconds = time.perf_counter() - started
    row_of = {text: row for row, text in enumerate(corpus)}
    empty = np.zeros(rows.shape[1], dtype=np.float32)

    def of(side) -> tuple[np.ndarray, np.ndarray]:
        needs = np.array([rows[row_of[p.needs]] if p.needs else empty for p in side])
        return needs, np.array([rows[row_of[p.offers]] if p.offers else empty for p in side])

    seekers, providers = world["startups"][:sample], world["capabilities"]
    fitted = world["collaboration"]
    text_rows = (
        fitted.left_needs_text_[:sample],
        fitted.left_offers_text_[:sample],
        fitted.right_needs_text_,
        fitted.right_offers_text_,
    )
    timings = {}
    for name, blended in (("words", False), ("words_and_meaning", True)):
        matcher = ProfileMatcher(vectorizer=world["vectorizer"], n_jobs=world["jobs"])
        meaning_rows = (*of(seekers), *of(providers)) if blended else None
        matcher.fit(seekers, providers, text_rows=text_rows, meaning_rows=meaning_rows)
        started = time.perf_counter()
        matcher.top_k(k, exact=True)
        timings[name] = (time.perf_counter() - started) * len(world["startups"]) / sample
    one = [world["startups"][0].offers + " cảm biến"]
    started = time.perf_counter()
    for _ in range(20):
        space.transform(one)
    return {
        "texts": len(corpus),
        "rank": int(rows.shape[1]),
        "fit_seconds": round(fit_seconds, 1),
        "exact_block_seconds_words": round(timings["words"], 1),
        "exact_block_seconds_with_meaning": round(timings["words_and_meaning"], 1),
        "one_text_ms": round(1000 * (time.perf_counter() - started) / 20, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--startups", type=int, default=100_000)
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--k", type=int, default=20)
    parser.add_argument("--baseline-sample", type=int, default=10_000)
    parser.add_argument("--recall-sample", type=int, default=2_000)
    parser.add_argument("--jobs", type=int, default=2, help="chunks scored at once (threads); the machine's cores")
    parser.add_argument(
        "--vietnamese-sample", type=int, default=3_000, help="Vietnamese profiles whose word analysis is timed"
    )
    parser.add_argument(
        "--meaning-sample", type=int, default=2_000, help="startups whose exact scoring with meaning is timed"
    )
    options = parser.parse_args()
    rng = np.random.default_rng(0)
    sources = _sources(rng)
    world = {
        "sources": sources,
        "startups": _profiles(rng, sources, options.startups),
        "capabilities": _profiles(rng, sources, options.items, silent_needs=0.3),
        "mentors": _profiles(rng, sources, options.items, silent_needs=0.5),
        "program_texts": _texts(rng, sources, options.items, 80, 200),
        "mentor_capacity": rng.integers(0, 6, options.items),
        "eligibility": _eligibility(rng, options.startups, options.items),
        "jobs": options.jobs,
    }
    print(
        f"corpus: {options.startups:,} startups × {options.items:,} programs / capabilities / mentors, k={options.k}"
    )
    started, cpu = time.perf_counter(), time.process_time()
    results = recompute(world, options.k)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = _peak_mib()
    shown = np.bincount(results["mentoring"].indices[results["mentoring"].indices >= 0], minlength=options.items)
    assert (shown <= exposure_caps(options.startups, options.k, options.items, world["mentor_capacity"])).all()
    base = baseline(world, options.k, options.baseline_sample)
    update = single_update(world, results, options.k)
    recalls = recall(world, results, options.k, options.recall_sample)
    print(
        f"full recompute: {wall:.1f} s wall ({cpu:.1f} s CPU in this process), "
        f"of which texts {world['vectorize_seconds']:.1f} s"
    )
    print(f"peak memory: {peak:.0f} MiB")
    sample = min(1.0, options.baseline_sample / options.startups)
    print(f"bare baseline (sparse product + argpartition, {sample:.0%} of sources, scaled): {base:.1f} s")
    print(f"ratio to baseline: {wall / base:.2f}; single profile update: {update:.1f} ms median")
    print(f"recall@{options.k} of pooled vs exact scoring, first {options.recall_sample:,} sources: {recalls}")
    vietnamese = segmentation(options.vietnamese_sample)
    if vietnamese:
        texts = 2 * options.startups + 4 * options.items  # needs and offers of each profile, program texts
        vietnamese["projected_seconds_if_all_vietnamese"] = round(texts * vietnamese["words_ms_per_text"] / 1000, 1)
        print(
            f"Vietnamese word analysis: {vietnamese['words_ms_per_text']} ms per "
            f"{vietnamese['chars_per_text']}-character profile "
            f"(syllable split: {vietnamese['syllables_ms_per_text']} ms); this corpus in Vietnamese "
            f"would add about {vietnamese['projected_seconds_if_all_vietnamese']} s on one core"
        )
    meaning_cost = meaning(world, options.k, options.meaning_sample) if options.meaning_sample > 0 else None
    if meaning_cost:
        print(
            f"meaning space: fitted on {meaning_cost['texts']:,} texts in {meaning_cost['fit_seconds']} s; "
            f"exact startup ↔ capability scoring {meaning_cost['exact_block_seconds_words']} s with words, "
            f"{meaning_cost['exact_block_seconds_with_meaning']} s with meaning (scaled from "
            f"{options.meaning_sample:,} startups); one edited text {meaning_cost['one_text_ms']} ms"
        )
    print(
        json.dumps(
            {
                "wall_seconds": round(wall, 1),
                "cpu_seconds": round(cpu, 1),
                "vectorize_seconds": round(world["vectorize_seconds"], 1),
                "peak_rss_mib": round(peak),
                "baseline_seconds": round(base, 1),
                "baseline_sample_fraction": round(sample, 3),
                "ratio": round(wall / base, 2),
                "single_update_ms_median": round(update, 1),
                f"recall_at_{options.k}": recalls,
                "kind_seconds": world["kind_seconds"],
                "vietnamese_segmentation": vietnamese,
                "meaning": meaning_cost,
                "load_average_1m": round(os.getloadavg()[0], 2),
            }
        )
    )


if __name__ == "__main__":
    main()
