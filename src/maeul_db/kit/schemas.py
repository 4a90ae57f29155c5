"""Base for every input schema: refuses resident-registration-number-shaped values in any field."""

from __future__ import annotations

from typing import Any

from pydantic import model_validator
from sqlmodel import SQLModel

from maeul_db.kit.text import reject_rrn


class InputSchema(SQLModel):
    @model_validator(mode="before")
    @classmethod
    def _no_rrn_anywhere(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for key, value in data.items():
                if isinstance(value, str):
                    reject_rrn(value, field=str(key))
        return data
