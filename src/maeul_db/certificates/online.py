"""Ask a running server's public verification endpoint about a certificate checked offline.

An offline check proves the signature only; revocation and reissue live in the issuing database, so
``maeul-db cert verify --online URL`` asks ``URL/api/public/certificates/verify/{token}``. The token
identifies the scanned document itself (a reissue gets a new one), so the answer is about it."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from maeul_db.wording import message

TIMEOUT_S = 10.0


@dataclass(frozen=True)
class OnlineStatus:
    ok: bool
    text: str


class Unreachable(Exception):
    """The verification server did not answer with a readable verification."""


def fetch(base_url: str, token: str) -> dict[str, Any]:
    url = f"{base_url.rstrip('/')}/api/public/certificates/verify/{urllib.parse.quote(token)}"
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise Unreachable(message("certificate.online_unreachable", url=base_url, reason="scheme"))
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_S) as response:  # scheme checked above
            body = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        reason = f"HTTP {exc.code}"
        raise Unreachable(
            message("certificate.online_unreachable", url=url, reason=reason)
        ) from exc
    except (OSError, ValueError) as exc:
        reason = type(exc).__name__
        raise Unreachable(
            message("certificate.online_unreachable", url=url, reason=reason)
        ) from exc
    if not isinstance(body, dict):
        raise Unreachable(message("certificate.online_unreachable", url=url, reason="body"))
    return body


def check(base_url: str, payload: dict[str, Any]) -> OnlineStatus:
    """The server's word on the document whose signed payload is given."""
    answer = fetch(base_url, str(payload.get("verification_id", "")))
    number = str(payload.get("number", ""))
    if answer.get("number") != number:
        return OnlineStatus(
            False, message("certificate.online_mismatch", number=answer.get("number"))
        )
    status = str(answer.get("status"))
    text = message("certificate.online_status", number=number, status=status)
    if answer.get("superseded_by_number"):
        successor = answer["superseded_by_number"]
        text += "; " + message("certificate.online_superseded", successor=successor)
    return OnlineStatus(bool(answer.get("valid")), text)
