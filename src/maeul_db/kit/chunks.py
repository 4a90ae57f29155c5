"""Values in chunks: for statements whose bound parameters have a limit (SQLite's 32,766, PostgreSQL's
65,535 per statement), and for inserts that keep memory bounded. Each caller chooses its size."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")
K = TypeVar("K", int, str)


def chunks(values: Iterable[T], size: int) -> Iterator[list[T]]:
    """``values`` in order, ``size`` at a time (the last chunk may be shorter; none is empty)."""
    if size < 1:
        raise ValueError("chunk size must be at least 1")
    iterator = iter(values)
    while chunk := list(islice(iterator, size)):
        yield chunk


def sorted_chunks(values: Iterable[K], size: int) -> Iterator[list[K]]:
    """The distinct ``values`` in ascending order, ``size`` at a time: for ``IN`` lists, where a
    repeated value adds nothing and sorted keys read an index in order."""
    return chunks(sorted(set(values)), size)
