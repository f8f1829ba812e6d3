"""Search benchmark on PostgreSQL: 100,000 organisations, 200 realistic faceted queries, one rebuild.

    .venv/bin/python bench/search.py                         # 100,000 organisations (takes a while)
    .venv/bin/python bench/search.py --organisations 2000    # a quick check
    PG_URL=postgres://user@host:5432 .venv/bin/python bench/search.py --keep

Creates a database of its own (--database, default helix_search_bench), migrates it, loads
`seed_demo --scale N`, times `search_rebuild`, then runs a fixed list of 200 queries with facets,
filters, sorts and typos through the same code the search page uses (parsing, facets, snippets,
"did you mean"). Beside each query it times the same words as a bare full-text query: Django's
SearchQuery/SearchRank on the stored search vector, first page only, no facets, no count. A
sample is also timed as the naive `SearchVector(...)` computed on the fly (no index), for scale.
The database is dropped afterwards unless --keep. The last line of output is one JSON object.

Targets: p95 < 80 ms, rebuild < 3 minutes.
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from support import create_database, drop_database, log, timed  # noqa: E402  (bench/support.py)

# Realistic things people type: Vietnamese with and without diacritics, English, names, typos.
TEXTS = [
    "cảm biến", "cam bien", "cảm biến nước", "iot", "IoT sensors", "đại học", "dai hoc", "trường đại học",
    "giao thông", "giao thong thong minh", "ùn tắc", "traffic", "bãi đỗ xe", "parking", "xe buýt điện",
    "nông nghiệp", "nong nghiep cong nghe cao", "smart farming", "nuôi tôm", "thủy sản", "aquaculture",
    "năng lượng tái tạo", "solar", "điện mặt trời", "kinh tế tuần hoàn", "circular economy", "nước sạch",
    "cấp nước", "urban flooding", "chuyển đổi số", "chuyen doi so", "dịch vụ công", "open data",
    "an ninh mạng", "cybersecurity", "thanh toán", "fintech", "bảo hiểm", "y tế số", "telemedicine",
    "thiết bị y tế", "giáo dục", "edtech", "đào tạo nghề", "computer vision", "machine learning",
    "trí tuệ nhân tạo", "tri tue nhan tao", "big data", "drone", "gis", "digital twin", "blockchain",
    "quỹ đầu tư", "vốn mồi", "tài trợ", "grant", "accelerator", "ươm tạo", "cố vấn", "mentor",
    "bình dương", "binh duong", "thủ dầu một", "hà nội", "đà nẵng", "cần thơ", "sensor", "logistics",
    "kho lạnh", "chế biến thực phẩm", "vật liệu mới", "điện tử", "robot", "công nghiệp 4.0",
    "bao tri du doan", "predictive maintenance", "phòng thí nghiệm", "laboratory", "đặt hàng",
    "cam bienn", "giao tong", "nong nhiep", "techology", "univercity",  # typos
]  # fmt: skip
FACETS = {
    "type": ["startup", "program", "capability", "need", "mentor", "organisation"],
    "status": ["open", "closing_soon", "forthcoming"],
    "stage": ["idea", "prototype", "mvp", "early-revenue", "growth"],
    "kind": ["startup", "enterprise", "university", "grant", "accelerator", "expertise", "facility"],
}
SECTORS = [
    "agriculture", "smart-farming", "aquaculture", "health", "digital-health", "education", "mobility",
    "smart-city", "manufacturing", "industry-4", "energy-environment", "renewable-energy", "fintech",
]  # fmt: skip
LOCATIONS = ["ho-chi-minh", "binh-duong", "Bình Dương", "ha-noi", "da-nang", "can-tho", "hai-phong", "dong-nai"]
QUERIES = 200
MEASURED_PASSES = 3
NAIVE_SAMPLE = 10


def realistic_queries(count: int = QUERIES, seed: int = 20251101) -> list[dict[str, list[str]]]:
    """Return the fixed list of query strings (as lists of parameters): words, then 0–3 facets and a sort."""
    rng = random.Random(seed)
    queries = []
    for index in range(count):
        params: dict[str, list[str]] = {"q": [TEXTS[index % len(TEXTS)]]}
        for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
            facet = rng.choice(["type", "sector", "location", "status", "stage", "kind", "type", "location"])
            pool = {"sector": SECTORS, "location": LOCATIONS}.get(facet) or FACETS[facet]
            params.setdefault(facet, []).append(rng.choice(pool))
        params["sort"] = [rng.choice(["relevance"] * 6 + ["newest", "closing"])]
        if rng.random() < 0.15:
            params["page"] = ["2"]
        queries.append(params)
    return queries


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run(organisations: int, *, reuse: bool = False) -> dict:
    from django.contrib.postgres.search import SearchQuery as PgSearchQuery
    from django.contrib.postgres.search import SearchRank, SearchVector, SearchVectorField
    from django.core.management import call_command
    from django.db import connection
    from django.db.models.expressions import RawSQL
    from django.http import QueryDict

    from ecosystem.models import Organisation
    from search.models import SearchEntry
    from search.params import parse_search
    from search.selectors import search_run

    if not reuse:
        started = time.monotonic()
        call_command("migrate", verbosity=0)
        log(f"migrated in {time.monotonic() - started:.1f} s")
        call_command("seed_demo", scale=organisations, verbosity=1)
    else:
        call_command("migrate", verbosity=0)  # the search app's own migrations may be newer than the data

    started = time.monotonic()
    call_command("search_rebuild", verbosity=1)
    rebuild_seconds = time.monotonic() - started
    with connection.cursor() as cursor:
        # Fresh planner statistics, as autovacuum would have them on a live site.
        cursor.execute("VACUUM ANALYZE search_entry")
        cursor.execute("VACUUM ANALYZE search_term")
    documents = SearchEntry.objects.count()
    log(f"search_rebuild: {documents:,} documents in {rebuild_seconds:.1f} s")

    queries = []
    for params in realistic_queries():
        query_dict = QueryDict(mutable=True)
        for key, values in params.items():
            query_dict.setlist(key, values)
        queries.append(query_dict)

    def full(query_dict):
        return search_run(query=parse_search(query_dict, language="vi").query)

    stored_vector = RawSQL("search_entry.search_vector", [], output_field=SearchVectorField())

    def bare(query_dict):
        terms = parse_search(query_dict, language="vi").query.terms
        query = PgSearchQuery(" ".join(terms), config="helix_folded", search_type="plain")
        rows = (
            SearchEntry.objects.annotate(vector=stored_vector)
            .filter(vector=query)
            .annotate(rank=SearchRank(stored_vector, query))
            .order_by("-rank")
            .values_list("id", "title")[:20]
        )
        return list(rows)

    def naive(query_dict):
        terms = parse_search(query_dict, language="vi").query.terms
        vector = SearchVector("title_folded", "text_folded", config="simple")
        query = PgSearchQuery(" ".join(terms), config="simple", search_type="plain")
        return list(SearchEntry.objects.annotate(vector=vector).filter(vector=query).values_list("id", "title")[:20])

    for query_dict in queries:  # warm the caches once, as a running site has them
        full(query_dict)
        bare(query_dict)
    full_ms, bare_ms = [], []
    for _ in range(MEASURED_PASSES):
        for query_dict in queries:
            full_ms.append(timed(lambda q=query_dict: full(q)))
            bare_ms.append(timed(lambda q=query_dict: bare(q)))
    naive_ms = [timed(lambda q=query_dict: naive(q)) for query_dict in queries[:NAIVE_SAMPLE]]
    slowest = sorted(zip(full_ms, [q.urlencode() for q in queries] * MEASURED_PASSES, strict=True))[-3:]
    for milliseconds, query_string in reversed(slowest):
        log(f"  slow: {milliseconds:6.1f} ms  {query_string}")
    return {
        "p50_ms": round(statistics.median(full_ms), 2),
        "p95_ms": round(percentile(full_ms, 0.95), 2),
        "bare_p50_ms": round(statistics.median(bare_ms), 2),
        "bare_p95_ms": round(percentile(bare_ms, 0.95), 2),
        "naive_vector_p50_ms": round(statistics.median(naive_ms), 2),
        "rebuild_seconds": round(rebuild_seconds, 1),
        "documents": documents,
        "organisations": Organisation.objects.count(),
        "queries": len(queries),
        "samples": len(full_ms),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=100_000, help="how many to load (default 100,000)")
    parser.add_argument("--database", default="helix_search_bench")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument(
        "--reuse", action="store_true", help="use the data already in --database (from a run with --keep)"
    )
    args = parser.parse_args()
    pg_url = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")

    if not args.reuse:
        create_database(pg_url, args.database)
    os.environ["DATABASE_URL"] = f"{pg_url}/{args.database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"  # DEBUG off: no query log growing in memory
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    try:
        figures = run(args.organisations, reuse=args.reuse)
    finally:
        if not args.keep:
            drop_database(pg_url, args.database)
    log(
        f"faceted search: p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms (target < 80); "
        f"bare full-text query: p50 {figures['bare_p50_ms']} ms, p95 {figures['bare_p95_ms']} ms; "
        f"naive SearchVector on the fly: p50 {figures['naive_vector_p50_ms']} ms; "
        f"rebuild {figures['rebuild_seconds']} s (target < 180) for {figures['documents']:,} documents"
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
