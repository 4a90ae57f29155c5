"""The participation family straight from the raw facts (issue 11), and the per-person grouping
of a period's facts that the month-mask path (``family_months``) also reads for its few people.

``summary_read`` takes the raw path for a period outside the summarised years or while the
summaries were never built; it gives the same rows as the summaries
(``tests/analytics/test_summary.py``).

Only "two projects or more" is ever asked of a person's project counts (``families.totals``), so
a person's projects are kept as their lowest and highest project id (two differ exactly when there
are two or more). Every column is a maximum or a minimum, so a person's row for Seoul is worked
out from their rows per district rather than from every fact again. "Ever, by the period's end"
reads the earlier participations of only the people who took part in exactly one project in the
period: whoever met two in the period has met two by its end, and the rest are not asked.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import and_, case, func, literal, or_, union_all
from sqlmodel import Session, col

from maeul_db.analytics.families import FamilyRow, scoped, totals
from maeul_db.analytics.queries import PERSON_KEY, select
from maeul_db.models import GroupMembership, Participation, Person
from maeul_db.models.analytics_summary import CITY_SCOPE

LEAD = "lead_proposer"


def meets(model: Any, start: date, end: date) -> Any:
    """The model's facts that overlap ``[start, end]`` (voided facts never count)."""
    return and_(
        col(model.valid_from) <= end,
        or_(col(model.valid_to).is_(None), col(model.valid_to) > start),
        col(model.voided_at).is_(None),
    )


def survivor_rows(keys: Any, name: str) -> Any:
    """The person rows (merged duplicates too) of the survivors ``keys`` (a CTE of distinct
    keys, column ``pid``), with their key: a survivor's own row is its key, and only the
    duplicates merged into them are looked up (by index). Their facts are then read through the
    person index."""
    dupes = select(col(Person.id), col(Person.merged_into_id)).where(
        col(Person.merged_into_id).in_(select(keys.c.pid))
    )
    return union_all(select(keys.c.pid.label("row"), keys.c.pid), dupes).cte(name)


def _owned(model: Any, people: Any, *columns: Any) -> Any:
    """(pid, district, *columns) of the model's facts: everyone's, or those of ``people``
    (``survivor_rows``)."""
    if people is None:
        return (
            select(PERSON_KEY.label("pid"), model.district_code, *columns)
            .select_from(model)
            .join(Person, col(Person.id) == model.person_id)
        )
    return (
        select(people.c.pid, model.district_code, *columns)
        .select_from(people)
        .join(model, model.person_id == people.c.row)
    )


def period_people(
    start: date, end: date, *, people: Any = None, members: bool = True, name: str
) -> Any:
    """Per person and scope (each district, and Seoul): took part, led, belonged in the period,
    and the lowest and highest project id met in it; everyone's, or those of ``people``
    (``members`` False: participations only, for the project ids alone)."""
    p, m = Participation, GroupMembership
    is_lead = case((col(p.role) == LEAD, 1), else_=0)
    parts = _owned(p, people, p.project_id, literal(1), is_lead, literal(0))
    branches = [parts.where(meets(p, start, end))]
    if members:
        belongs = _owned(m, people, literal(None), literal(0), literal(0), literal(1))
        branches.append(belongs.where(meets(m, start, end)))
    facts = union_all(*branches).subquery()
    pid, district, project, part, lead, member = tuple(facts.c)
    districts = (
        select(
            pid.label("pid"),
            district.label("scope"),
            func.max(part).label("part"),
            func.max(lead).label("lead"),
            func.max(member).label("member"),
            func.min(project).label("lo"),
            func.max(project).label("hi"),
        )
        .group_by(pid, district)
        .cte(f"{name}_districts")
    )
    d = districts.c
    city = select(
        d.pid,
        literal(CITY_SCOPE).label("scope"),
        func.max(d.part),
        func.max(d.lead),
        func.max(d.member),
        func.min(d.lo),
        func.max(d.hi),
    ).group_by(d.pid)
    return union_all(select(districts), city).cte(name)


def _ever(per_person: Any, end: date) -> Any:
    """Lowest and highest project id started by the period's end, per person and scope, for the
    people with exactly one project in the period (in some scope)."""
    p = Participation
    asked = select(per_person.c.pid).where(
        per_person.c.part == 1, per_person.c.lo == per_person.c.hi
    )
    started = (
        select(PERSON_KEY.label("pid"), p.project_id.label("project"))  # type: ignore[attr-defined]
        .select_from(p)
        .join(Person, col(Person.id) == p.person_id)
        .where(p.valid_from <= end, col(p.voided_at).is_(None), PERSON_KEY.in_(asked))
    )
    ever = union_all(*scoped(started, p.district_code)).subquery()
    return (
        select(
            ever.c.pid,
            ever.c.scope,
            func.min(ever.c.project).label("lo"),
            func.max(ever.c.project).label("hi"),
        )
        .group_by(ever.c.pid, ever.c.scope)
        .subquery()
    )


def from_facts(session: Session, start: date, end: date) -> list[FamilyRow]:
    """Any period, straight from participations and memberships."""
    per_person = period_people(start, end, name="per_person")
    ever = _ever(per_person, end)
    two_in_period = per_person.c.lo != per_person.c.hi
    people = (
        select(
            per_person.c.scope,
            Person.gender,
            Person.birth_year,
            per_person.c.part,
            per_person.c.lead,
            per_person.c.member,
            # 2 stands for "two or more": all that families.totals asks.
            case((two_in_period, 2), else_=per_person.c.part).label("projects"),
            case((or_(two_in_period, ever.c.lo != ever.c.hi), 2), else_=per_person.c.part).label(
                "to_date"
            ),
        )
        .join(Person, col(Person.id) == per_person.c.pid)
        .outerjoin(ever, and_(ever.c.pid == per_person.c.pid, ever.c.scope == per_person.c.scope))
        .subquery()
    )
    return totals(session, people, end.year)
