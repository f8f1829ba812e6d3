"""The "My matches" page: each match with its fit label, its reasons in the reader's language, the
eligibility checklist and deadline of funding calls; tabs, filters, sorting and paging; a bounded
number of queries however many matches there are."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.translation import gettext

from ecosystem.models import OrganisationKind, Role, Sector, Stage
from matching.models import MatchKind
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
from tests.factories.matching import MatchFactory

pytestmark = pytest.mark.django_db

MATCHES = reverse("matching:match_list")


@pytest.fixture
def member():
    return UserFactory()


@pytest.fixture
def startup(member):
    profile = StartupProfileFactory(
        organisation=OrganisationFactory(name="Tôm Xanh JSC", kind=OrganisationKind.STARTUP),
        stage=Stage.objects.get(slug="idea"),
    )
    profile.sectors.set(Sector.objects.filter(slug="aquaculture"))
    MembershipFactory(organisation=profile.organisation, user=member, role=Role.OWNER)
    return profile.organisation


def _page(client, user, path=MATCHES, **query) -> str:
    client.force_login(user)
    response = client.get(path, query)
    assert response.status_code == 200
    return response.content.decode()


def _titles(html: str) -> list[str]:
    return re.findall(r'<li class="card match-card"[^>]*>\s*<h2><a href="[^"]*">([^<]*)</a>', html)


def test_a_funding_match_shows_its_label_reasons_checklist_and_deadline(client, member, startup):
    program = ProgramFactory(title="Quỹ đổi mới thủy sản", closes_at=timezone.now() + timedelta(days=20))
    program.eligible_stages.set(Stage.objects.filter(slug="mvp"))
    program.save()  # parental relations are written on save
    MatchFactory(
        kind=MatchKind.FUNDING,
        organisation=startup,
        program=program,
        score=0.82,
        reasons=[
            {"code": "shared_terms", "params": {"terms": ["nuôi tôm", "cảm biến"]}, "weight": 0.6},
            {"code": "criteria_unknown", "params": {"criteria": ["stage"]}, "weight": -1},
            {"code": "no_such_code", "params": {}, "weight": 9},  # a newer engine's reason: left out
        ],
    )
    html = _page(client, member, tab="funding")
    assert "Quỹ đổi mới thủy sản" in html
    assert 'data-score-level="excellent"' in html
    with translation.override("vi"):
        shared = format_html(gettext("You both focus on {terms}."), terms="nuôi tôm, cảm biến")
        stage, not_met = gettext("Stage"), gettext("Not met")
    assert str(shared) in html
    # The checklist: the call wants an MVP, the startup is at the idea stage.
    assert stage in html and not_met in html and 'data-outcome="fail"' in html
    assert f'datetime="{timezone.localtime(program.closes_at).isoformat()}"' in html or "<time" in html


def test_a_reason_reads_in_vietnamese_at_the_root_and_in_english_under_en(client, member, startup):
    MatchFactory(
        kind=MatchKind.COLLABORATION,
        organisation=startup,
        capability=CapabilityFactory(title="Phòng thí nghiệm nuôi trồng"),
        reasons=[{"code": "sector_match", "params": {"sectors": ["aquaculture"]}, "weight": 0.1}],
    )
    vietnamese = _page(client, member, tab="partners")
    english = _page(client, member, path="/en/me/matches/", tab="partners")
    assert "Same sectors: Aquaculture." in english
    assert "Nuôi trồng thủy sản" in vietnamese and "Aquaculture" not in vietnamese
    with translation.override("vi"):
        expected = format_html(gettext("Same sectors: {sectors}."), sectors="Nuôi trồng thủy sản")
    assert str(expected) in vietnamese


def test_reason_parameters_are_escaped(client, member, startup):
    MatchFactory(
        kind=MatchKind.FUNDING,
        organisation=startup,
        reasons=[{"code": "shared_terms", "params": {"terms": ["<script>alert(1)</script>"]}, "weight": 1}],
    )
    html = _page(client, member, tab="funding")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_labels_follow_the_score(client, member, startup):
    for score in (0.9, 0.5, 0.1):
        MatchFactory(kind=MatchKind.FUNDING, organisation=startup, score=score)
    html = _page(client, member, tab="funding")
    assert re.findall(r'data-score-level="(\w+)"', html) == ["excellent", "good", "possible"]


def test_closing_soon_and_sector_filters(client, member, startup):
    soon = ProgramFactory(title="Sắp đóng", closes_at=timezone.now() + timedelta(days=5))
    later = ProgramFactory(title="Còn lâu", closes_at=timezone.now() + timedelta(days=60))
    health = ProgramFactory(title="Chỉ cho y tế", closes_at=timezone.now() + timedelta(days=60))
    health.eligible_sectors.set(Sector.objects.filter(slug="health"))
    health.save()
    farming = ProgramFactory(title="Cho nông nghiệp", closes_at=timezone.now() + timedelta(days=60))
    farming.eligible_sectors.set(Sector.objects.filter(slug="aquaculture"))
    farming.save()
    for program in (soon, later, health, farming):
        MatchFactory(kind=MatchKind.FUNDING, organisation=startup, program=program)

    assert _titles(_page(client, member, tab="funding", closing_soon="on")) == ["Sắp đóng"]
    in_agriculture = _titles(_page(client, member, tab="funding", sector="agriculture"))
    # A parent sector takes its sub-sectors; calls open to every sector fit any sector.
    assert set(in_agriculture) == {"Sắp đóng", "Còn lâu", "Cho nông nghiệp"}


def test_sorting_by_fit_deadline_and_newest(client, member, startup):
    first = ProgramFactory(title="Hạn xa, điểm cao", closes_at=timezone.now() + timedelta(days=50))
    second = ProgramFactory(title="Hạn gần, điểm thấp", closes_at=timezone.now() + timedelta(days=3))
    third = ProgramFactory(title="Không hạn, mới nhất", closes_at=None)
    for program, score in ((first, 0.9), (second, 0.3), (third, 0.5)):
        MatchFactory(kind=MatchKind.FUNDING, organisation=startup, program=program, score=score)

    assert _titles(_page(client, member, tab="funding")) == [first.title, third.title, second.title]
    assert _titles(_page(client, member, tab="funding", sort="deadline")) == [second.title, first.title, third.title]
    assert _titles(_page(client, member, tab="funding", sort="newest")) == [third.title, second.title, first.title]


def test_bad_query_strings_fall_back_to_the_defaults(client, member, startup):
    MatchFactory(kind=MatchKind.FUNDING, organisation=startup, program=ProgramFactory(title="Vẫn hiện"))
    html = _page(
        client,
        member,
        tab="nope",
        sort="'; drop table",
        sector="no-such-sector",
        page="x",
        show="all",
    )
    assert _titles(html) == ["Vẫn hiện"]


def test_tabs_show_each_side_what_it_can_act_on(client, member, startup):
    mentor = MentorOfferFactory()
    MatchFactory(kind=MatchKind.MENTORING, organisation=startup, mentor=mentor)
    # The mentor sees the startup under "Mentees".
    mentor_page = _page(client, mentor.user, path="/en/me/matches/", tab="mentoring")
    assert "Mentees" in mentor_page and "Tôm Xanh JSC" in _titles(mentor_page)

    researcher = UserFactory()
    capability = CapabilityFactory(owner=researcher, title="Đo điện năng")
    need = NeedFactory(title="Giám sát điện nhà xưởng", deadline=timezone.localdate() + timedelta(days=5))
    MembershipFactory(organisation=need.organisation, user=need.posted_by, role=Role.OWNER)
    MatchFactory(kind=MatchKind.NEED, need=need, capability=capability)
    assert _titles(_page(client, researcher, tab="needs")) == ["Giám sát điện nhà xưởng"]
    assert _titles(_page(client, researcher, tab="needs", sort="deadline", closing_soon="on")) == [
        "Giám sát điện nhà xưởng"
    ]
    assert _titles(_page(client, need.posted_by, tab="capabilities")) == ["Đo điện năng"]
    # Someone else's matches are nowhere on a stranger's page.
    stranger_page = _page(client, UserFactory(), tab="needs")
    assert _titles(stranger_page) == []


def test_the_page_is_paginated(client, member, startup):
    for _number in range(23):
        MatchFactory(kind=MatchKind.COLLABORATION, organisation=startup)
    assert len(_titles(_page(client, member, tab="partners"))) == 20
    assert len(_titles(_page(client, member, tab="partners", page=2))) == 3


def test_the_dashboard_and_the_header_link_to_my_matches(client, member):
    html = _page(client, member, path=reverse("accounts:dashboard"))
    assert html.count(f'href="{MATCHES}"') >= 2
    client.logout()
    assert f'href="{MATCHES}"' not in client.get("/en/programs/").content.decode()


# Twenty today, the same for 5 matches or 25: session and user, the sector vocabulary, the tab
# counts, count and rows, the checklist's prefetches (stages, sectors, locations of the calls; the
# startup's sectors and their parents), the reasons' sector names, the page's introductions, the
# person's memberships, the kinds' score scales (the labels), and the site's own (Wagtail site and
# locale, notifications, footer, savepoints).
MAX_QUERIES = 25


def _funding_matches(startup, count):
    stages = Stage.objects.filter(slug__in=["mvp", "growth"])
    sectors = Sector.objects.filter(slug__in=["aquaculture", "smart-farming"])
    for _number in range(count):
        program = ProgramFactory()
        program.eligible_stages.set(stages)
        program.eligible_sectors.set(sectors)
        program.save()
        MatchFactory(
            kind=MatchKind.FUNDING,
            organisation=startup,
            program=program,
            reasons=[
                {"code": "sector_match", "params": {"sectors": ["aquaculture"]}, "weight": 0.2},
                {"code": "criteria_met", "params": {"criteria": ["sector"]}, "weight": 0.1},
            ],
        )


@pytest.mark.parametrize("count", [5, 25])
def test_the_funding_tab_runs_a_bounded_number_of_queries(
    client, member, startup, count, django_assert_max_num_queries
):
    _funding_matches(startup, count)
    client.force_login(member)
    client.get(MATCHES)  # the site's first-use rows (settings, menus) are created outside the count
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(MATCHES, {"tab": "funding"})
    assert len(_titles(response.content.decode())) == min(count, 20)


@pytest.mark.parametrize("count", [5, 25])
def test_the_partner_and_mentor_tabs_run_a_bounded_number_of_queries(
    client, member, startup, count, django_assert_max_num_queries
):
    for _number in range(count):
        MatchFactory(kind=MatchKind.COLLABORATION, organisation=startup)
        MatchFactory(kind=MatchKind.MENTORING, organisation=startup)
    client.force_login(member)
    client.get(MATCHES)
    for tab in ("partners", "mentoring"):
        with django_assert_max_num_queries(MAX_QUERIES):
            response = client.get(MATCHES, {"tab": tab, "sort": "newest"})
        assert len(_titles(response.content.decode())) == min(count, 20)
