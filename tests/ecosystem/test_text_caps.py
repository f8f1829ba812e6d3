"""Free text is capped at what a person writes, the same way in forms, the bulk import and the admin."""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from ecosystem.admin_forms import LocationForm
from ecosystem.fields import DESCRIPTION_MAX_LENGTH, LIST_MAX_LENGTH, MESSAGE_MAX_LENGTH
from ecosystem.forms_profiles import HideForm
from ecosystem.models import Capability, OrganisationKind, Program, Role, StartupProfile
from tests.ecosystem.imports_support import csv_bytes, make_moderator, upload
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

# Written by Helix itself, never typed by a person: the search index's copies of the (capped) texts,
# the mail server's answer to a failed delivery and a history entry's copy of a program's title.
MACHINE_WRITTEN = {
    "search.SearchEntry.body",
    "search.SearchEntry.text_folded",
    "notifications.Delivery.last_error",
    "ecosystem.ProgramLogEntry.label",
}
HELIX_APPS = ("accounts", "ecosystem", "matching", "notifications", "search", "cms")


def test_every_text_a_person_writes_has_a_cap():
    uncapped = [
        f"{model._meta.label}.{field.name}"
        for app in HELIX_APPS
        for model in apps.get_app_config(app).get_models()
        for field in model._meta.get_fields()
        # Wagtail's own Page fields (search_description, url_path) are Wagtail's to cap.
        if isinstance(field, models.TextField) and field.max_length is None and field.model._meta.app_label == app
    ]

    assert sorted(set(uncapped) - MACHINE_WRITTEN) == []


# -- Forms ----------------------------------------------------------------------------------------


@pytest.fixture
def founder(client, taxonomies, in_english):
    startup = OrganisationFactory(kind=OrganisationKind.STARTUP, name="Shrimp Sense")
    client.force_login(MembershipFactory(organisation=startup, role=Role.OWNER).user)
    return startup


def submit_profile(client, startup, description):
    url = reverse("ecosystem:startup_profile_edit", args=[startup.slug])
    return client.post(url, {"pitch": "Water sensors for shrimp ponds", "description": description})


def test_a_description_over_the_cap_is_refused_on_its_field_and_nothing_is_saved(client, founder):
    response = submit_profile(client, founder, "ơ" * (DESCRIPTION_MAX_LENGTH + 1))

    assert response.status_code == 200
    assert response.context["form"].errors["description"] == [
        f"Ensure this value has at most {DESCRIPTION_MAX_LENGTH} characters (it has {DESCRIPTION_MAX_LENGTH + 1})."
    ]
    assert not StartupProfile.objects.filter(organisation=founder).exists()


def test_a_description_at_the_cap_is_saved(client, founder):
    response = submit_profile(client, founder, "ơ" * DESCRIPTION_MAX_LENGTH)

    assert response.status_code == 302
    assert len(StartupProfile.objects.get(organisation=founder).description) == DESCRIPTION_MAX_LENGTH


def test_a_reason_for_hiding_is_capped_like_the_field_it_is_stored_in():
    assert HideForm({"reason": "x" * MESSAGE_MAX_LENGTH}).is_valid()
    assert "reason" in HideForm({"reason": "x" * (MESSAGE_MAX_LENGTH + 1)}).errors


def test_a_locations_other_names_are_capped_as_a_whole(in_english):
    names = "\n".join(f"Tên cũ {number:05}" for number in range(LIST_MAX_LENGTH // 10))

    with pytest.raises(ValidationError, match=f"at most {LIST_MAX_LENGTH} characters"):
        LocationForm.base_fields["aliases"].clean(names)


# -- Full clean: the bulk import, the admin and the services all go through it ----------------------


def test_full_clean_refuses_a_text_over_its_cap_and_counts_rich_text_without_markup(in_english):
    description = Program._meta.get_field("description")
    cap = description.max_length
    description.clean(f"<p><b>{'a' * cap}</b></p>", None)  # the markup does not count

    with pytest.raises(ValidationError, match=f"at most {cap} characters"):
        description.clean(f"<p>{'a' * (cap + 1)}</p>", None)
    with pytest.raises(ValidationError, match=f"at most {DESCRIPTION_MAX_LENGTH} characters"):
        Capability._meta.get_field("description").clean("a" * (DESCRIPTION_MAX_LENGTH + 1), None)


CAPABILITY_HEADER = ["title", "kind", "description", "owner"]


@pytest.mark.usefixtures("english_admin")
def test_an_import_row_with_an_overlong_description_is_a_row_error_and_nothing_is_written(client, settings, tmp_path):
    settings.HELIX_IMPORT_STAGING_DIR = tmp_path / "staged"
    client.force_login(make_moderator())
    owner = UserFactory().email
    data = csv_bytes(
        [
            CAPABILITY_HEADER,
            ["Phòng thí nghiệm IoT", "facility", "ơ" * DESCRIPTION_MAX_LENGTH, owner],
            ["Thị giác máy tính", "expertise", "ơ" * (DESCRIPTION_MAX_LENGTH + 1), owner],
        ]
    )

    report = upload(client, "capabilities", "capabilities.csv", data, dry_run=False).context["report"]

    assert not report.applied and report.invalid_rows == 1
    assert [(problem.row, problem.column, problem.message) for problem in report.problems] == [
        (
            3,
            "description",
            f"Ensure this value has at most {DESCRIPTION_MAX_LENGTH} characters "
            f"(it has {DESCRIPTION_MAX_LENGTH + 1}).",
        )
    ]
    assert not Capability.objects.exists()
