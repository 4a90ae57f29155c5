"""Verify a certificate PDF from its bytes alone (plus the public keys): seal, then payload."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from maeul_db.certificates import keys, signing


@dataclass
class FileCheck:
    ok: bool
    reason: str
    payload: dict[str, Any] = field(default_factory=dict)
    kid: str | None = None


def _envelope(document: bytes) -> dict[str, Any] | None:
    try:
        attachments = PdfReader(io.BytesIO(document)).attachments
        blobs = attachments.get(signing.ATTACHMENT_NAME) or []
        data = json.loads(blobs[0]) if blobs else None
    except (PdfReadError, ValueError, KeyError, IndexError, TypeError):
        return None
    return data if isinstance(data, dict) else None


def verify_bytes(data: bytes, key_dir: Path) -> FileCheck:
    sealed = signing.split_seal(data)
    if sealed is None:
        return FileCheck(False, "no seal line: not a maeul_db certificate or truncated")
    document, seal_kid, seal_signature = sealed
    seal_key = keys.public_key(key_dir, seal_kid)
    if seal_key is None:
        return FileCheck(False, f"unknown signing key {seal_kid}")
    if not signing.verify(seal_key, document, seal_signature):
        return FileCheck(False, "the PDF was changed after signing (seal signature mismatch)")
    envelope = _envelope(document)
    if envelope is None:
        return FileCheck(False, f"no readable {signing.ATTACHMENT_NAME} attachment")
    kid, text, signature = (str(envelope.get(k, "")) for k in ("kid", "payload", "signature"))
    public = keys.public_key(key_dir, kid)
    if public is None or not signing.verify(public, text.encode("utf-8"), signature):
        return FileCheck(False, "payload signature mismatch", kid=kid)
    payload = json.loads(text)
    if signing.canonical(payload) != text.encode("utf-8"):
        return FileCheck(False, "payload is not in canonical form", kid=kid)
    return FileCheck(True, "valid", payload=payload, kid=kid)
