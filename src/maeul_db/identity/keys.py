"""Keyed hashes (HMAC-SHA256, server key ``MAEUL_IDENTITY_KEY``) of a person's normalised identity keys.

Districts compare these, never the other district's record: equal hashes mean equal normalised
keys, and without the server key a hash reveals nothing (DESIGN-NOTES "Identity").

- ``key_name_birth_phone``: name + birth year + phone (exact key)
- ``key_name_birth_email``: name + birth year + e-mail (exact key)
- ``key_name_birth``: name + birth year (weak key; the home dong is compared beside it, on the
  server, to tell "same name, birth year and home dong" from "same name and birth year")

Inputs must already be normalised by ``kit.text`` (the schemas and the import validator do that).
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Any

from maeul_db.config import get_settings


@dataclass(frozen=True)
class IdentityKeys:
    name_birth_phone: str | None
    name_birth_email: str | None
    name_birth: str

    def exact(self) -> tuple[str, ...]:
        return tuple(k for k in (self.name_birth_phone, self.name_birth_email) if k)


class KeyMaker:
    """Holds the HMAC key once, so a bulk import does not look the settings up per row."""

    def __init__(self, secret: str | None = None) -> None:
        self._key = (secret if secret is not None else get_settings().identity_key).encode()
        self._keyed = hmac.new(self._key, digestmod=hashlib.sha256)

    def _digest(self, kind: str, *parts: str) -> str:
        # A copy of the keyed state, not a new HMAC per digest (the same digest at half the cost:
        # an 8,000-row import makes 16,000 of them).
        state = self._keyed.copy()
        state.update("\x1f".join((kind, *parts)).encode())
        return state.hexdigest()

    def keys(
        self, *, name: str, birth_year: int, phone: str | None, email: str | None
    ) -> IdentityKeys:
        year = str(birth_year)
        return IdentityKeys(
            name_birth_phone=self._digest("nbp", name, year, phone) if phone else None,
            name_birth_email=self._digest("nbe", name, year, email) if email else None,
            name_birth=self._digest("nb", name, year),
        )


def keys_for(*, name: str, birth_year: int, phone: str | None, email: str | None) -> IdentityKeys:
    return KeyMaker().keys(name=name, birth_year=birth_year, phone=phone, email=email)


def fill_keys(person: Any) -> None:
    """Set the three key columns of a ``Person`` from its current details (create and update)."""
    keys = keys_for(
        name=person.name, birth_year=person.birth_year, phone=person.phone, email=person.email
    )
    person.key_name_birth_phone = keys.name_birth_phone
    person.key_name_birth_email = keys.name_birth_email
    person.key_name_birth = keys.name_birth
