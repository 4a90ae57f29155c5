"""Base for every input schema: the rules every field of every input obeys, applied once here.

- no text shaped like a resident registration number, look-alike characters included
  (``kit.text.looks_like_rrn``), in any string, also inside lists such as consent scopes;
- no NUL or other control characters in text (tab and line breaks allowed);
- every integer fits a 32-bit column (ids and amounts are INTEGER on PostgreSQL), so an
  oversized number is a 422 rather than a database error;
- every date is a fact's date, within ``clock.check_fact_date``'s window.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import model_validator
from sqlmodel import SQLModel

from maeul_db.errors import InvalidInput
from maeul_db.kit import time as clock
from maeul_db.kit.text import reject_control, reject_rrn

# The largest value of PostgreSQL's INTEGER (SQLite's limit, 2**63 - 1, is larger).
INT_MAX = 2**31 - 1
INT_MIN = -(2**31)


def check_int(value: int, *, field: str) -> None:
    """Refuse an integer no column can hold (INTEGER on PostgreSQL)."""
    if not INT_MIN <= value <= INT_MAX:
        raise InvalidInput("input.number_out_of_range", field=field, low=INT_MIN, high=INT_MAX)


def check_text(value: Any, *, field: str) -> None:
    """Control characters and RRN-shaped text in a value, strings nested in lists and dicts too."""
    if isinstance(value, str):
        reject_control(value, field=field)
        reject_rrn(value, field=field)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            check_text(item, field=field)
    elif isinstance(value, dict):
        for key, item in value.items():
            check_text(key, field=field)
            check_text(item, field=field)


class InputSchema(SQLModel):
    @model_validator(mode="before")
    @classmethod
    def _no_rrn_anywhere(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for key, value in data.items():
                check_text(value, field=str(key))
        return data

    @model_validator(mode="after")
    def _bounded(self) -> InputSchema:
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, int) and not isinstance(value, bool):
                check_int(value, field=name)
            elif isinstance(value, date) and not isinstance(value, datetime):
                clock.check_fact_date(value, field=name)
        return self
