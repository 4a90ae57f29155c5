"""The growth-ladder reach summary (issue 11): the day each person first reached each rung, per
scope (a district, or ``*`` for Seoul), built in the database with one ``INSERT ... SELECT`` from
the same facts and rules as ``analytics.ladder.reached`` (docs/indicators.md "Summaries").

Because a rung's day is the earliest fact that gives it, the rung of everyone on any day D is the
highest rung whose day is on or before D: the facts after D never change it, so one table answers
every date and the dashboard's rung counts and transitions are one ``GROUP BY`` each.
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import String, case, cast, delete, func, insert, literal, true, union_all
from sqlalchemy.types import Date
from sqlmodel import Session, col

from maeul_db.analytics.ladder import HIGHER_STAGES, RUNGS
from maeul_db.analytics.queries import PERSON_KEY, person_in, select
from maeul_db.models import (
    AnalyticsLadderReach,
    Career,
    Certificate,
    CertificateKind,
    CouncilSeat,
    Enrolment,
    ExpertPlacement,
    JobType,
    Participation,
    Person,
    Project,
    TrainingCompletion,
    TrainingProgram,
    TrainingStage,
)
from maeul_db.models.analytics_summary import CITY_SCOPE

LR = AnalyticsLadderReach.__table__  # type: ignore[attr-defined]
LEAD = "lead_proposer"
REPEAT = RUNGS.index("repeat_participant")


def _rung(name: str) -> Any:
    return literal(RUNGS.index(name))


def _issued_day(dialect: str) -> Any:
    """A certificate's issue day as ``analytics.queries`` reads it (the stored UTC day)."""
    if dialect == "sqlite":
        return func.substr(Certificate.issued_at, 1, 10)
    return cast(Certificate.issued_at, Date)


def _joined(stmt: Any, model: Any, keys: list[int] | None) -> Any:
    stmt = stmt.join(Person, col(Person.id) == model.person_id)
    return stmt.where(person_in(keys)) if keys is not None else stmt


def _part_facts(keys: list[int] | None) -> list[Any]:
    """Participations give rungs 1 (any), 3 (as lead proposer) and 4 (in a higher-stage project)."""
    rungs = [
        ("participant", true()),
        ("lead_proposer", col(Participation.role) == LEAD),
        ("higher_stage", col(Project.stage).in_(sorted(HIGHER_STAGES))),
    ]
    return [
        _joined(
            select(PERSON_KEY, Participation.district_code, _rung(rung), Participation.valid_from)
            .select_from(Participation)
            .join(Project, col(Project.id) == Participation.project_id)
            .where(col(Participation.voided_at).is_(None), cond),
            Participation,
            keys,
        )
        for rung, cond in rungs
    ]


def _other_facts(keys: list[int] | None, dialect: str) -> list[Any]:
    """Council seats and space-operator careers (5), expert completions (6), placements and
    autonomy-expert careers (7), career certificates (8)."""
    careers = [
        (JobType.space_operator, "council_or_space"),
        (JobType.village_autonomy_expert, "placed_expert"),
    ]
    owner = func.coalesce(Enrolment.district_code, Person.registered_district_code)
    completions = (
        select(PERSON_KEY, owner, _rung("trained_expert"), TrainingCompletion.completed_on)
        .select_from(TrainingCompletion)
        .join(Enrolment, col(Enrolment.id) == TrainingCompletion.enrolment_id)
        .join(TrainingProgram, col(TrainingProgram.id) == TrainingCompletion.program_id)
        .where(col(TrainingProgram.stage) == TrainingStage.expert_activist.value)
    )
    facts = [
        select(PERSON_KEY, CouncilSeat.district_code, _rung("council_or_space"))
        .add_columns(CouncilSeat.valid_from)
        .select_from(CouncilSeat)
        .where(col(CouncilSeat.voided_at).is_(None)),
        select(PERSON_KEY, ExpertPlacement.district_code, _rung("placed_expert"))
        .add_columns(ExpertPlacement.valid_from)
        .select_from(ExpertPlacement)
        .where(col(ExpertPlacement.voided_at).is_(None)),
        *(
            select(PERSON_KEY, Career.district_code, _rung(rung), Career.valid_from)
            .select_from(Career)
            .where(col(Career.voided_at).is_(None), col(Career.job_type) == job.value)
            for job, rung in careers
        ),
        select(PERSON_KEY, Certificate.district_code, _rung("certified"), _issued_day(dialect))
        .select_from(Certificate)
        .where(col(Certificate.kind) == CertificateKind.career.value),
    ]
    models = [CouncilSeat, ExpertPlacement, Career, Career, Certificate]
    joined = [_joined(stmt, model, keys) for stmt, model in zip(facts, models, strict=True)]
    # Completions join Person before the owner district is known (it falls back to the person's).
    return [*joined, _joined(completions, TrainingCompletion, keys)]


def _both_scopes(rows: Any) -> Any:
    """Each row (person, district, ...) once in its district's scope and once in Seoul's."""
    f = rows.subquery()
    person, district, *rest = tuple(f.c)
    return union_all(
        select(person, cast(district, String(5)), *rest).where(district.is_not(None)),
        select(person, literal(CITY_SCOPE, String(5)), *rest),
    ).subquery()


def repeat_days(keys: list[int] | None) -> Any:
    """Rung 2 per person and scope: the first start of their second distinct project."""
    rows = select(
        PERSON_KEY, Participation.district_code, Participation.project_id, Participation.valid_from
    ).where(col(Participation.voided_at).is_(None))
    scoped = _both_scopes(_joined(rows.select_from(Participation), Participation, keys))
    person, scope, project, start = tuple(scoped.c)
    starts = (
        select(person.label("person"), scope.label("scope"), func.min(start).label("first"))
        .group_by(person, scope, project)
        .subquery()
    )
    order = func.row_number().over(
        partition_by=(starts.c.person, starts.c.scope), order_by=starts.c.first
    )
    ranked = select(starts, order.label("n")).subquery()
    return select(ranked.c.person, ranked.c.scope, literal(REPEAT), ranked.c.first).where(
        ranked.c.n == REPEAT
    )


def reach_select(keys: list[int] | None, dialect: str) -> Any:
    """(person, scope, gender, day of each rung) for everyone, or for the people ``keys`` (who
    must be survivors of merges: their duplicates' facts count as theirs)."""
    scoped = _both_scopes(union_all(*_part_facts(keys), *_other_facts(keys, dialect)))
    facts = union_all(select(scoped), repeat_days(keys)).subquery("facts")
    person, scope, rung, on = tuple(facts.c)
    days = [func.min(case((rung == index, on))).label(name) for index, name in enumerate(RUNGS)]
    reach = select(person.label("person"), scope.label("scope"), *days[1:])
    reach = reach.group_by(person, scope).subquery("reach")
    return (
        select(reach.c.person, reach.c.scope, Person.gender, *(reach.c[name] for name in RUNGS[1:]))
        .join(Person, col(Person.id) == reach.c.person)
        # Written scope by scope: the dashboard reads one scope's rows through the scope index.
        .order_by(reach.c.scope, reach.c.person)
    )


COLUMNS = ["person_id", "scope", "gender", *RUNGS[1:]]


def rebuild(session: Session, *, drop: list[int] | None, people: list[int] | None) -> None:
    """Replace the reach rows: everyone's (both None), or those of ``drop`` by fresh rows for the
    survivors ``people`` (chunked by the caller, a survivor's duplicates come with it)."""
    dialect = session.get_bind().dialect.name
    if drop is None:
        session.execute(delete(LR))
    elif drop:
        session.execute(delete(LR).where(LR.c.person_id.in_(drop)))
    if people is None or people:
        session.execute(insert(LR).from_select(COLUMNS, reach_select(people, dialect)))


def rung_case(on: Any) -> Any:
    """The rung index a reach row stands on at ``on`` (0: none yet): the highest reached by then."""
    whens = [(LR.c[RUNGS[index]] <= on, index) for index in range(len(RUNGS) - 1, 0, -1)]
    return case(*whens, else_=0)


def _scope(scope: str | None) -> Any:
    return LR.c.scope == (scope or CITY_SCOPE)


class RungPairs(NamedTuple):
    """People per (rung on ``before``, rung on ``on``, gender), for everyone on the ladder by
    ``on``, and the earliest first participation by ``on`` (None: nobody yet)."""

    counts: dict[tuple[int, int, str], int]
    first: date | None


def rung_pairs(
    session: Session, *, before: date, on: date, scope: str | None, among: Any = None
) -> RungPairs:
    """The rung counts on ``on``, the transitions from ``before`` and the first participation in
    one scan of the scope's reach rows (three scans before: the dashboard's ladder was most of a
    cold dashboard on SQLite); of the people the condition ``among`` picks, or of everyone."""
    earlier, later = rung_case(before).label("a"), rung_case(on).label("b")
    first = func.min(case((LR.c.participant <= on, LR.c.participant), else_=None))
    picked = [among] if among is not None else []
    stmt = (
        select(earlier, later, LR.c.gender, func.count(), first)
        .where(_scope(scope), later > 0, *picked)
        .group_by(earlier, later, LR.c.gender)
    )
    counts: dict[tuple[int, int, str], int] = {}
    days: list[date] = []
    for a, b, gender, n, day in session.execute(stmt):
        counts[(int(a), int(b), str(gender))] = int(n)
        if day is not None:
            days.append(day if isinstance(day, date) else date.fromisoformat(str(day)[:10]))
    return RungPairs(counts, min(days, default=None))


def first_year(session: Session, *, on: date, scope: str | None) -> int | None:
    """The year of the earliest first participation on or before ``on``."""
    stmt = select(func.min(LR.c.participant)).where(_scope(scope), LR.c.participant <= on)
    first = session.execute(stmt).scalar()
    if first is None:
        return None
    return first.year if isinstance(first, date) else int(str(first)[:4])
