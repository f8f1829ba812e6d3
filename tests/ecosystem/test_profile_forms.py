"""Owners' forms: who may create and edit what, what the forms save, how bad input is answered,
and the completeness meter."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ecosystem import completeness
from ecosystem.models import (
    Capability,
    Location,
    MentorOffer,
    Need,
    OrganisationKind,
    Role,
    Sector,
    Stage,
    StartupProfile,
    Technology,
)
from tests.factories import (
    CapabilityFactory,
    MembershipFactory,
    MentorOfferFactory,
    NeedFactory,
    OrganisationFactory,
    StartupProfileFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def pks(*slugs):
    return [Sector.objects.get(slug=slug).pk for slug in slugs]


# -- Startup profiles -----------------------------------------------------------------------------


@pytest.fixture
def startup_org():
    return OrganisationFactory(kind=OrganisationKind.STARTUP, name="Shrimp Sense")


def profile_data(**overrides):
    data = {
        "pitch": "Water sensors for shrimp ponds",
        "description": "We warn farmers before oxygen drops.",
        "sectors": pks("aquaculture"),
        "technologies": "IoT, internet of things, Cảm biến nước",
        "stage": Stage.objects.get(slug="mvp").pk,
        "trl": "6",
        "founded_on": "2022-03-01",
        "team_size": "7",
        "location": Location.objects.get(slug="can-tho").pk,
        "seeking": ["funding", "pilot_customer"],
        "funding_amount": "2000000000",
        "links": "https://shrimp.example.org\n\nhttps://demo.example.org",
    }
    data.update(overrides)
    return data


def edit_profile_url(organisation):
    return reverse("ecosystem:startup_profile_edit", args=[organisation.slug])


def test_an_admin_creates_the_startup_profile(client, taxonomies, startup_org):
    admin = MembershipFactory(organisation=startup_org, role=Role.ADMIN).user
    Technology.objects.create(name="IoT", slug="iot-existing")
    client.force_login(admin)

    response = client.post(edit_profile_url(startup_org), profile_data())

    assert response.status_code == 302
    profile = StartupProfile.objects.get(organisation=startup_org)
    assert response.url == profile.get_absolute_url()
    assert profile.pitch == "Water sensors for shrimp ponds"
    assert [sector.slug for sector in profile.sectors.all()] == ["aquaculture"]
    assert profile.seeking == ["funding", "pilot_customer"]
    assert profile.funding_amount == 2_000_000_000
    assert profile.trl == 6 and profile.team_size == 7
    assert profile.links == "https://shrimp.example.org\nhttps://demo.example.org"
    # The existing tag is reused whatever its case; new ones are created.
    names = sorted(technology.name for technology in profile.technologies.all())
    assert names == ["Cảm biến nước", "IoT", "internet of things"]
    assert Technology.objects.filter(folded="iot").count() == 1


def test_the_funding_amount_is_dropped_when_funding_is_not_sought(client, taxonomies, startup_org):
    client.force_login(MembershipFactory(organisation=startup_org, role=Role.OWNER).user)
    client.post(edit_profile_url(startup_org), profile_data(seeking=["mentoring"]))
    assert StartupProfile.objects.get(organisation=startup_org).funding_amount is None


def test_the_form_shows_existing_values_and_suggestions(client, taxonomies):
    profile = StartupProfileFactory()
    profile.technologies.set([Technology.objects.get_or_create(slug="lorawan", defaults={"name": "LoRaWAN"})[0]])
    profile.sectors.set(pks("aquaculture"))
    client.force_login(MembershipFactory(organisation=profile.organisation, role=Role.OWNER).user)

    html = client.get("/en" + edit_profile_url(profile.organisation)).content.decode()

    assert 'value="LoRaWAN"' in html  # the current tags
    assert "<datalist" in html and '<option value="LoRaWAN">' in html
    assert "<legend>Agriculture</legend>" in html  # sectors grouped by parent
    assert "See it as others do" in html


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"links": "not a link"}, "links"),
        ({"trl": "12"}, "trl"),
        ({"founded_on": "2999-01-01"}, "founded_on"),
        ({"founded_on": "yesterday"}, "founded_on"),
        ({"team_size": "-3"}, "team_size"),
        ({"funding_amount": "-5"}, "funding_amount"),
        ({"sectors": ["999999"]}, "sectors"),
        ({"stage": "abc"}, "stage"),
        ({"technologies": "x" * 101}, "technologies"),
        ({"technologies": ", ".join(f"tag {n}" for n in range(25))}, "technologies"),
        ({"seeking": ["gold"]}, "seeking"),
    ],
)
def test_bad_input_gets_field_errors(client, taxonomies, startup_org, overrides, field):
    client.force_login(MembershipFactory(organisation=startup_org, role=Role.OWNER).user)

    response = client.post(edit_profile_url(startup_org), profile_data(**overrides))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not StartupProfile.objects.filter(organisation=startup_org).exists()


def test_a_logo_is_uploaded_and_must_be_an_image(client, taxonomies, startup_org, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(MembershipFactory(organisation=startup_org, role=Role.OWNER).user)
    gif = (
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00"
        b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
    )

    bad = client.post(edit_profile_url(startup_org), {**profile_data(), "logo": SimpleUploadedFile("a.png", b"no")})
    assert "logo" in bad.context["form"].errors

    client.post(edit_profile_url(startup_org), {**profile_data(), "logo": SimpleUploadedFile("logo.gif", gif)})
    assert StartupProfile.objects.get(organisation=startup_org).logo.name.startswith("logos/")


@pytest.mark.parametrize(("role", "status"), [(None, 403), (Role.MEMBER, 403), (Role.ADMIN, 200), (Role.OWNER, 200)])
def test_who_may_edit_a_startup_profile(client, taxonomies, startup_org, role, status):
    person = MembershipFactory(organisation=startup_org, role=role).user if role else UserFactory()
    client.force_login(person)
    assert client.get(edit_profile_url(startup_org)).status_code == status
    assert client.post(edit_profile_url(startup_org), profile_data()).status_code in (status, 302)
    assert StartupProfile.objects.filter(organisation=startup_org).exists() is (status == 200)


def test_only_startups_and_smes_have_startup_profiles(client, taxonomies):
    university = OrganisationFactory(kind=OrganisationKind.UNIVERSITY)
    client.force_login(MembershipFactory(organisation=university, role=Role.OWNER).user)
    assert client.get(edit_profile_url(university)).status_code == 403


def test_a_private_organisation_is_not_revealed_to_outsiders(client, user):
    private = OrganisationFactory(is_public=False)
    client.force_login(user)
    assert client.get(edit_profile_url(private)).status_code == 404


def test_signed_out_people_are_sent_to_sign_in(client, startup_org):
    response = client.get(edit_profile_url(startup_org))
    assert response.status_code == 302 and "/accounts/login/" in response.url


# -- Capabilities ---------------------------------------------------------------------------------


def capability_data(**overrides):
    data = {
        "organisation": "",
        "kind": "facility",
        "title": "Electron microscope",
        "description": "A scanning electron microscope for materials research.",
        "research_areas": pks("health"),
        "technologies": "microscopy",
        "trl": "",
        "availability": "Weekdays",
        "terms": "",
        "is_public": "on",
    }
    data.update(overrides)
    return data


def test_any_signed_in_researcher_posts_a_personal_capability(client, taxonomies, user):
    client.force_login(user)
    response = client.post(reverse("ecosystem:capability_create"), capability_data())
    capability = Capability.objects.get()
    assert response.url == capability.get_absolute_url()
    assert capability.owner == user and capability.organisation is None and capability.contact_person == user
    assert [technology.name for technology in capability.technologies.all()] == ["microscopy"]


def test_a_university_member_posts_for_the_university(client, taxonomies):
    university = OrganisationFactory(kind=OrganisationKind.UNIVERSITY)
    member = MembershipFactory(organisation=university, role=Role.MEMBER).user
    client.force_login(member)

    client.post(reverse("ecosystem:capability_create"), capability_data(organisation=university.pk))

    assert Capability.objects.get().organisation == university


def test_nobody_posts_for_an_organisation_they_do_not_belong_to(client, taxonomies, user):
    university = OrganisationFactory(kind=OrganisationKind.UNIVERSITY)
    client.force_login(user)
    response = client.post(reverse("ecosystem:capability_create"), capability_data(organisation=university.pk))
    assert response.status_code == 200 and "organisation" in response.context["form"].errors
    assert not Capability.objects.exists()


def test_capability_editing_rights(client, taxonomies):
    capability = CapabilityFactory()
    url = reverse("ecosystem:capability_edit", args=[capability.pk])
    admin = MembershipFactory(organisation=capability.organisation, role=Role.ADMIN).user
    colleague = MembershipFactory(organisation=capability.organisation, role=Role.MEMBER).user

    for person, status in ((UserFactory(), 403), (colleague, 403), (capability.owner, 200), (admin, 200)):
        client.force_login(person)
        assert client.get(url).status_code == status

    client.force_login(admin)
    client.post(url, capability_data(organisation=capability.organisation.pk, title="Renamed"))
    capability.refresh_from_db()
    assert capability.title == "Renamed" and capability.owner != admin


def test_an_administrator_cannot_turn_a_colleagues_capability_into_a_personal_one(client, taxonomies):
    capability = CapabilityFactory()
    admin = MembershipFactory(organisation=capability.organisation, role=Role.ADMIN).user
    client.force_login(admin)

    response = client.post(reverse("ecosystem:capability_edit", args=[capability.pk]), capability_data())

    assert response.status_code == 200 and "organisation" in response.context["form"].errors
    capability.refresh_from_db()
    assert capability.organisation is not None


# -- Mentor offers --------------------------------------------------------------------------------


def test_anyone_signed_in_offers_to_mentor_then_pauses(client, taxonomies, user):
    client.force_login(user)
    url = reverse("ecosystem:mentor_offer_edit")
    data = {
        "headline": "Helps agritech founders",
        "expertise": "Sales to cooperatives",
        "sectors": pks("smart-farming"),
        "languages": ["vi", "en"],
        "capacity": "3",
        "availability": "Two evenings a month",
        "is_public": "on",
    }

    client.post(url, data)
    offer = MentorOffer.objects.get(user=user)
    assert offer.languages == ["vi", "en"] and offer.capacity == 3 and not offer.is_paused

    client.post(url, {**data, "headline": "Helps agritech and foodtech founders"})
    assert MentorOffer.objects.get(user=user).headline == "Helps agritech and foodtech founders"

    client.post(reverse("ecosystem:mentor_offer_pause"), {"paused": "1", "next": "https://evil.example.org/"})
    offer.refresh_from_db()
    assert offer.is_paused


def test_mentor_offer_bad_input(client, taxonomies, user):
    client.force_login(user)
    response = client.post(
        reverse("ecosystem:mentor_offer_edit"),
        {"headline": "", "expertise": "x", "capacity": "500", "languages": ["xx"]},
    )
    assert set(response.context["form"].errors) >= {"headline", "capacity", "languages"}
    assert not MentorOffer.objects.exists()


def test_pausing_someone_elses_offer_is_impossible(client, user):
    offer = MentorOfferFactory()
    client.force_login(user)
    assert client.post(reverse("ecosystem:mentor_offer_pause"), {"paused": "1"}).status_code == 404
    offer.refresh_from_db()
    assert not offer.is_paused


# -- Needs ----------------------------------------------------------------------------------------


def need_data(organisation, **overrides):
    data = {
        "organisation": organisation.pk,
        "title": "Monitor electricity per production line",
        "problem": "We cannot see which line wastes power.",
        "desired_outcome": "",
        "sectors": [],
        "technologies": "",
        "budget_min": "100000000",
        "budget_max": "500000000",
        "deadline": "",
        "respondent_kinds": ["startup", "university"],
        "is_public": "on",
    }
    data.update(overrides)
    return data


def test_an_organisation_admin_posts_a_need(client, taxonomies):
    enterprise = OrganisationFactory(kind=OrganisationKind.ENTERPRISE)
    admin = MembershipFactory(organisation=enterprise, role=Role.ADMIN).user
    client.force_login(admin)

    client.post(reverse("ecosystem:need_create"), need_data(enterprise))

    need = Need.objects.get()
    assert need.organisation == enterprise and need.posted_by == admin
    assert need.respondent_kinds == ["startup", "university"]


def test_members_who_are_not_admins_cannot_post_needs(client, taxonomies):
    enterprise = OrganisationFactory(kind=OrganisationKind.ENTERPRISE)
    member = MembershipFactory(organisation=enterprise, role=Role.MEMBER).user
    client.force_login(member)

    assert client.get(reverse("ecosystem:need_create")).status_code == 403
    client.post(reverse("ecosystem:need_create"), need_data(enterprise))
    assert not Need.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"budget_min": "900", "budget_max": "100"}, "budget_max"),
        ({"deadline": "2000-01-01"}, "deadline"),
        ({"respondent_kinds": ["aliens"]}, "respondent_kinds"),
        ({"title": ""}, "title"),
    ],
)
def test_need_bad_input(client, taxonomies, overrides, field):
    enterprise = OrganisationFactory(kind=OrganisationKind.ENTERPRISE)
    client.force_login(MembershipFactory(organisation=enterprise, role=Role.OWNER).user)
    response = client.post(reverse("ecosystem:need_create"), need_data(enterprise, **overrides))
    assert response.status_code == 200 and field in response.context["form"].errors


def test_need_editing_rights(client, taxonomies):
    need = NeedFactory()
    url = reverse("ecosystem:need_edit", args=[need.pk])
    for person, status in (
        (UserFactory(), 403),
        (MembershipFactory(organisation=need.organisation, role=Role.MEMBER).user, 403),
        (MembershipFactory(organisation=need.organisation, role=Role.OWNER).user, 200),
    ):
        client.force_login(person)
        assert client.get(url).status_code == status
    client.post(url, need_data(need.organisation, title="Sharper title"))
    need.refresh_from_db()
    assert need.title == "Sharper title"


# -- Completeness ---------------------------------------------------------------------------------


def test_measure_weighs_what_is_filled():
    items = (
        completeness.Item("a", "A", "why a", 3),
        completeness.Item("b", "B", "why b", 1),
        completeness.Item("c", "C", "why c", 1),
    )
    result = completeness.measure(items, {"a": "text", "b": "  ", "c": []})
    assert result.percent == 60
    assert [item.name for item in result.missing] == ["b", "c"]
    assert completeness.measure(items, {"a": 1, "b": [1], "c": 0}).is_complete
    assert completeness.measure((), {}).percent == 100


def test_an_empty_profile_scores_zero_and_a_full_one_a_hundred(taxonomies):
    assert completeness.startup_profile_completeness(StartupProfile()).percent == 0
    profile = StartupProfileFactory(
        stage=Stage.objects.first(),
        location=Location.objects.first(),
        trl=4,
        founded_on="2020-01-01",
        team_size=3,
        seeking=["funding"],
        links="https://example.org",
        logo="logos/x.png",
    )
    profile.sectors.set(pks("health"))
    profile.technologies.set([Technology.objects.first()])
    assert completeness.startup_profile_completeness(profile).percent == 100


def test_the_meter_on_the_form_shows_percentage_and_hints(client, taxonomies):
    profile = StartupProfileFactory()  # a pitch and a description only
    client.force_login(MembershipFactory(organisation=profile.organisation, role=Role.OWNER).user)

    response = client.get("/en" + edit_profile_url(profile.organisation))
    html = response.content.decode()

    assert response.context["completeness"].percent == 20  # 4 of 20
    assert 'value="20"' in html and "20% complete" in html
    assert "Programs are often limited to sectors" in html


def test_capability_offer_and_need_meters():
    assert completeness.capability_completeness(Capability()).percent == 0
    assert completeness.mentor_offer_completeness(MentorOffer()).percent == 0
    assert completeness.need_completeness(Need()).percent == 0
    assert completeness.capability_completeness(CapabilityFactory()).percent == 38  # title and description
    assert completeness.need_completeness(NeedFactory()).percent == 50  # title, problem and deadline
    assert completeness.mentor_offer_completeness(MentorOfferFactory()).percent == 60


# -- My account -----------------------------------------------------------------------------------


def test_my_account_lists_what_i_maintain(client, taxonomies):
    profile = StartupProfileFactory()
    owner = MembershipFactory(organisation=profile.organisation, role=Role.OWNER).user
    capability = CapabilityFactory(owner=owner, title="My lab")
    MentorOfferFactory(user=owner, headline="My mentoring")
    need = NeedFactory(organisation=profile.organisation, title="My need")
    client.force_login(owner)

    html = client.get(reverse("accounts:dashboard")).content.decode()

    assert reverse("ecosystem:startup_profile_edit", args=[profile.organisation.slug]) in html
    assert reverse("ecosystem:capability_edit", args=[capability.pk]) in html and "My lab" in html
    assert "My mentoring" in html and reverse("ecosystem:mentor_offer_pause") in html
    assert reverse("ecosystem:need_edit", args=[need.pk]) in html


def test_the_one_line_form_field_keeps_names_on_one_line():
    from ecosystem.fields import OneLineFormField

    assert OneLineFormField().clean("  Đại học\r\n\tCần Thơ \u2028") == "Đại học Cần Thơ"
