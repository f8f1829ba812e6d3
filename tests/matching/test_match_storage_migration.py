"""Migration 0008 (slimmer match indexes) keeps every match, with its states and list places."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import CapabilityFactory, StartupProfileFactory

BEFORE = ("matching", "0007_introduction_expiry_task_moved")
AFTER = ("matching", "0008_slim_match_indexes")


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


@pytest.fixture(autouse=True)
def _latest_schema_afterwards():
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())  # the next tests expect every migration


@pytest.mark.django_db(transaction=True)
def test_saved_and_dismissed_matches_survive_the_index_migration():
    startup = StartupProfileFactory().organisation
    capabilities = [CapabilityFactory(), CapabilityFactory()]
    apps = _migrate(BEFORE)
    Match = apps.get_model("matching", "Match")
    Match.objects.all().delete()  # what saving the profiles computed: only the two rows below count
    for capability, state, rank in zip(capabilities, ["saved", "dismissed"], [1, None], strict=True):
        Match.objects.create(
            key=f"collaboration:{startup.pk}:{capability.pk}", kind="collaboration", organisation_id=startup.pk,
            capability_id=capability.pk, score=0.5, model_version="v", seeker_rank=rank, seeker_state=state,
            is_current=rank is not None, reasons=[{"code": "shared_terms", "params": {"terms": ["camera"]}}],
        )  # fmt: skip
    apps = _migrate(AFTER)
    Match = apps.get_model("matching", "Match")
    kept = {m.capability_id: (m.seeker_state, m.seeker_rank, m.is_current, m.reasons) for m in Match.objects.all()}
    assert kept == {
        capabilities[0].pk: ("saved", 1, True, [{"code": "shared_terms", "params": {"terms": ["camera"]}}]),
        capabilities[1].pk: ("dismissed", None, False, [{"code": "shared_terms", "params": {"terms": ["camera"]}}]),
    }
    with connection.cursor() as cursor:
        indexes = set(connection.introspection.get_constraints(cursor, "matching_match"))
    assert {"match_key_unique", "match_org_kind_score", "match_capability_score"} <= indexes
