"""The outreach page runs a bounded number of queries: the same bound for 5 organisations and for 60."""

import pytest
from django.urls import reverse

from ecosystem.models import Location, OrganisationKind, Sector, Stage
from tests.factories import MatchFactory, ProgramFactory, StartupProfileFactory, officer_of

pytestmark = pytest.mark.django_db

# The page's own: the program with its criteria (4), moderator check and role (2), the match rows
# with profiles and their sectors (2), invitations (1), names of the sectors the reasons mention (1).
# The site's: session and user, Wagtail site, locale and menu, notifications badge, footer
# settings (created on first use), savepoints. 24 today, for 5 rows as for 60.
MAX_QUERIES = 26


def make_listed(program, count, sectors):
    for number in range(count):
        profile = StartupProfileFactory(
            stage=Stage.objects.get(slug="mvp"), location=Location.objects.first(), team_size=5
        )
        profile.sectors.set(sectors)
        MatchFactory(
            program=program,
            organisation=profile.organisation,
            score=0.9 - number / 1000,
            reasons=[
                {"code": "sector_match", "params": {"sectors": [s.slug for s in sectors]}, "weight": 0.2},
                {"code": "shared_terms", "params": {"terms": ["cảm biến", "nước"]}, "weight": 0.5},
            ],
        )


@pytest.mark.parametrize("count", [5, 60])
def test_outreach_page_query_count_does_not_grow_with_the_list(client, django_assert_max_num_queries, count):
    program = ProgramFactory(eligible_kinds=[OrganisationKind.STARTUP], max_team_size=20)
    program.eligible_stages.set(Stage.objects.filter(slug="mvp"))
    sectors = list(Sector.objects.filter(parent__isnull=False).order_by("pk")[:2])
    # A program open to whole sectors takes startups in any of their sub-sectors.
    program.eligible_sectors.set({sector.parent for sector in sectors})
    program.save()
    make_listed(program, count, sectors)
    client.force_login(officer_of(program.agency))
    url = reverse("matching:outreach_list", kwargs={"slug": program.slug})

    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url, {"page": 2 if count > 25 else 1})

    assert response.status_code == 200
    assert response.context["total"] == count
