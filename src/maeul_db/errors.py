"""Domain errors. Services raise these; one handler renders them for the API and the web UI."""

from __future__ import annotations


class MaeulError(Exception):
    status_code = 400
    code = "bad_request"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotFound(MaeulError):
    status_code = 404
    code = "not_found"


class Forbidden(MaeulError):
    status_code = 403
    code = "forbidden"


class Unauthorized(MaeulError):
    status_code = 401
    code = "unauthorized"


class Conflict(MaeulError):
    status_code = 409
    code = "conflict"


class InvalidInput(MaeulError):
    status_code = 422
    code = "invalid"


class RRNRejected(InvalidInput):
    """A value shaped like a resident registration number (주민등록번호) was offered."""

    code = "rrn_rejected"


class RefdataMissing(MaeulError):
    status_code = 500
    code = "refdata_missing"
