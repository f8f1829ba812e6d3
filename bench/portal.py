"""Portal benchmark on PostgreSQL + Redis: "my matches" page time and how fast a profile edit shows.

    .venv/bin/python bench/portal.py                          # 100,000 organisations (takes a while)
    .venv/bin/python bench/portal.py --organisations 5000     # a quick check
    .venv/bin/python bench/portal.py --keep                   # keep the database for --reuse
    .venv/bin/python bench/portal.py --reuse --nightly        # the kept world: edits, nightly refit, pages

Creates a database of its own (--database, default helix_portal_bench), migrates it, loads
`seed_demo --scale N` and runs the full match recompute (`matches_rebuild`) twice, timed:

- **First build** (`first_build_seconds`): into empty match tables, in a process that has never
  segmented these texts: what a new installation or a bulk import pays once.
- **Nightly refit** (`rebuild_seconds`): what the nightly task runs. Before it, a day's edits:
  `--edited` (default 1 %) of the startups rewrite their pitch. It refits every model and
  recomputes every list, in a new process that finds the last index's segmented texts.

Both run the shards in `--processes` processes (default: one per CPU, as many as the workers
this machine would run).

Then:

- **My matches**: a member of the startup with the most matches opens /en/me/matches/ (every
  tab) through Django's test client in this process — server time, warm, median of 30 passes.
  Baseline in the same run: the /en/me/ dashboard, which reads no matches.
- **Update visible**: a real Celery worker on Redis (a queue of its own) serves the recompute
  tasks. The startup's profile is edited and committed; the clock runs until its matches in the
  database carry the new computation (the page would show them). Median of 5 edits, after one
  warm-up edit that loads the fitted index into the worker. Baseline in the same run: a ping
  round trip to the same worker.

The database is dropped afterwards unless --keep. The last line of output is one JSON object.
`rows_written` counts the rows the nightly refit inserted, updated and deleted in the match tables
(`matching_match*`, PostgreSQL's statistics counters; `first_build_rows_written` the first
build's), `match_table_mib` their size with indexes after the run. Targets: page < 100 ms median,
update visible < 5 s, nightly refit < 300 s at 100,000 organisations.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from support import create_database, drop_database, log, timed  # noqa: E402  (bench/support.py)

REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")
PAGE_PASSES = 30
EDITS = 5
TABS = ["", "?tab=partners", "?tab=mentors", "?tab=funding"]
PITCHES = [
    "Camera AI phát hiện sự cố giao thông và đếm xe cho đô thị thông minh",
    "Cảm biến độ ẩm đất và tưới tiêu tự động cho nông nghiệp công nghệ cao",
    "Nền tảng thanh toán số cho hộ kinh doanh nhỏ",
    "Telemedicine platform connecting district clinics with city hospitals",
    "Dự báo ngập lụt đô thị bằng dữ liệu cảm biến và mô hình thủy văn",
    "Predictive maintenance for factory machines with vibration sensors",
]


def start_worker(queue: str, env: dict, log_path: Path) -> subprocess.Popen:
    from celery import Celery

    hostname = f"{queue}@localhost"
    with log_path.open("ab") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "-Q", queue, "-n", hostname,
             "--without-mingle", "--without-gossip", "-l", "warning"],
            env=env, stdout=output, stderr=subprocess.STDOUT, cwd=BASE_DIR,
        )  # fmt: skip
    client = Celery(broker=REDIS, set_as_current=False)
    deadline = time.monotonic() + 60
    while not client.control.ping(destination=[hostname], timeout=1):
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"worker did not start:\n{log_path.read_text()}")
    client.close()
    return process


def busiest_startup():
    from django.db.models import Count

    from ecosystem.models import Membership
    from matching.models import Match

    organisation_id = (
        Match.objects.filter(organisation__isnull=False, organisation__memberships__isnull=False)
        .values("organisation_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("organisation_id", flat=True)
        .first()
    )
    membership = Membership.objects.select_related("user", "organisation").filter(organisation_id=organisation_id)
    return membership.first()


def measure_pages(user) -> dict:
    from django.test import Client

    client = Client(SERVER_NAME="localhost")
    client.force_login(user)
    pages = [f"/en/me/matches/{tab}" for tab in TABS]
    for url in [*pages, "/en/me/"]:  # warm: templates, translations, connection
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    page_ms, baseline_ms = [], []
    for _ in range(PAGE_PASSES):
        for url in pages:
            page_ms.append(timed(lambda u=url: client.get(u)))
        baseline_ms.append(timed(lambda: client.get("/en/me/")))
    return {"page": page_ms, "baseline": baseline_ms}


def measure_updates(organisation, env: dict, workdir: Path) -> dict:
    from celery import Celery
    from django.db import transaction

    from infra.celery_app import app
    from matching.models import Match

    queue = f"helix-portal-bench-{uuid.uuid4().hex[:8]}"
    app.conf.update(broker_url=REDIS, task_always_eager=False, task_default_queue=queue)
    app._pool = None
    app.amqp._producer_pool = None
    worker = start_worker(queue, env, workdir / "worker.log")
    client = Celery(broker=REDIS, set_as_current=False)
    profile = organisation.startup_profile
    try:

        def edit(pitch: str) -> float:
            started_at = time.monotonic()
            with transaction.atomic():
                profile.pitch = pitch
                profile.save()
            changed_after = profile.updated_at
            while not Match.objects.filter(organisation=organisation, computed_at__gt=changed_after).exists():
                if time.monotonic() - started_at > 120:
                    raise RuntimeError(f"no update after 120 s:\n{(workdir / 'worker.log').read_text()}")
                time.sleep(0.02)
            return time.monotonic() - started_at

        warm = edit(PITCHES[-1])
        log(f"warm-up edit (the worker loads the fitted index): {warm:.2f} s")
        seconds = [edit(PITCHES[n % len(PITCHES)]) for n in range(EDITS)]
        pings = []
        for _ in range(EDITS):
            started = time.monotonic()
            client.control.ping(destination=[f"{queue}@localhost"], timeout=5)
            pings.append(time.monotonic() - started)
    finally:
        worker.terminate()
        worker.wait(timeout=60)
        client.close()
    return {"seconds": seconds, "pings": pings, "warm": warm}


MATCH_TABLES = "matching_match%"  # the stored matches and the tables that hang off them


def match_tables_written(cursor) -> int:
    """Return the rows inserted, updated and deleted in the match tables so far (PostgreSQL's counters)."""
    # Counters are flushed per backend at most once a second: ask for this one's now.
    cursor.execute("SELECT pg_stat_force_next_flush()")
    cursor.execute("SELECT pg_stat_clear_snapshot()")
    cursor.execute(
        "SELECT COALESCE(SUM(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables WHERE relname LIKE %s",
        [MATCH_TABLES],
    )
    return int(cursor.fetchone()[0])


def match_tables_mib(cursor) -> float:
    """Return the bytes of the match tables with their indexes and TOAST, in MiB."""
    cursor.execute(
        "SELECT COALESCE(SUM(pg_total_relation_size(relid)), 0) FROM pg_stat_user_tables WHERE relname LIKE %s",
        [MATCH_TABLES],
    )
    return round(int(cursor.fetchone()[0]) / 2**20, 1)


def rebuild_in_new_process(env: dict, processes: int) -> tuple[float, int]:
    """Run `matches_rebuild --processes N` in a new process; return (seconds, rows written)."""
    from django.db import connection

    with connection.cursor() as cursor:
        written_before = match_tables_written(cursor)
    started = time.monotonic()
    command = [sys.executable, "manage.py", "matches_rebuild", "--processes", str(processes)]
    subprocess.run(command, env=env, cwd=BASE_DIR, check=True)
    seconds = round(time.monotonic() - started, 1)
    with connection.cursor() as cursor:
        return seconds, match_tables_written(cursor) - written_before


def edit_startups(share: float) -> int:
    """Give `share` of the startups a new pitch, as a day of edits would (no signals: no worker runs yet)."""
    from django.db.models import F, Value
    from django.db.models.functions import Concat, Left, Now

    from ecosystem.models import StartupProfile

    step = max(round(1 / share), 1) if share > 0 else 0
    if not step:
        return 0
    ids = list(StartupProfile.objects.order_by("pk").values_list("pk", flat=True)[::step])
    # A new text for each (its old pitch after a new opening): the refit segments each one once.
    new_pitch = Left(Concat(Value(PITCHES[1] + ". "), F("pitch")), 200)
    return StartupProfile.objects.filter(pk__in=ids).update(pitch=new_pitch, updated_at=Now())


def run(
    organisations: int, *, reuse: bool, nightly: bool, edited: float, processes: int, workdir: Path, env: dict
) -> dict:
    from django.core.management import call_command
    from django.db import connection

    from ecosystem.models import Organisation
    from matching.models import Match

    call_command("migrate", verbosity=0)
    if not reuse:
        call_command("seed_demo", scale=organisations, verbosity=1)
    first = nightly = (None, None)
    edits = 0
    if not (reuse and Match.objects.exists()):  # --reuse keeps the matches of the run that kept the data
        first = rebuild_in_new_process(env, processes)
        log(f"first build: {first[0]} s, {first[1]:,} rows written")
    if not reuse or nightly:
        edits = edit_startups(edited)
        nightly = rebuild_in_new_process(env, processes)
        log(f"nightly refit after {edits:,} edited startups: {nightly[0]} s, {nightly[1]:,} rows written")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE matching_match")
        table_mib = match_tables_mib(cursor)
    membership = busiest_startup()
    log(f"matches: {Match.objects.count():,}; measuring as {membership.user} of {membership.organisation}")
    pages = measure_pages(membership.user)
    updates = measure_updates(membership.organisation, env, workdir)
    return {
        "matches_page_ms_median": round(statistics.median(pages["page"]), 1),
        "matches_page_ms_p95": round(sorted(pages["page"])[int(0.95 * (len(pages["page"]) - 1))], 1),
        "baseline_dashboard_ms_median": round(statistics.median(pages["baseline"]), 1),
        "update_visible_seconds": round(statistics.median(updates["seconds"]), 2),
        "update_visible_seconds_max": round(max(updates["seconds"]), 2),
        "baseline_worker_ping_seconds": round(statistics.median(updates["pings"]), 3),
        "rebuild_seconds": nightly[0],
        "rows_written": nightly[1],
        "startups_edited_before_rebuild": edits,
        "rebuild_processes": processes,
        "first_build_seconds": first[0],
        "first_build_rows_written": first[1],
        "match_table_mib": table_mib,
        "organisations": Organisation.objects.count(),
        "matches": Match.objects.count(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=100_000, help="how many to load (default 100,000)")
    parser.add_argument("--database", default="helix_portal_bench")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--reuse", action="store_true", help="use the data in --database (from a run with --keep)")
    parser.add_argument(
        "--nightly",
        action="store_true",
        help="with --reuse: a day's edits and the nightly refit on the kept data again",
    )
    parser.add_argument(
        "--processes",
        type=int,
        default=os.cpu_count() or 1,
        help="processes the recompute's shards run in (matches_rebuild --processes; default: one per CPU)",
    )
    parser.add_argument(
        "--edited", type=float, default=0.01, help="share of startups edited before the nightly refit (default 0.01)"
    )
    args = parser.parse_args()
    pg_url = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")
    if not args.reuse:
        create_database(pg_url, args.database)
    workdir = Path(tempfile.mkdtemp(prefix="helix-portal-bench-"))
    artefacts = BASE_DIR / "var" / "bench" / args.database
    if not args.reuse:
        shutil.rmtree(artefacts, ignore_errors=True)  # a first build starts with nothing fitted
    os.environ.update(
        DATABASE_URL=f"{pg_url}/{args.database}",
        DJANGO_SETTINGS_MODULE="config.settings.test",  # DEBUG off: no query log growing in memory
        # Kept beside the database (--keep/--reuse): the fitted index belongs to that data.
        MATCHING_ARTEFACTS_DIR=str(artefacts),
        LOG_LEVEL=os.environ.get("LOG_LEVEL", "WARNING"),
    )
    env = {**os.environ, "CELERY_BROKER_URL": REDIS}
    import django

    django.setup()
    try:
        figures = run(
            args.organisations,
            reuse=args.reuse,
            nightly=args.nightly,
            edited=args.edited,
            processes=args.processes,
            workdir=workdir,
            env=env,
        )
    finally:
        if not args.keep:
            drop_database(pg_url, args.database)
    log(
        f"my matches: median {figures['matches_page_ms_median']} ms, p95 {figures['matches_page_ms_p95']} ms "
        f"(target < 100; dashboard baseline {figures['baseline_dashboard_ms_median']} ms); "
        f"profile edit visible after {figures['update_visible_seconds']} s median (target < 5; worker ping "
        f"{figures['baseline_worker_ping_seconds']} s); nightly refit {figures['rebuild_seconds']} s "
        f"(first build {figures['first_build_seconds']} s) "
        f"for {figures['organisations']:,} organisations, {figures['matches']:,} matches "
        f"({figures['rows_written']} rows written, match tables {figures['match_table_mib']} MiB)"
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
