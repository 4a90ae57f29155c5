"""Limit/offset pagination shared by list endpoints."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    limit: int = 50
    offset: int = 0

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= 500:
            raise ValueError("limit must be between 1 and 500")
        if self.offset < 0:
            raise ValueError("offset must not be negative")
