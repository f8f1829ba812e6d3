"""Hiding reaches every place content shows: search (page, API, suggestions) and matches, on commit and
by the sweepers; unhiding brings it back. Celery runs in-process here (no broker configured)."""

import pytest

from ecosystem.models import OrganisationKind
from ecosystem.services.moderation import content_hide, content_unhide
from matching.models import Match, MatchKind
from matching.pipeline.recompute import matches_rebuild_all
from search.services import search_index_sweep
from tests.ecosystem.imports_support import make_moderator
from tests.factories import CapabilityFactory, OrganisationFactory, StartupProfileFactory

pytestmark = pytest.mark.django_db

LAB = "Phòng thí nghiệm cảm biến độ ẩm đất"


@pytest.fixture
def moderator():
    return make_moderator()


@pytest.fixture
def world(committed, taxonomies):
    with committed():
        startup = StartupProfileFactory(
            organisation=OrganisationFactory(name="Nông Trại Số"), pitch="Cảm biến độ ẩm đất cho ruộng lúa"
        ).organisation
        university = OrganisationFactory(name="Đại học Cần Thơ", kind=OrganisationKind.UNIVERSITY)
        lab = CapabilityFactory(organisation=university, title=LAB, description="Đo độ ẩm đất cho ruộng lúa")
    matches_rebuild_all()
    return {"startup": startup, "university": university, "lab": lab}


def _listed(client) -> list[str]:
    body = client.get("/api/search/", {"q": "cam bien do am dat"}).json()
    return [result["title"] for result in body["results"]]


def _suggested(client) -> str:
    return client.get("/api/search/suggest/", {"q": "phong thi nghiem cam"}).content.decode()


def _matched(world) -> bool:
    rows = Match.objects.filter(
        organisation=world["startup"], capability=world["lab"], kind=MatchKind.COLLABORATION, seeker_rank__isnull=False
    )
    return rows.exists()


@pytest.mark.parametrize("what", ["lab", "university"])
def test_hidden_content_leaves_search_and_matches_and_comes_back_when_unhidden(
    client, committed, moderator, world, what
):
    assert LAB in _listed(client) and LAB in _suggested(client) and _matched(world)

    with committed():
        content_hide(user=moderator, content=world[what], reason="Thông tin sai")

    assert LAB not in _listed(client) and LAB not in _suggested(client)
    assert LAB not in client.get("/search/", {"q": "cam bien do am dat"}).content.decode()
    assert not _matched(world)

    with committed():
        content_unhide(user=moderator, content=world[what])

    assert LAB in _listed(client) and _matched(world)


def test_the_sweeper_catches_a_hiding_whose_indexing_was_never_queued(
    client, moderator, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):  # the broker lost the message
        content_hide(user=moderator, content=world["lab"], reason="Thông tin sai")

    search_index_sweep()

    assert LAB not in _listed(client)


def test_a_university_gone_private_takes_its_capabilities_out_of_search_and_matches(client, committed, world):
    with committed():
        world["university"].is_public = False
        world["university"].save()

    assert LAB not in _listed(client) and not _matched(world)
