"""List pages run a bounded number of queries whatever the page size: the same bound holds for a
page of 5 items and for a page of 50 (all shown on one page), for visitors and for members."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ecosystem.models import Location, OrganisationKind, Role, Sector, Stage, Technology
from tests.factories import (
    CapabilityFactory,
    MembershipFactory,
    MentorOfferFactory,
    NeedFactory,
    OrganisationFactory,
    ProgramFactory,
    StartupProfileFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# The page's own: moderator check, filter vocabularies (up to 3), count, rows, prefetched sectors.
# The site's: session and user, Wagtail site, locale and menu, footer settings (created on first
# use), transaction savepoints.
MAX_QUERIES = 20


def _tag(item, *relations):
    sectors = list(Sector.objects.all()[:3])
    for relation in relations:
        if relation == "technologies":
            getattr(item, relation).set(Technology.objects.all()[:2])
        else:
            getattr(item, relation).set(sectors)


def make_startups(count, member):
    for number in range(count):
        profile = StartupProfileFactory(
            stage=Stage.objects.first(), location=Location.objects.first(), seeking=["funding"]
        )
        _tag(profile, "sectors", "technologies")
        if number % 2:
            MembershipFactory(organisation=profile.organisation, user=member, role=Role.OWNER)


def make_capabilities(count, member):
    for number in range(count):
        capability = CapabilityFactory(organisation=None if number % 3 else OrganisationFactory(kind="university"))
        _tag(capability, "research_areas", "technologies")
        if number % 2:
            capability.owner = member
            capability.save()


def make_mentors(count, member):
    for _number in range(count):
        _tag(MentorOfferFactory(), "sectors")


def make_needs(count, member):
    for number in range(count):
        need = NeedFactory(deadline=timezone.localdate() + timedelta(days=number - 10))
        _tag(need, "sectors", "technologies")


def make_programs(count, member):
    for number in range(count):
        program = ProgramFactory(closes_at=timezone.now() + timedelta(days=number - 5))
        program.eligible_sectors.set(Sector.objects.all()[:2])
        program.save()


DIRECTORIES = {
    "startup_list": make_startups,
    "capability_list": make_capabilities,
    "mentor_list": make_mentors,
    "need_list": make_needs,
    "program_list": make_programs,
}


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "member"])
@pytest.mark.parametrize("count", [5, 50])
@pytest.mark.parametrize("name", list(DIRECTORIES))
def test_list_pages_run_a_bounded_number_of_queries(
    client, taxonomies, monkeypatch, django_assert_max_num_queries, name, count, signed_in
):
    monkeypatch.setattr("ecosystem.views.directories.PAGE_SIZE", 100)
    member = UserFactory()
    DIRECTORIES[name](count, member)
    if signed_in:
        client.force_login(member)
    url = reverse(f"ecosystem:{name}")
    parent_sector = Sector.objects.filter(parent=None).first().slug

    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url, {"sector": parent_sector})

    assert response.status_code == 200
    assert len(response.context["page"].object_list) <= count


@pytest.mark.parametrize("name", list(DIRECTORIES))
def test_the_query_count_does_not_grow_with_the_page(client, taxonomies, monkeypatch, name):
    monkeypatch.setattr("ecosystem.views.directories.PAGE_SIZE", 100)
    member = UserFactory()
    client.force_login(member)
    url = reverse(f"ecosystem:{name}")
    client.get(url)  # settle one-off work (site settings created on first use)

    DIRECTORIES[name](5, member)
    with CaptureQueriesContext(connection) as few:
        assert len(client.get(url).context["page"].object_list) == 5
    DIRECTORIES[name](45, member)
    with CaptureQueriesContext(connection) as many:
        assert len(client.get(url).context["page"].object_list) == 50

    assert len(many) == len(few)


def test_the_home_page_counts_in_one_query(django_assert_num_queries, taxonomies):
    from ecosystem.selectors.overview import ecosystem_counts

    for _number in range(3):
        StartupProfileFactory()
        NeedFactory()
    ProgramFactory()
    MentorOfferFactory(is_paused=True)
    MentorOfferFactory()
    CapabilityFactory(is_public=False)

    with django_assert_num_queries(1):
        counts = ecosystem_counts()

    assert counts == {"startups": 3, "capabilities": 0, "mentors": 1, "needs": 3, "programs": 1}


def test_the_eligibility_checklists_do_not_multiply_queries(client, taxonomies):
    program = ProgramFactory(eligible_kinds=[OrganisationKind.STARTUP], max_team_size=5)
    program.eligible_sectors.set(Sector.objects.all()[:2])
    program.eligible_stages.set(Stage.objects.all()[:2])
    program.save()
    member = UserFactory()
    client.force_login(member)
    url = program.get_absolute_url()
    client.get(url)  # settle one-off work (site settings created on first use)

    def add_startups(count):
        for _number in range(count):
            profile = StartupProfileFactory(stage=Stage.objects.first(), team_size=3)
            profile.sectors.set(Sector.objects.filter(parent__isnull=False)[:3])
            MembershipFactory(organisation=profile.organisation, user=member, role=Role.OWNER)

    add_startups(1)
    with CaptureQueriesContext(connection) as one:
        assert len(client.get(url).context["checklists"]) == 1
    add_startups(5)
    with CaptureQueriesContext(connection) as six:
        assert len(client.get(url).context["checklists"]) == 6

    assert len(six) == len(one)
