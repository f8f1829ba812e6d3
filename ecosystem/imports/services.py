"""Whole imports and exports of a dataset, checked against the acting person's permissions.

An import is validated as a whole inside one transaction: if any row is wrong, nothing is written
and the report lists every wrong cell; a dry run always rolls back and only reports what would change.
"""

import logging
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ecosystem.imports.resources import RESOURCES, BaseResource, RowChange
from ecosystem.imports.tables import CONTENT_TYPES, XLSX, FileProblem, table_read, table_write
from ecosystem.permissions import BULK_DATASETS, can_exchange_in_bulk

logger = logging.getLogger(__name__)

DATASET_LABELS = {
    "organisations": gettext_lazy("Organisations"),
    "capabilities": gettext_lazy("Research capabilities"),
    "programs": gettext_lazy("Programs and funding calls"),
    "participations": gettext_lazy("Past consortia and programme cohorts"),
}
# A report page stays readable; the counts above it always cover the whole file.
MAX_LISTED = 1000


@dataclass(frozen=True)
class Problem:
    row: int | None  # as numbered in the spreadsheet (the header is row 1); None for the whole file
    column: str | None
    message: str


@dataclass
class ImportReport:
    dataset: str
    filename: str
    dry_run: bool
    applied: bool = False
    file_problem: str = ""
    rows: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    invalid_rows: int = 0
    problems: list[Problem] = field(default_factory=list)
    changes: list[RowChange] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.file_problem and not self.problems

    @property
    def changed(self) -> int:
        return self.new + self.updated

    @property
    def listed_problems(self) -> list[Problem]:
        return self.problems[:MAX_LISTED]

    @property
    def unlisted_problems(self) -> int:
        return max(0, len(self.problems) - MAX_LISTED)

    @property
    def listed_changes(self) -> list[RowChange]:
        return self.changes[:MAX_LISTED]

    @property
    def unlisted_changes(self) -> int:
        return max(0, self.changed - len(self.listed_changes))


@dataclass(frozen=True)
class ExportFile:
    filename: str
    content_type: str
    content: bytes


def datasets_for(user) -> list[str]:
    """Return the datasets the person may import and export, in menu order."""
    return [dataset for dataset in BULK_DATASETS if can_exchange_in_bulk(user, dataset)]


def _require(user, dataset: str) -> type[BaseResource]:
    if dataset not in RESOURCES or not can_exchange_in_bulk(user, dataset):
        raise PermissionDenied
    return RESOURCES[dataset]


def _check_columns(resource_class: type[BaseResource], headers: list[str]) -> None:
    known = resource_class.columns()
    named = [header for header in headers if header]
    messages = []
    missing = [column for column in resource_class.required_columns if column not in named]
    if missing:
        messages.append(_("Required columns are missing: %(columns)s.") % {"columns": ", ".join(missing)})
    unknown = [header for header in named if header not in known]
    if unknown:
        messages.append(
            _("Unknown columns: %(columns)s. Check their spelling against the columns page.")
            % {"columns": ", ".join(unknown)}
        )
    repeated = sorted({header for header in named if named.count(header) > 1})
    if repeated:
        messages.append(_("Columns that appear twice: %(columns)s.") % {"columns": ", ".join(repeated)})
    if messages:
        raise FileProblem(" ".join(messages))


def import_run(
    *, user, dataset: str, data: bytes, filename: str, file_format: str = "", dry_run: bool = True
) -> ImportReport:
    """Return what importing the file does (or would do, for a dry run); nothing is written if any row is wrong."""
    resource_class = _require(user, dataset)
    report = ImportReport(dataset=dataset, filename=filename, dry_run=dry_run)
    try:
        table = table_read(data, filename=filename, declared=file_format)
        _check_columns(resource_class, table.headers)
    except FileProblem as problem:
        report.file_problem = problem.message
        return report

    resource = resource_class(user=user, row_numbers=table.row_numbers)
    with transaction.atomic():
        result = resource.import_data(
            table.as_dataset(), dry_run=dry_run, use_transactions=True, rollback_on_validation_errors=True
        )
        _fill_report(report, result, resource)
        report.applied = not dry_run and report.ok
        if not report.applied:
            transaction.set_rollback(True)
    logger.info(
        "bulk import %s",
        "applied" if report.applied else "previewed" if dry_run else "refused",
        extra={
            "user": user.pk,
            "dataset": dataset,
            "rows": report.rows,
            "new": report.new,
            "updated": report.updated,
            "problems": len(report.problems),
        },
    )
    return report


def _fill_report(report: ImportReport, result, resource: BaseResource) -> None:
    def spreadsheet_row(number: int) -> int:
        return resource.row_numbers[number - 1]

    report.rows = result.total_rows
    report.new = result.totals["new"]
    report.updated = result.totals["update"]
    report.unchanged = result.totals["skip"]
    report.invalid_rows = result.totals["invalid"] + result.totals["error"]
    report.changes = resource.changes
    for invalid in result.invalid_rows:
        for attribute, messages in invalid.error_dict.items():
            column = None if attribute == NON_FIELD_ERRORS else resource.column_of(attribute) or attribute
            report.problems.extend(Problem(spreadsheet_row(invalid.number), column, m) for m in messages)
    unexpected = _("This row could not be saved because of an unexpected error. Nothing was imported.")
    for failed in result.error_rows:
        for error in failed.errors:
            logger.error("bulk import row failed", exc_info=error.error, extra={"dataset": report.dataset})
        report.problems.append(Problem(spreadsheet_row(failed.number), None, unexpected))
    for error in result.base_errors:
        logger.error("bulk import failed", exc_info=error.error, extra={"dataset": report.dataset})
        report.problems.append(Problem(None, None, _("The import failed unexpectedly. Nothing was imported.")))
    report.problems.sort(key=lambda problem: problem.row or 0)


def export_build(*, user, dataset: str, file_format: str, empty: bool = False) -> ExportFile:
    """Return the dataset as a CSV or .xlsx file with the import's columns (`empty`: a template, headers only)."""
    resource_class = _require(user, dataset)
    resource = resource_class(user=user)
    exported = resource.export([] if empty else resource.export_rows(), force_native_type=file_format == XLSX)
    content = table_write(exported.headers, exported, file_format=file_format, title=dataset)
    suffix = "template" if empty else timezone.localdate().isoformat()
    logger.info("bulk export", extra={"user": user.pk, "dataset": dataset, "rows": len(exported)})
    return ExportFile(f"helix-{dataset}-{suffix}.{file_format}", CONTENT_TYPES[file_format], content)
