"""The participation family for any period straight from the raw facts (issue 11): the way
``summary_read`` takes for a period that is not whole years (an analyst's quarter) or while the
summaries were never built. The same rows as ``families.from_person_years`` for whole years
(``tests/analytics/test_summary.py``).

Only "two projects or more" is ever asked of a person's project counts (``families.totals``), so
a person's projects are kept as their lowest and highest project id (two differ exactly when there
are two or more), which groups by hash where a distinct count would sort. "Ever, by the period's
end" reads the earlier participations of only the people who took part in exactly one project in
the period: whoever met two in the period has met two by its end, and the rest are not asked.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import and_, case, func, literal, or_, union_all
from sqlmodel import Session, col

from maeul_db.analytics.families import FamilyRow, scoped, totals
from maeul_db.analytics.queries import PERSON_KEY, select
from maeul_db.models import GroupMembership, Participation, Person


def meets(model: Any, start: date, end: date) -> Any:
    """The model's facts that overlap ``[start, end]`` (voided facts never count)."""
    return and_(
        col(model.valid_from) <= end,
        or_(col(model.valid_to).is_(None), col(model.valid_to) > start),
        col(model.voided_at).is_(None),
    )


def _period_facts(start: date, end: date) -> Any:
    """One row per fact in the period per scope: pid, project, part, lead, member, scope."""
    p, m = Participation, GroupMembership
    is_lead = case((col(p.role) == "lead_proposer", 1), else_=0)
    base_p = (
        select(
            PERSON_KEY.label("pid"),
            p.project_id.label("project"),  # type: ignore[attr-defined]
            literal(1).label("part"),
            is_lead.label("lead"),
            literal(0).label("member"),
        )
        .select_from(p)
        .join(Person, col(Person.id) == p.person_id)
        .where(meets(p, start, end))
    )
    base_m = (
        select(
            PERSON_KEY.label("pid"),
            literal(None).label("project"),
            literal(0).label("part"),
            literal(0).label("lead"),
            literal(1).label("member"),
        )
        .select_from(m)
        .join(Person, col(Person.id) == m.person_id)
        .where(meets(m, start, end))
    )
    return union_all(*scoped(base_p, p.district_code), *scoped(base_m, m.district_code)).subquery()


def _per_person(start: date, end: date) -> Any:
    facts = _period_facts(start, end)
    return (
        select(
            facts.c.pid,
            facts.c.scope,
            func.max(facts.c.part).label("part"),
            func.max(facts.c.lead).label("lead"),
            func.max(facts.c.member).label("member"),
            func.min(facts.c.project).label("lo"),
            func.max(facts.c.project).label("hi"),
        )
        .group_by(facts.c.pid, facts.c.scope)
        .cte("per_person")
    )


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
    per_person = _per_person(start, end)
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
