"""Months of a year as a 12-bit mask (bit ``month - 1``): which months of a person-year a fact
meets, in SQL for the full refresh and in Python for the incremental one, and which months of a
year a period holds whole or in part (issue 11: an analyst's quarter read from the summaries,
not the raw facts).

A fact ``[valid_from, valid_to)`` meets a month when it starts by the month's last day and does
not end by its first (``valid_to`` is exclusive, as everywhere in the summaries).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Integer, case, cast, extract, literal
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

ALL_MONTHS = (1 << 12) - 1


class month_or(FunctionElement[int]):
    """Bitwise OR of 12-bit masks over a group: PostgreSQL's ``bit_or``; SQLite has no such
    aggregate, so there it is the sum of each bit's maximum."""

    type = Integer()
    inherit_cache = True


@compiles(month_or, "postgresql")
def _month_or_pg(element: month_or, compiler: SQLCompiler, **kw: Any) -> str:
    return f"bit_or({compiler.process(element.clauses, **kw)})"


@compiles(month_or)
def _month_or(element: month_or, compiler: SQLCompiler, **kw: Any) -> str:
    value = compiler.process(element.clauses, **kw)
    return "(" + " + ".join(f"max(({value}) & {1 << bit})" for bit in range(12)) + ")"


def meets(mask: Any, months: int) -> Any:
    """SQL: whether a mask column holds any of ``months``."""
    if months == ALL_MONTHS:  # any month at all (no bitwise AND per row)
        return mask != 0
    return mask.op("&")(months) != 0


def in_year(valid_from: Any, valid_to: Any, year_from: Any, year_to: Any) -> Any:
    """SQL: the months of the year ``[year_from, year_to]`` that a fact meeting it meets."""
    first = case((valid_from < year_from, 1), else_=_part("month", valid_from))
    ends_on_first = case((_part("day", valid_to) == 1, 1), else_=0)
    last = case(
        (valid_to.is_(None) | (valid_to > year_to), 12),
        else_=_part("month", valid_to) - ends_on_first,
    )
    one = literal(1, Integer)
    return one.bitwise_lshift(last) - one.bitwise_lshift(first - 1)  # bits first-1 .. last-1


def _part(field: str, day: Any) -> Any:
    # PostgreSQL's extract gives a numeric, which its << does not take.
    return cast(extract(field, day), Integer)


def of_fact(valid_from: date, valid_to: date | None, year: int) -> int:
    """Python: the same mask as ``in_year`` for a fact that meets ``year``."""
    first = 1 if valid_from.year < year else valid_from.month
    stop = None if valid_to is None else valid_to - timedelta(days=1)
    last = 12 if stop is None or stop.year > year else stop.month
    return (1 << last) - (1 << (first - 1))


def split(start: date, end: date, year: int) -> tuple[int, int]:
    """The months of ``year`` that ``[start, end]`` holds whole, and those it holds in part."""
    if not start.year <= year <= end.year:
        return 0, 0
    first = start.month if year == start.year else 1
    last = end.month if year == end.year else 12
    inner = edges = 0
    for month in range(first, last + 1):
        days = calendar.monthrange(year, month)[1]
        whole = start <= date(year, month, 1) and date(year, month, days) <= end
        if whole:
            inner |= 1 << (month - 1)
        else:
            edges |= 1 << (month - 1)
    return inner, edges


def month_number(year: int, month: int) -> int:
    """A month as one number (``year * 12 + month - 1``), as the person-years' ``prev_*``."""
    return year * 12 + month - 1


def last_month(mask: int, year: int) -> int:
    """Python: the last month of ``mask`` in ``year`` as a month number; 0 for no month."""
    return month_number(year, mask.bit_length()) if mask else 0


def last_month_sql(mask: Any, year: Any) -> Any:
    """SQL: as ``last_month``, NULL for no month (an aggregate then passes it over)."""
    top = case(*((mask >= (1 << bit), bit) for bit in range(11, -1, -1)), else_=None)
    return year * 12 + top


def first_month(mask: int, year: int) -> int:
    """Python: the first month of ``mask`` in ``year`` as a month number; 0 for no month."""
    return month_number(year, (mask & -mask).bit_length()) if mask else 0


def first_month_sql(mask: Any, year: Any) -> Any:
    """SQL: as ``first_month``, NULL for no month."""
    low = case(*((mask.op("&")(1 << bit) != 0, bit) for bit in range(12)), else_=None)
    return year * 12 + low


def first_whole(start: date, end: date) -> int:
    """The month number of the first month ``[start, end]`` holds whole; past its last month
    when it holds none. A person's earlier month before it (``prev_*``) lies before the period
    or in its first, partial month."""
    for year in range(start.year, end.year + 1):
        inner = split(start, end, year)[0]
        if inner:
            return first_month(inner, year)
    return month_number(end.year, end.month) + 1
