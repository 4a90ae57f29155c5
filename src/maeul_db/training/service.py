"""Training: the catalogue, enrolments, module attendance and completions computed from them.

Completion is never typed: every change of attendance or enrolment recomputes the person's
``training_completion`` rows from the record (``recompute_person``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import false, or_
from sqlmodel import Session, col, select

from maeul_db.access_log import service as access_log
from maeul_db.audit import service as audit
from maeul_db.auth import policies
from maeul_db.core.scope import district_scoped, get_visible
from maeul_db.errors import Conflict, Forbidden, InvalidInput, NotFound
from maeul_db.kit.time import check_fact_date
from maeul_db.models import (
    Enrolment,
    ModuleAttendance,
    Person,
    Role,
    TrainingCompletion,
    TrainingModule,
    TrainingPrerequisite,
    TrainingProgram,
    TrainingStage,
    UserAccount,
)
from maeul_db.participants import service as participant_service
from maeul_db.participants.visibility import visible_people
from maeul_db.training import rules
from maeul_db.training.schemas import (
    AttendanceRecord,
    EnrolmentCreate,
    ModulePublic,
    ProgramCreate,
    ProgramPublic,
    Progress,
)


def visible_enrolments(user: UserAccount) -> Any:
    """Enrolments ``user`` may read: the district rule (``district_scoped``: the city admin all,
    staff their district's courses, experts their own, analysts none), and for staff also the city
    centre's courses of people visible to them."""
    own = district_scoped(Enrolment, user, experts_see_own=True)
    if user.role != Role.district_staff or not user.district_code:
        return own
    people = visible_people(user).with_only_columns(col(Person.id))
    city_courses = col(Enrolment.district_code).is_(None) & col(Enrolment.person_id).in_(people)
    return select(Enrolment).where(or_(own.whereclause, city_courses))


# --- catalogue -------------------------------------------------------------------------------


def get_program(session: Session, *, program_id: int) -> TrainingProgram:
    program = session.get(TrainingProgram, program_id)
    if program is None:
        raise NotFound("training.programme_not_found")
    return program


def modules_of(session: Session, *, program_id: int) -> list[TrainingModule]:
    return list(
        session.exec(
            select(TrainingModule)
            .where(TrainingModule.program_id == program_id)
            .order_by(col(TrainingModule.sequence))
        ).all()
    )


def prerequisites_of(session: Session, *, program_id: int) -> list[int]:
    return list(
        session.exec(
            select(TrainingPrerequisite.requires_program_id).where(
                TrainingPrerequisite.program_id == program_id
            )
        ).all()
    )


def program_public(session: Session, program: TrainingProgram) -> ProgramPublic:
    assert program.id is not None
    modules = modules_of(session, program_id=program.id)
    return ProgramPublic(
        **program.model_dump(
            include={
                "id",
                "code",
                "name",
                "stage",
                "min_attendance_percent",
                "min_hours",
                "district_code",
            }
        ),
        total_hours=sum((m.hours for m in modules), Decimal(0)),
        modules=[ModulePublic.model_validate(m, from_attributes=True) for m in modules],
        prerequisite_ids=prerequisites_of(session, program_id=program.id),
    )


def list_programs(session: Session, *, stage: TrainingStage | None = None) -> list[TrainingProgram]:
    """The catalogue is city-wide and holds no personal data: every logged-in user reads it."""
    stmt = select(TrainingProgram).order_by(col(TrainingProgram.code))
    if stage is not None:
        stmt = stmt.where(TrainingProgram.stage == stage)
    return list(session.exec(stmt).all())


def create_program(session: Session, *, user: UserAccount, data: ProgramCreate) -> TrainingProgram:
    """The city admin adds city-run (no district) or any district's programmes; staff add their
    own district's (a programme sent without a district is theirs)."""
    if data.district_code is None and not policies.is_city_admin(user):
        data = data.model_copy(update={"district_code": user.district_code})
    if not policies.can_write_district(user, data.district_code) and not (
        data.district_code is None and policies.is_city_admin(user)
    ):
        raise Forbidden("training.create_forbidden")
    if session.exec(select(TrainingProgram).where(TrainingProgram.code == data.code)).first():
        raise Conflict("training.code_exists", field="code")
    for required in data.prerequisite_ids:
        get_program(session, program_id=required)
    program = TrainingProgram(**data.model_dump(exclude={"modules", "prerequisite_ids"}))
    session.add(program)
    session.flush()
    assert program.id is not None
    for sequence, module in enumerate(data.modules, start=1):
        session.add(
            TrainingModule(
                program_id=program.id, name=module.name, hours=module.hours, sequence=sequence
            )
        )
    for required in data.prerequisite_ids:
        session.add(TrainingPrerequisite(program_id=program.id, requires_program_id=required))
    session.flush()
    audit.record(
        session,
        actor=user,
        action="create",
        entity="training_program",
        entity_id=program.id,
        district_code=program.district_code,
        after=data.model_dump(mode="json"),
    )
    return program


# --- enrolments and attendance -----------------------------------------------------------------


def get_enrolment(session: Session, *, user: UserAccount, enrolment_id: int) -> Enrolment:
    return get_visible(  # type: ignore[no-any-return]
        session,
        visible_enrolments(user),
        Enrolment,
        enrolment_id,
        missing="training.enrolment_not_found",
    )


def _check_writer(user: UserAccount, district_code: str | None) -> None:
    """Staff record their own district's courses; the city centre's courses only the city admin."""
    if user.role == Role.city_admin or policies.can_write_district(user, district_code):
        return
    raise Forbidden("training.record_forbidden")


def enrol(session: Session, *, user: UserAccount, data: EnrolmentCreate) -> Enrolment:
    program = get_program(session, program_id=data.program_id)
    _check_writer(user, program.district_code)
    participant_service.get(session, user=user, person_id=data.person_id)
    existing = session.exec(
        select(Enrolment).where(
            Enrolment.program_id == program.id,
            Enrolment.person_id == data.person_id,
            col(Enrolment.withdrawn_on).is_(None),
        )
    ).first()
    if existing is not None:
        raise Conflict("training.already_enrolled", field="program_id")
    enrolment = Enrolment(**data.model_dump(), district_code=program.district_code)
    session.add(enrolment)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="create",
        entity="enrolment",
        entity_id=enrolment.id,
        district_code=enrolment.district_code,
        after=data.model_dump(mode="json"),
    )
    return enrolment


def record_attendance(
    session: Session, *, user: UserAccount, enrolment_id: int, records: list[AttendanceRecord]
) -> Progress:
    """Set the hours attended per module (a later record for a module replaces the earlier one)."""
    enrolment = get_enrolment(session, user=user, enrolment_id=enrolment_id)
    _check_writer(user, enrolment.district_code)
    modules = {m.id: m for m in modules_of(session, program_id=enrolment.program_id)}
    for record in records:
        module = modules.get(record.module_id)
        if module is None:
            raise InvalidInput("training.module_not_in_programme", field="module_id")
        if record.hours_attended > module.hours:
            raise InvalidInput(
                "training.too_many_hours",
                hours=module.hours,
                field="hours_attended",
            )
        row = session.get(ModuleAttendance, (enrolment_id, record.module_id))
        before = None if row is None else {"hours": row.hours_attended, "on": row.attended_on}
        row = row or ModuleAttendance(
            enrolment_id=enrolment_id,
            module_id=record.module_id,
            hours_attended=record.hours_attended,
        )
        row.hours_attended, row.attended_on = record.hours_attended, record.attended_on
        session.add(row)
        audit.record(
            session,
            actor=user,
            action="record",
            entity="module_attendance",
            entity_id=f"{enrolment_id}/{record.module_id}",
            district_code=enrolment.district_code,
            before=before,
            after={"hours": record.hours_attended, "on": record.attended_on},
        )
    session.flush()
    recompute_person(session, person_id=enrolment.person_id)
    return progress(session, enrolment=enrolment)


def withdraw(session: Session, *, user: UserAccount, enrolment_id: int, on: date) -> Progress:
    check_fact_date(on, field="on")  # a bare body date, outside any InputSchema
    enrolment = get_enrolment(session, user=user, enrolment_id=enrolment_id)
    _check_writer(user, enrolment.district_code)
    if on < enrolment.enrolled_on:
        raise InvalidInput("training.withdrawn_before_enrolled", field="on")
    enrolment.withdrawn_on = on
    session.add(enrolment)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="withdraw",
        entity="enrolment",
        entity_id=enrolment.id,
        district_code=enrolment.district_code,
        after={"on": on},
    )
    recompute_person(session, person_id=enrolment.person_id)
    return progress(session, enrolment=enrolment)


def list_progress(session: Session, *, user: UserAccount, person_id: int) -> list[Progress]:
    """A person's enrolments with computed completion (logged as a read of their record)."""
    rows = progress_of(session, user=user, person_id=person_id)
    access_log.record(session, actor=user, action="training.read", person_ids=[person_id])
    return rows


def progress_of(session: Session, *, user: UserAccount, person_id: int) -> list[Progress]:
    """``list_progress`` without the access-log row, for a use case that shows it among other
    parts of a record and logs that read once itself (the expert's own record)."""
    participant_service.get(session, user=user, person_id=person_id)
    rows = session.exec(
        visible_enrolments(user)
        .where(Enrolment.person_id == person_id)
        .order_by(col(Enrolment.enrolled_on), col(Enrolment.id))
    ).all()
    return [progress(session, enrolment=e) for e in rows]


# --- completion (computed) -----------------------------------------------------------------------


def _attended(session: Session, enrolment_id: int) -> list[rules.Attended]:
    rows = session.exec(
        select(ModuleAttendance, TrainingModule)
        .join(TrainingModule, col(TrainingModule.id) == ModuleAttendance.module_id)
        .where(ModuleAttendance.enrolment_id == enrolment_id)
    ).all()
    return [rules.Attended(m.hours, a.hours_attended, a.attended_on) for a, m in rows]


def _completion_days(session: Session, person_id: int) -> dict[int, date]:
    rows = session.exec(
        select(TrainingCompletion).where(TrainingCompletion.person_id == person_id)
    ).all()
    return {row.program_id: row.completed_on for row in rows}


def progress(session: Session, *, enrolment: Enrolment) -> Progress:
    assert enrolment.id is not None
    program = get_program(session, program_id=enrolment.program_id)
    total = sum((m.hours for m in modules_of(session, program_id=enrolment.program_id)), Decimal(0))
    attended_rows = _attended(session, enrolment.id)
    attended = rules.attended_hours(attended_rows)
    done_days = _completion_days(session, enrolment.person_id)
    required = prerequisites_of(session, program_id=enrolment.program_id)
    missing = [get_program(session, program_id=r).name for r in required if r not in done_days]
    checks = rules.completion_checks(
        total_hours=total,
        attended=attended,
        min_percent=program.min_attendance_percent,
        min_hours=program.min_hours,
        missing_prerequisites=missing,
        withdrawn_on=enrolment.withdrawn_on,
    )
    completed = all(c.met for c in checks)
    completed_day = None
    if completed:
        completed_day = rules.completed_on(
            attended_rows,
            enrolled_on=enrolment.enrolled_on,
            prerequisite_days=[done_days[r] for r in required],
        )
    return Progress(
        enrolment_id=enrolment.id,
        program_id=program.id or 0,
        program_code=program.code,
        program_name=program.name,
        stage=program.stage,
        person_id=enrolment.person_id,
        district_code=enrolment.district_code,
        enrolled_on=enrolment.enrolled_on,
        withdrawn_on=enrolment.withdrawn_on,
        attended_hours=attended,
        total_hours=total,
        attended_percent=rules.percent(attended, total),
        completed=completed,
        completed_on=completed_day,
        checks=checks,
    )


def recompute_person(session: Session, *, person_id: int) -> None:
    """Bring ``training_completion`` in line with the record. Repeats while anything changes, so a
    prerequisite completed now also completes the courses that waited for it."""
    enrolments = list(
        session.exec(
            select(Enrolment).where(Enrolment.person_id == person_id).order_by(col(Enrolment.id))
        ).all()
    )
    for _ in range(len(enrolments) + 1):
        changed = False
        for enrolment in enrolments:
            changed |= _sync_completion(session, enrolment, progress(session, enrolment=enrolment))
        if not changed:
            return


def _sync_completion(session: Session, enrolment: Enrolment, state: Progress) -> bool:
    row = session.exec(
        select(TrainingCompletion).where(TrainingCompletion.enrolment_id == enrolment.id)
    ).first()
    if state.completed and state.completed_on is not None:
        if row is not None and (row.completed_on, row.hours) == (
            state.completed_on,
            state.attended_hours,
        ):
            return False
        row = row or TrainingCompletion(
            enrolment_id=state.enrolment_id,
            person_id=state.person_id,
            program_id=state.program_id,
            completed_on=state.completed_on,
            hours=state.attended_hours,
        )
        row.completed_on, row.hours = state.completed_on, state.attended_hours
        session.add(row)
    elif row is not None:
        # The record no longer meets the rule (an attendance correction): the derived row goes.
        session.delete(row)
    else:
        return False
    session.flush()
    return True


def completions(
    session: Session, *, person_id: int, district_codes: tuple[str | None, ...] | None = None
) -> list[tuple[TrainingCompletion, TrainingProgram]]:
    """A person's completions with their programmes; ``district_codes`` limits the owners."""
    stmt = (
        select(TrainingCompletion, TrainingProgram)
        .join(TrainingProgram, col(TrainingProgram.id) == TrainingCompletion.program_id)
        .join(Enrolment, col(Enrolment.id) == TrainingCompletion.enrolment_id)
        .where(TrainingCompletion.person_id == person_id)
        .order_by(col(TrainingCompletion.completed_on), col(TrainingProgram.code))
    )
    if district_codes is not None:
        codes = [c for c in district_codes if c is not None]
        stmt = stmt.where(
            or_(
                col(Enrolment.district_code).in_(codes),
                col(Enrolment.district_code).is_(None) if None in district_codes else false(),
            )
        )
    return [(c, p) for c, p in session.exec(stmt).all()]
