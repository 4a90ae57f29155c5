"""A programme's class list and the attendance checklist of one session (module): who is
enrolled, with completion computed and the reason when not complete; tick who attended."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlmodel import Session, col, select

from maeul_db.access_log import service as access_log
from maeul_db.auth import policies
from maeul_db.errors import Forbidden, InvalidInput
from maeul_db.kit.time import check_fact_date
from maeul_db.models import (
    Enrolment,
    ModuleAttendance,
    Person,
    TrainingModule,
    TrainingProgram,
    UserAccount,
)
from maeul_db.training import service
from maeul_db.training.schemas import AttendanceRecord, Progress

MAX_SESSION_HOURS = Decimal(1000)


@dataclass(frozen=True)
class RosterRow:
    person_id: int
    name: str
    birth_year: int
    progress: Progress
    # Hours recorded for the session being taken (None: nothing recorded yet).
    session_hours: Decimal | None = None


@dataclass(frozen=True)
class ProgramPage:
    program: TrainingProgram
    modules: list[TrainingModule]
    prerequisites: list[TrainingProgram]
    roster: list[RosterRow]
    # The viewer records enrolments and attendance here (their district's course, or the city's
    # for the city admin).
    can_record: bool


def _can_record(user: UserAccount, program: TrainingProgram) -> bool:
    return policies.can_write_district(user, program.district_code) or policies.is_city_admin(user)


def _roster(
    session: Session, user: UserAccount, program_id: int, module_id: int | None
) -> list[RosterRow]:
    enrolments = session.exec(
        service.visible_enrolments(user)
        .where(Enrolment.program_id == program_id)
        .order_by(col(Enrolment.enrolled_on), col(Enrolment.id))
    ).all()
    rows: list[RosterRow] = []
    for enrolment in enrolments:
        person = session.get(Person, enrolment.person_id)
        assert person is not None and person.id is not None and enrolment.id is not None
        mark = (
            None if module_id is None else session.get(ModuleAttendance, (enrolment.id, module_id))
        )
        rows.append(
            RosterRow(
                person_id=person.id,
                name=person.name,
                birth_year=person.birth_year,
                progress=service.progress(session, enrolment=enrolment),
                session_hours=None if mark is None else mark.hours_attended,
            )
        )
    return rows


def require_recorder(session: Session, *, user: UserAccount, program_id: int) -> None:
    """Refuse (403) before a form is read: only the course's district (the city admin for
    city-run courses) records in it."""
    if not _can_record(user, service.get_program(session, program_id=program_id)):
        raise Forbidden("training.record_forbidden")


def program_page(
    session: Session, *, user: UserAccount, program_id: int, module_id: int | None = None
) -> ProgramPage:
    """A programme with its class list as the viewer may see it (staff and the city admin);
    logged as a read of every person listed."""
    policies.require_fact_logger(user)
    program = service.get_program(session, program_id=program_id)
    modules = service.modules_of(session, program_id=program_id)
    if module_id is not None and module_id not in {m.id for m in modules}:
        raise InvalidInput("training.module_not_in_programme", field="module_id")
    required = [
        service.get_program(session, program_id=r)
        for r in service.prerequisites_of(session, program_id=program_id)
    ]
    roster = _roster(session, user, program_id, module_id)
    access_log.record(
        session, actor=user, action="training.roster", person_ids=[r.person_id for r in roster]
    )
    return ProgramPage(program, modules, required, roster, _can_record(user, program))


def record_session(
    session: Session,
    *,
    user: UserAccount,
    program_id: int,
    module_id: int,
    held_on: date,
    attended: dict[int, Decimal],
) -> int:
    """The checklist of one session: ``attended`` maps each ticked enrolment to its hours; an
    enrolment left unticked that had hours recorded for this session is set back to 0.
    Returns how many people's records changed."""
    check_fact_date(held_on, field="held_on")
    program = service.get_program(session, program_id=program_id)
    if not _can_record(user, program):
        raise Forbidden("training.record_forbidden")
    enrolments = session.exec(
        service.visible_enrolments(user).where(Enrolment.program_id == program_id)
    ).all()
    for given in attended.values():
        if not given.is_finite() or not 0 <= given <= MAX_SESSION_HOURS:
            raise InvalidInput("training.bad_hours", field="hours_attended", high=MAX_SESSION_HOURS)
    changed = 0
    for enrolment in enrolments:
        assert enrolment.id is not None
        hours = attended.get(enrolment.id)
        earlier = session.get(ModuleAttendance, (enrolment.id, module_id))
        if hours is None and (earlier is None or earlier.hours_attended == 0):
            continue
        record = AttendanceRecord(
            module_id=module_id,
            hours_attended=hours or Decimal(0),
            attended_on=held_on if hours else None,
        )
        service.record_attendance(session, user=user, enrolment_id=enrolment.id, records=[record])
        changed += 1
    return changed


def programs_with_hours(session: Session) -> list[tuple[TrainingProgram, Decimal]]:
    """The catalogue with each programme's total hours (no personal data: everyone reads it)."""
    totals: dict[int, Decimal] = {}
    for program_id, hours in session.exec(
        select(col(TrainingModule.program_id), col(TrainingModule.hours))
    ).all():
        totals[program_id] = totals.get(program_id, Decimal(0)) + hours
    return [(p, totals.get(p.id or 0, Decimal(0))) for p in service.list_programs(session)]
