"""Who may import and export what: moderators everything, officers their own agencies' programs and records."""

import pytest

from ecosystem.models import Program
from tests.ecosystem.imports_support import (
    INDEX,
    admin_group,
    csv_bytes,
    export,
    make_agency,
    make_moderator,
    make_officer,
    upload,
)
from tests.factories import OrganisationFactory, ProgramFactory, UserFactory
from tests.mfa import enable_totp

pytestmark = pytest.mark.django_db

PROGRAM_HEADER = ["slug", "title", "agency", "kind", "summary"]


@pytest.fixture(autouse=True)
def _staging_dir(settings, tmp_path):
    settings.HELIX_IMPORT_STAGING_DIR = tmp_path / "staged"


@pytest.fixture
def agencies():
    return make_agency("so-khcn-a"), make_agency("so-khcn-b")


@pytest.fixture
def officer_client(client, agencies):
    client.force_login(make_officer(agencies[0]))
    return client


def test_anonymous_people_are_sent_to_sign_in(client):
    response = client.get(INDEX)
    assert response.status_code == 302 and "login" in response.url
    assert export(client, "organisations", "csv").status_code == 302


def test_people_without_admin_access_get_nothing(client):
    client.force_login(UserFactory())
    # The admins' door says why it is closed (tests/accounts/test_admin_door.py).
    assert client.get(INDEX).status_code == 403
    response = export(client, "organisations", "csv")
    assert response.status_code == 403 and "text/csv" not in response["Content-Type"]


def test_admin_users_who_are_neither_moderators_nor_officers_are_refused(client):
    editor = UserFactory()
    editor.groups.add(admin_group("Editors"))
    enable_totp(editor)
    client.force_login(editor)

    assert client.get(INDEX).status_code == 403
    assert export(client, "programs", "xlsx").status_code == 403
    assert upload(client, "organisations", "o.csv", b"slug,name,kind\nx,X,startup\n").status_code == 403


def test_officers_must_set_up_two_factor_authentication_first(client, agencies):
    officer = make_officer(agencies[0])
    officer.authenticator_set.all().delete()
    client.force_login(officer)

    response = client.get(INDEX)

    assert response.status_code == 302 and "2fa" in response.url


def test_moderators_exchange_every_dataset(client):
    client.force_login(make_moderator())

    response = client.get(INDEX)

    assert response.status_code == 200
    assert [value for value, _ in response.context["form"].fields["dataset"].choices] == [
        "organisations",
        "capabilities",
        "programs",
        "participations",
    ]
    for dataset in ("organisations", "capabilities", "programs", "participations"):
        assert export(client, dataset, "csv").status_code == 200
        assert client.get(f"/admin/imports/columns/{dataset}/").status_code == 200


def test_officers_exchange_only_programs_and_past_participations(officer_client):
    response = officer_client.get(INDEX)

    assert [value for value, _ in response.context["form"].fields["dataset"].choices] == [
        "programs",
        "participations",
    ]
    assert export(officer_client, "organisations", "xlsx").status_code == 403
    assert export(officer_client, "capabilities", "csv").status_code == 403
    refused = upload(officer_client, "organisations", "o.csv", b"slug,name,kind\nx,X,startup\n")
    assert refused.status_code == 200 and "dataset" in refused.context["form"].errors


def test_officers_export_only_their_own_agencys_programs(officer_client, agencies):
    own, other = agencies
    ProgramFactory(agency=own, slug="cua-minh")
    ProgramFactory(agency=other, slug="cua-nguoi-khac")

    content = export(officer_client, "programs", "csv").content.decode("utf-8-sig")

    assert "cua-minh" in content and "cua-nguoi-khac" not in content


def test_an_officers_row_for_another_agency_is_an_error_naming_the_row(officer_client, agencies):
    own, other = agencies
    ProgramFactory(agency=other, slug="cua-nguoi-khac", title="Giữ nguyên")
    data = csv_bytes(
        [
            PROGRAM_HEADER,
            ["moi-cua-minh", "Mới", own.slug, "grant", "Tóm tắt"],
            ["moi-cua-nguoi-khac", "Mới", other.slug, "grant", "Tóm tắt"],
            ["cua-nguoi-khac", "Đổi tên", own.slug, "grant", "Tóm tắt"],
        ]
    )

    report = upload(officer_client, "programs", "p.csv", data, dry_run=False).context["report"]

    assert not report.applied
    assert [(p.row, p.column) for p in report.problems] == [(3, "agency"), (4, "agency")]
    assert "so-khcn-a" in report.problems[0].message
    assert not Program.objects.filter(slug__startswith="moi-").exists()
    assert Program.objects.get(slug="cua-nguoi-khac").title == "Giữ nguyên"


def test_an_officer_imports_programs_of_their_agency_as_drafts(officer_client, agencies):
    own, _ = agencies
    data = csv_bytes([PROGRAM_HEADER, ["moi", "Chương trình mới", own.slug, "grant", "Tóm tắt"]])

    report = upload(officer_client, "programs", "p.csv", data, dry_run=False).context["report"]

    assert report.applied, report.problems
    assert Program.objects.get(slug="moi").live is False


def test_the_confirm_step_only_accepts_the_sessions_own_preview(client, agencies):
    moderator = make_moderator()
    client.force_login(moderator)
    data = csv_bytes([PROGRAM_HEADER, ["moi", "Mới", agencies[0].slug, "grant", "Tóm tắt"]])
    preview = upload(client, "programs", "p.csv", data)
    assert preview.context["token"]

    forged = client.post("/admin/imports/confirm/", {"token": "../../etc/passwd"})

    assert forged.status_code == 302
    assert not Program.objects.filter(slug="moi").exists()


def test_another_agencys_draft_is_not_described_in_the_preview(officer_client, agencies):
    _, other = agencies
    ProgramFactory(agency=other, slug="ke-hoach-chua-cong-bo", title="Bí mật của sở B", live=False)
    data = csv_bytes([PROGRAM_HEADER, ["ke-hoach-chua-cong-bo", "Của tôi", agencies[0].slug, "grant", "Tóm tắt"]])

    response = upload(officer_client, "programs", "p.csv", data)
    problems = response.context["report"].problems

    assert [(p.row, p.column) for p in problems] == [(2, "slug")]
    assert "another agency" not in problems[0].message and "cơ quan khác" not in problems[0].message
    assert "Bí mật của sở B" not in response.content.decode()


def test_a_private_organisations_slug_reads_as_unknown(officer_client, agencies):
    OrganisationFactory(slug="cong-ty-an", name="Công ty Ẩn Danh", is_public=False)
    data = csv_bytes([PROGRAM_HEADER, ["moi", "Mới", "cong-ty-an", "grant", "Tóm tắt"]])

    response = upload(officer_client, "programs", "p.csv", data)
    unknown = upload(
        officer_client,
        "programs",
        "p.csv",
        csv_bytes([PROGRAM_HEADER, ["moi", "Mới", "khong-ton-tai", "grant", "Tóm tắt"]]),
    )

    assert "Công ty Ẩn Danh" not in response.content.decode()
    [problem] = response.context["report"].problems
    [unknown_problem] = unknown.context["report"].problems
    assert problem.message == unknown_problem.message.replace("khong-ton-tai", "cong-ty-an")
