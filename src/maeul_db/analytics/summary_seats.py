"""The KPI report's council members from the summaries (issue 11): one row per seat holder (the
survivor of merges, under their gender) and scope (the seat's district, or Seoul ``*``) with two
year masks (bit ``year - MASK_BASE_YEAR``; years as ``summary_sql`` meets them: ``valid_to``
exclusive, open seats to the last summarised year):

- ``held``: the years in which they held a seat there;
- ``experienced``: the years whose earliest-starting seat (among the seats held that year) began
  after their first participation in a project, in any district.

The raw report counts a member of ``[start, end]`` as experienced when their first participation
came before the earliest start of their seats meeting the period. For whole years that earliest
start is the one of the first held year of the span (a seat held in a later year and started
before it is held in that first year too), so for a span mask ``m`` a member is ``held & m != 0``
and experienced is ``experienced & lowest bit of (held & m) != 0``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import (
    BigInteger,
    String,
    and_,
    case,
    cast,
    delete,
    func,
    insert,
    literal,
    union_all,
)
from sqlmodel import Session, col

from maeul_db.analytics import summary_sql
from maeul_db.analytics.kpi_cells import SeatCell
from maeul_db.analytics.queries import PERSON_KEY, person_in, select
from maeul_db.models import AnalyticsPersonSeat, CouncilSeat, Participation, Person
from maeul_db.models.analytics_summary import CITY_SCOPE, MASK_BASE_YEAR

PS = AnalyticsPersonSeat.__table__  # type: ignore[attr-defined]
COLUMNS = ["person_id", "scope", "gender", "held", "experienced"]
CHUNK = 5_000


def _bit(year: Any) -> Any:
    return literal(1, BigInteger).op("<<")(year - MASK_BASE_YEAR)


def _narrow(stmt: Any, people: list[int] | None) -> Any:
    """The statement for ``people`` (merge survivors) only, or everyone."""
    if people is None:
        return stmt
    # The indexable condition narrows; the key keeps exactly these survivors' facts.
    return stmt.where(person_in(people), PERSON_KEY.in_(people))


def _first_participation(people: list[int] | None) -> Any:
    """Each person's earliest participation start, in any district (voided rows left out)."""
    return _narrow(
        select(PERSON_KEY.label("k"), func.min(Participation.valid_from).label("first"))
        .select_from(Participation)
        .join(Person, col(Person.id) == Participation.person_id)
        .where(col(Participation.voided_at).is_(None))
        .group_by(PERSON_KEY),
        people,
    ).subquery("first")


def _rows(years: tuple[int, int], people: list[int] | None) -> Any:
    """(person key, scope, gender, held mask, experienced mask) from the raw seats."""
    span = summary_sql._years(*years)
    seat = CouncilSeat
    held = _narrow(
        select(
            PERSON_KEY.label("k"),
            cast(col(seat.district_code), String(5)).label("scope"),
            span.c.y.label("y"),
            func.min(seat.valid_from).label("since"),
        )
        .select_from(seat)
        .join(Person, col(Person.id) == seat.person_id)
        .join(span, summary_sql._meets(seat, span))
        .where(col(seat.voided_at).is_(None))
        .group_by(PERSON_KEY, seat.district_code, span.c.y),
        people,
    ).subquery("held")
    city = select(
        held.c.k, literal(CITY_SCOPE, String(5)).label("scope"), held.c.y, func.min(held.c.since)
    ).group_by(held.c.k, held.c.y)
    yearly = union_all(select(held.c.k, held.c.scope, held.c.y, held.c.since), city).subquery()
    first = _first_participation(people)
    after = and_(first.c.first.is_not(None), first.c.first < yearly.c.since)
    return (
        select(
            yearly.c.k,
            yearly.c.scope,
            Person.gender,
            func.sum(_bit(yearly.c.y)),
            func.sum(case((after, _bit(yearly.c.y)), else_=literal(0, BigInteger))),
        )
        .select_from(yearly)
        .join(Person, col(Person.id) == yearly.c.k)
        .outerjoin(first, first.c.k == yearly.c.k)
        .group_by(yearly.c.k, yearly.c.scope, Person.gender)
    )


def rebuild(session: Session, years: tuple[int, int] | None) -> None:
    """Every row, from the raw seats and participations."""
    session.execute(delete(PS))
    if years is not None:
        session.execute(insert(PS).from_select(COLUMNS, _rows(years, None)))


def replace(
    session: Session, keys: Iterable[int], survivors: Iterable[int], years: tuple[int, int] | None
) -> None:
    """The rows of ``keys`` replaced by the survivors' fresh rows (summary_sql.replace_people)."""
    summary_sql.replace_people(
        session,
        PS,
        keys=keys,
        survivors=survivors,
        rows_of=summary_sql.for_years(_rows, years),
        columns=COLUMNS,
        chunk=CHUNK,
    )


def cells(session: Session, *, first: int, last: int, district_code: str | None) -> list[SeatCell]:
    """Council members per scope × gender over the years ``first``-``last`` (the cells of
    ``kpi_cells.seats``); for one district, its cells stand for Seoul's too."""
    span = literal(sum(1 << (y - MASK_BASE_YEAR) for y in range(first, last + 1)), BigInteger)
    held = PS.c.held.op("&")(span)
    low = held.op("&")(literal(0, BigInteger) - held)
    experienced = case((low.op("&")(PS.c.experienced) != 0, 1), else_=0)
    stmt = (
        select(PS.c.scope, PS.c.gender, func.count(), func.sum(experienced))
        .where(held != 0, *([PS.c.scope == district_code] if district_code else []))
        .group_by(PS.c.scope, PS.c.gender)
    )
    found = [SeatCell(s, str(g), int(n), int(e or 0)) for s, g, n, e in session.execute(stmt)]
    if district_code:
        found += [cell._replace(scope=CITY_SCOPE) for cell in found]
    return found
