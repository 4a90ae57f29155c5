"""The participation family per span of whole years (issue 11, slice i11-cold): the same figures as
``families.from_person_years`` for every span ``first < last`` of the summarised years, stored in
``analytics_span_count`` so a long period is a read of a few thousand rows, not a grouping of
millions of person-years.

Each person in each scope is folded into year bitmasks (bit ``year - MASK_BASE_YEAR``): the years
they took part, led, belonged to a group, met two projects or more, met a project not met the
year before; and the first year they had started two projects. For a span with mask ``m``:

- participant: ``part & m``; lead proposer, group member, engaged: ``lead``/``member``/``any & m``;
- repeat within the span (two distinct projects or more): a year of the span with two projects, or
  a year with a new project after the first year they took part in the span (``part & m``'s lowest
  bit, ``p & -p``): the first year's project plus a new one make two;
- repeat ever by the span's end: a participant whose second project started by the last year.

The full rebuild is one ``INSERT ... SELECT`` over the masks (a temporary table) joined to the
spans; a write moves the counts by the difference of the touched people's masks, computed here in
Python from their old and new person-year rows (the same rules).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Integer,
    MetaData,
    String,
    Table,
    and_,
    case,
    delete,
    func,
    insert,
    literal,
    union_all,
    update,
)
from sqlmodel import Session, col

from maeul_db.analytics.families import METRICS, FamilyRow, band_of
from maeul_db.analytics.indicators import age_band
from maeul_db.analytics.queries import select
from maeul_db.models import AnalyticsPersonYear, AnalyticsSpanCount
from maeul_db.models.analytics_summary import MASK_BASE_YEAR, MASK_LAST_YEAR

SC = AnalyticsSpanCount.__table__  # type: ignore[attr-defined]
MASKS = Table(
    "analytics_tmp_person_mask",
    MetaData(),
    Column("person_id", Integer),
    Column("scope", String(5)),
    Column("gender", String(1)),
    Column("birth_year", Integer),
    Column("part", BigInteger),
    Column("lead", BigInteger),
    Column("member", BigInteger),
    Column("seen", BigInteger),
    Column("multi", BigInteger),
    Column("fresh", BigInteger),
    Column("ever2", Integer),
    prefixes=["TEMPORARY"],
)


def span_years(first: int | None, last: int | None) -> tuple[int, int] | None:
    """The years whose spans are stored: the summarised years within the masks' 63 bits."""
    if first is None or last is None:
        return None
    low, high = max(first, MASK_BASE_YEAR), min(last, MASK_LAST_YEAR)
    return (low, high) if low < high else None


def _bit(year: Any) -> Any:
    return literal(1, BigInteger).op("<<")(year - MASK_BASE_YEAR)


def _mask_of(condition: Any) -> Any:
    """OR of the year bits where ``condition`` holds (one row per person, scope and year, so the
    sum of distinct bits is their OR)."""
    py = AnalyticsPersonYear
    in_range = col(py.year).between(MASK_BASE_YEAR, MASK_LAST_YEAR)
    return func.coalesce(
        func.sum(case((and_(in_range, condition), _bit(col(py.year))), else_=0)), 0
    )


def _mask_select() -> Any:
    py = AnalyticsPersonYear
    return select(
        py.person_id,
        py.scope,
        py.gender,
        py.birth_year,
        _mask_of(col(py.part) == 1),
        _mask_of(col(py.lead) == 1),
        _mask_of(col(py.member) == 1),
        _mask_of(literal(True)),
        _mask_of(col(py.projects) >= 2),
        _mask_of(col(py.projects) - col(py.carried) >= 1),
        func.min(case((col(py.projects_to_date) >= 2, py.year), else_=None)),
    ).group_by(py.person_id, py.scope, py.gender, py.birth_year)


def _spans(first: int, last: int) -> Any:
    """One row per stored span: (a, b, its year mask)."""
    rows = [
        select(
            literal(a).label("a"),
            literal(b).label("b"),
            literal(sum(1 << (y - MASK_BASE_YEAR) for y in range(a, b + 1)), BigInteger).label("m"),
        )
        for a in range(first, last + 1)
        for b in range(a + 1, last + 1)
    ]
    return union_all(*rows).subquery("spans")


def _nonzero(value: Any) -> Any:
    return value != 0


def _counts_select(first: int, last: int) -> Any:
    k, s = MASKS.c, _spans(first, last)

    def in_span(mask: Any) -> Any:
        return mask.op("&")(s.c.m)

    part = in_span(k.part)
    low = part.op("&")(literal(0, BigInteger) - part)
    fresh = in_span(k.fresh)
    repeat = and_(
        _nonzero(part),
        _nonzero(in_span(k.multi)) | _nonzero(fresh - fresh.op("&")(low)),
    )
    band = band_of(s.c.b - k.birth_year)

    def flag(condition: Any) -> Any:
        return func.sum(case((condition, 1), else_=0))

    return (
        select(
            s.c.a,
            s.c.b,
            k.scope,
            k.gender,
            band,
            flag(_nonzero(part)),
            flag(repeat),
            flag(and_(_nonzero(part), k.ever2 <= s.c.b)),
            flag(_nonzero(in_span(k.lead))),
            flag(_nonzero(in_span(k.member))),
            func.count(),
        )
        .select_from(MASKS)
        .join(s, _nonzero(in_span(k.seen)))
        .group_by(s.c.a, s.c.b, k.scope, k.gender, band)
    )


def rebuild(session: Session, years: tuple[int, int] | None) -> None:
    """Every span count, from the person-year rows (already rebuilt)."""
    session.execute(delete(SC))
    if years is None:
        return
    bind = session.connection()
    MASKS.drop(bind, checkfirst=True)
    MASKS.create(bind)
    session.execute(insert(MASKS).from_select([c.name for c in MASKS.c], _mask_select()))
    names = [c.name for c in SC.columns]
    session.execute(insert(SC).from_select(names, _counts_select(*years)))
    MASKS.drop(bind)


@dataclass
class Masks:
    """One person in one scope, as year bitmasks (the Python twin of ``_mask_select``)."""

    gender: str
    birth_year: int
    part: int = 0
    lead: int = 0
    member: int = 0
    seen: int = 0
    multi: int = 0
    fresh: int = 0
    ever2: int | None = None


def masks_of(rows: Iterable[Mapping[str, Any]]) -> dict[tuple[int, str], Masks]:
    """Person-year rows folded per person and scope."""
    result: dict[tuple[int, str], Masks] = {}
    for row in rows:
        masks = result.setdefault(
            (row["person_id"], row["scope"]), Masks(row["gender"], row["birth_year"])
        )
        year = row["year"]
        if row["projects_to_date"] >= 2:
            masks.ever2 = year if masks.ever2 is None else min(masks.ever2, year)
        if not MASK_BASE_YEAR <= year <= MASK_LAST_YEAR:
            continue
        bit = 1 << (year - MASK_BASE_YEAR)
        masks.seen |= bit
        masks.part |= bit if row["part"] == 1 else 0
        masks.lead |= bit if row["lead"] == 1 else 0
        masks.member |= bit if row["member"] == 1 else 0
        masks.multi |= bit if row["projects"] >= 2 else 0
        masks.fresh |= bit if row["projects"] - row["carried"] >= 1 else 0
    return result


def _values(masks: Masks, m: int, b: int) -> tuple[int, ...]:
    part = masks.part & m
    fresh = masks.fresh & m & ~(part & -part)
    repeat = bool(part) and bool(masks.multi & m or fresh)
    ever = bool(part) and masks.ever2 is not None and masks.ever2 <= b
    return (
        int(bool(part)),
        int(repeat),
        int(ever),
        int(bool(masks.lead & m)),
        int(bool(masks.member & m)),
        1,
    )


def _contributions(
    people: dict[tuple[int, str], Masks], years: tuple[int, int]
) -> Iterator[tuple[tuple[Any, ...], tuple[int, ...]]]:
    first, last = years
    for (_, scope), masks in people.items():
        for a in range(first, last + 1):
            m = 0
            for b in range(a, last + 1):
                m |= 1 << (b - MASK_BASE_YEAR)
                if b == a or not masks.seen & m:
                    continue
                key = (a, b, scope, masks.gender, age_band(b - masks.birth_year))
                yield key, _values(masks, m, b)


def delta(
    old: Iterable[Mapping[str, Any]],
    new: Iterable[Mapping[str, Any]],
    years: tuple[int, int] | None,
) -> dict[tuple[Any, ...], list[int]]:
    """How the span counts move when person-year rows ``old`` are replaced by ``new``."""
    moved: dict[tuple[Any, ...], list[int]] = {}
    if years is None:
        return moved
    for rows, sign in ((old, -1), (new, 1)):
        for key, values in _contributions(masks_of(rows), years):
            cell = moved.setdefault(key, [0] * len(METRICS))
            for index, value in enumerate(values):
                cell[index] += sign * value
    return moved


def apply(session: Session, moved: dict[tuple[Any, ...], list[int]]) -> None:
    """Span counts moved by ``moved`` (a cell met for the first time is inserted)."""
    for (a, b, scope, gender, band), change in moved.items():
        if not any(change):
            continue
        where = (
            SC.c.first_year == a,
            SC.c.last_year == b,
            SC.c.scope == scope,
            SC.c.gender == gender,
            SC.c.age_band == band,
        )
        values = {name: SC.c[name] + d for name, d in zip(METRICS, change, strict=True)}
        result: Any = session.execute(update(SC).where(*where).values(values))
        if result.rowcount == 0:
            keys = {"first_year": a, "last_year": b, "scope": scope, "gender": gender}
            row = {**keys, "age_band": band, **dict(zip(METRICS, change, strict=True))}
            session.execute(insert(SC).values(**row))


def read(session: Session, first: int, last: int) -> list[FamilyRow]:
    sc = AnalyticsSpanCount
    stmt = select(sc.scope, sc.gender, sc.age_band, *(getattr(sc, m) for m in METRICS)).where(
        col(sc.first_year) == first, col(sc.last_year) == last
    )
    return [FamilyRow(*row) for row in session.execute(stmt)]
