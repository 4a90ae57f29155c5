"""Ed25519 signing keys in files: ``<kid>.key`` (private, 0600), ``<kid>.pub`` and ``current``.

Rotation writes a new key and points ``current`` at it; old public keys stay, so every certificate
issued before remains verifiable. Outside production a missing key is generated on first use.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from maeul_db.config import get_settings
from maeul_db.errors import MaeulError

CURRENT = "current"


class KeyMissing(MaeulError):
    status_code = 500
    error = "signing_key_missing"


def key_id(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "ed25519-" + hashlib.sha256(raw).hexdigest()[:16]


def generate(directory: Path) -> str:
    """Write a new key pair, make it current and return its key id."""
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    private = Ed25519PrivateKey.generate()
    kid = key_id(private.public_key())
    secret = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    fd = os.open(directory / f"{kid}.key", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(secret)
    (directory / f"{kid}.pub").write_bytes(
        private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    (directory / CURRENT).write_text(kid + "\n")
    return kid


def load_private(directory: Path, kid: str) -> Ed25519PrivateKey:
    path = directory / f"{kid}.key"
    if not path.exists():
        raise KeyMissing("certificate.key_missing", kid=kid, directory=directory)
    private = serialization.load_pem_private_key(path.read_bytes(), None)
    if not isinstance(private, Ed25519PrivateKey):
        raise KeyMissing("certificate.key_not_ed25519", path=path)
    return private


def signing_key(directory: Path) -> tuple[str, Ed25519PrivateKey]:
    """The current key; generated on first use outside production."""
    current = directory / CURRENT
    if not current.exists():
        if get_settings().environment == "production":
            raise KeyMissing("certificate.no_signing_key", directory=directory)
        generate(directory)
    kid = current.read_text().strip()
    return kid, load_private(directory, kid)


def public_key(directory: Path, kid: str) -> Ed25519PublicKey | None:
    if not kid.replace("-", "").isalnum():
        return None
    path = directory / f"{kid}.pub"
    if not path.exists():
        return None
    public = serialization.load_pem_public_key(path.read_bytes())
    return public if isinstance(public, Ed25519PublicKey) else None
