"""Stable pseudonyms for analysts: HMAC-SHA256 of the id under the analytics key (PIPA art. 28-2:
the key is kept apart from the data; without it a pseudonym cannot be turned back into an id)."""

from __future__ import annotations

import hashlib
import hmac

PSEUDONYM_HEX = 16


def pseudonym(key: str, kind: str, entity_id: int) -> str:
    """``p_3f9a…`` for a person, ``j_…`` for a project, ``g_…`` for a group; same id, same key →
    same pseudonym."""
    digest = hmac.new(key.encode(), f"{kind}:{entity_id}".encode(), hashlib.sha256).hexdigest()
    return f"{kind[0]}_{digest[:PSEUDONYM_HEX]}"
