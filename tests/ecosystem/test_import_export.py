"""Bulk import and export through the admin pages: validated as a whole, previewed, round-tripped."""

import io
import zipfile
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from ecosystem.imports import tables, widgets
from ecosystem.imports.resources import FieldChange
from ecosystem.models import Capability, Location, Organisation, OrganisationKind, Program, Sector, Technology
from tests.ecosystem.imports_support import (
    confirm,
    csv_bytes,
    edit_cell,
    export,
    make_agency,
    make_moderator,
    upload,
    xlsx_bytes,
)
from tests.factories import OrganisationFactory, ProgramFactory, UserFactory

# The assertions read the admin's English messages.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_admin")]

ORGANISATION_HEADER = ["slug", "name", "kind", "summary", "website", "contact_email", "is_public"]


@pytest.fixture(autouse=True)
def _staging_dir(settings, tmp_path):
    settings.HELIX_IMPORT_STAGING_DIR = tmp_path / "staged"


@pytest.fixture
def moderator_client(client):
    client.force_login(make_moderator())
    return client


def result_user(response):
    return int(response.wsgi_request.user.pk)


def organisation_rows(*rows):
    return [ORGANISATION_HEADER, *rows]


def test_a_file_with_one_bad_row_imports_nothing_and_names_the_row_and_field(moderator_client):
    data = csv_bytes(
        organisation_rows(
            ["cong-ty-a", "Công ty A", "startup", "", "", "", "yes"],
            ["cong-ty-b", "Công ty B", "enterprise", "", "https://b.example.vn", "", ""],
            ["cong-ty-c", "Công ty C", "not-a-kind", "", "", "lienhe@c.example.vn", "no"],
            ["cong-ty-d", "Công ty D", "investor", "", "", "", "1"],
        )
    )

    response = upload(moderator_client, "organisations", "to-chuc.csv", data, dry_run=False)

    assert response.status_code == 200
    assert not Organisation.objects.filter(slug__startswith="cong-ty-").exists()
    report = response.context["report"]
    assert not report.applied and report.invalid_rows == 1
    assert [(p.row, p.column) for p in report.problems] == [(4, "kind")]
    assert "not-a-kind" in report.problems[0].message
    page = response.content.decode()
    assert "Nothing was imported" in page or "Không có gì được nhập" in page
    assert "<code>kind</code>" in page


def test_every_bad_row_and_field_is_reported_in_spreadsheet_row_numbers(moderator_client):
    data = xlsx_bytes(
        organisation_rows(
            ["ok", "Fine", "startup", None, None, None, None],
            [None] * 7,  # a blank row keeps its number but is not data
            ["bad-1", "", "startup", None, "not a url", "not an e-mail", "maybe"],
            ["ok", "Again", "startup", None, None, None, None],
        )
    )

    report = upload(moderator_client, "organisations", "orgs.xlsx", data).context["report"]

    assert sorted((p.row, p.column) for p in report.problems) == [
        (4, "contact_email"),
        (4, "is_public"),
        (4, "name"),
        (4, "website"),
        (5, "slug"),  # the same slug as row 2
    ]
    assert "Row 2" in next(p.message for p in report.problems if p.row == 5)
    assert Organisation.objects.count() == 0


def test_a_dry_run_writes_nothing_and_confirming_applies_what_was_previewed(moderator_client):
    data = csv_bytes(organisation_rows(["vien-a", "Viện A", "research_institute", "Cảm biến", "", "", ""]))

    preview = upload(moderator_client, "organisations", "vien.csv", data)

    report = preview.context["report"]
    assert (report.new, report.updated, report.unchanged, report.applied) == (1, 0, 0, False)
    assert report.changes[0].row == 2 and FieldChange("name", "", "Viện A") in report.changes[0].fields
    assert not Organisation.objects.exists() and not ModelLogEntry.objects.exists()
    assert preview.context["token"] and 'action="/admin/imports/confirm/"' in preview.content.decode()

    result = confirm(moderator_client, preview).context["report"]

    assert result.applied and result.new == 1
    institute = Organisation.objects.get(slug="vien-a")
    assert institute.kind == OrganisationKind.RESEARCH_INSTITUTE
    entry = ModelLogEntry.objects.get()  # the admin's history says who added it
    assert (entry.action, entry.object_id, entry.user_id) == (
        "wagtail.create",
        str(institute.pk),
        result_user(preview),
    )
    again = moderator_client.post("/admin/imports/confirm/", {"token": preview.context["token"]})
    assert again.status_code == 302  # the staged file is gone: one preview, one import
    assert Organisation.objects.count() == 1


def test_confirming_validates_again_against_what_changed_since_the_preview(moderator_client):
    owner = UserFactory(email="nhanvien@truong.edu.vn")
    data = csv_bytes(
        [["title", "kind", "description", "owner"], ["Tư vấn IoT", "expertise", "Tư vấn hệ thống", owner.email]]
    )
    preview = upload(moderator_client, "capabilities", "nang-luc.csv", data)
    assert preview.context["report"].ok
    owner.delete()

    result = confirm(moderator_client, preview).context["report"]

    assert not result.applied and [(p.row, p.column) for p in result.problems] == [(2, "owner")]
    assert not Capability.objects.exists()


def test_a_utf8_csv_with_a_byte_order_mark_and_vietnamese_labels_is_read(moderator_client):
    with translation.override("vi"):
        university = str(OrganisationKind.UNIVERSITY.label)
    data = csv_bytes(
        organisation_rows(
            ["tdmu", "Trường Đại học Thủ Dầu Một", university, "Đào tạo và nghiên cứu", "", "", "có"],
            ["khcn", "Sở Khoa học và Công nghệ", "Government agency", "", "", "", "không"],
        ),
        bom=True,
        delimiter=";",
    )

    result = upload(moderator_client, "organisations", "danh-sach.csv", data, dry_run=False).context["report"]

    assert result.applied, result.problems
    tdmu = Organisation.objects.get(slug="tdmu")
    assert (tdmu.name, tdmu.kind, tdmu.is_public) == ("Trường Đại học Thủ Dầu Một", "university", True)
    assert Organisation.objects.get(slug="khcn").is_public is False


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("report.pdf", b"%PDF-1.7 ...", "is not a CSV (.csv) or Excel (.xlsx) file"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old Excel file"),
        ("fake.xlsx", b"slug,name,kind\n", "not an Excel workbook"),
        ("broken.xlsx", b"PK\x03\x04 not really a zip", "cannot be opened"),
        ("latin.csv", "slug,name,kind\nx,Công ty,startup\n".encode("cp1258"), "UTF-8"),
        ("header-only.csv", b"slug,name,kind\r\n", "no rows of data"),
        ("blank.csv", b"\r\n\r\n", "Row 1 must hold the column names"),
        ("missing.csv", b"slug,summary\nx,y\n", "Required columns are missing: name, kind"),
        ("typo.csv", b"slug,name,kind,contact_mail\nx,X,startup,a@b.vn\n", "Unknown columns: contact_mail"),
    ],
)
def test_a_file_that_cannot_be_read_gets_a_clear_error_on_the_form(moderator_client, name, data, message):
    response = upload(moderator_client, "organisations", name, data)

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["file"])
    assert not Organisation.objects.exists()


def test_empty_oversized_and_overlong_files_are_refused_on_the_form(moderator_client, monkeypatch):
    empty = upload(moderator_client, "organisations", "empty.csv", b"")
    assert empty.status_code == 200 and empty.context["form"].errors["file"]

    monkeypatch.setattr(tables, "MAX_UNPACKED_BYTES", 1000)
    rows = organisation_rows(["org", "Org", "startup", "x" * 2000, "", "", ""])
    bomb = upload(moderator_client, "organisations", "bomb.xlsx", xlsx_bytes(rows))
    assert "too large once unpacked" in " ".join(bomb.context["form"].errors["file"])

    monkeypatch.setattr(tables, "MAX_ROWS", 2)
    rows = organisation_rows(*[[f"org-{n}", f"Org {n}", "startup", "", "", "", ""] for n in range(3)])
    too_long = upload(moderator_client, "organisations", "long.csv", csv_bytes(rows))
    assert "more than 2 rows" in " ".join(too_long.context["form"].errors["file"])


@pytest.fixture
def ecosystem_data(taxonomies):
    """One of each dataset, with every column filled in somewhere."""
    agency = make_agency("so-khcn", "Sở Khoa học và Công nghệ")
    university = OrganisationFactory(
        slug="tdmu",
        name="Trường Đại học Thủ Dầu Một",
        kind=OrganisationKind.UNIVERSITY,
        summary="=1+1 stays text, not a formula",
        website="https://tdmu.edu.vn",
        contact_email="khcn@tdmu.edu.vn",
        is_public=False,
    )
    capability = Capability.objects.create(
        organisation=university,
        owner=UserFactory(email="gv@tdmu.edu.vn"),
        kind="facility",
        title="Phòng thí nghiệm IoT",
        description="Thiết bị đo và thử nghiệm cảm biến.\nĐặt lịch trước một tuần.",
        trl=5,
        availability="Thứ 2 – Thứ 6",
        terms="Theo hợp đồng",
    )
    capability.research_areas.set(Sector.objects.filter(slug__in=["smart-farming", "water"]))
    capability.technologies.set(Technology.objects.order_by("slug")[:2])
    program = ProgramFactory(
        agency=agency,
        slug="ho-tro-khoi-nghiep",
        description="<p>Hỗ trợ <b>khởi nghiệp</b> đổi mới sáng tạo.</p><ul><li>Vốn</li><li>Cố vấn</li></ul>",
        budget_total=Decimal("5000000000"),
        max_award=Decimal("500000000"),
        apply_url="https://dichvucong.example.vn/nop-ho-so",
        eligible_kinds=["startup", "enterprise"],
        founded_after=date(2020, 1, 1),
        max_team_size=50,
        trl_min=3,
        trl_max=7,
        other_conditions="Có trụ sở tại địa phương",
    )
    program.eligible_sectors.set(Sector.objects.filter(slug="smart-farming"))
    program.eligible_locations.set(Location.objects.filter(slug__in=["ho-chi-minh", "dong-nai"]))
    program.save()
    draft = ProgramFactory(agency=agency, slug="ban-nhap", title="Bản đã đăng")
    draft.title = "Bản nháp đang chờ duyệt"
    draft.save_revision()
    return {"program": program, "draft": draft, "capability": capability, "university": university}


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
@pytest.mark.parametrize("dataset", ["organisations", "capabilities", "programs"])
def test_an_export_imports_back_unchanged(moderator_client, ecosystem_data, dataset, file_format):
    exported = export(moderator_client, dataset, file_format)
    assert exported.status_code == 200
    assert exported["Content-Disposition"].startswith(f'attachment; filename="helix-{dataset}-')

    report = upload(moderator_client, dataset, f"export.{file_format}", exported.content).context["report"]

    assert report.ok, report.problems
    assert (report.new, report.updated, report.changes) == (0, 0, [])
    assert report.unchanged == report.rows > 0


def test_excel_round_trip_previews_and_applies_exactly_the_edited_cell(moderator_client, ecosystem_data):
    program = ecosystem_data["program"]
    workbook = export(moderator_client, "programs", "xlsx").content
    edited = edit_cell(workbook, key_column="slug", key=program.slug, column="max_award", value=750_000_000)

    preview = upload(moderator_client, "programs", "programs.xlsx", edited)

    report = preview.context["report"]
    assert (report.updated, report.unchanged, report.new) == (1, 1, 0)
    assert [(c.row, c.fields) for c in report.changes] == [(3, (FieldChange("max_award", "500000000", "750000000"),))]

    result = confirm(moderator_client, preview).context["report"]

    assert result.applied
    program.refresh_from_db()
    assert program.live and program.max_award == Decimal("500000000")  # the published version stands…
    assert program.has_unpublished_changes  # …until a moderator approves the draft
    assert program.get_latest_revision_as_object().max_award == Decimal("750000000")
    assert upload(moderator_client, "programs", "again.xlsx", edited).context["report"].changes == []


def test_excel_round_trip_of_organisations_and_capabilities_applies_edits(moderator_client, ecosystem_data):
    workbook = export(moderator_client, "organisations", "xlsx").content
    edited = edit_cell(workbook, key_column="slug", key="tdmu", column="is_public", value=True)
    result = confirm(moderator_client, upload(moderator_client, "organisations", "o.xlsx", edited)).context["report"]
    assert result.applied and [c.fields for c in result.changes] == [(FieldChange("is_public", "no", "yes"),)]
    assert Organisation.objects.get(slug="tdmu").is_public

    capability = ecosystem_data["capability"]
    workbook = export(moderator_client, "capabilities", "xlsx").content
    edited = edit_cell(
        workbook, key_column="id", key=str(capability.pk), column="technologies", value="IoT; Thị giác máy"
    )
    preview = upload(moderator_client, "capabilities", "c.xlsx", edited)
    assert [c.fields[0].column for c in preview.context["report"].changes] == ["technologies"]
    assert confirm(moderator_client, preview).context["report"].applied
    assert sorted(t.name for t in capability.technologies.all()) == ["IoT", "Thị giác máy"]
    assert Technology.objects.get(name="Thị giác máy").slug == "thi-giac-may"


def test_text_that_looks_like_a_formula_is_exported_as_text(moderator_client, ecosystem_data):
    import io

    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(export(moderator_client, "organisations", "xlsx").content)).active
    assert sheet["D3"].value == "=1+1 stays text, not a formula" and sheet["D3"].data_type == "s"
    assert "'=1+1 stays text" in export(moderator_client, "organisations", "csv").content.decode("utf-8-sig")


def test_imported_programs_arrive_as_drafts_with_a_revision(moderator_client, taxonomies):
    make_agency("so-khcn")
    data = csv_bytes(
        [
            ["slug", "title", "agency", "kind", "summary", "description", "closes_at", "eligible_locations"],
            ["moi", "Chương trình mới", "so-khcn", "Grant", "Tóm tắt", "Hỗ trợ **vốn**", "31/12/2030", "Bình Dương"],
        ]
    )

    result = upload(moderator_client, "programs", "p.csv", data, dry_run=False).context["report"]

    assert result.applied, result.problems
    program = Program.objects.get(slug="moi")
    assert not program.live and program.latest_revision is not None
    assert program.description == "<p>Hỗ trợ <b>vốn</b></p>"
    closes = timezone.localtime(program.closes_at)
    assert (closes.date(), closes.hour, closes.minute) == (
        date(2030, 12, 31),
        23,
        59,
    )  # a date alone means the whole day
    assert [location.slug for location in program.eligible_locations.all()] == ["ho-chi-minh"]


def test_capability_rows_check_people_vocabularies_and_organisation_kinds(moderator_client, taxonomies):
    OrganisationFactory(slug="startup-x", kind=OrganisationKind.STARTUP)
    header = ["title", "kind", "description", "owner", "organisation", "research_areas", "trl"]
    data = csv_bytes(
        [
            header,
            ["A", "expertise", "Mô tả", "nobody@example.vn", "", "smart-farming", "3"],
            ["B", "service", "Mô tả", UserFactory().email, "startup-x", "underwater-basket-weaving", "12"],
        ]
    )

    report = upload(moderator_client, "capabilities", "c.csv", data).context["report"]

    assert sorted((p.row, p.column) for p in report.problems) == [
        (2, "owner"),
        (3, "organisation"),
        (3, "research_areas"),
        (3, "trl"),
    ]


def test_an_empty_yes_no_cell_keeps_what_is_stored_and_new_rows_are_public(moderator_client):
    OrganisationFactory(slug="kin-dao", name="Kín đáo", is_public=False)
    data = csv_bytes(
        organisation_rows(
            ["kin-dao", "Kín đáo", "startup", "Sensors for smarter traffic lights", "", "", ""],
            ["moi", "Mới", "startup", "", "", "", ""],
        )
    )

    result = upload(moderator_client, "organisations", "o.csv", data, dry_run=False).context["report"]

    assert (result.applied, result.unchanged, result.new) == (True, 1, 1)
    assert Organisation.objects.get(slug="kin-dao").is_public is False
    assert Organisation.objects.get(slug="moi").is_public is True


@pytest.mark.parametrize(
    ("widget", "cell", "expected"),
    [
        (widgets.DateWidget(), "31/08/2025", date(2025, 8, 31)),
        (widgets.DateWidget(), "2025-08-31", date(2025, 8, 31)),
        (widgets.DateWidget(), "31/02/2025", ValueError),
        (widgets.MoneyWidget(), "500.000.000", Decimal("500000000")),
        (widgets.MoneyWidget(), "1 200 000 ₫", Decimal("1200000")),
        (widgets.MoneyWidget(), 2_000_000.0, Decimal("2000000")),
        (widgets.MoneyWidget(), "1,5", ValueError),
        (widgets.BooleanWidget(), "Có", True),
        (widgets.BooleanWidget(), "không", False),
        (widgets.BooleanWidget(), "perhaps", ValueError),
        (widgets.IntegerWidget(), 3.0, 3),
        (widgets.IntegerWidget(), "3.5", ValueError),
    ],
)
def test_cells_are_read_the_way_people_write_them(widget, cell, expected):
    if expected is ValueError:
        with pytest.raises(ValueError):
            widget.clean(cell)
    else:
        assert widget.clean(cell) == expected


def _sheet_replaced(workbook: bytes, replace) -> bytes:
    """Rewrite the first sheet's XML of a workbook, as a hostile or broken program might have written it."""
    source, target = zipfile.ZipFile(io.BytesIO(workbook)), io.BytesIO()
    with zipfile.ZipFile(target, "w") as rewritten:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = replace(content)
            rewritten.writestr(item, content)
    return target.getvalue()


def test_a_sheet_declaring_a_million_rows_is_refused_after_reading_a_bounded_number(moderator_client):
    header = organisation_rows()[0]
    workbook = openpyxl.Workbook()
    workbook.active.append(header)
    workbook.active.cell(row=1_048_576, column=1, value="org-at-the-bottom")
    buffer = io.BytesIO()
    workbook.save(buffer)

    response = upload(moderator_client, "organisations", "tall.xlsx", buffer.getvalue())

    assert "goes on past row 15,000" in " ".join(response.context["form"].errors["file"])
    assert not Organisation.objects.exists()


def test_a_sheet_whose_xml_is_broken_is_a_message_not_an_error_page(moderator_client):
    rows = organisation_rows(["org", "Org", "startup", "", "", "", ""])
    broken = _sheet_replaced(xlsx_bytes(rows), lambda xml: xml.replace(b"</sheetData>", b"<row><c r=", 1))

    response = upload(moderator_client, "organisations", "broken-xml.xlsx", broken)

    assert response.status_code == 200
    assert "cannot be read near row" in " ".join(response.context["form"].errors["file"])
