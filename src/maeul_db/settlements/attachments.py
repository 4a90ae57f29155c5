"""Attachments of reports and expenses: what is accepted (PDF, JPEG, PNG, told by their first
bytes, never by the name), how large, and where kept (the database, with the SHA-256).

A refused file raises before anything is added, and the caller's savepoint drops the row of the
use case that carried it, so nothing is stored.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass
from typing import BinaryIO

from sqlmodel import Session

from maeul_db.config import get_settings
from maeul_db.errors import InvalidInput, NotFound
from maeul_db.models import AttachmentPurpose, Project, StoredAttachment, UserAccount
from maeul_db.settlements.access import require_project_paperwork

# Magic numbers of the accepted types (the allow-list); anything else is refused.
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)
# A PDF that can run something when opened is refused, whatever else it holds.
ACTIVE_PDF = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFile|OpenAction|RichMedia)\b")
EXTENSIONS = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}


@dataclass(frozen=True)
class Upload:
    filename: str
    data: bytes


def read(stream: BinaryIO, filename: str | None) -> Upload:
    """An uploaded file (API and page alike), read no further than one byte past the limit."""
    data = stream.read(get_settings().attachment_max_bytes + 1)
    return Upload(filename=(filename or "file")[:200], data=data)


def from_base64(filename: str, content: str) -> Upload:
    """A file the JSON API carried in base64; refused clearly when it is not base64."""
    try:
        data = base64.b64decode(content, validate=True)
    except (binascii.Error, ValueError):
        raise InvalidInput("attachment.bad_base64", field="content_base64") from None
    return Upload(filename=filename, data=data)


def sniff(data: bytes) -> str | None:
    """The content type the bytes are, if one of the allowed types."""
    for magic, content_type in SIGNATURES:
        if data.startswith(magic):
            return content_type
    return None


def check(upload: Upload, *, field: str = "file") -> str:
    """The upload's content type; a clear refusal (size, type, active PDF) otherwise."""
    limit = get_settings().attachment_max_bytes
    if not upload.data:
        raise InvalidInput("attachment.empty", field=field)
    if len(upload.data) > limit:
        raise InvalidInput(
            "attachment.too_big",
            field=field,
            size=f"{len(upload.data):,}",
            limit=f"{limit // (1024 * 1024)}",
        )
    content_type = sniff(upload.data)
    if content_type is None:
        raise InvalidInput("attachment.refused_type", field=field, name=upload.filename[:80])
    if content_type == "application/pdf" and ACTIVE_PDF.search(upload.data):
        raise InvalidInput("attachment.active_pdf", field=field, name=upload.filename[:80])
    return content_type


def store(
    session: Session,
    *,
    user: UserAccount,
    project: Project,
    purpose: AttachmentPurpose,
    upload: Upload,
) -> StoredAttachment:
    """Check, then keep the file; for a use case that has checked access to ``project``."""
    content_type = check(upload)
    assert project.id is not None
    # The stored name is for people only: never used as a path, its extension follows the content.
    stem = re.sub(r"[^\w.\- ]", "_", upload.filename.rsplit(".", 1)[0])[:150] or "file"
    row = StoredAttachment(
        project_id=project.id,
        district_code=project.district_code,
        purpose=purpose,
        filename=stem + EXTENSIONS[content_type],
        content_type=content_type,
        size_bytes=len(upload.data),
        sha256=hashlib.sha256(upload.data).hexdigest(),
        data=upload.data,
        uploaded_by_id=user.id,
    )
    session.add(row)
    session.flush()
    return row


def get(
    session: Session, *, user: UserAccount, project_id: int, attachment_id: int
) -> StoredAttachment:
    """One attachment of a project the user may read (to download it)."""
    require_project_paperwork(session, user=user, project_id=project_id, action="read")
    row = session.get(StoredAttachment, attachment_id)
    if row is None or row.project_id != project_id:
        raise NotFound("attachment.not_found")
    return row
