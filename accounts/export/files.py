"""The files the person uploaded: the logos of the startups they own, and the images and documents
they put in through the Wagtail admin. The JSON lists them; the zip carries them under `files/`."""

import logging
import posixpath
import shutil
import zipfile
from dataclasses import dataclass

from django.db.models.fields.files import FieldFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from ecosystem.models import Role, StartupProfile

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Upload:
    source: str  # "startup logo", "image" or "document"
    title: str
    file: FieldFile
    archive_path: str


def uploads(user) -> list[Upload]:
    """Return the person's uploaded files, each with a path of its own inside the zip."""
    found = []
    owned = StartupProfile.objects.filter(
        organisation__memberships__user=user, organisation__memberships__role=Role.OWNER
    ).select_related("organisation")
    found += [("startup logo", profile.organisation.name, profile.logo) for profile in owned if profile.logo]
    for source, model in (("image", get_image_model()), ("document", get_document_model())):
        found += [
            (source, item.title, item.file) for item in model.objects.filter(uploaded_by_user=user).order_by("pk")
        ]
    # Numbered, so two uploads with the same file name do not overwrite each other in the zip.
    return [
        Upload(source, title, file, f"files/{number:03d}-{posixpath.basename(file.name)}")
        for number, (source, title, file) in enumerate(found, start=1)
    ]


def _stored(upload: Upload) -> bool:
    return upload.file.storage.exists(upload.file.name)


def files(user) -> list[dict]:
    return [
        {
            "source": upload.source,
            "title": upload.title,
            "file_name": posixpath.basename(upload.file.name),
            "path_in_zip": upload.archive_path,
            "stored": _stored(upload),
        }
        for upload in uploads(user)
    ]


def add_to_archive(archive: zipfile.ZipFile, user) -> None:
    """Copy each stored upload into the zip, a chunk at a time (images can be large)."""
    for upload in uploads(user):
        if not _stored(upload):
            logger.warning("uploaded file missing from storage", extra={"user": user.pk, "file": upload.file.name})
            continue
        with upload.file.open("rb") as source, archive.open(upload.archive_path, "w") as target:
            shutil.copyfileobj(source, target)
