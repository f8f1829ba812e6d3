"""Everything Helix keeps about a person, as readable JSON (and a zip with the files they uploaded).

Vietnam's Decree 13/2023/NĐ-CP on personal data protection gives people the right to get their
data; each section is one function. The account's own sections are listed here; every other app
adds its own from its `personal_data` module (`registry`), so a new kind of personal data gets its
section where that data lives.
"""

import json
import tempfile
import zipfile

from django.utils import timezone

from accounts.export import account, content, files, security
from accounts.export.common import iso
from accounts.export.registry import APP_SECTIONS

SECTIONS = {
    "account": account.account,
    "email_addresses": account.email_addresses,
    "social_accounts": account.social_accounts,
    "memberships": account.memberships,
    "join_requests": account.join_requests,
    "organisation_invitations": account.invitations_received,
    "startup_profiles": content.startup_profiles,
    "capabilities": content.capabilities,
    "mentor_offer": content.mentor_offer,
    "needs": content.needs,
}
LAST_SECTIONS = {
    "two_factor_authentication": security.two_factor,
    "uploaded_files": files.files,
}
JSON_NAME = "helix-data.json"


def user_data_export(*, user, session_key: str | None = None) -> dict:
    """Return everything Helix keeps about the person, section by section, ready for JSON."""
    data = {"exported_at": iso(timezone.now())}
    sections = {**SECTIONS, **APP_SECTIONS, **LAST_SECTIONS}
    data.update((name, section(user)) for name, section in sections.items())
    data["sessions"] = security.sessions(user, current_key=session_key)
    return data


def as_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def user_data_zip(*, user, session_key: str | None = None):
    """Return a temporary file holding a zip: the JSON export and the files the person uploaded."""
    # Returned open: the response streams it and closes it once sent.
    archive_file = tempfile.TemporaryFile()  # noqa: SIM115
    with zipfile.ZipFile(archive_file, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(JSON_NAME, as_json(user_data_export(user=user, session_key=session_key)))
        files.add_to_archive(archive, user)
    archive_file.seek(0)
    return archive_file
