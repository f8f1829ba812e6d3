"""Moderators edit the shared vocabularies in the Wagtail admin; what is in use cannot be deleted."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from ecosystem.models import Location, OrganisationKind, Sector, Technology
from ecosystem.permissions import MODERATORS_GROUP, OFFICERS_GROUP
from tests.factories import MembershipFactory, OrganisationFactory, ProgramFactory, StartupProfileFactory, UserFactory
from tests.mfa import enable_totp

pytestmark = pytest.mark.django_db


def url(model, name, *args):
    return reverse(f"wagtailsnippets_ecosystem_{model}:{name}", args=args)


@pytest.fixture
def moderator(client):
    person = UserFactory()
    person.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    enable_totp(person)
    client.force_login(person)
    return person


@pytest.mark.parametrize("model", ["sector", "location", "stage", "readinesslevel", "technology"])
def test_moderators_manage_every_taxonomy_and_officers_do_not(client, taxonomies, model):
    officer = MembershipFactory(organisation__kind=OrganisationKind.GOVERNMENT_AGENCY).user
    officer.groups.add(Group.objects.get(name=OFFICERS_GROUP))
    enable_totp(officer)
    client.force_login(officer)
    refused = client.get(url(model, "list"))
    assert (refused.status_code, refused.url) == (302, reverse("wagtailadmin_home"))

    moderator = UserFactory()
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    enable_totp(moderator)
    client.force_login(moderator)
    assert client.get(url(model, "list")).status_code == 200
    assert client.get(url(model, "add")).status_code == 200


def test_location_aliases_are_typed_one_per_line(client, taxonomies, moderator):
    location = Location.objects.get(slug="ho-chi-minh")
    response = client.post(
        url("location", "edit", location.pk),
        {
            "name_vi": location.name_vi,
            "name_en": location.name_en,
            "slug": location.slug,
            "kind": location.kind,
            "aliases": "Bình Dương\n  Thủ  Dầu Một \n\nBình Dương\nSài Gòn",
        },
    )

    assert response.status_code == 302
    location.refresh_from_db()
    assert location.aliases == ["Bình Dương", "Thủ Dầu Một", "Sài Gòn"]
    form = client.get(url("location", "edit", location.pk)).context["form"]
    assert form.initial["aliases"] == "Bình Dương\nThủ Dầu Một\nSài Gòn"


def test_sectors_stay_two_levels_deep(client, taxonomies, moderator):
    agriculture = Sector.objects.get(slug="agriculture")
    health = Sector.objects.get(slug="health")
    smart_farming = Sector.objects.get(slug="smart-farming")

    form = client.get(url("sector", "add")).context["form"]
    assert smart_farming not in form.fields["parent"].queryset

    response = client.post(
        url("sector", "edit", agriculture.pk),
        {
            "name_vi": agriculture.name_vi,
            "name_en": agriculture.name_en,
            "slug": agriculture.slug,
            "parent": health.pk,
        },
    )
    assert response.status_code == 200
    assert "parent" in response.context["form"].errors
    agriculture.refresh_from_db()
    assert agriculture.parent is None


def test_a_location_in_use_is_not_deleted_and_the_moderator_is_told_why(client, taxonomies, moderator):
    location = Location.objects.get(slug="da-nang")
    StartupProfileFactory(location=location)

    response = client.post(url("location", "delete", location.pk), follow=True)

    assert response.status_code == 200
    assert "cannot be deleted" in response.content.decode()
    assert Location.objects.filter(pk=location.pk).exists()

    bulk = reverse("wagtail_bulk_action", args=["ecosystem", "location", "delete"])
    response = client.post(f"{bulk}?id={location.pk}", follow=True)
    assert response.status_code == 200
    assert "cannot be deleted" in response.content.decode()
    assert Location.objects.filter(pk=location.pk).exists()


def test_an_unused_entry_is_deleted(client, taxonomies, moderator):
    technology = Technology.objects.create(name="Điện toán lượng tử", slug="dien-toan-luong-tu")

    response = client.post(url("technology", "delete", technology.pk))

    assert response.status_code == 302
    assert not Technology.objects.filter(pk=technology.pk).exists()


def test_an_agency_with_programs_is_not_deleted(client, moderator):
    moderator.is_superuser = True  # Organisations are managed by superusers in the admin for now.
    moderator.save()
    agency = OrganisationFactory(kind=OrganisationKind.GOVERNMENT_AGENCY)
    ProgramFactory(agency=agency)

    response = client.post(url("organisation", "delete", agency.pk), follow=True)

    assert response.status_code == 200
    assert "cannot be deleted" in response.content.decode()
    assert type(agency).objects.filter(pk=agency.pk).exists()
