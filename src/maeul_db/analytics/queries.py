"""The SQL of analytics: plain rows for the pure indicator, ladder and graph functions.

Every query takes the period ``[start, end]`` (both inclusive) and an optional district; voided
(corrected-away) facts never count, and a merged-away duplicate counts as the person it was merged into.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import Integer, and_, cast, func, or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from maeul_db.models import (
    Career,
    Certificate,
    CertificateKind,
    CouncilSeat,
    District,
    Dong,
    DongSuccession,
    Enrolment,
    ExpertPlacement,
    GroupMembership,
    JobType,
    ModuleAttendance,
    Participation,
    Person,
    Project,
    TrainingCompletion,
    TrainingProgram,
    TrainingStage,
)
from maeul_db.privacy import consent


def select(*columns: Any) -> Any:
    """Core ``select`` over model attributes (SQLModel's typed overloads stop at plain tuples)."""
    return sa_select(*columns)


PERSON_KEY = func.coalesce(Person.merged_into_id, Person.id)


class PartRow(NamedTuple):
    person_id: int
    project_id: int
    role: str
    district_code: str
    valid_from: date
    gender: str
    birth_year: int
    stage: str
    year: int


class ProjectCount(NamedTuple):
    district_code: str
    stage: str
    programme: str
    n: int


class SeatRow(NamedTuple):
    person_id: int
    district_code: str
    gender: str
    seat_from: date


class PersonFact(NamedTuple):
    """One dated fact about a person (first participation, a completion, a placement...)."""

    person_id: int
    district_code: str | None
    gender: str
    on: date


class HoursRow(NamedTuple):
    person_id: int
    district_code: str | None
    gender: str
    hours: Decimal


class MemberRow(NamedTuple):
    person_id: int
    group_id: int
    district_code: str
    valid_from: date


def _overlaps(model: Any, start: date, end: date) -> Any:
    """The fact's interval meets ``[start, end]`` and was not voided."""
    return and_(
        model.valid_from <= end,
        or_(model.valid_to.is_(None), model.valid_to > start),
        model.voided_at.is_(None),
    )


def person_in(ids: list[int]) -> Any:
    """The people ``ids`` with the duplicates merged into them, as an indexable condition (the
    ``PERSON_KEY`` expression itself is not)."""
    return or_(col(Person.id).in_(ids), col(Person.merged_into_id).in_(ids))


def _district(column: Any, district_code: str | None) -> Any:
    return column == district_code if district_code else True


def _person(person_id: int | None) -> Any:
    """One person's facts (with those of duplicates merged into them), or everyone's."""
    return PERSON_KEY.in_([person_id]) if person_id is not None else True


def _research(consented: bool) -> Any:
    """With ``consented``, people who withdrew research consent are left out (networks and
    analyst exports: docs/indicators.md "Consent"); counts and indicators keep everyone."""
    return ~consent.research_withdrawn(Person.id) if consented else True


def participations(
    session: Session,
    *,
    start: date,
    end: date,
    district_code: str | None = None,
    person_id: int | None = None,
    consented: bool = False,
) -> list[PartRow]:
    stmt = (
        select(
            PERSON_KEY,
            Participation.project_id,
            Participation.role,
            Participation.district_code,
            Participation.valid_from,
            Person.gender,
            Person.birth_year,
            Project.stage,
            Project.year,
        )
        .join(Person, col(Person.id) == Participation.person_id)
        .join(Project, col(Project.id) == Participation.project_id)
        .where(
            _overlaps(Participation, start, end),
            _district(Participation.district_code, district_code),
            _person(person_id),
            _research(consented),
        )
    )
    return [PartRow(*row) for row in session.execute(stmt)]


def projects(
    session: Session, *, first_year: int, last_year: int, district_code: str | None = None
) -> list[ProjectCount]:
    """Projects of the years per district, stage and programme (counted in the database)."""
    keys = (Project.district_code, Project.stage, Project.programme)
    stmt = (
        select(*keys, func.count())
        .where(
            col(Project.year).between(first_year, last_year),
            _district(Project.district_code, district_code),
        )
        .group_by(*keys)
    )
    return [ProjectCount(*row) for row in session.execute(stmt)]


def districts(session: Session) -> list[tuple[str, str, int | None]]:
    """(code, Korean name, Korean population) of every district."""
    stmt = select(District.code, District.name_ko, District.population_korean).order_by(
        District.code
    )
    return [(code, name, pop) for code, name, pop in session.execute(stmt)]


def latest_project_year(session: Session) -> int | None:
    value = session.execute(select(func.max(Project.year))).scalar()
    return int(value) if value is not None else None


def dongs_per_district(session: Session, *, on: date) -> dict[str, int]:
    """Dongs valid on ``on``, per district (the plan places 2 experts per dong)."""
    stmt = (
        select(Dong.district_code, func.count())
        .where(
            or_(col(Dong.valid_from).is_(None), col(Dong.valid_from) <= on),
            or_(col(Dong.valid_to).is_(None), col(Dong.valid_to) > on),
        )
        .group_by(Dong.district_code)
    )
    return {code: int(n) for code, n in session.execute(stmt)}


def council_seats(
    session: Session,
    *,
    start: date,
    end: date,
    district_code: str | None = None,
    person_id: int | None = None,
) -> list[SeatRow]:
    stmt = (
        select(PERSON_KEY, CouncilSeat.district_code, Person.gender, CouncilSeat.valid_from)
        .join(Person, col(Person.id) == CouncilSeat.person_id)
        .where(
            _overlaps(CouncilSeat, start, end),
            _district(CouncilSeat.district_code, district_code),
            _person(person_id),
        )
    )
    return [SeatRow(*row) for row in session.execute(stmt)]


def first_participation_of_seats(
    session: Session, *, start: date, end: date, district_code: str | None = None
) -> dict[int, date]:
    """The earliest participation start (any district) of each person holding a council seat in
    the period, read from the ladder reach summary (its city-wide ``participant`` day is exactly
    that): one indexed join instead of a grouped scan of participations per 500 members."""
    from maeul_db.models import AnalyticsLadderReach as Reach

    stmt = (
        select(PERSON_KEY, Reach.participant)
        .select_from(CouncilSeat)
        .join(Person, col(Person.id) == CouncilSeat.person_id)
        .join(Reach, and_(col(Reach.person_id) == PERSON_KEY, col(Reach.scope) == "*"))
        .where(
            _overlaps(CouncilSeat, start, end),
            _district(CouncilSeat.district_code, district_code),
            col(Reach.participant).is_not(None),
        )
        .distinct()
    )
    return {int(pid): _as_date(first) for pid, first in session.execute(stmt)}


def first_participation(session: Session, *, person_ids: set[int] | None = None) -> dict[int, date]:
    """Each person's earliest participation start, in any district (cross-programme by design)."""
    stmt = (
        select(PERSON_KEY, func.min(Participation.valid_from))
        .join(Person, col(Person.id) == Participation.person_id)
        .where(col(Participation.voided_at).is_(None))
        .group_by(PERSON_KEY)
    )
    if person_ids is None:
        return {int(pid): first for pid, first in session.execute(stmt)}
    # Only the people asked about (council members: thousands, not everyone), in chunks of
    # bound parameters.
    wanted = sorted(person_ids)
    rows: dict[int, date] = {}
    for at in range(0, len(wanted), 500):
        chunk = wanted[at : at + 500]
        rows.update(
            (int(pid), first) for pid, first in session.execute(stmt.where(person_in(chunk)))
        )
    return rows


def completions(
    session: Session,
    *,
    stages: tuple[TrainingStage, ...],
    end: date,
    district_code: str | None = None,
    person_id: int | None = None,
) -> list[tuple[PersonFact, str]]:
    """Completions up to ``end`` of programmes in ``stages``, with the programme's stage; the
    district is the enrolment's, else the person's registering district."""
    owner = func.coalesce(Enrolment.district_code, Person.registered_district_code)
    stmt = (
        select(
            PERSON_KEY, owner, Person.gender, TrainingCompletion.completed_on, TrainingProgram.stage
        )
        .join(Enrolment, col(Enrolment.id) == TrainingCompletion.enrolment_id)
        .join(TrainingProgram, col(TrainingProgram.id) == TrainingCompletion.program_id)
        .join(Person, col(Person.id) == TrainingCompletion.person_id)
        .where(
            col(TrainingProgram.stage).in_([s.value for s in stages]),
            TrainingCompletion.completed_on <= end,
            _district(owner, district_code),
            _person(person_id),
        )
    )
    return [(PersonFact(pid, dc, g, on), stage) for pid, dc, g, on, stage in session.execute(stmt)]


def placements(
    session: Session,
    *,
    start: date,
    end: date,
    district_code: str | None = None,
    person_id: int | None = None,
) -> list[PersonFact]:
    stmt = (
        select(PERSON_KEY, ExpertPlacement.district_code, Person.gender, ExpertPlacement.valid_from)
        .join(Person, col(Person.id) == ExpertPlacement.person_id)
        .where(
            _overlaps(ExpertPlacement, start, end),
            _district(ExpertPlacement.district_code, district_code),
            _person(person_id),
        )
    )
    return [PersonFact(*row) for row in session.execute(stmt)]


def training_hours(
    session: Session, *, start: date, end: date, district_code: str | None = None
) -> list[HoursRow]:
    """Hours attended in training modules in the period (by the session day, else the enrolment
    day), summed in the database per person, district and gender (in hundredths, so SQLite's
    floating-point SUM cannot round the Numeric(6, 2) hours)."""
    owner = func.coalesce(Enrolment.district_code, Person.registered_district_code)
    day = func.coalesce(ModuleAttendance.attended_on, Enrolment.enrolled_on)
    cents = func.sum(cast(func.round(ModuleAttendance.hours_attended * 100), Integer))
    stmt = (
        select(PERSON_KEY, owner, Person.gender, cents)
        .join(Enrolment, col(Enrolment.id) == ModuleAttendance.enrolment_id)
        .join(Person, col(Person.id) == Enrolment.person_id)
        .where(day.between(start, end), _district(owner, district_code))
        .group_by(PERSON_KEY, owner, Person.gender)
    )
    return [HoursRow(pid, dc, g, Decimal(int(n)) / 100) for pid, dc, g, n in session.execute(stmt)]


def memberships(
    session: Session,
    *,
    start: date,
    end: date,
    district_code: str | None = None,
    consented: bool = False,
) -> list[MemberRow]:
    stmt = (
        select(
            PERSON_KEY,
            GroupMembership.group_id,
            GroupMembership.district_code,
            GroupMembership.valid_from,
        )
        .join(Person, col(Person.id) == GroupMembership.person_id)
        .where(
            _overlaps(GroupMembership, start, end),
            _district(GroupMembership.district_code, district_code),
            _research(consented),
        )
    )
    return [MemberRow(*row) for row in session.execute(stmt)]


class LadderFacts(NamedTuple):
    parts: list[PartRow]
    council: list[PersonFact]
    trained_expert: list[PersonFact]
    placed_expert: list[PersonFact]
    certificate: list[PersonFact]


def ladder_facts(
    session: Session, *, end: date, district_code: str | None = None, person_id: int | None = None
) -> LadderFacts:
    """Dated facts up to ``end`` that place people on the growth ladder (see ``ladder.RUNGS``);
    ``person_id`` limits them to one person (their timeline)."""
    early = date(1900, 1, 1)
    seats = council_seats(
        session, start=early, end=end, district_code=district_code, person_id=person_id
    )
    careers_stmt = (
        select(PERSON_KEY, Career.district_code, Person.gender, Career.valid_from, Career.job_type)
        .join(Person, col(Person.id) == Career.person_id)
        .where(
            _overlaps(Career, early, end),
            _district(Career.district_code, district_code),
            _person(person_id),
        )
    )
    careers = list(session.execute(careers_stmt))
    certificates_stmt = (
        select(PERSON_KEY, Certificate.district_code, Person.gender, Certificate.issued_at)
        .join(Person, col(Person.id) == Certificate.person_id)
        .where(
            Certificate.kind == CertificateKind.career,
            _district(Certificate.district_code, district_code),
            _person(person_id),
        )
    )
    certificates = [
        PersonFact(p, d, g, _as_date(on)) for p, d, g, on in session.execute(certificates_stmt)
    ]
    experts = [
        fact
        for fact, _stage in completions(
            session,
            stages=(TrainingStage.expert_activist,),
            end=end,
            district_code=district_code,
            person_id=person_id,
        )
    ]
    return LadderFacts(
        parts=participations(
            session, start=early, end=end, district_code=district_code, person_id=person_id
        ),
        council=[PersonFact(s.person_id, s.district_code, s.gender, s.seat_from) for s in seats]
        + [
            PersonFact(p, d, g, on) for p, d, g, on, job in careers if job == JobType.space_operator
        ],
        trained_expert=experts,
        placed_expert=placements(
            session, start=early, end=end, district_code=district_code, person_id=person_id
        )
        + [
            PersonFact(p, d, g, on)
            for p, d, g, on, job in careers
            if job == JobType.village_autonomy_expert
        ],
        certificate=[fact for fact in certificates if fact.on <= end],
    )


def survivor_genders(session: Session) -> dict[int, str]:
    """The gender of every person others were merged into: a merged person counts under the
    survivor's gender (as in the summaries), not under whichever duplicate's row came last."""
    survivors = select(Person.merged_into_id).where(col(Person.merged_into_id).is_not(None))
    stmt = select(Person.id, Person.gender).where(col(Person.id).in_(survivors))
    return {int(pid): str(gender) for pid, gender in session.execute(stmt)}


def _as_date(value: Any) -> date:
    return value.date() if hasattr(value, "date") else date.fromisoformat(str(value)[:10])


class DongRow(NamedTuple):
    code: str
    name_ko: str
    district_code: str
    population_korean: int | None


def dongs(session: Session, *, on: date, district_code: str | None = None) -> list[DongRow]:
    """Dongs valid on ``on`` with their Korean population (the choropleth's denominators)."""
    stmt = (
        select(Dong.code, Dong.name_ko, Dong.district_code, Dong.population_korean)
        .where(
            or_(col(Dong.valid_from).is_(None), col(Dong.valid_from) <= on),
            or_(col(Dong.valid_to).is_(None), col(Dong.valid_to) > on),
            _district(Dong.district_code, district_code),
        )
        .order_by(Dong.code)
    )
    return [DongRow(*row) for row in session.execute(stmt)]


def participants_by_dong(
    session: Session, *, start: date, end: date, district_code: str | None = None
) -> dict[str, int]:
    """Distinct people per dong, for participations meeting the period in projects placed in a
    dong (counted in the database: one grouped query, not every pair fetched)."""
    stmt = (
        select(Project.dong_code, func.count(func.distinct(PERSON_KEY)))
        .select_from(Participation)
        .join(Person, col(Person.id) == Participation.person_id)
        .join(Project, col(Project.id) == Participation.project_id)
        .where(
            _overlaps(Participation, start, end),
            col(Project.dong_code).is_not(None),
            _district(Participation.district_code, district_code),
        )
        .group_by(Project.dong_code)
    )
    return {str(dong): int(n) for dong, n in session.execute(stmt)}


def dong_successors(session: Session) -> dict[str, list[str]]:
    """Each dong's successors (renames, splits, merges), to borrow today's boundaries for old dongs."""
    stmt = select(DongSuccession.predecessor_code, DongSuccession.successor_code)
    result: dict[str, list[str]] = {}
    for before, after in session.execute(stmt):
        result.setdefault(str(before), []).append(str(after))
    return result
