"""Sharded refit benchmark: the nightly refit on one Celery worker, then on two.

    .venv/bin/python bench/refit.py --organisations 20000               # seeds a database of its own
    .venv/bin/python bench/refit.py --database helix_portal_bench --reuse  # one kept by bench/portal.py --keep

Each run sends what the nightly beat entry sends (`matches_refit`, through `matches_rebuild
--workers --wait`) on Redis, with Redis as the chord's result backend, and waits for the chord's
last task. Each worker is a solo process of its own, as it would be on separate machines, started
fresh for each run (so each loads the saved index itself). Baseline in the same run: the same
refit in one process with no Celery (`matches_rebuild`). Every run recomputes the same world, whose
matches are already stored: what the nightly task does on a quiet day.

The last line of output is one JSON object.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from support import create_database, drop_database, log, start_worker, stop_workers, wait_until_ready  # noqa: E402


def rebuild(env: dict, *arguments: str) -> float:
    started = time.monotonic()
    subprocess.run([sys.executable, "manage.py", "matches_rebuild", *arguments], env=env, cwd=BASE_DIR, check=True)
    return round(time.monotonic() - started, 1)


def on_workers(count: int, env: dict, logs: Path) -> float:
    """Time `matches_rebuild --workers --wait` with `count` fresh solo workers on a queue of their own."""
    from celery import Celery

    queue = f"helix-refit-bench-{uuid.uuid4().hex[:8]}"
    env = {**env, "CELERY_TASK_DEFAULT_QUEUE": queue}
    names = [f"refit{count}-{number}" for number in range(count)]
    workers = [start_worker(name, env, logs / f"{name}.log", queue=queue) for name in names]
    client = Celery(broker=env["CELERY_BROKER_URL"], set_as_current=False)
    try:
        wait_until_ready(client, names)
        return rebuild(env, "--workers", "--wait")
    finally:
        stop_workers(workers)
        client.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--organisations", type=int, default=20_000, help="how many to seed (without --reuse)")
    parser.add_argument("--database", default="helix_refit_bench")
    parser.add_argument("--reuse", action="store_true", help="use the data and matches in --database")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    pg_url = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/13")
    env = {
        **os.environ,
        "DATABASE_URL": f"{pg_url}/{args.database}",
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "MATCHING_ARTEFACTS_DIR": str(BASE_DIR / "var" / "bench" / args.database),
        "CELERY_BROKER_URL": redis_url,
        "CELERY_RESULT_BACKEND": redis_url,
        "LOG_LEVEL": os.environ.get("LOG_LEVEL", "WARNING"),
    }
    logs = Path(tempfile.mkdtemp(prefix="helix-refit-bench-"))
    if not args.reuse:
        create_database(pg_url, args.database)
        subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], env=env, cwd=BASE_DIR, check=True)
        subprocess.run(
            [sys.executable, "manage.py", "seed_demo", "--scale", str(args.organisations)],
            env=env, cwd=BASE_DIR, check=True,
        )  # fmt: skip
        log(f"first build (not compared): {rebuild(env)} s")
    os.environ.update(DATABASE_URL=env["DATABASE_URL"], DJANGO_SETTINGS_MODULE=env["DJANGO_SETTINGS_MODULE"])
    import django

    django.setup()
    from ecosystem.models import Organisation

    try:
        organisations = Organisation.objects.count()
        figures = {"organisations": organisations, "in_process_seconds": rebuild(env)}
        log(f"in one process: {figures['in_process_seconds']} s")
        for count in (1, 2):
            figures[f"workers_{count}_seconds"] = on_workers(count, env, logs)
            log(f"on {count} worker(s): {figures[f'workers_{count}_seconds']} s")
    finally:
        if not (args.keep or args.reuse):
            drop_database(pg_url, args.database)
    figures["speedup_2_over_1"] = round(figures["workers_1_seconds"] / figures["workers_2_seconds"], 2)
    log(
        f"nightly refit of {organisations:,} organisations: {figures['in_process_seconds']} s in one process, "
        f"{figures['workers_1_seconds']} s on one worker, {figures['workers_2_seconds']} s on two "
        f"({figures['speedup_2_over_1']}× faster with two; logs in {logs})"
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
