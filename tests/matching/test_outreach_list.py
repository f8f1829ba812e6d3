"""The outreach list: a program's officers see the organisations it fits that are eligible now, best
first, with reasons and the criteria not known yet; nobody else sees it at all."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from ecosystem.models import Organisation, OrganisationKind, ProgramKind, Stage
from ecosystem.permissions import MODERATORS_GROUP
from kernel.eligibility import Criterion
from tests.factories import (
    MatchFactory,
    MembershipFactory,
    OrganisationFactory,
    ProgramFactory,
    StartupProfileFactory,
    UserFactory,
    officer_of,
)
from tests.mfa import enable_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency():
    return OrganisationFactory(kind=OrganisationKind.GOVERNMENT_AGENCY, name="Sở KH&CN Bình Dương", is_verified=True)


@pytest.fixture
def officer(agency):
    return officer_of(agency)


@pytest.fixture
def program(agency):
    """A grant for startups at the MVP stage."""
    program = ProgramFactory(agency=agency, eligible_kinds=[OrganisationKind.STARTUP])
    program.eligible_stages.set(Stage.objects.filter(slug="mvp"))
    program.save()
    return program


def startup(name: str, *, stage: str | None = "mvp", kind=OrganisationKind.STARTUP):
    profile = StartupProfileFactory(
        organisation__name=name, organisation__kind=kind, stage=Stage.objects.get(slug=stage) if stage else None
    )
    return profile.organisation


def outreach_url(program) -> str:
    return reverse("matching:outreach_list", kwargs={"slug": program.slug})


def listed_names(response) -> list[str]:
    return [item["row"].organisation.name for item in response.context["items"]]


def test_lists_eligible_organisations_best_fit_first_with_reasons(client, officer, program):
    MatchFactory(program=program, organisation=startup("Tôm Sạch"), score=0.61)
    MatchFactory(
        program=program,
        organisation=startup("Đèn Xanh"),
        score=0.83,
        reasons=[{"code": "shared_terms", "params": {"terms": ["giao thông", "camera"]}, "weight": 0.5}],
    )
    client.force_login(officer)

    response = client.get(outreach_url(program))

    assert response.status_code == 200
    assert listed_names(response) == ["Đèn Xanh", "Tôm Sạch"]
    assert [item["row"].rank for item in response.context["items"]] == [1, 2]
    assert "giao thông, camera" in response.content.decode()


def test_an_ineligible_organisation_is_not_listed_however_well_it_scored(client, officer, program):
    MatchFactory(program=program, organisation=startup("Eligible"), score=0.4)
    # Matched when it was at the MVP stage; its profile has moved on since the last recompute.
    grown = startup("Grown Up")
    MatchFactory(program=program, organisation=grown, score=0.99)
    grown.startup_profile.stage = Stage.objects.get(slug="early-revenue")
    grown.startup_profile.save()
    MatchFactory(program=program, organisation=startup("An SME", kind=OrganisationKind.ENTERPRISE), score=0.95)
    client.force_login(officer)

    response = client.get(outreach_url(program))

    assert listed_names(response) == ["Eligible"]
    assert "Grown Up" not in response.content.decode()
    assert response.context["total"] == 1


def test_criteria_the_profile_does_not_tell_are_named(client, officer, program):
    MatchFactory(program=program, organisation=startup("No Stage Yet", stage=None), score=0.7)
    client.force_login(officer)

    response = client.get(f"/en{outreach_url(program)}")

    (item,) = response.context["items"]
    assert item["row"].organisation.name == "No Stage Yet"
    assert item["row"].unknown_criteria == [Criterion.STAGE]
    assert [str(label) for label in item["unknown"]] == ["Stage"]


def test_stale_and_hidden_rows_are_left_out(client, officer, program):
    MatchFactory(program=program, organisation=startup("No Longer Ranked"), score=0.9, is_current=False)
    hidden = startup("Hidden By A Moderator")
    MatchFactory(program=program, organisation=hidden, score=0.8)
    Organisation.objects.filter(pk=hidden.pk).update(hidden_at=timezone.now(), hidden_reason="Spam")
    client.force_login(officer)

    assert listed_names(client.get(outreach_url(program))) == []


def test_the_list_is_paginated(client, officer, program):
    for number in range(30):
        MatchFactory(program=program, organisation=startup(f"Startup {number:02d}"), score=1 - number / 100)
    client.force_login(officer)

    first = client.get(outreach_url(program))
    second = client.get(outreach_url(program), {"page": 2})

    assert len(first.context["items"]) == 25
    assert listed_names(second) == ["Startup 25", "Startup 26", "Startup 27", "Startup 28", "Startup 29"]
    assert second.context["items"][0]["row"].rank == 26


# -- Who sees it --------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_sign_in(client, program):
    response = client.get(outreach_url(program))

    assert response.status_code == 302
    assert reverse("account_login") in response.url


def test_an_officer_of_another_agency_gets_not_found(client, program):
    other_agency = OrganisationFactory(kind=OrganisationKind.GOVERNMENT_AGENCY, is_verified=True)
    client.force_login(officer_of(other_agency))

    assert client.get(outreach_url(program)).status_code == 404
    assert client.get(reverse("matching:outreach_export", args=[program.slug, "csv"])).status_code == 404
    assert client.post(reverse("matching:outreach_invite", args=[program.slug]), {}).status_code == 404


def test_people_who_are_not_officers_get_not_found(client, program):
    member_of_a_startup = MembershipFactory(organisation=startup("Curious")).user
    for person in (UserFactory(), member_of_a_startup):
        enable_totp(person)
        client.force_login(person)
        assert client.get(outreach_url(program)).status_code == 404


def test_an_unknown_program_is_not_found(client, officer):
    client.force_login(officer)

    assert client.get(reverse("matching:outreach_list", kwargs={"slug": "no-such-program"})).status_code == 404


def test_moderators_see_every_program(client, program):
    moderator = UserFactory()
    moderator.groups.add(Group.objects.get_or_create(name=MODERATORS_GROUP)[0])
    enable_totp(moderator)
    client.force_login(moderator)

    assert client.get(outreach_url(program)).status_code == 200


# -- How officers get there ---------------------------------------------------------------------


def test_the_program_page_links_to_it_for_its_officers_only(client, officer, program):
    link = outreach_url(program)
    assert link not in client.get(program.get_absolute_url()).content.decode()

    client.force_login(UserFactory())
    assert link not in client.get(program.get_absolute_url()).content.decode()

    client.force_login(officer)
    page = client.get(program.get_absolute_url()).content.decode()
    assert link in page
    assert reverse("matching:cohort_list", kwargs={"slug": program.slug}) not in page  # a grant has no cohorts


def test_my_programs_lists_only_the_agencies_programs(client, officer, program, agency):
    mentoring = ProgramFactory(agency=agency, kind=ProgramKind.MENTORING, title="Cố vấn khởi nghiệp")
    someone_elses = ProgramFactory(title="Not mine")
    client.force_login(officer)

    response = client.get(reverse("matching:outreach_programs"))

    content = response.content.decode()
    assert response.status_code == 200
    assert {p.pk for p in response.context["page"]} == {program.pk, mentoring.pk}
    assert outreach_url(program) in content
    assert reverse("matching:cohort_list", kwargs={"slug": mentoring.slug}) in content
    assert someone_elses.title not in content


def test_the_page_speaks_english_under_en(client, officer, program):
    MatchFactory(program=program, organisation=startup("Đèn Xanh"), score=0.8)
    client.force_login(officer)

    response = client.get(f"/en{outreach_url(program)}")

    assert response.status_code == 200
    assert "Organisations to invite" in response.content.decode()
