"""Helpers for the bulk import and export tests: people, files and the admin pages they use."""

import csv
import io

import openpyxl
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ecosystem.models import OrganisationKind, Role
from ecosystem.permissions import MODERATORS_GROUP
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.mfa import enable_totp

INDEX = "/admin/imports/"
CONFIRM = "/admin/imports/confirm/"


def admin_group(name: str) -> Group:
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    return group


def make_moderator():
    person = UserFactory()
    person.groups.add(admin_group(MODERATORS_GROUP))
    enable_totp(person)
    return person


def make_agency(slug: str, name: str = ""):
    return OrganisationFactory(slug=slug, name=name or slug, kind=OrganisationKind.GOVERNMENT_AGENCY, is_verified=True)


def make_officer(agency):
    person = MembershipFactory(organisation=agency, role=Role.MEMBER).user
    person.groups.add(admin_group("Agency officers"))
    enable_totp(person)
    return person


def csv_bytes(rows, *, bom: bool = False, delimiter: str = ",") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8-sig" if bom else "utf-8")


def xlsx_bytes(rows) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(client, dataset: str, name: str, data: bytes, *, dry_run: bool = True, file_format: str = ""):
    """Post a file to the import page as the form would."""
    form = {"dataset": dataset, "file_format": file_format, "file": SimpleUploadedFile(name, data)}
    if dry_run:
        form["dry_run"] = "on"
    return client.post(INDEX, form)


def confirm(client, preview):
    return client.post(CONFIRM, {"token": preview.context["token"]})


def export(client, dataset: str, file_format: str, **query):
    return client.get(reverse("ecosystem_imports:export", args=[dataset, file_format]), query)


def edit_cell(workbook_bytes: bytes, *, key_column: str, key: str, column: str, value) -> bytes:
    """Change one cell of an exported workbook, as someone would in Excel."""
    workbook = openpyxl.load_workbook(io.BytesIO(workbook_bytes))
    sheet = workbook.active
    headers = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if str(row[headers.index(key_column)].value) == key:
            row[headers.index(column)].value = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
