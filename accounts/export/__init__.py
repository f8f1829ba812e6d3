"""Everything Helix keeps about a person, as readable JSON (and a zip with the files they uploaded).

Vietnam's Decree 13/2023/NĐ-CP on personal data protection gives people the right to get their
data; each section below is one module's function, so a new kind of personal data gets its own.
"""

import json
import tempfile
import zipfile

from django.utils import timezone

from accounts.export import account, content, files, introductions, matches, notifications, saved_searches, security
from accounts.export.common import iso

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
    "introductions": introductions.introductions,
    "saved_and_dismissed_matches": matches.saved_and_dismissed_matches,
    "match_feedback": matches.match_feedback,
    "saved_searches": saved_searches.saved_searches,
    "notification_settings": notifications.notification_settings,
    "notifications": notifications.notifications,
    "email_deliveries": notifications.email_deliveries,
    "two_factor_authentication": security.two_factor,
    "uploaded_files": files.files,
}
JSON_NAME = "helix-data.json"


def user_data_export(*, user, session_key: str | None = None) -> dict:
    """Return everything Helix keeps about the person, section by section, ready for JSON."""
    data = {"exported_at": iso(timezone.now())}
    data.update((name, section(user)) for name, section in SECTIONS.items())
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
