"""Limit/offset pagination shared by every list: the page and the total in one place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, func, select


@dataclass(frozen=True)
class Page:
    limit: int = 50
    offset: int = 0

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= 500:
            raise ValueError("limit must be between 1 and 500")
        if self.offset < 0:
            raise ValueError("offset must not be negative")


def paginate(session: Session, stmt: Any, *, page: Page, order_by: Any) -> tuple[list[Any], int]:
    """One page of ``stmt`` in ``order_by`` order and the count of all its rows (count first, so the
    total never depends on the page)."""
    count = session.exec(select(func.count()).select_from(stmt.subquery())).one()
    order = order_by if isinstance(order_by, tuple | list) else (order_by,)
    rows = session.exec(stmt.order_by(*order).offset(page.offset).limit(page.limit)).all()
    return list(rows), int(count)
