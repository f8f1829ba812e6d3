"""Slugs spell Vietnamese in ASCII, every letter kept: programs, organisations, imports and the admin widget."""

import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data

from ecosystem.models import Organisation, OrganisationKind, Program
from tests.ecosystem.imports_support import csv_bytes, make_agency, make_moderator, upload
from tests.ecosystem.test_program_admin import officer_of, program_form
from tests.factories import OrganisationFactory, ProgramFactory, UserFactory
from tests.mfa import enable_totp

pytestmark = pytest.mark.django_db

TITLE = "Tài trợ thử nghiệm nông nghiệp thông minh ĐBSCL 2027"
RIGHT = "tai-tro-thu-nghiem-nong-nghiep-thong-minh-dbscl-2027"
# What Wagtail's slug widget made of TITLE when it transliterated for European languages.
MANGLED = "tai-tr-th-nghim-nong-nghip-thong-minh-djbscl-2027"


# -- The program editor ------------------------------------------------------------------------


@pytest.fixture
def agency():
    return OrganisationFactory(kind=OrganisationKind.GOVERNMENT_AGENCY, name="Sở Nông nghiệp", is_verified=True)


def _add_program(client, agency, slug):
    client.force_login(officer_of(agency))
    response = client.post(
        reverse("wagtailsnippets_ecosystem_program:add"), program_form(agency, title=TITLE, slug=slug)
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return Program.objects.get(title=TITLE)


@pytest.mark.parametrize(
    "sent",
    [
        MANGLED,  # what the old widget sent
        "tài-trợ-thử-nghiệm-nông-nghiệp-thông-minh-đbscl-2027",  # a widget keeping Vietnamese letters
        "",  # left empty
    ],
)
def test_the_program_editor_saves_the_transliterated_slug(client, agency, sent):
    assert _add_program(client, agency, sent).slug == RIGHT


def test_a_slug_the_officer_chose_is_kept(client, agency):
    assert _add_program(client, agency, "dbscl-2027").slug == "dbscl-2027"


def test_the_slug_widget_transliterates_vietnamese_as_the_title_is_typed(client, agency):
    client.force_login(officer_of(agency))
    page = client.get(reverse("wagtailsnippets_ecosystem_program:add")).content.decode()

    slug_input = re.search(r'<input[^>]*name="slug"[^>]*>', page).group(0)
    assert 'data-w-slug-allow-unicode-value="True"' not in slug_input  # ASCII (the attribute's default)
    assert "data-w-slug-formatters-value" in slug_input
    assert "\\u1ee3" in slug_input  # "ợ" is among the letters it rewrites, as the title is typed


# -- Organisations -------------------------------------------------------------------------------


def test_an_organisation_created_with_a_vietnamese_name_gets_a_transliterated_slug(user):
    from ecosystem.services.organisations import organisation_create

    organisation = organisation_create(user=user, name="Hợp tác xã Nông nghiệp Đồng Tháp", kind="enterprise")

    assert organisation.slug == "hop-tac-xa-nong-nghiep-dong-thap"


def test_a_vietnamese_slug_typed_in_the_admin_is_transliterated(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    enable_totp(admin)
    client.force_login(admin)
    form = nested_form_data(
        {
            "name": "Hợp tác xã Nông nghiệp Đồng Tháp",
            "slug": "Hợp tác xã Đồng Tháp",
            "kind": OrganisationKind.ENTERPRISE,
            "summary": "",
            "website": "",
            "contact_email": "",
            "is_public": "on",
        }
    )

    response = client.post(reverse("wagtailsnippets_ecosystem_organisation:add"), form)

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assert Organisation.objects.get(name="Hợp tác xã Nông nghiệp Đồng Tháp").slug == "hop-tac-xa-dong-thap"


# -- Bulk import ---------------------------------------------------------------------------------

PROGRAM_HEADER = ["slug", "title", "agency", "kind", "summary"]


@pytest.fixture
def moderator_client(client, settings, tmp_path):
    settings.HELIX_IMPORT_STAGING_DIR = tmp_path / "staged"
    client.force_login(make_moderator())
    return client


def test_an_import_slug_written_in_vietnamese_is_transliterated_and_finds_its_program_again(moderator_client):
    make_agency("so-nn")
    data = csv_bytes([PROGRAM_HEADER, ["Tài trợ ĐBSCL 2027", TITLE, "so-nn", "grant", "Tóm tắt"]])

    first = upload(moderator_client, "programs", "p.csv", data, dry_run=False).context["report"]
    again = upload(moderator_client, "programs", "p.csv", data, dry_run=False).context["report"]

    assert first.applied, first.problems
    assert again.applied and not again.changes, again.problems
    assert list(Program.objects.values_list("slug", flat=True)) == ["tai-tro-dbscl-2027"]


def test_an_import_row_without_a_slug_is_told_the_transliterated_one(moderator_client):
    make_agency("so-nn")
    data = csv_bytes([PROGRAM_HEADER, ["", TITLE, "so-nn", "grant", "Tóm tắt"]])

    report = upload(moderator_client, "programs", "p.csv", data).context["report"]

    [problem] = [problem for problem in report.problems if problem.column == "slug"]
    assert RIGHT in problem.message
    assert not Program.objects.exists()


def test_an_existing_slug_with_capitals_keeps_its_address_on_import(moderator_client):
    program = ProgramFactory(slug="DBSCL-2027", title=TITLE, agency=make_agency("so-nn"))
    data = csv_bytes([PROGRAM_HEADER, ["DBSCL-2027", TITLE, "so-nn", "grant", program.summary]])

    report = upload(moderator_client, "programs", "p.csv", data).context["report"]

    assert not report.problems and not report.changes
