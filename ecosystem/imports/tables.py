"""Reading uploaded spreadsheets into rows and writing rows back out as CSV or Excel (.xlsx).

Row numbers are kept as the person sees them in their spreadsheet (the header is row 1), so every
message can point at the right line even when blank rows are skipped.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import PurePath

import tablib
from django.utils.translation import gettext as _

MAX_BYTES = 5 * 1024 * 1024
# Imports run inside the request; at roughly 10–80 ms a saved row this keeps one under a couple of minutes.
MAX_ROWS = 5_000
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
# Wider sheets are cut here: our widest dataset has about two dozen columns.
MAX_COLUMNS = 100
# Rows read per row allowed, blank ones included: a sheet may declare a million rows (A1:E1048576)
# with one filled at the bottom, and reading the empty ones costs tens of seconds.
SHEET_ROWS_PER_ROW = 3

CSV, XLSX = "csv", "xlsx"
CONTENT_TYPES = {
    CSV: "text/csv; charset=utf-8",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old binary Office files (.xls)
# Spreadsheet programs run cells that start with these as formulas; exports guard them with "'".
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class FileProblem(Exception):
    """The file as a whole cannot be read; `message` says why in plain words."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Table:
    headers: list[str]
    rows: list[list] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)

    def as_dataset(self) -> tablib.Dataset:
        return tablib.Dataset(*self.rows, headers=self.headers)


def header_code(value) -> str:
    """Return a column header as its code: "Contact e-mail " → "contact_e_mail"."""
    text = str(value or "").replace("\ufeff", "").strip().lower()
    return re.sub(r"[\s\-]+", "_", text)


def detect_format(data: bytes, *, filename: str, declared: str = "") -> str:
    """Return CSV or XLSX for an upload, or raise FileProblem for anything else."""
    if not data:
        raise FileProblem(_("The file is empty."))
    if len(data) > MAX_BYTES:
        raise FileProblem(_("The file is larger than 5 MB. Split it into smaller files and import them one by one."))
    extension = PurePath(filename or "").suffix.lower()
    if extension == ".xls" or data.startswith(_OLE_MAGIC):
        raise FileProblem(
            _("This is an old Excel file (.xls). Open it in Excel and save it as an Excel Workbook (.xlsx).")
        )
    file_format = declared or {".csv": CSV, ".txt": CSV, ".xlsx": XLSX}.get(extension)
    if file_format is None:
        raise FileProblem(
            _("“%(name)s” is not a CSV (.csv) or Excel (.xlsx) file.") % {"name": PurePath(filename or "").name}
        )
    if file_format == XLSX and not data.startswith(_ZIP_MAGIC):
        raise FileProblem(_("This file is not an Excel workbook (.xlsx). Choose CSV if it is a CSV file."))
    if file_format == CSV and (data.startswith(_ZIP_MAGIC) or b"\x00" in data[:4096]):
        raise FileProblem(_("This file is not a CSV text file. Choose Excel if it is an .xlsx workbook."))
    return file_format


def table_read(data: bytes, *, filename: str, declared: str = "") -> Table:
    """Return the headers and non-blank rows of an uploaded CSV or .xlsx file; raise FileProblem if unreadable."""
    file_format = detect_format(data, filename=filename, declared=declared)
    raw_rows = _csv_rows(data) if file_format == CSV else _xlsx_rows(data)
    table = None
    for number, values in raw_rows:
        values = [_unguard(value) for value in values[:MAX_COLUMNS]]
        if table is None:
            if number != 1 or not any(_filled(v) for v in values):
                raise FileProblem(_("Row 1 must hold the column names (see the columns page)."))
            table = Table(headers=[header_code(v) for v in values])
            continue
        if not any(_filled(v) for v in values):
            continue  # blank rows in the middle or at the end are not data
        if len(table.rows) >= MAX_ROWS:
            raise FileProblem(
                _("The file has more than %(max)s rows. Split it into smaller files and import them one by one.")
                % {"max": f"{MAX_ROWS:,}"}
            )
        width = len(table.headers)
        table.rows.append((values + [None] * width)[:width])
        table.row_numbers.append(number)
    if table is None:
        raise FileProblem(_("The file is empty."))
    if not table.rows:
        raise FileProblem(_("The file has column names but no rows of data."))
    return table


def _filled(value) -> bool:
    return value is not None and value != ""


def _unguard(value):
    """Undo the "'" an export puts before text a spreadsheet would take for a formula."""
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").strip()
        if len(value) > 1 and value[0] == "'" and value[1] in _FORMULA_STARTS:
            value = value[1:]
    return value


def _csv_rows(data: bytes):
    try:
        # Excel writes "CSV UTF-8" with a byte-order mark; utf-8-sig drops it when present.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem(
            _(
                "The file is not saved as UTF-8 text, so Vietnamese letters would be garbled. In Excel choose "
                "“CSV UTF-8 (Comma delimited)” when saving; in LibreOffice choose the “Unicode (UTF-8)” character set."
            )
        ) from None
    first_line = text.split("\n", 1)[0]
    # Spreadsheets in some locales separate with ";" (or tabs); the header line tells which.
    delimiter = max([",", ";", "\t"], key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        yield from enumerate(reader, start=1)
    except csv.Error:
        raise FileProblem(
            _("The CSV file is damaged near row %(row)s (for example a quote that is never closed).")
            % {"row": reader.line_num}
        ) from None


def _xlsx_rows(data: bytes):
    import openpyxl

    try:
        unpacked = sum(member.file_size for member in zipfile.ZipFile(io.BytesIO(data)).infolist())
    except (zipfile.BadZipFile, OSError):
        raise FileProblem(_("This Excel file cannot be opened; it may be damaged. Save it again and retry.")) from None
    if unpacked > MAX_UNPACKED_BYTES:  # a small file that unpacks into gigabytes would exhaust memory
        raise FileProblem(_("The workbook is too large once unpacked. Split it into smaller files."))
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl fails in many ways on damaged files; all mean the same
        raise FileProblem(_("This Excel file cannot be opened; it may be damaged. Save it again and retry.")) from None
    damaged = _("This Excel file cannot be read near row %(row)s; it may be damaged. Save it again and retry.")
    number, limit = 0, SHEET_ROWS_PER_ROW * MAX_ROWS
    try:
        if not workbook.worksheets:
            raise FileProblem(_("The file is empty."))
        rows = workbook.worksheets[0].iter_rows(max_col=MAX_COLUMNS)
        for number, cells in enumerate(rows, start=1):
            if number > limit:
                raise FileProblem(
                    _(
                        "The sheet goes on past row %(max)s, mostly with empty rows. Delete the empty rows "
                        "below and between your data (or copy the data into a new sheet) and try again."
                    )
                    % {"max": f"{limit:,}"}
                )
            yield number, [_xlsx_value(cell) for cell in cells]
    except FileProblem:
        raise
    except Exception:  # noqa: BLE001 - the sheet's XML is parsed as it is read; any parse error means damage
        raise FileProblem(damaged % {"row": number + 1}) from None
    finally:
        workbook.close()


def _xlsx_value(cell):
    value = cell.value
    # Excel keeps dates as date-times at midnight; a cell formatted without a time is a plain date.
    if isinstance(value, datetime) and value.time() == time(0) and "h" not in (cell.number_format or "").lower():
        return value.date()
    return value


def table_write(headers: list[str], rows, *, file_format: str, title: str = "Helix") -> bytes:
    """Return the rows as a CSV (UTF-8 with BOM, as Excel expects) or .xlsx file."""
    if file_format == CSV:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(headers)
        for row in rows:
            writer.writerow([_guard(_csv_text(value)) for value in row])
        return buffer.getvalue().encode("utf-8-sig")
    return _xlsx_bytes(headers, rows, title=title)


def _csv_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _guard(text: str) -> str:
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def _xlsx_bytes(headers: list[str], rows, *, title: str) -> bytes:
    import openpyxl
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    widths = [len(h) for h in headers]
    for row_number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters are not allowed in .xlsx
            cell = sheet.cell(row=row_number, column=column, value=value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text that looks like a formula stays text
            elif isinstance(value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            widths[column - 1] = max(widths[column - 1], min(len(str(value or "")), 60))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width + 2
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
