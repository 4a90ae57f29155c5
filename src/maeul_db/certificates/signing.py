"""Canonical payloads, Ed25519 signatures and the sealed PDF format (pure; keys passed in).

A sealed certificate is the PDF (with ``certificate.json`` attached: payload, key id, payload
signature) followed by one PDF comment line after ``%%EOF``::

    %MAEUL-SEAL <kid> <base64 signature over every byte before this line>

PDF readers ignore bytes after ``%%EOF``, so the file prints and opens as usual, while a change to
any byte of the document, the attachment or the seal fails verification.
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

SEAL_MARK = b"\n%MAEUL-SEAL "
ATTACHMENT_NAME = "certificate.json"


def canonical(payload: dict[str, Any]) -> bytes:
    """Sorted keys, no spaces, UTF-8: the same facts always give the same bytes."""
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sign(private: Ed25519PrivateKey, data: bytes) -> str:
    return base64.b64encode(private.sign(data)).decode("ascii")


def verify(public: Ed25519PublicKey, data: bytes, signature: str) -> bool:
    try:
        public.verify(base64.b64decode(signature, validate=True), data)
    except (InvalidSignature, ValueError):
        return False
    return True


def envelope(payload: dict[str, Any], kid: str, signature: str) -> bytes:
    """The attachment: the payload as signed (canonical text), the key id and the signature."""
    return json.dumps(
        {"payload": canonical(payload).decode("utf-8"), "kid": kid, "signature": signature},
        ensure_ascii=False,
        indent=1,
    ).encode("utf-8")


def seal(pdf: bytes, kid: str, private: Ed25519PrivateKey) -> bytes:
    return pdf + SEAL_MARK + f"{kid} {sign(private, pdf)}\n".encode("ascii")


def split_seal(data: bytes) -> tuple[bytes, str, str] | None:
    """(document bytes, kid, signature) or None when there is no well-formed seal line."""
    at = data.rfind(SEAL_MARK)
    if at < 0:
        return None
    line = data[at + len(SEAL_MARK) :]
    if not line.endswith(b"\n") or line.count(b"\n") != 1:
        return None
    parts = line.strip().decode("ascii", errors="replace").split(" ")
    if len(parts) != 2:
        return None
    return data[:at], parts[0], parts[1]
