"""The public directories: each filter narrows, filters combine, bad values are ignored, pages
keep the filters, and the detail pages show what they promise."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ecosystem.models import Location, OrganisationKind, ProgramKind, Sector, Stage
from tests.factories import (
    CapabilityFactory,
    MembershipFactory,
    MentorOfferFactory,
    NeedFactory,
    ProgramFactory,
    StartupProfileFactory,
)

pytestmark = pytest.mark.django_db


def listed(client, name, **params) -> str:
    response = client.get(reverse(f"ecosystem:{name}"), params)
    assert response.status_code == 200
    return response.content.decode()


def sector(slug):
    return Sector.objects.get(slug=slug)


def startup(name, *, sectors=(), **fields):
    profile = StartupProfileFactory(organisation__name=name, **fields)
    profile.sectors.set([sector(slug) for slug in sectors])
    return profile


# -- Startups -----------------------------------------------------------------------------------


@pytest.fixture
def startups(taxonomies):
    return {
        "shrimp": startup(
            "Shrimp Sense",
            sectors=["aquaculture"],
            location=Location.objects.get(slug="can-tho"),
            stage=Stage.objects.get(slug="mvp"),
            seeking=["funding", "pilot_customer"],
        ),
        "farm": startup(
            "Farm Eye",
            sectors=["smart-farming"],
            location=Location.objects.get(slug="ho-chi-minh"),
            stage=Stage.objects.get(slug="mvp"),
            seeking=["mentoring"],
        ),
        "clinic": startup(
            "Clinic Queue",
            sectors=["health"],
            location=Location.objects.get(slug="ho-chi-minh"),
            stage=Stage.objects.get(slug="growth"),
            seeking=["funding"],
        ),
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"Shrimp Sense", "Farm Eye", "Clinic Queue"}),
        ({"sector": "aquaculture"}, {"Shrimp Sense"}),
        # A parent sector includes its sub-sectors.
        ({"sector": "agriculture"}, {"Shrimp Sense", "Farm Eye"}),
        ({"location": "ho-chi-minh"}, {"Farm Eye", "Clinic Queue"}),
        ({"stage": "mvp"}, {"Shrimp Sense", "Farm Eye"}),
        ({"seeking": "funding"}, {"Shrimp Sense", "Clinic Queue"}),
        ({"seeking": "funding", "location": "ho-chi-minh"}, {"Clinic Queue"}),
        ({"sector": "agriculture", "stage": "mvp", "seeking": "mentoring"}, {"Farm Eye"}),
        ({"sector": "agriculture", "stage": "growth"}, set()),
    ],
)
def test_startup_filters(client, startups, params, expected):
    html = listed(client, "startup_list", **params)
    assert {name for name in ("Shrimp Sense", "Farm Eye", "Clinic Queue") if name in html} == expected


def test_invalid_filter_values_are_ignored_and_explained(client, startups):
    html = listed(client, "startup_list", sector="no-such-sector", stage="mvp", seeking="gold", page="x")

    # The readable filter still applies; the unreadable ones are left out and marked.
    assert "Shrimp Sense" in html and "Farm Eye" in html
    assert "Clinic Queue" not in html
    assert 'class="errorlist' in html


def test_filter_values_that_are_not_text_do_not_fail(client, startups):
    response = client.get(reverse("ecosystem:startup_list") + "?sector=%00&sector=agriculture&location[]=x")
    assert response.status_code == 200


def test_pagination_keeps_the_filters(client, taxonomies, monkeypatch):
    monkeypatch.setattr("ecosystem.views.directories.PAGE_SIZE", 2)
    for number in range(5):
        startup(f"Agri {number}", sectors=["smart-farming"])
    startup("Clinic", sectors=["health"])

    first = listed(client, "startup_list", sector="agriculture")
    assert "?sector=agriculture&amp;page=2" in first

    last = listed(client, "startup_list", sector="agriculture", page=3)
    assert "Agri" in last and "Clinic" not in last
    assert "?sector=agriculture&amp;page=2" in last


def test_the_directory_is_bilingual(client, startups):
    vietnamese = listed(client, "startup_list")
    english = client.get("/en/startups/").content.decode()

    assert "Nuôi trồng thủy sản" in vietnamese
    assert "Aquaculture" in english


# -- Capabilities -------------------------------------------------------------------------------


@pytest.fixture
def capabilities(taxonomies):
    lab = CapabilityFactory(title="Vision lab", kind="expertise", trl=3)
    lab.research_areas.set([sector("smart-farming")])
    rig = CapabilityFactory(title="Test rig", kind="facility", trl=7)
    rig.research_areas.set([sector("health")])
    patent = CapabilityFactory(title="Patent", kind="licensing", trl=None, organisation=None)
    patent.research_areas.set([sector("agriculture")])
    return lab, rig, patent


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "facility"}, {"Test rig"}),
        ({"sector": "agriculture"}, {"Vision lab", "Patent"}),
        ({"sector": "smart-farming"}, {"Vision lab"}),
        ({"trl_min": 5}, {"Test rig"}),
        ({"trl_max": 5}, {"Vision lab"}),
        ({"trl_min": 2, "trl_max": 8}, {"Vision lab", "Test rig"}),
        ({"kind": "expertise", "sector": "health"}, set()),
        # Unreadable values are left out: nothing is filtered.
        ({"kind": "magic", "trl_min": "abc"}, {"Vision lab", "Test rig", "Patent"}),
        # An inverted range keeps the lower bound only and says so.
        ({"trl_min": 5, "trl_max": 2}, {"Test rig"}),
    ],
)
def test_capability_filters(client, capabilities, params, expected):
    html = listed(client, "capability_list", **params)
    assert {title for title in ("Vision lab", "Test rig", "Patent") if title in html} == expected


# -- Mentors ------------------------------------------------------------------------------------


@pytest.fixture
def mentors(taxonomies):
    farmer = MentorOfferFactory(headline="Farming mentor", languages=["vi"])
    farmer.sectors.set([sector("aquaculture")])
    doctor = MentorOfferFactory(headline="Health mentor", languages=["en", "fr"], is_paused=True)
    doctor.sectors.set([sector("health")])
    return farmer, doctor


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"Farming mentor", "Health mentor"}),
        ({"sector": "agriculture"}, {"Farming mentor"}),
        ({"language": "fr"}, {"Health mentor"}),
        ({"available": "on"}, {"Farming mentor"}),
        ({"language": "en", "available": "on"}, set()),
        ({"language": "klingon"}, {"Farming mentor", "Health mentor"}),
    ],
)
def test_mentor_filters(client, mentors, params, expected):
    html = listed(client, "mentor_list", **params)
    assert {headline for headline in ("Farming mentor", "Health mentor") if headline in html} == expected


def test_mentor_cards_never_show_email_addresses(client, taxonomies):
    offer = MentorOfferFactory(user__display_name="")
    assert offer.user.email not in listed(client, "mentor_list")


# -- Needs --------------------------------------------------------------------------------------


@pytest.fixture
def needs(taxonomies):
    today = timezone.localdate()
    energy = NeedFactory(title="Energy", respondent_kinds=["startup"])
    energy.sectors.set([sector("smart-farming")])
    water = NeedFactory(title="Water", deadline=today - timedelta(days=1), respondent_kinds=["university"])
    water.sectors.set([sector("aquaculture")])
    NeedFactory(title="Anything", deadline=None, respondent_kinds=[])
    return energy, water


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"sector": "agriculture"}, {"Energy", "Water"}),
        ({"status": "open"}, {"Energy", "Anything"}),
        ({"status": "closed"}, {"Water"}),
        # An empty list of respondents means anyone may respond.
        ({"respondent": "university"}, {"Water", "Anything"}),
        ({"respondent": "university", "status": "open"}, {"Anything"}),
        ({"status": "sometimes", "respondent": "aliens"}, {"Energy", "Water", "Anything"}),
    ],
)
def test_need_filters(client, needs, params, expected):
    html = listed(client, "need_list", **params)
    assert {title for title in ("Energy", "Water", "Anything") if f">{title}<" in html} == expected


def test_open_needs_come_before_closed_ones(client, needs):
    html = listed(client, "need_list")
    assert html.index(">Energy<") < html.index(">Anything<") < html.index(">Water<")


# -- Programs -----------------------------------------------------------------------------------


def days(number):
    return timezone.now() + timedelta(days=number)


@pytest.fixture
def programs(taxonomies):
    open_late = ProgramFactory(title="Alpha late", closes_at=days(60))
    closing = ProgramFactory(title="Beta closing", kind=ProgramKind.LOAN, closes_at=days(3))
    coming = ProgramFactory(title="Gamma coming", opens_at=days(5), closes_at=days(40))
    closed = ProgramFactory(title="Delta closed", opens_at=days(-40), closes_at=days(-2))
    open_late.eligible_sectors.set([sector("agriculture")])
    closing.eligible_sectors.set([sector("health")])
    closing.eligible_locations.set([Location.objects.get(slug="ha-noi")])
    coming.eligible_locations.set([Location.objects.get(slug="ho-chi-minh")])
    for program in (open_late, closing, coming):
        program.save()  # Parental many-to-many relations are written when the program is saved.
    return open_late, closing, coming, closed


TITLES = ("Alpha late", "Beta closing", "Gamma coming", "Delta closed")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "loan"}, {"Beta closing"}),
        ({"status": "open"}, {"Alpha late", "Beta closing"}),
        ({"status": "closing_soon"}, {"Beta closing"}),
        ({"status": "forthcoming"}, {"Gamma coming"}),
        ({"status": "closed"}, {"Delta closed"}),
        # Programs open to every sector or location stay in: the person may apply.
        ({"sector": "smart-farming"}, {"Alpha late", "Gamma coming", "Delta closed"}),
        ({"sector": "health"}, {"Beta closing", "Gamma coming", "Delta closed"}),
        ({"location": "ho-chi-minh"}, {"Alpha late", "Gamma coming", "Delta closed"}),
        ({"location": "ha-noi", "status": "open"}, {"Alpha late", "Beta closing"}),
        ({"status": "someday", "kind": "lottery"}, set(TITLES)),
    ],
)
def test_program_filters(client, programs, params, expected):
    html = listed(client, "program_list", **params)
    assert {title for title in TITLES if f">{title}</a>" in html} == expected


def test_programs_are_ordered_open_first_closing_soonest(client, programs):
    html = listed(client, "program_list")
    positions = [
        html.index(f">{title}</a>") for title in ("Beta closing", "Alpha late", "Gamma coming", "Delta closed")
    ]
    assert positions == sorted(positions)


def test_program_cards_show_status_and_countdown(client, programs):
    html = client.get("/en/programs/").content.decode()
    assert "Closes in 3 days" in html
    assert "Closes in 60 days" in html
    assert "Opens in 5 days" in html
    assert 'class="badge badge-closing-soon">Closing soon<' in html
    assert '<time datetime="' in html


# -- Detail pages -------------------------------------------------------------------------------


def test_startup_page_shows_the_profile_and_hides_contacts_from_visitors(client, user, taxonomies):
    profile = startup(
        "Shrimp Sense",
        sectors=["aquaculture"],
        seeking=["funding"],
        funding_amount=1_500_000_000,
        links="https://shrimp.example.org",
        team_size=7,
    )
    profile.organisation.contact_email = "hello@shrimp.example.org"
    profile.organisation.save()
    url = profile.get_absolute_url()

    anonymous = client.get(url).content.decode()
    assert "Shrimp Sense" in anonymous and "Nuôi trồng thủy sản" in anonymous
    assert "1.500.000.000" in anonymous
    assert "https://shrimp.example.org" in anonymous
    assert "hello@shrimp.example.org" not in anonymous

    client.force_login(user)
    assert "hello@shrimp.example.org" in client.get(url).content.decode()
    assert "1,500,000,000" in client.get("/en" + url).content.decode()


@pytest.mark.parametrize("kind", ["capability", "mentor", "need"])
def test_personal_addresses_are_not_for_visitors_nor_for_signed_in_strangers(client, user, taxonomies, kind):
    # Signing in is not enough: see test_contact_privacy for who sees a person's address.
    item = {"capability": CapabilityFactory, "mentor": MentorOfferFactory, "need": NeedFactory}[kind]()
    email = {
        "capability": lambda: item.owner.email,
        "mentor": lambda: item.user.email,
        "need": lambda: item.posted_by.email,
    }[kind]()

    assert email not in client.get(item.get_absolute_url()).content.decode()
    client.force_login(user)
    assert email not in client.get(item.get_absolute_url()).content.decode()


def test_program_page(client, taxonomies):
    program = ProgramFactory(
        title="Smart farming grant",
        description="<p>Grants for <b>smart</b> farms.</p>",
        how_to_apply="<p>Send the form to the department.</p>",
        apply_url="https://apply.example.org",
        budget_total=10_000_000_000,
        max_award=500_000_000,
        closes_at=days(5),
        eligible_kinds=[OrganisationKind.STARTUP],
        max_team_size=20,
        trl_min=4,
        other_conditions="Must pilot in the province.",
    )
    program.eligible_sectors.set([sector("agriculture")])
    program.save()

    html = client.get("/en" + program.get_absolute_url()).content.decode()

    assert "Grants for <b>smart</b> farms." in html
    assert "Send the form to the department." in html
    assert "10,000,000,000" in html and "500,000,000" in html
    assert "Closing soon" in html
    assert "Closes in 5 days" in html
    assert f'datetime="{program.closes_at.astimezone(timezone.get_current_timezone()).isoformat()}"' in html
    assert "https://apply.example.org" in html
    # The criteria in plain words.
    assert "Startup" in html
    assert "Agriculture (any sub-sector)" in html
    assert "At most 20 people" in html
    assert "Level 4 or higher" in html
    assert "Must pilot in the province." in html
    assert "Sign in" in html


def test_program_page_of_a_program_without_dates(client):
    program = ProgramFactory(opens_at=None, closes_at=None)
    html = client.get("/en" + program.get_absolute_url()).content.decode()
    assert "rolling basis" in html
    assert "any organisation may apply" in html


def test_eligibility_checklist_for_a_signed_in_startup(client, taxonomies):
    program = ProgramFactory(
        eligible_kinds=[OrganisationKind.STARTUP],
        max_team_size=10,
        trl_min=5,
    )
    program.eligible_stages.set([Stage.objects.get(slug="mvp")])
    program.eligible_sectors.set([sector("agriculture")])
    program.save()
    profile = startup(
        "Shrimp Sense", sectors=["aquaculture"], team_size=25, stage=Stage.objects.get(slug="mvp"), trl=None
    )
    member = MembershipFactory(organisation=profile.organisation, role="owner").user
    client.force_login(member)

    response = client.get("/en" + program.get_absolute_url())
    html = response.content.decode()
    checklist = {row.criterion.value: row for row in response.context["checklists"][0].rows}

    assert {name: row.outcome.value for name, row in checklist.items()} == {
        "organisation_kind": "pass",
        "stage": "pass",
        "sector": "pass",
        "team_size": "fail",
        "trl": "unknown",
    }
    assert "Not eligible: 1 criterion is not met." in html
    assert 'data-outcome="pass"' in html and 'data-outcome="fail"' in html and 'data-outcome="unknown"' in html
    assert "Add your technology readiness level to the startup profile." in html
    assert reverse("ecosystem:startup_profile_edit", args=[profile.organisation.slug]) in html


def test_eligibility_of_a_startup_without_profile(client):
    program = ProgramFactory(eligible_kinds=[OrganisationKind.STARTUP], max_team_size=10)
    member = MembershipFactory(organisation__kind=OrganisationKind.STARTUP, role="member").user
    client.force_login(member)

    html = client.get("/en" + program.get_absolute_url()).content.decode()

    assert "Possibly eligible: 1 criterion cannot be checked yet." in html
    assert "Ask an administrator" in html


def test_signed_in_person_without_a_startup_is_invited_to_register(client, user):
    program = ProgramFactory()
    client.force_login(user)
    html = client.get("/en" + program.get_absolute_url()).content.decode()
    assert "Register an organisation" in html


@pytest.mark.parametrize("name", ["startup_list", "capability_list", "mentor_list", "need_list", "program_list"])
def test_empty_directories_say_so(client, name):
    response = client.get(reverse(f"ecosystem:{name}"))
    assert response.status_code == 200
    assert 'class="empty-state"' in response.content.decode()


def test_organisation_pages_still_live_under_organisations(client, organisation):
    assert reverse("ecosystem:organisation_detail", args=[organisation.slug]).startswith("/organisations/")
    assert client.get(reverse("ecosystem:organisation_list")).status_code == 200


def test_unknown_detail_pages_are_404(client):
    assert client.get("/startups/nobody/").status_code == 404
    assert client.get("/capabilities/999999/").status_code == 404
    assert client.get("/programs/nothing/").status_code == 404


# -- Home page ------------------------------------------------------------------------------------


@pytest.fixture
def home_page(db):
    from wagtail.models import Page, Site

    from cms.models import HomePage

    home = HomePage(title="Helix", slug="helix-home", hero_title="Helix")
    Page.get_first_root_node().add_child(instance=home)
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    return home


def test_home_page_shows_the_programs_closing_next_and_the_counts(client, home_page, taxonomies):
    for number in range(7):
        ProgramFactory(title=f"Call {number}", closes_at=days(number + 1))
    ProgramFactory(title="Call closed", opens_at=days(-9), closes_at=days(-1))
    ProgramFactory(title="Call coming", opens_at=days(3))
    StartupProfileFactory()
    NeedFactory()

    html = client.get("/en/").content.decode()

    shown = [f"Call {number}" for number in range(7) if f">Call {number}</a>" in html]
    assert shown == ["Call 0", "Call 1", "Call 2", "Call 3", "Call 4"]
    assert html.index(">Call 0</a>") < html.index(">Call 4</a>")
    assert "Closes tomorrow" in html
    assert "Call closed" not in html and "Call coming" not in html
    assert '<span class="stat-number">7</span> <span class="stat-label">open programs' in html
    assert '<span class="stat-number">1</span> <span class="stat-label">startups and SMEs' in html


def test_home_page_queries_do_not_grow_with_the_ecosystem(client, home_page, taxonomies):
    client.get("/")  # settle one-off work (site settings created on first use)
    ProgramFactory()
    with CaptureQueriesContext(connection) as few:
        client.get("/")
    for _number in range(6):
        ProgramFactory()
        StartupProfileFactory()
    with CaptureQueriesContext(connection) as many:
        client.get("/")
    assert len(many) == len(few)
