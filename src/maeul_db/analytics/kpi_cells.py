"""The KPI report's council and training-hours families counted in the database (issue 11): one
grouped query each, per scope (each district, and ``*`` for Seoul, where a person counts once) ×
gender, instead of every seat and every person's hours fetched and folded in Python.

A person counts under the gender of the survivor of merges (as in the summaries), so a merged
duplicate's facts never split one person over two genders.
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import Integer, String, case, cast, func, literal, or_, union_all
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from maeul_db.analytics.queries import PERSON_KEY, select
from maeul_db.models import (
    AnalyticsLadderReach,
    CouncilSeat,
    Enrolment,
    ModuleAttendance,
    Participation,
    Person,
)
from maeul_db.models.analytics_summary import CITY_SCOPE

SURVIVOR = aliased(Person, name="survivor")


class SeatCell(NamedTuple):
    """Council members of one scope and gender, and those of them who had taken part in a project
    (in any district) before their first seat of the period in that scope."""

    scope: str | None
    gender: str
    members: int
    experienced: int


class HoursCell(NamedTuple):
    """Training hours (in hundredths) of one scope and gender, and the people behind them."""

    scope: str | None
    gender: str
    cents: int
    people: int


def survivor_gender() -> Any:
    """The person's gender, or for a merged duplicate the survivor's (``SURVIVOR`` joined on
    ``merged_into_id``: only duplicates meet a row there)."""
    return func.coalesce(SURVIVOR.gender, Person.gender)


def _district(column: Any, district_code: str | None) -> Any:
    return column == district_code if district_code else True


def _held(start: date, end: date, district_code: str | None) -> Any:
    """(person, district, first seat start) for seats meeting the period, not voided."""
    seat = CouncilSeat
    return (
        select(
            PERSON_KEY.label("pid"),
            cast(col(seat.district_code), String(5)).label("scope"),
            func.min(seat.valid_from).label("since"),
        )
        .select_from(seat)
        .join(Person, col(Person.id) == seat.person_id)
        .where(
            col(seat.valid_from) <= end,
            or_(col(seat.valid_to).is_(None), col(seat.valid_to) > start),
            col(seat.voided_at).is_(None),
            _district(seat.district_code, district_code),
        )
        .group_by(PERSON_KEY, seat.district_code)
        .cte("held")
    )


def _first_participation(held: Any, from_reach: bool) -> Any:
    """Each seat holder's earliest participation start in any district: the ladder reach
    summary's city-wide ``participant`` day when it is built, else the raw facts."""
    if from_reach:
        reach = AnalyticsLadderReach
        return (
            select(col(reach.person_id).label("pid"), col(reach.participant).label("first"))
            .where(
                col(reach.scope) == CITY_SCOPE,
                col(reach.person_id).in_(select(held.c.pid)),
            )
            .subquery("first")
        )
    return (
        select(PERSON_KEY.label("pid"), func.min(Participation.valid_from).label("first"))
        .select_from(Participation)
        .join(Person, col(Person.id) == Participation.person_id)
        .where(col(Participation.voided_at).is_(None), PERSON_KEY.in_(select(held.c.pid)))
        .group_by(PERSON_KEY)
        .subquery("first")
    )


def seats(
    session: Session,
    *,
    start: date,
    end: date,
    district_code: str | None = None,
    from_reach: bool = False,
) -> list[SeatCell]:
    """Council members per scope × gender; Seoul's first seat is the earliest in any district."""
    held = _held(start, end, district_code)
    city = select(
        held.c.pid, literal(CITY_SCOPE, String(5)).label("scope"), func.min(held.c.since)
    ).group_by(held.c.pid)
    scoped = union_all(select(held.c.pid, held.c.scope, held.c.since), city).subquery("scoped")
    first = _first_participation(held, from_reach)
    experienced = case((first.c.first < scoped.c.since, 1), else_=0)
    stmt = (
        select(scoped.c.scope, SURVIVOR.gender, func.count(), func.sum(experienced))
        .select_from(scoped)
        .join(SURVIVOR, col(SURVIVOR.id) == scoped.c.pid)
        .outerjoin(first, first.c.pid == scoped.c.pid)
        .group_by(scoped.c.scope, SURVIVOR.gender)
    )
    return [SeatCell(s, str(g), int(n), int(e or 0)) for s, g, n, e in session.execute(stmt)]


def hours(
    session: Session, *, start: date, end: date, district_code: str | None = None
) -> list[HoursCell]:
    """Hours attended in training modules in the period (by the session day, else the enrolment
    day; the district is the enrolment's, else the person's registering district) per scope ×
    gender, in hundredths (SQLite's floating-point SUM cannot round the Numeric(6, 2) hours),
    with the people behind each cell. Summed per person first, so each cell counts rows, not
    distinct people (PostgreSQL sorted 115,000 rows on disk for ``COUNT(DISTINCT)``)."""
    owner = cast(func.coalesce(Enrolment.district_code, Person.registered_district_code), String(5))
    day = func.coalesce(ModuleAttendance.attended_on, Enrolment.enrolled_on)
    cents = func.sum(cast(func.round(ModuleAttendance.hours_attended * 100), Integer))
    per_person = (
        select(
            PERSON_KEY.label("pid"),
            owner.label("scope"),
            survivor_gender().label("gender"),
            cents.label("cents"),
        )
        .select_from(ModuleAttendance)
        .join(Enrolment, col(Enrolment.id) == ModuleAttendance.enrolment_id)
        .join(Person, col(Person.id) == Enrolment.person_id)
        .outerjoin(SURVIVOR, col(SURVIVOR.id) == Person.merged_into_id)
        .where(day.between(start, end), _district(owner, district_code))
        .group_by(PERSON_KEY, owner, survivor_gender())
        .cte("per_person")
    )
    p = per_person.c
    city = (
        select(p.pid, p.gender, func.sum(p.cents).label("cents"))
        .group_by(p.pid, p.gender)
        .subquery("city")
    )
    stmt = union_all(
        select(p.scope, p.gender, func.sum(p.cents), func.count()).group_by(p.scope, p.gender),
        select(
            literal(CITY_SCOPE, String(5)), city.c.gender, func.sum(city.c.cents), func.count()
        ).group_by(city.c.gender),
    )
    return [HoursCell(s, str(g), int(c or 0), int(n)) for s, g, c, n in session.execute(stmt)]
