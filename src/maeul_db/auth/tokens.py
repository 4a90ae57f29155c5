"""Signed, expiring bearer tokens (itsdangerous), carrying the user id and the account's version.

Tokens embed a fingerprint of the password hash, so changing a password invalidates old tokens,
and the account's session version, so logging out (which bumps it) ends every token at once.
"""

from __future__ import annotations

import hashlib

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from maeul_db.errors import Unauthorized

_SALT = "maeul-db.api-token"


def _serializer(secret_key: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key, salt=_SALT)


def fingerprint(password_hash: str) -> str:
    return hashlib.sha256(password_hash.encode()).hexdigest()[:16]


def issue_token(secret_key: str, *, user_id: int, password_hash: str, version: int = 0) -> str:
    payload = {"uid": user_id, "fp": fingerprint(password_hash), "sv": version}
    return _serializer(secret_key).dumps(payload)


def read_token(secret_key: str, token: str, *, max_age: int) -> tuple[int, str, int]:
    """Return (user id, password fingerprint, session version) or raise Unauthorized."""
    try:
        data = _serializer(secret_key).loads(token, max_age=max_age)
    except SignatureExpired as exc:
        raise Unauthorized("auth.token_expired") from exc
    except BadSignature as exc:
        raise Unauthorized("auth.invalid_token") from exc
    if not isinstance(data, dict) or not isinstance(data.get("uid"), int):
        raise Unauthorized("auth.invalid_token")
    version = data.get("sv", 0)
    return data["uid"], str(data.get("fp", "")), version if isinstance(version, int) else -1
