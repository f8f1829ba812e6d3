"""Matches kept fresh through a real Celery worker on the real Redis broker (not eager mode).

The worker is a separate process sharing the test database and the folder of the fitted index,
so these tests commit for real and wait for the matches to change.
"""

import pytest
from django.conf import settings
from django.db import connection

from infra.celery_app import app
from matching.models import Match, MatchKind
from matching.pipeline.recompute import matches_rebuild_all
from matching.tasks import matches_refit, matches_sweep
from tests.factories import CapabilityFactory, StartupProfileFactory
from tests.workers import BROKER_DOWN, celery_broker, running_worker, wait_for

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the worker process needs a shared database"),
]


@pytest.fixture
def worker(tmp_path):
    with running_worker(
        tmp_path, name="helix-matching-test", env={"MATCHING_ARTEFACTS_DIR": settings.MATCHING_ARTEFACTS_DIR}
    ) as log:
        yield log


@pytest.fixture
def field():
    """A startup, two capabilities, and the matches of a full rebuild (made before the worker starts,
    so no task of theirs races the test)."""
    startup = StartupProfileFactory(
        pitch="Cảm biến độ ẩm đất cho nông nghiệp", description="IoT tưới tiêu tự động cho vườn cây"
    )
    soil = CapabilityFactory(title="Cảm biến nông nghiệp", description="Cảm biến độ ẩm đất, IoT tưới tiêu")
    vision = CapabilityFactory(title="Thị giác máy tính", description="Camera giao thông, đếm xe, phát hiện sự cố")
    matches_rebuild_all()
    return startup, soil, vision


def best_capability(organisation):
    match = (
        Match.objects.filter(organisation=organisation, kind=MatchKind.COLLABORATION, seeker_rank__isnull=False)
        .order_by("-score")
        .first()
    )
    return match.capability_id if match else None


def test_a_profile_edit_updates_its_matches_through_the_worker(field, worker):
    startup, soil, vision = field
    assert best_capability(startup.organisation) == soil.pk
    startup.pitch = "Camera giao thông phát hiện sự cố"
    startup.description = "Đếm xe bằng thị giác máy tính"
    startup.save()  # committed: the receiver queues the recompute on Redis
    wait_for(lambda: best_capability(startup.organisation) == vision.pk, worker)
    assert "matching.tasks.matches_recompute" in worker.read_text()


def test_the_sweeper_repairs_matches_after_a_change_made_while_the_broker_was_down(field, worker, caplog):
    startup, soil, vision = field
    with celery_broker(BROKER_DOWN):
        startup.pitch = "Camera giao thông phát hiện sự cố"
        startup.description = "Đếm xe bằng thị giác máy tính"
        startup.save()
    assert "sweeper will catch up" in caplog.text
    assert best_capability(startup.organisation) == soil.pk  # the change never reached a worker
    app.tasks[matches_sweep.name].delay()  # what django-celery-beat sends every five minutes
    wait_for(lambda: best_capability(startup.organisation) == vision.pk, worker)


@pytest.fixture
def two_startups_no_matches(settings):
    settings.MATCHING_SHARD_SIZE = 1  # one shard per startup: the chord has several parts
    startups = [
        StartupProfileFactory(pitch="Cảm biến độ ẩm đất", description="Tưới tiêu nông nghiệp"),
        StartupProfileFactory(pitch="Camera giao thông", description="Thị giác máy tính đếm xe"),
    ]
    capabilities = [
        CapabilityFactory(title="Cảm biến nông nghiệp", description="Cảm biến độ ẩm đất, tưới tiêu"),
        CapabilityFactory(title="Thị giác máy tính", description="Camera giao thông, đếm xe"),
    ]
    Match.objects.all().delete()
    return startups, capabilities


def test_the_nightly_refit_recomputes_everything_as_a_chord_of_shards(two_startups_no_matches, worker):
    (farming, traffic), (soil, vision) = two_startups_no_matches
    app.tasks[matches_refit.name].delay()
    wait_for(lambda: "matching.tasks.matches_rebuild_finish[" in worker.read_text(), worker, timeout=90)
    wait_for(lambda: best_capability(traffic.organisation) == vision.pk, worker)
    assert best_capability(farming.organisation) == soil.pk
    assert worker.read_text().count("Task matching.tasks.matches_rebuild_shard[") >= 2  # sent to the worker
