"""What the benchmarks share: a throwaway PostgreSQL database, Celery workers, logging and timing."""

import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def admin_connection(pg_url: str):
    import psycopg

    return psycopg.connect(f"{pg_url}/postgres", autocommit=True)


def create_database(pg_url: str, name: str) -> None:
    with admin_connection(pg_url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def drop_database(pg_url: str, name: str) -> None:
    from django.db import connections

    connections.close_all()
    with admin_connection(pg_url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def log(message: str) -> None:
    print(message, flush=True)


def timed(function) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def start_worker(name: str, env: dict, logfile: Path, *, queue: str | None = None) -> subprocess.Popen:
    """Start one solo Celery worker (as one machine would run it), logging to `logfile`."""
    queues = ["-Q", queue] if queue else []
    with logfile.open("ab") as output:
        return subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "-n", f"{name}@%h", *queues,
             "--without-mingle", "--without-gossip", "-l", "warning"],
            cwd=BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip


def wait_until_ready(app, names: list[str], timeout: float = 60) -> None:
    """Wait until a worker of each name answers a ping."""
    deadline = time.monotonic() + timeout
    while True:
        replies = app.control.ping(timeout=1) or []
        answered = {name for reply in replies for name in reply}
        if all(any(host.startswith(f"{name}@") for host in answered) for name in names):
            return
        if time.monotonic() > deadline:
            raise SystemExit("the workers did not start; see their logs")


def stop_workers(workers: list[subprocess.Popen]) -> None:
    """Ask the workers to stop (warm shutdown), then wait for each."""
    for worker in workers:
        worker.terminate()
    for worker in workers:
        worker.wait(timeout=60)
