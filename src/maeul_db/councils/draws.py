"""Applicants and the public lottery (공개 추첨) among those trained.

The draw stores its seed; the result (winners in order, then the ranked reserve list) is stored
too, and every read re-runs the draw from the seed and the applicants who took part, so anyone can
see it reproduces. Only applicants with 6 council-school hours by the term's first day take part.
"""

from __future__ import annotations

import secrets
from decimal import Decimal

from sqlmodel import Session, col, select

from maeul_db.access_log import service as access_log
from maeul_db.audit import service as audit
from maeul_db.councils import rules
from maeul_db.councils import service as council_service
from maeul_db.councils.schemas import (
    ApplicantCreate,
    ApplicantPublic,
    DrawCreate,
    DrawEntry,
    DrawPublic,
)
from maeul_db.errors import Conflict, InvalidInput
from maeul_db.kit.time import check_fact_date
from maeul_db.models import (
    CouncilApplicant,
    CouncilDraw,
    CouncilDrawResult,
    DrawOutcome,
    Person,
    UserAccount,
)
from maeul_db.participants import service as participant_service
from maeul_db.training import council_school
from maeul_db.training.rules import COUNCIL_SCHOOL_MIN_HOURS


def _school_hours(session: Session, applicant: CouncilApplicant) -> Decimal:
    check = council_school.check(session, person_id=applicant.person_id, on=applicant.term_start)
    return check.hours


def applicants_of(session: Session, council_id: int) -> list[ApplicantPublic]:
    stmt = (
        select(CouncilApplicant, Person)
        .join(Person, col(Person.id) == CouncilApplicant.person_id)
        .where(CouncilApplicant.council_id == council_id)
        .order_by(col(CouncilApplicant.term_start), col(CouncilApplicant.person_id))
    )
    rows: list[ApplicantPublic] = []
    for applicant, person in session.exec(stmt).all():
        assert applicant.id is not None
        hours = _school_hours(session, applicant)
        rows.append(
            ApplicantPublic(
                id=applicant.id,
                person_id=applicant.person_id,
                person_name=person.name,
                gender=str(person.gender),
                applied_on=applicant.applied_on,
                term_start=applicant.term_start,
                school_hours=float(hours),
                trained=hours >= COUNCIL_SCHOOL_MIN_HOURS,
            )
        )
    return rows


def add_applicant(
    session: Session, *, user: UserAccount, council_id: int, data: ApplicantCreate
) -> ApplicantPublic:
    """Record an application for a term (공개모집); one per person and term."""
    council = council_service.get_for_write(session, user=user, council_id=council_id)
    check_fact_date(data.applied_on, field="applied_on")
    check_fact_date(data.term_start, field="term_start")
    participant_service.get(session, user=user, person_id=data.person_id)
    duplicate = session.exec(
        select(CouncilApplicant).where(
            CouncilApplicant.council_id == council_id,
            CouncilApplicant.person_id == data.person_id,
            CouncilApplicant.term_start == data.term_start,
        )
    ).first()
    if duplicate is not None:
        raise Conflict("council.applicant_exists", field="person_id")
    row = CouncilApplicant(
        council_id=council_id, district_code=council.district_code, **data.model_dump()
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="create",
        entity="council_applicant",
        entity_id=row.id,
        district_code=council.district_code,
        after=data.model_dump(mode="json"),
    )
    access_log.record(session, actor=user, action="councils.applicant", person_ids=[data.person_id])
    return next(a for a in applicants_of(session, council_id) if a.id == row.id)


def _pool(session: Session, council_id: int, draw: CouncilDraw) -> list[rules.Applicant]:
    """The trained applicants for the draw's term, as they stood on its first day."""
    return [
        rules.Applicant(a.person_id, a.gender)
        for a in applicants_of(session, council_id)
        if a.term_start == draw.term_start and a.trained
    ]


def run_draw(
    session: Session, *, user: UserAccount, council_id: int, data: DrawCreate
) -> DrawPublic:
    """Draw the term's seats among trained applicants with gender quotas; store seed and result."""
    council = council_service.get_for_write(session, user=user, council_id=council_id)
    check_fact_date(data.drawn_on, field="drawn_on")
    check_fact_date(data.term_start, field="term_start")
    draw = CouncilDraw(
        council_id=council_id,
        district_code=council.district_code,
        term_start=data.term_start,
        drawn_on=data.drawn_on,
        seed=data.seed or secrets.token_hex(16),
        women_seats=data.women_seats,
        men_seats=data.men_seats,
        drawn_by_user_id=user.id,
    )
    pool = _pool(session, council_id, draw)
    if not pool:
        raise InvalidInput("council.draw_no_applicants", field="term_start")
    session.add(draw)
    session.flush()
    assert draw.id is not None
    result = rules.draw(pool, seed=draw.seed, women=draw.women_seats, men=draw.men_seats)
    for outcome, ids in (
        (DrawOutcome.selected, result.selected),
        (DrawOutcome.reserve, result.reserve),
    ):
        session.add_all(
            CouncilDrawResult(draw_id=draw.id, person_id=pid, outcome=outcome, rank=rank)
            for rank, pid in enumerate(ids, start=1)
        )
    session.flush()
    audit.record(
        session,
        actor=user,
        action="draw",
        entity="council_draw",
        entity_id=draw.id,
        district_code=council.district_code,
        after={**data.model_dump(mode="json"), "seed": draw.seed, "selected": result.selected},
    )
    public = draw_public(session, draw)
    access_log.record(
        session,
        actor=user,
        action="councils.draw",
        person_ids=[e.person_id for e in public.selected + public.reserve],
    )
    return public


def draw_public(session: Session, draw: CouncilDraw) -> DrawPublic:
    assert draw.id is not None
    stmt = (
        select(CouncilDrawResult, Person)
        .join(Person, col(Person.id) == CouncilDrawResult.person_id)
        .where(CouncilDrawResult.draw_id == draw.id)
        .order_by(col(CouncilDrawResult.rank))
    )
    entries: dict[str, list[DrawEntry]] = {"selected": [], "reserve": []}
    pool: list[rules.Applicant] = []
    for result, person in session.exec(stmt).all():
        entries[str(result.outcome)].append(
            DrawEntry(
                person_id=result.person_id,
                person_name=person.name,
                gender=str(person.gender),
                rank=result.rank,
            )
        )
        pool.append(rules.Applicant(result.person_id, str(person.gender)))
    # Re-run from the stored seed over the people who took part: the same result or a warning.
    again = rules.draw(pool, seed=draw.seed, women=draw.women_seats, men=draw.men_seats)
    reproduced = again.selected == [e.person_id for e in entries["selected"]] and (
        again.reserve == [e.person_id for e in entries["reserve"]]
    )
    return DrawPublic(
        id=draw.id,
        term_start=draw.term_start,
        drawn_on=draw.drawn_on,
        seed=draw.seed,
        women_seats=draw.women_seats,
        men_seats=draw.men_seats,
        selected=entries["selected"],
        reserve=entries["reserve"],
        reproduced=reproduced,
    )


def draws_of(session: Session, council_id: int) -> list[DrawPublic]:
    stmt = (
        select(CouncilDraw)
        .where(CouncilDraw.council_id == council_id)
        .order_by(col(CouncilDraw.drawn_on), col(CouncilDraw.id))
    )
    return [draw_public(session, d) for d in session.exec(stmt).all()]
