"""Saves and deletes reach the index on commit; the sweeper repairs what was missed; rebuilds start afresh.

Celery runs in-process here (no broker configured); test_worker.py runs the same through a real
worker and Redis.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from ecosystem.models import Sector
from search.backends import get_search_backend
from search.models import IndexRecord, SearchEntry
from search.query import SearchQuery
from search.services import search_index_sweep
from search.tasks import search_index_enqueue
from tests.factories import (
    CapabilityFactory,
    MentorOfferFactory,
    NeedFactory,
    OrganisationFactory,
    ProgramFactory,
    StartupProfileFactory,
)
from tests.workers import BROKER_DOWN, celery_broker

pytestmark = pytest.mark.django_db


def found(text: str = "", **filters) -> list[str]:
    query = SearchQuery(text=text, filters={k: tuple(v) for k, v in filters.items()}, page_size=100)
    return [hit.title for hit in get_search_backend().search(query).hits]


def entry(obj, doc_type):
    return SearchEntry.objects.filter(doc_type=doc_type, object_id=obj.pk).first()


def test_saving_indexes_on_commit_and_not_before(committed):
    with committed():
        need = NeedFactory(title="Giám sát chất lượng không khí")
        assert entry(need, "need") is None  # nothing is sent before the transaction commits
    assert found("khong khi") == ["Giám sát chất lượng không khí"]
    record = IndexRecord.objects.get(doc_type="need", object_id=need.pk)
    assert record.version == need.updated_at


def test_updates_and_deletes_follow(committed):
    with committed():
        capability = CapabilityFactory(title="Phòng sạch vi mạch")
    with committed():
        capability.title = "Phòng sạch bán dẫn"
        capability.save()
    assert found("phong sach") == ["Phòng sạch bán dẫn"]
    with committed():
        capability.delete()
    assert found("phong sach") == []
    assert not IndexRecord.objects.filter(doc_type="capability", object_id=capability.pk).exists()


def test_an_organisation_going_private_takes_its_content_out_of_results(committed, taxonomies):
    with committed():
        profile = StartupProfileFactory(organisation__name="Nông Trại Số")
        need = NeedFactory(organisation=profile.organisation, title="Cần cảm biến đất")
    assert "Nông Trại Số" in found("nong trai") and found("cam bien dat") == ["Cần cảm biến đất"]
    with committed():
        profile.organisation.is_public = False
        profile.organisation.save()
    assert found("nong trai") == [] and found("cam bien dat") == []
    assert entry(need, "need").is_public is False  # still indexed, filtered when searching


def test_relations_changed_without_a_save_are_indexed(committed, taxonomies):
    with committed():
        profile = StartupProfileFactory(organisation__name="Fishy")
    with committed():
        profile.sectors.add(Sector.objects.get(slug="aquaculture"))
    assert found(sector=["agriculture"]) == ["Fishy"]


def test_program_publication_and_unpublication(committed):
    with committed():
        program = ProgramFactory(title="Quỹ đổi mới công nghệ", live=False)
    assert found("quy doi moi") == []
    with committed():
        program.live = True
        program.save()
    assert found("quy doi moi") == ["Quỹ đổi mới công nghệ"]


def test_a_deactivated_mentor_disappears_but_a_login_changes_nothing(committed, django_capture_on_commit_callbacks):
    with committed():
        offer = MentorOfferFactory(headline="Cố vấn logistics")
    with django_capture_on_commit_callbacks() as callbacks:
        offer.user.last_login = timezone.now()
        offer.user.save(update_fields=["last_login"])
    assert callbacks == []
    with committed():
        offer.user.is_active = False
        offer.user.save()
    assert found("co van logistics") == []


def test_a_startup_profile_replaces_its_organisation_document(committed):
    with committed():
        organisation = OrganisationFactory(name="Bamboo Robotics")
    assert entry(organisation, "organisation") is not None
    with committed():
        profile = StartupProfileFactory(organisation=organisation)
    assert entry(organisation, "organisation") is None
    assert entry(profile, "startup").title == "Bamboo Robotics"


def test_changes_rolled_back_are_not_indexed(committed):
    from django.db import transaction

    with committed():
        try:
            with transaction.atomic():
                NeedFactory(title="Never committed")
                raise RuntimeError
        except RuntimeError:
            pass
        NeedFactory(title="Committed need")
    assert found("committed") == ["Committed need"]


def test_a_broker_that_is_down_never_breaks_a_save(committed, caplog):
    with celery_broker(BROKER_DOWN), committed():
        need = NeedFactory(title="Saved while the broker is down")
    assert "sweeper will catch up" in caplog.text
    assert entry(need, "need") is None
    assert search_index_sweep().indexed >= 1
    assert found("broker") == ["Saved while the broker is down"]


def test_the_sweeper_repairs_lost_updates_and_deletes(committed):
    with committed():
        kept, gone = NeedFactory(title="Bảo trì dự đoán"), NeedFactory(title="Sắp bị xoá")
    search_index_sweep()  # whatever the test database held before (Wagtail's first page) is indexed now
    # Changes made behind the signals' back, as a bulk update or a lost task would leave them.
    type(kept).objects.filter(pk=kept.pk).update(title="Bảo trì dự báo", updated_at=timezone.now())
    type(gone).objects.filter(pk=gone.pk).delete()
    assert "Sắp bị xoá" in found()
    outcome = search_index_sweep()
    assert (outcome.indexed, outcome.deleted) == (1, 1)
    assert found("bao tri") == ["Bảo trì dự báo"]
    assert "Sắp bị xoá" not in found()
    assert search_index_sweep().indexed == 0  # nothing left to repair


def test_rebuild_command_shows_progress_and_a_summary(committed):
    NeedFactory(title="Indexed by the rebuild only")  # no commit: only the rebuild can index it
    SearchEntry.objects.create(
        doc_type="need", object_id=999999, title="Stale", url="/", title_folded="stale", title_exact="stale",
        published_at=timezone.now(),
    )  # fmt: skip
    out, err = StringIO(), StringIO()
    call_command("search_rebuild", stdout=out, stderr=err)
    assert "search_rebuild [" in err.getvalue() and "ETA" in err.getvalue()
    assert "documents indexed (database backend)" in out.getvalue()
    assert found("rebuild") == ["Indexed by the rebuild only"]
    assert "Stale" not in found()
    assert IndexRecord.objects.filter(doc_type="need").count() == SearchEntry.objects.filter(doc_type="need").count()
    out = StringIO()
    call_command("search_rebuild", "--changed-only", stdout=out)
    assert "0 indexed, 0 removed" in out.getvalue()


def test_enqueue_ignores_missing_ids(committed):
    with committed():
        search_index_enqueue(changes={"ecosystem.need": [None, 123456]})
    assert found() == []


def test_the_sweeper_is_scheduled_every_five_minutes():
    from importlib import import_module

    from django.apps import apps
    from django_celery_beat.models import PeriodicTask

    # Transactional tests empty the tables the migration filled: run its function again, twice (idempotent).
    migration = import_module("search.migrations.0002_sweeper_schedule")
    schedule = migration.Migration.operations[0].code
    schedule(apps, None)
    schedule(apps, None)
    task = PeriodicTask.objects.get(task="search.tasks.search_sweep")
    assert task.enabled and (task.interval.every, task.interval.period) == (5, "minutes")
