"""Officers import their agency's past consortia and programme cohorts; bad rows are refused by row and column."""

import pytest

from ecosystem.models import OrganisationKind, PastParticipation
from tests.ecosystem.imports_support import confirm, csv_bytes, export, make_agency, make_officer, upload
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

HEADER = ["agency", "project", "programme", "year", "organisation", "role"]


@pytest.fixture(autouse=True)
def _staging_dir(settings, tmp_path):
    settings.HELIX_IMPORT_STAGING_DIR = tmp_path / "staged"


@pytest.fixture
def world():
    return {
        "own": make_agency("so-khcn-can-tho"),
        "other": make_agency("so-khcn-ha-noi"),
        "startup": OrganisationFactory(slug="lua-xanh", kind=OrganisationKind.STARTUP),
        "university": OrganisationFactory(slug="dh-can-tho", kind=OrganisationKind.UNIVERSITY),
    }


@pytest.fixture
def officer_client(client, world):
    client.force_login(make_officer(world["own"]))
    return client


def _consortium(agency, project="ĐTĐL.CN-12/21"):
    return [
        [agency, project, "Nafosted", "2021", "lua-xanh", "coordinator"],
        [agency, project, "Nafosted", "2021", "dh-can-tho", "partner"],
    ]


def test_an_officer_previews_then_imports_a_consortium_and_reimporting_the_export_changes_nothing(
    officer_client, world
):
    data = csv_bytes([HEADER, *_consortium("so-khcn-can-tho")])

    preview = upload(officer_client, "participations", "consortia.csv", data)
    assert preview.context["report"].new == 2 and not PastParticipation.objects.exists()
    report = confirm(officer_client, preview).context["report"]

    assert report.applied, report.problems
    stored = PastParticipation.objects.order_by("role")
    assert [(p.organisation.slug, p.role, p.year) for p in stored] == [
        ("lua-xanh", "coordinator", 2021),
        ("dh-can-tho", "partner", 2021),
    ]
    exported = export(officer_client, "participations", "xlsx").content
    again = upload(officer_client, "participations", "again.xlsx", exported, dry_run=False).context["report"]
    assert (again.new, again.updated, again.unchanged) == (0, 0, 2)


def test_rows_for_another_agency_unknown_members_and_impossible_years_are_refused_by_row(officer_client, world):
    data = csv_bytes(
        [
            HEADER,
            *_consortium("so-khcn-can-tho"),
            ["so-khcn-ha-noi", "DA-01", "", "2020", "lua-xanh", ""],
            ["so-khcn-can-tho", "DA-02", "", "202", "lua-xanh", ""],
            ["so-khcn-can-tho", "DA-02", "", "2022", "khong-co", ""],
            ["so-khcn-can-tho", "DA-03", "", "2022", "dh-can-tho", "chairman"],
        ]
    )

    report = upload(officer_client, "participations", "bad.csv", data, dry_run=False).context["report"]

    assert not report.applied
    assert [(p.row, p.column) for p in report.problems] == [
        (4, "agency"),
        (5, "year"),
        (6, "organisation"),
        (7, "role"),
    ]
    assert "so-khcn-can-tho" in report.problems[0].message
    assert "khong-co" in report.problems[2].message
    assert not PastParticipation.objects.exists()  # the good rows wait for a file without mistakes


def test_the_same_member_twice_in_one_project_is_refused_in_the_file_and_against_the_database(officer_client, world):
    twice = csv_bytes([HEADER, *_consortium("so-khcn-can-tho"), _consortium("so-khcn-can-tho")[0]])

    within = upload(officer_client, "participations", "twice.csv", twice).context["report"]
    assert [(p.row, p.column) for p in within.problems] == [(4, "organisation")]
    assert "2" in within.problems[0].message

    upload(
        officer_client,
        "participations",
        "once.csv",
        csv_bytes([HEADER, *_consortium("so-khcn-can-tho")]),
        dry_run=False,
    )
    again = csv_bytes([HEADER, _consortium("so-khcn-can-tho")[0]])
    stored = upload(officer_client, "participations", "again.csv", again).context["report"]
    assert [p.message for p in stored.problems] == [
        "Tổ chức này đã được ghi trong dự án này."
    ]  # the admin speaks Vietnamese
    assert PastParticipation.objects.count() == 2


def test_officers_neither_see_nor_change_another_agencys_record(officer_client, world):
    theirs = PastParticipation.objects.create(
        agency=world["other"], project="Bí mật", year=2019, organisation=world["startup"]
    )

    exported = export(officer_client, "participations", "csv").content.decode("utf-8-sig")
    changed = csv_bytes([["id", *HEADER], [str(theirs.pk), "so-khcn-can-tho", "Đổi", "", "2019", "lua-xanh", ""]])
    report = upload(officer_client, "participations", "change.csv", changed, dry_run=False).context["report"]

    assert "Bí mật" not in exported
    assert [(p.row, p.column) for p in report.problems] == [(2, "id")]
    theirs.refresh_from_db()
    assert theirs.project == "Bí mật" and theirs.agency == world["other"]


def test_the_columns_page_explains_a_row_per_member(officer_client):
    page = officer_client.get("/admin/imports/columns/participations/")

    assert page.status_code == 200
    assert "Mỗi thành viên của một dự án" in page.content.decode() and "coordinator" in page.content.decode()
