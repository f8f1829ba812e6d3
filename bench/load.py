"""Load on the real stack: `make serve` (gunicorn, Celery worker and beat, PostgreSQL, Redis) driven by Locust.

    .venv/bin/python bench/load.py --database helix_portal_bench --reuse   # the world bench/portal.py --keep left
    .venv/bin/python bench/load.py --organisations 2000                    # a quick check on a world of its own

The stack is `make serve` itself, with production settings, on a port of its own and Redis
databases of their own. The load generator is Locust, headless, on the same machine
(bench/load_users.py): visitors read the home page, directories with filters, search, program and
startup pages in both languages; signed-in startup owners read "My matches", save a match and edit
their profile through the real forms (each save of a profile queues a recompute for the worker).
Sign-in itself is not in the mix: the bench signs its members in by writing their sessions.

For each of 10, 50 and 100 concurrent users (`--users`), the mix runs for `--seconds` after every
user has started, then a bare Django view (/livez: no service touched) is driven at the same users
and the same pace on the same gunicorn: the baseline. Each simulated person waits `--think` seconds
between requests (a person reading, quickly). Reported per level: requests per second, p50/p95/p99
per page, errors (any failure, 4xx or 5xx). Targets at 50 users: no errors, p95 of every page under
300 ms, throughput at least a third of the bare view's.

The last line of output is one JSON object.
"""

import argparse
import csv
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from support import create_database, drop_database, log  # noqa: E402  (bench/support.py)

PORT = 8765
REDIS = "redis://127.0.0.1:6379"
QUERIES = [
    "cảm biến", "cam bien", "nông nghiệp thông minh", "nong nghiep thong minh", "giao thông", "giao thong",
    "y tế", "y te", "smart city", "AI camera", "thanh toán số", "thanh toan so", "IoT", "drone",
]  # fmt: skip
PITCHES = [
    "Camera AI phát hiện sự cố giao thông và đếm xe cho đô thị thông minh",
    "Cảm biến độ ẩm đất và tưới tiêu tự động cho nông nghiệp công nghệ cao",
    "Nền tảng thanh toán số cho hộ kinh doanh nhỏ",
    "Telemedicine platform connecting district clinics with city hospitals",
]


def stack_env(database_url: str) -> dict:
    """The environment `make serve` runs with: production settings on services of the bench's own."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "CELERY_BROKER_URL": f"{REDIS}/9",
        "CELERY_RESULT_BACKEND": f"{REDIS}/10",
        "CACHE_URL": f"{REDIS}/11",
        "EMAIL_URL": "consolemail://",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SITE_URL": f"http://127.0.0.1:{PORT}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # One proxy in front, as in production: X-Forwarded-For tells each simulated person apart.
        "ALLAUTH_TRUSTED_PROXY_COUNT": "1",
        "LOG_LEVEL": "WARNING",
    }


def prepare(members: int) -> dict:
    """Return what the simulated people need: sessions of startup owners with matches, slugs, filters."""
    from django.contrib.auth import get_user_model
    from django.db.models import Exists, OuterRef, Q
    from django.test import Client
    from django.utils import timezone

    from demo.pages import seed_site_pages
    from ecosystem.models import Location, Membership, Program, Sector, Stage, StartupProfile
    from ecosystem.models.profiles import CapabilityKind
    from ecosystem.models.programs import ProgramStatus
    from matching.models import Match

    seed_site_pages()  # the portal's home and standard pages (seed_demo --scale loads organisations only)
    with_matches = Match.objects.filter(organisation_id=OuterRef("organisation_id"), is_current=True)
    owners = list(
        Membership.objects.filter(organisation__startup_profile__isnull=False)
        .filter(Exists(with_matches))
        .select_related("organisation")
        .order_by("pk")[:members]
    )
    users = get_user_model().objects.in_bulk([owner.user_id for owner in owners])
    sessions = []
    for owner in owners:
        client = Client()
        client.force_login(users[owner.user_id])
        sessions.append({"session": client.cookies["sessionid"].value, "startup": owner.organisation.slug})
    sectors = list(Sector.objects.values_list("slug", flat=True))
    locations = list(Location.objects.values_list("slug", flat=True)[:40])
    stages = list(Stage.objects.values_list("slug", flat=True))
    return {
        "members": sessions,
        # Live and staying live: beat's scheduled unpublishing takes expired ones down as the stack starts.
        "programs": list(
            Program.objects.filter(live=True, hidden_at__isnull=True)
            .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now() + timedelta(hours=1)))
            .values_list("slug", flat=True)[:200]
        ),
        "startups": list(StartupProfile.objects.values_list("organisation__slug", flat=True)[:2000]),
        "queries": QUERIES,
        "pitches": PITCHES,
        "directories": [
            ["/startups/", {"sector": sectors, "location": locations, "stage": stages}],
            ["/capabilities/", {"sector": sectors, "kind": CapabilityKind.values}],
            ["/programs/", {"sector": sectors, "status": ProgramStatus.values}],
            ["/mentors/", {"sector": sectors, "available": ["on"]}],
            ["/needs/", {"sector": sectors, "status": ["open"]}],
        ],
    }


def serve(env: dict, logfile: Path) -> subprocess.Popen:
    """Start `make serve` in a process group of its own; return once gunicorn answers."""
    with logfile.open("ab") as output:
        stack = subprocess.Popen(
            ["make", "serve", f"PORT={PORT}", "HOST=127.0.0.1"],
            cwd=BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    deadline = time.monotonic() + 300
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=5) as response:
                if response.status == 200:
                    return stack
        except OSError:
            pass
        if stack.poll() is not None or time.monotonic() > deadline:
            stop(stack)
            raise SystemExit(f"the stack did not start:\n{logfile.read_text()[-3000:]}")
        time.sleep(1)


def stop(stack: subprocess.Popen) -> None:
    if stack.poll() is None:
        os.killpg(stack.pid, signal.SIGTERM)
        try:
            stack.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(stack.pid, signal.SIGKILL)


def drive(users: int, classes: list[str], seconds: int, think: tuple[float, float], data: Path, out: Path) -> dict:
    """Run Locust headless; return its figures per request name (and "Aggregated")."""
    prefix = out / f"{'-'.join(classes)}-{users}"
    env = {
        **os.environ,
        "HELIX_LOAD_DATA": str(data),
        "HELIX_LOAD_THINK_MIN": str(think[0]),
        "HELIX_LOAD_THINK_MAX": str(think[1]),
    }
    command = [
        sys.executable, "-m", "locust", "-f", str(BASE_DIR / "bench" / "load_users.py"), "--headless",
        "--host", f"http://127.0.0.1:{PORT}", "--users", str(users), "--spawn-rate", str(users),
        "--run-time", f"{seconds + 2}s", "--reset-stats", "--csv", str(prefix), "--only-summary",
        "--stop-timeout", "10", "--loglevel", "WARNING", *classes,
    ]  # fmt: skip
    subprocess.run(command, env=env, cwd=BASE_DIR, check=False, stdout=subprocess.DEVNULL)
    with open(f"{prefix}_stats.csv", encoding="utf-8") as stats:
        rows = {row["Name"]: row for row in csv.DictReader(stats)}
    return {
        name: {
            "requests": int(row["Request Count"]),
            "errors": int(row["Failure Count"]),
            "rps": round(float(row["Requests/s"]), 1),
            "p50_ms": float(row["50%"]),
            "p95_ms": float(row["95%"]),
            "p99_ms": float(row["99%"]),
        }
        for name, row in rows.items()
        if row["Request Count"] != "0"
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=100_000, help="world to seed (without --reuse)")
    parser.add_argument("--database", default="helix_load_bench")
    parser.add_argument("--reuse", action="store_true", help="use the world in --database (bench/portal.py --keep)")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--users", type=int, nargs="+", default=[10, 50, 100])
    parser.add_argument("--seconds", type=int, default=60, help="measured seconds per level and per mix")
    parser.add_argument("--think", type=float, nargs=2, default=[0.5, 1.5], metavar=("MIN", "MAX"))
    args = parser.parse_args()
    pg_url = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")
    workdir = Path(tempfile.mkdtemp(prefix="helix-load-bench-"))
    env = stack_env(f"{pg_url}/{args.database}")
    os.environ.update({key: env[key] for key in ("DATABASE_URL", "SECRET_KEY", "CACHE_URL", "ALLOWED_HOSTS")})
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.production", SITE_URL=env["SITE_URL"], LOG_LEVEL="WARNING"
    )
    os.environ.setdefault("MATCHING_ARTEFACTS_DIR", str(BASE_DIR / "var" / "bench" / args.database))
    env["MATCHING_ARTEFACTS_DIR"] = os.environ["MATCHING_ARTEFACTS_DIR"]
    if not args.reuse:
        create_database(pg_url, args.database)
    import django

    django.setup()
    from django.core.management import call_command

    from ecosystem.models import Organisation

    figures: dict = {}
    try:
        call_command("migrate", verbosity=0)
        if not args.reuse:
            call_command("seed_demo", scale=args.organisations, verbosity=1)
            call_command("matches_rebuild", verbosity=0)
        organisations = Organisation.objects.count()
        data_path = workdir / "people.json"
        data = prepare(max(args.users))
        data_path.write_text(json.dumps(data), encoding="utf-8")
        log(f"{len(data['members'])} signed-in members, {len(data['programs'])} programs; starting make serve")
        stack = serve(env, workdir / "stack.log")
        try:
            for users in args.users:
                mix = drive(users, ["Visitor", "Member"], args.seconds, tuple(args.think), data_path, workdir)
                bare = drive(users, ["Bare"], args.seconds, tuple(args.think), data_path, workdir)
                pages = {name: row for name, row in mix.items() if name != "Aggregated"}
                worst = max(pages, key=lambda name: pages[name]["p95_ms"])
                figures[users] = {
                    "pages": pages,
                    "total": mix["Aggregated"],
                    "bare": bare["Aggregated"],
                    "worst": worst,
                }
                log(
                    f"{users} users: {mix['Aggregated']['rps']} requests/s (bare view {bare['Aggregated']['rps']}), "
                    f"{mix['Aggregated']['errors']} errors, worst p95 {pages[worst]['p95_ms']} ms ({worst})"
                )
                for name, row in sorted(pages.items()):
                    log(
                        f"    {name:<22} {row['requests']:>6} requests  p50 {row['p50_ms']:>6.0f}  "
                        f"p95 {row['p95_ms']:>6.0f}  p99 {row['p99_ms']:>6.0f} ms  errors {row['errors']}"
                    )
        finally:
            stop(stack)
    finally:
        if not args.keep and not args.reuse:
            drop_database(pg_url, args.database)
    result: dict = {"organisations": organisations}
    for users, level in figures.items():
        result |= {
            f"rps_{users}": level["total"]["rps"],
            f"bare_rps_{users}": level["bare"]["rps"],
            f"p95_ms_worst_page_{users}": level["pages"][level["worst"]]["p95_ms"],
            f"worst_page_{users}": level["worst"],
            f"errors_{users}": level["total"]["errors"] + level["bare"]["errors"],
        }
    result["errors"] = sum(level["total"]["errors"] + level["bare"]["errors"] for level in figures.values())
    result["think_seconds"] = args.think
    log(f"details (Locust's CSV files, the stack's log): {workdir}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
