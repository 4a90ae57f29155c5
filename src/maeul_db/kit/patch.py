"""PATCH bodies: a field left out is unchanged, ``null`` clears it — so ``null`` on a field whose
column cannot be empty (a name, a gender, an amount) is the client's mistake, a 422, not a
database error."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import model_validator

from maeul_db.kit.schemas import InputSchema
from maeul_db.wording import message


class PatchSchema(InputSchema):
    # The fields that may be left out but never set to null.
    NOT_NULL: ClassVar[tuple[str, ...]] = ()

    @model_validator(mode="before")
    @classmethod
    def _refuse_null(cls, data: Any) -> Any:
        if isinstance(data, dict):
            nulls = [key for key in cls.NOT_NULL if key in data and data[key] is None]
            if nulls:
                raise ValueError(message("request.null_not_allowed", fields=", ".join(nulls)))
        return data
