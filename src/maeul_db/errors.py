"""Domain errors. Services raise these; one handler renders them for the API and the web UI.

An error names a wording-catalogue key and its parameters, never words:
``InvalidInput("text.bad_phone", value=text, field="phone")``; ``message`` (Korean) and
``message_en`` come from the catalogue. Until every module is converted (docs/decisions.md), a
first argument that is not a catalogue key is taken as a literal message; its ``code`` is then
the error kind.
"""

from __future__ import annotations

from typing import Any, ClassVar

from maeul_db.wording import is_code, message


def _excerpt(value: object) -> object:
    """A parameter as a message may show it: a long offending value cut to 40 characters, so an
    error never echoes a 100,000-character input."""
    if isinstance(value, str) and len(value) > 40:
        return value[:40] + "…"
    return value


class MaeulError(Exception):
    status_code = 400
    # The kind of error, the API body's "error" (stable since the first API release).
    error: ClassVar[str] = "bad_request"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # Subclasses written before the catalogue name their kind ``code``; read it as ``error``.
        super().__init_subclass__(**kwargs)
        legacy = cls.__dict__.get("code")
        if isinstance(legacy, str) and "error" not in cls.__dict__:
            cls.error = legacy

    def __init__(self, code: str, /, *, field: str | None = None, **params: object) -> None:
        params = {key: _excerpt(value) for key, value in params.items()}
        if is_code(code):
            self.code = code
            self.message = message(code, "ko", **params)
            self.message_en = message(code, "en", **params)
        else:  # a literal message from a module not converted yet
            self.code = self.error
            self.message = self.message_en = code
        super().__init__(self.message)
        self.params = params
        self.field = field


class NotFound(MaeulError):
    status_code = 404
    error = "not_found"


class Forbidden(MaeulError):
    status_code = 403
    error = "forbidden"


class Unauthorized(MaeulError):
    status_code = 401
    error = "unauthorized"


class Conflict(MaeulError):
    status_code = 409
    error = "conflict"


class InvalidInput(MaeulError):
    status_code = 422
    error = "invalid"


class RRNRejected(InvalidInput):
    """A value shaped like a resident registration number was offered."""

    error = "rrn_rejected"


class Unavailable(MaeulError):
    """The database stayed busy past the bounded wait (SQLite's one write lock): try again."""

    status_code = 503
    error = "unavailable"


class RefdataMissing(MaeulError):
    status_code = 500
    error = "refdata_missing"
