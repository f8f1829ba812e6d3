"""Every officer action needs two factors: outreach lists, invitations to apply and cohorts."""

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from ecosystem.models import OrganisationKind, ProgramKind
from matching.models import Cohort, ProgramInvitation
from matching.services.cohorts import cohort_create
from matching.services.outreach import program_invitations_send
from tests.factories import MatchFactory, MembershipFactory, ProgramFactory, StartupProfileFactory
from tests.mfa import enable_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def program():
    return ProgramFactory(kind=ProgramKind.ACCELERATOR, eligible_kinds=[OrganisationKind.STARTUP])


@pytest.fixture
def officer_without_two_factors(program):
    return MembershipFactory(organisation=program.agency).user


@pytest.fixture
def startup(program):
    organisation = StartupProfileFactory(organisation__name="Đèn Xanh").organisation
    MatchFactory(program=program, organisation=organisation, score=0.9)
    return organisation


def officer_pages(program):
    slug = {"slug": program.slug}
    return [
        ("get", reverse("matching:outreach_programs")),
        ("get", reverse("matching:outreach_list", kwargs=slug)),
        ("post", reverse("matching:outreach_invite", kwargs=slug)),
        ("get", reverse("matching:outreach_export", kwargs={**slug, "file_format": "csv"})),
        ("get", reverse("matching:cohort_list", kwargs=slug)),
        ("get", reverse("matching:cohort_create", kwargs=slug)),
        ("post", reverse("matching:cohort_create", kwargs=slug)),
    ]


def test_an_officer_without_two_factors_is_sent_to_turn_them_on(client, program, officer_without_two_factors):
    client.force_login(officer_without_two_factors)
    for method, url in officer_pages(program):
        response = getattr(client, method)(url)

        assert (response.status_code, response.url) == (302, reverse("mfa_activate_totp")), url
        told = [str(message) for message in get_messages(response.wsgi_request)]
        assert set(told) == {"Trang của cán bộ cần xác thực hai lớp. Hãy bật tính năng này để tiếp tục."}


def test_nothing_is_sent_or_formed_without_two_factors(client, program, officer_without_two_factors, startup):
    client.force_login(officer_without_two_factors)
    client.post(reverse("matching:outreach_invite", kwargs={"slug": program.slug}), {"organisations": [startup.pk]})
    client.post(
        reverse("matching:cohort_create", kwargs={"slug": program.slug}), {"name": "Khoá 1", "startups": [startup.pk]}
    )
    assert not ProgramInvitation.objects.exists()
    assert not Cohort.objects.exists()

    # The services refuse too, whatever calls them.
    with pytest.raises(PermissionDenied):
        program_invitations_send(user=officer_without_two_factors, program=program, organisation_ids=[startup.pk])
    with pytest.raises(PermissionDenied):
        cohort_create(user=officer_without_two_factors, program=program, name="Khoá 1", startups=[startup], mentors=[])


def test_with_two_factors_on_the_same_officer_gets_the_pages(client, program, officer_without_two_factors):
    enable_totp(officer_without_two_factors)
    client.force_login(officer_without_two_factors)
    for method, url in officer_pages(program):
        if method == "get":
            assert client.get(url).status_code == 200, url
