"""Keeping an uploaded file between the preview and "Confirm import".

The file goes to a private folder under a random name; only the person's session knows the name,
so the confirm step never trusts a path or a file sent back by the browser. Staged files expire
after an hour. Deployments with several web servers must point HELIX_IMPORT_STAGING_DIR at a
folder they share.
"""

import os
import secrets
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

SESSION_KEY = "helix_import_upload"
MAX_AGE_SECONDS = 60 * 60


@dataclass(frozen=True)
class StagedUpload:
    token: str
    dataset: str
    filename: str
    file_format: str
    data: bytes


def _folder() -> Path:
    folder = Path(getattr(settings, "HELIX_IMPORT_STAGING_DIR", Path(tempfile.gettempdir()) / "helix-imports"))
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def _path(user, token: str) -> Path:
    return _folder() / f"{user.pk}-{token}.upload"


def _forget_old_files() -> None:
    cutoff = time.time() - MAX_AGE_SECONDS
    for path in _folder().glob("*.upload"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
        except OSError:
            pass  # another request removed it first


def upload_stage(*, session, user, data: bytes, dataset: str, filename: str, file_format: str) -> str:
    """Keep the upload for the confirm step; return the token the confirm form sends back."""
    upload_discard(session=session, user=user)
    _forget_old_files()
    token = secrets.token_urlsafe(24)
    descriptor = os.open(_path(user, token), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)
    session[SESSION_KEY] = {
        "token": token,
        "user": user.pk,
        "dataset": dataset,
        "filename": filename,
        "file_format": file_format,
        "staged_at": time.time(),
    }
    return token


def upload_staged(*, session, user, token: str) -> StagedUpload | None:
    """Return the upload this session staged under `token`, or None if it is gone, stale or someone else's."""
    staged = session.get(SESSION_KEY)
    if not staged or staged.get("user") != user.pk or not secrets.compare_digest(staged["token"], token or ""):
        return None
    if time.time() - staged["staged_at"] > MAX_AGE_SECONDS:
        upload_discard(session=session, user=user)
        return None
    try:
        data = _path(user, staged["token"]).read_bytes()
    except OSError:
        return None
    return StagedUpload(staged["token"], staged["dataset"], staged["filename"], staged["file_format"], data)


def upload_discard(*, session, user) -> None:
    """Forget the staged upload, if any."""
    staged = session.pop(SESSION_KEY, None)
    if staged and staged.get("user") == user.pk:
        _path(user, staged["token"]).unlink(missing_ok=True)
