"""The KPI report's training hours from the summaries (issue 11): one row per person (the survivor
of merges, under their gender), scope (the attendance's district as ``kpi_cells.hours`` reads it,
``-`` for none, or Seoul ``*``) and month of the attendance day, holding the hours attended in
hundredths.

The hours of any period of whole months (a span of years, an analyst's quarter) and the distinct
people behind each scope × gender cell are then one grouped read of these rows where the raw
query joins every
attendance of the period to its enrolment and person (0.3-0.6 s on the seoul PostgreSQL). The
full refresh rebuilds the rows in one ``INSERT ... SELECT``; a write replaces the rows of the
people it touched (attendance, enrolment and person writes mark them: ``summary_hook``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Integer, String, cast, delete, func, insert, literal, union_all
from sqlmodel import Session, col

from maeul_db.analytics import summary_sql
from maeul_db.analytics.kpi_cells import SURVIVOR, HoursCell, survivor_gender
from maeul_db.analytics.queries import PERSON_KEY, person_in, select
from maeul_db.models import AnalyticsPersonHours, Enrolment, ModuleAttendance, Person
from maeul_db.models.analytics_summary import CITY_SCOPE

PH = AnalyticsPersonHours.__table__  # type: ignore[attr-defined]
NO_DISTRICT = "-"
CHUNK = 5_000


def _rows(people: list[int] | None) -> Any:
    """(person key, scope, year, gender, cents) from the raw attendances, for ``people`` (merge
    survivors) or everyone: once per district and once for Seoul."""
    owner = func.coalesce(Enrolment.district_code, Person.registered_district_code)
    day = func.coalesce(ModuleAttendance.attended_on, Enrolment.enrolled_on)
    facts = (
        select(
            PERSON_KEY.label("k"),
            cast(func.coalesce(owner, literal(NO_DISTRICT)), String(5)).label("scope"),
            cast(func.extract("year", day), Integer).label("y"),
            cast(func.extract("month", day), Integer).label("m"),
            survivor_gender().label("g"),
            cast(func.round(ModuleAttendance.hours_attended * 100), Integer).label("c"),
        )
        .select_from(ModuleAttendance)
        .join(Enrolment, col(Enrolment.id) == ModuleAttendance.enrolment_id)
        .join(Person, col(Person.id) == Enrolment.person_id)
        .outerjoin(SURVIVOR, col(SURVIVOR.id) == Person.merged_into_id)
    )
    if people is not None:
        # The indexable condition narrows; the key keeps exactly these survivors' facts.
        facts = facts.where(person_in(people), PERSON_KEY.in_(people))
    f = facts.subquery()
    city = literal(CITY_SCOPE, String(5))
    return union_all(
        select(f.c.k, f.c.scope, f.c.y, f.c.m, f.c.g, func.sum(f.c.c)).group_by(
            f.c.k, f.c.scope, f.c.y, f.c.m, f.c.g
        ),
        select(f.c.k, city, f.c.y, f.c.m, f.c.g, func.sum(f.c.c)).group_by(
            f.c.k, f.c.y, f.c.m, f.c.g
        ),
    )


COLUMNS = ["person_id", "scope", "year", "month", "gender", "cents"]


def rebuild(session: Session) -> None:
    """Every row, from the raw attendances."""
    session.execute(delete(PH))
    session.execute(insert(PH).from_select(COLUMNS, _rows(None)))


def replace(session: Session, keys: Iterable[int], survivors: Iterable[int]) -> None:
    """The rows of ``keys`` replaced by the survivors' fresh rows (summary_sql.replace_people)."""
    summary_sql.replace_people(
        session, PH, keys=keys, survivors=survivors, rows_of=_rows, columns=COLUMNS, chunk=CHUNK
    )


def cells(
    session: Session,
    *,
    first: int,
    last: int,
    district_code: str | None,
    months: tuple[int, int] = (1, 12),
) -> list[HoursCell]:
    """Hours per scope × gender from the first of ``months`` of the year ``first`` to the last of
    them of the year ``last`` (whole years unless told), with the people behind each cell (a
    person's rows summed first, so each is counted once per cell): the same cells as
    ``kpi_cells.hours`` for that period. For one district, its cells stand for Seoul's too (the
    raw query reads that district's attendances only)."""
    wanted = [district_code] if district_code else None
    month = PH.c.year * 12 + PH.c.month
    within = month.between(first * 12 + months[0], last * 12 + months[1])
    person = (
        select(PH.c.scope, PH.c.gender, PH.c.person_id, func.sum(PH.c.cents).label("cents"))
        .where(
            PH.c.year.between(first, last), within, *([PH.c.scope.in_(wanted)] if wanted else [])
        )
        .group_by(PH.c.scope, PH.c.gender, PH.c.person_id)
        .subquery()
    )
    stmt = select(person.c.scope, person.c.gender, func.sum(person.c.cents), func.count()).group_by(
        person.c.scope, person.c.gender
    )
    found = [
        HoursCell(None if s == NO_DISTRICT else s, str(g), int(c or 0), int(n))
        for s, g, c, n in session.execute(stmt)
    ]
    if district_code:
        found += [cell._replace(scope=CITY_SCOPE) for cell in found]
    return found
