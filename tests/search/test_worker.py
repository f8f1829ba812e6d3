"""Indexing through a real Celery worker on the real Redis broker, and the sweeper after a broker outage.

The worker is a separate process reading the test database, so these tests commit for real
(transaction=True) and wait for the index to change.
"""

import time

import pytest
from django.db import connection

from infra.celery_app import app
from search.models import SearchEntry
from search.tasks import search_sweep
from tests.factories import NeedFactory
from tests.workers import BROKER_DOWN, celery_broker, running_worker, wait_for

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the worker process needs a shared database"),
]


@pytest.fixture
def worker(tmp_path):
    with running_worker(tmp_path, name="helix-search-test") as log:
        yield log


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
