"""Real Celery workers for tests: a worker process on the real Redis broker, on a queue of its own.

The worker is a separate process reading the test database, so tests that use it commit for real
(`django_db(transaction=True)`) and wait for the effect they expect.
"""

import os
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import redis
from celery import Celery
from django.db import connection

REDIS = "redis://127.0.0.1:6379/13"
# A port nothing listens on: a broker that is down.
BROKER_DOWN = "redis://127.0.0.1:9/0"
TIMEOUT = 30


def _reset_connections(app) -> None:
    # Celery keeps a producer pool for the broker it first used; forget it, as Celery does after a fork
    # (without closing it: kombu shares pools between apps that use the same broker).
    app._pool = None
    app.amqp._producer_pool = None


@contextmanager
def celery_broker(url: str, **conf):
    """Send tasks to the broker at `url` (instead of running them in-process) while inside the block."""
    from infra.celery_app import app

    changes = {"broker_url": url, "task_always_eager": False, **conf}
    previous = {key: app.conf[key] for key in changes}
    app.conf.update(changes)
    _reset_connections(app)
    try:
        yield app
    finally:
        app.conf.update(previous)
        _reset_connections(app)


def database_url() -> str:
    """Return the address of the test database, for a worker process to read and write it."""
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker(queue: str, log: Path, *, broker: str = REDIS, extra_args=(), env=None) -> subprocess.Popen:
    """Start a worker process consuming `queue` and wait until it answers a ping."""
    hostname = f"{queue}@localhost"
    environment = {
        **os.environ,
        "CELERY_BROKER_URL": broker,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        **(env or {}),
    }
    with log.open("ab") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", queue, "-n", hostname,
             "--without-mingle", "--without-gossip", "-l", "info", *(extra_args or ["--pool=solo"])],
            env=environment, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
    client = Celery(broker=broker, set_as_current=False)
    try:
        deadline = time.monotonic() + TIMEOUT
        while not client.control.ping(destination=[hostname], timeout=1):
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()
    finally:
        client.close()
    return process


def forget_queue(queue: str, broker: str = REDIS) -> None:
    """Delete a test queue and its bindings from the shared Redis."""
    client = redis.Redis.from_url(broker)
    client.delete(queue, *client.keys(f"_kombu.binding*{queue}"))
    client.close()


@contextmanager
def running_worker(tmp_path: Path, *, name: str = "helix-test", broker: str = REDIS, extra_args=(), env=None):
    """Run a worker on a queue of its own and send this block's tasks there; yield the log file."""
    queue = f"{name}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    log = tmp_path / f"{queue}.log"
    # Tasks the worker itself sends (a sweep's recomputes, a chord's shards) stay on this queue too.
    env = {"CELERY_TASK_DEFAULT_QUEUE": queue, "CELERY_RESULT_BACKEND": broker, **(env or {})}
    process = start_worker(queue, log, broker=broker, extra_args=extra_args, env=env)
    try:
        with celery_broker(broker, task_default_queue=queue):
            yield log
    finally:
        process.terminate()
        process.wait(timeout=30)
        forget_queue(queue, broker)


def wait_for(condition, log: Path, timeout: float = TIMEOUT) -> None:
    """Wait until `condition()` is true; on timeout, fail with the worker's log."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out; worker log:\n{log.read_text()}"
        time.sleep(0.2)
