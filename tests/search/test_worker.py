"""Indexing through a real Celery worker on the real Redis broker, and the sweeper after a broker outage.

The worker is a separate process reading the test database, so these tests commit for real
(transaction=True) and wait for the index to change.
"""

import os
import subprocess
import sys
import time
import uuid

import pytest
import redis
from celery import Celery
from django.db import connection

from config.celery_app import app
from search.models import SearchEntry
from search.tasks import search_sweep
from tests.factories import NeedFactory
from tests.search.conftest import BROKER_DOWN, celery_broker

REDIS = "redis://127.0.0.1:6379/13"
TIMEOUT = 30

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the worker process needs a shared database"),
]


def database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker(tmp_path):
    """A Celery worker consuming a queue of its own on Redis, with tasks of this test sent there."""
    queue = f"helix-search-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    hostname = f"{queue}@localhost"
    log = tmp_path / "worker.log"
    env = {
        **os.environ,
        "CELERY_BROKER_URL": REDIS,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
    }
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "-Q", queue, "-n", hostname,
             "--without-mingle", "--without-gossip", "-l", "info"],
            env=env, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
    # Not set as Celery's current app: tasks must keep going through Helix's app.
    client = Celery(broker=REDIS, set_as_current=False)
    try:
        deadline = time.monotonic() + TIMEOUT
        while not client.control.ping(destination=[hostname], timeout=1):
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()
        with celery_broker(REDIS, task_default_queue=queue):
            yield log
    finally:
        process.terminate()
        process.wait(timeout=30)
        client.close()
        # Each run has a queue of its own: leave nothing of it behind on the shared Redis.
        broker = redis.Redis.from_url(REDIS)
        leftovers = [queue, *broker.keys(f"_kombu.binding*{queue}")]
        broker.delete(*leftovers)
        broker.close()


def wait_for(condition, log) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        assert time.monotonic() < deadline, f"timed out; worker log:\n{log.read_text()}"
        time.sleep(0.2)


def indexed_title(need) -> str | None:
    return SearchEntry.objects.filter(doc_type="need", object_id=need.pk).values_list("title", flat=True).first()


def test_saves_and_deletes_are_indexed_by_the_worker(worker):
    need = NeedFactory(title="Xử lý nước thải khu công nghiệp")
    wait_for(lambda: indexed_title(need) == "Xử lý nước thải khu công nghiệp", worker)
    need.title = "Xử lý nước thải bằng vi sinh"
    need.save()
    wait_for(lambda: indexed_title(need) == "Xử lý nước thải bằng vi sinh", worker)
    need.delete()
    wait_for(lambda: indexed_title(need) is None, worker)
    assert "search.tasks.search_index_changes" in worker.read_text()


def test_the_sweeper_repairs_what_was_saved_while_the_broker_was_down(worker, caplog):
    with celery_broker(BROKER_DOWN):
        need = NeedFactory(title="Lưu khi hàng đợi ngừng")
    assert "sweeper will catch up" in caplog.text
    time.sleep(1)
    assert indexed_title(need) is None  # the change never reached the worker
    app.tasks[search_sweep.name].delay()  # what django-celery-beat sends every five minutes, broker back up
    wait_for(lambda: indexed_title(need) == "Lưu khi hàng đợi ngừng", worker)
