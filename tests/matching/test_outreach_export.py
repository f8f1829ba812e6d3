"""The outreach list exported as CSV and Excel: the same organisations as the page, in the same order."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from ecosystem.models import OrganisationKind, Stage
from matching.services.outreach import outreach_rows_for
from tests.factories import (
    MatchFactory,
    MembershipFactory,
    OrganisationFactory,
    ProgramFactory,
    StartupProfileFactory,
    officer_of,
)
from tests.mfa import enable_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def program():
    program = ProgramFactory(eligible_kinds=[OrganisationKind.STARTUP])
    program.eligible_stages.set(Stage.objects.filter(slug="mvp"))
    program.save()
    return program


@pytest.fixture
def officer_client(client, program):
    officer = MembershipFactory(organisation=program.agency).user
    enable_totp(officer)  # contact lists leave the portal only for accounts with two factors
    client.force_login(officer)
    return client


def startup(name, stage="mvp"):
    return StartupProfileFactory(organisation__name=name, stage=Stage.objects.get(slug=stage)).organisation


@pytest.fixture
def listed(program):
    MatchFactory(program=program, organisation=startup("Tôm Sạch"), score=0.52)
    MatchFactory(program=program, organisation=startup('=HYPERLINK("x")'), score=0.64)
    MatchFactory(program=program, organisation=startup("Đèn Xanh"), score=0.91)
    MatchFactory(program=program, organisation=startup("Ineligible", stage="early-revenue"), score=0.99)
    return ["Đèn Xanh", '=HYPERLINK("x")', "Tôm Sạch"]


def download(client, program, file_format):
    return client.get(reverse("matching:outreach_export", kwargs={"slug": program.slug, "file_format": file_format}))


def test_csv_has_the_listed_rows_in_order(officer_client, program, listed):
    response = download(officer_client, program, "csv")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert f"helix-outreach-{program.slug}-" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert len(header) == len(body[0])
    # A name a spreadsheet would run as a formula is written as text.
    assert [row[1] for row in body] == ["Đèn Xanh", '\'=HYPERLINK("x")', "Tôm Sạch"]
    assert [row[0] for row in body] == ["1", "2", "3"]
    assert [row[3] for row in body] == ["0.91", "0.64", "0.52"]


def test_xlsx_has_the_same_rows_as_the_page(officer_client, program, listed):
    response = download(officer_client, program, "xlsx")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    body = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [row[1] for row in body] == listed
    assert [row[0] for row in body] == [1, 2, 3]
    page_order = [row.organisation.name for row in outreach_rows_for(program=program)]
    assert [row[1] for row in body] == page_order


def test_english_headers_under_en(officer_client, program, listed):
    url = reverse("matching:outreach_export", kwargs={"slug": program.slug, "file_format": "csv"})

    response = officer_client.get(f"/en{url}")

    header = next(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert header[:4] == ["Rank", "Organisation", "Kind", "Score"]


def test_other_formats_are_not_found(officer_client, program):
    assert download(officer_client, program, "pdf").status_code == 404


def test_only_the_programs_officers_can_export(client, program, listed):
    assert download(client, program, "csv").status_code == 302
    client.force_login(officer_of(OrganisationFactory(kind="government_agency", is_verified=True)))
    assert download(client, program, "xlsx").status_code == 404


def test_an_officer_without_two_factor_authentication_is_sent_to_set_it_up(client, program, listed):
    client.force_login(MembershipFactory(organisation=program.agency).user)
    response = download(client, program, "csv")
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")
