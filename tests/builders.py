"""Small builders for test data: each takes overrides and fills the rest with valid values."""

from __future__ import annotations

from datetime import date
from itertools import count
from typing import Any

from sqlmodel import Session

from maeul_db.auth import service as auth_service
from maeul_db.auth.schemas import UserCreate
from maeul_db.models import (
    Gender,
    Group,
    GroupMembership,
    Participation,
    ParticipationRole,
    Person,
    Project,
    Role,
    Stage,
    UserAccount,
)

DISTRICT_A = "11110"  # 종로구
DISTRICT_B = "11140"  # 중구
DONG_A = "1111051500"  # 청운효자동 (종로구)
DONG_B = "1114052000"  # 소공동 (중구)
PASSWORD = "correct-horse-battery"

_seq = count(1)


def make_user(
    session: Session,
    *,
    role: Role = Role.district_staff,
    district_code: str | None = DISTRICT_A,
    person_id: int | None = None,
    password: str = PASSWORD,
    username: str | None = None,
) -> UserAccount:
    if role != Role.district_staff:
        district_code = None
    data = UserCreate(
        username=username or f"user{next(_seq)}",
        password=password,
        role=role,
        district_code=district_code,
        person_id=person_id,
    )
    return auth_service.create(session, data=data)


def make_person(session: Session, **overrides: Any) -> Person:
    n = next(_seq)
    values: dict[str, Any] = {
        "name": f"김민지{n}",
        "gender": Gender.female,
        "birth_year": 1980,
        "phone": f"010{n:08d}"[-11:],
        "registered_district_code": DISTRICT_A,
    }
    values.update(overrides)
    person = Person(**values)
    session.add(person)
    session.flush()
    return person


def make_group(session: Session, **overrides: Any) -> Group:
    values: dict[str, Any] = {
        "name": f"모임{next(_seq)}",
        "district_code": DISTRICT_A,
        "founded_on": date(2018, 3, 1),
    }
    values.update(overrides)
    group = Group(**values)
    session.add(group)
    session.flush()
    return group


def make_project(session: Session, **overrides: Any) -> Project:
    values: dict[str, Any] = {
        "name": f"사업{next(_seq)}",
        "year": 2019,
        "district_code": DISTRICT_A,
        "stage": Stage.group_formation,
    }
    values.update(overrides)
    project = Project(**values)
    session.add(project)
    session.flush()
    return project


def make_participation(
    session: Session,
    *,
    project: Project,
    person: Person,
    role: ParticipationRole = ParticipationRole.participant,
    valid_from: date = date(2019, 4, 1),
    valid_to: date | None = None,
) -> Participation:
    row = Participation(
        project_id=project.id,
        person_id=person.id,
        role=role,
        valid_from=valid_from,
        valid_to=valid_to,
        district_code=project.district_code,
    )
    session.add(row)
    session.flush()
    return row


def make_membership(
    session: Session,
    *,
    group: Group,
    person: Person,
    valid_from: date = date(2019, 1, 1),
    valid_to: date | None = None,
) -> GroupMembership:
    row = GroupMembership(
        group_id=group.id,
        person_id=person.id,
        valid_from=valid_from,
        valid_to=valid_to,
        district_code=group.district_code,
    )
    session.add(row)
    session.flush()
    return row


def bearer(client: Any, username: str, password: str = PASSWORD) -> dict[str, str]:
    response = client.post("/api/auth/token", data={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


# --- training, careers, placements (issue 4) ---------------------------------------------------


def make_program(
    session: Session,
    *,
    stage: str = "basic",
    hours: tuple[int, ...] = (4, 4, 4),
    district_code: str | None = None,
    min_hours: int | None = None,
    requires: tuple[int, ...] = (),
    **overrides: Any,
) -> Any:
    from decimal import Decimal

    from maeul_db.models import TrainingModule, TrainingPrerequisite, TrainingProgram

    n = next(_seq)
    program = TrainingProgram(
        code=f"P{n}",
        name=f"교육과정{n}",
        stage=stage,
        district_code=district_code,
        min_hours=Decimal(min_hours) if min_hours is not None else None,
        **overrides,
    )
    session.add(program)
    session.flush()
    for sequence, h in enumerate(hours, start=1):
        session.add(
            TrainingModule(
                program_id=program.id, name=f"모듈{sequence}", hours=Decimal(h), sequence=sequence
            )
        )
    for required in requires:
        session.add(TrainingPrerequisite(program_id=program.id, requires_program_id=required))
    session.flush()
    return program


def complete_program(
    session: Session, *, program: Any, person: Person, on: date = date(2019, 6, 1)
) -> Any:
    """Enrol ``person`` and attend every module in full; completion is computed by the service."""
    from maeul_db.models import Enrolment, ModuleAttendance
    from maeul_db.training import service as training_service

    enrolment = Enrolment(
        program_id=program.id,
        person_id=person.id,
        district_code=program.district_code,
        enrolled_on=on,
    )
    session.add(enrolment)
    session.flush()
    for module in training_service.modules_of(session, program_id=program.id):
        session.add(
            ModuleAttendance(
                enrolment_id=enrolment.id,
                module_id=module.id,
                hours_attended=module.hours,
                attended_on=on,
            )
        )
    session.flush()
    training_service.recompute_person(session, person_id=person.id)
    return enrolment


def make_placement(
    session: Session,
    *,
    person: Person,
    dong_code: str = DONG_A,
    district_code: str = DISTRICT_A,
    valid_from: date = date(2020, 1, 1),
    valid_to: date | None = None,
) -> Any:
    from maeul_db.models import ExpertPlacement

    row = ExpertPlacement(
        person_id=person.id,
        district_code=district_code,
        dong_code=dong_code,
        valid_from=valid_from,
        valid_to=valid_to,
    )
    session.add(row)
    session.flush()
    return row


def make_career(
    session: Session, *, person: Person, verified: bool = True, **overrides: Any
) -> Any:
    from datetime import UTC, datetime

    from maeul_db.models import Career, JobType

    values: dict[str, Any] = {
        "person_id": person.id,
        "job_type": JobType.village_autonomy_expert,
        "employer": "종로구 마을자치센터",
        "district_code": DISTRICT_A,
        "dong_code": DONG_A,
        "valid_from": date(2020, 1, 1),
        "valid_to": date(2021, 12, 31),
        "verified_at": datetime(2022, 1, 5, tzinfo=UTC) if verified else None,
    }
    values.update(overrides)
    row = Career(**values)
    session.add(row)
    session.flush()
    return row


def make_council(session: Session, **overrides: Any) -> Any:
    """A council of ``DONG_A`` (district A) founded on 1 April 2019, the plan's 2-year terms."""
    from maeul_db.models import Council

    values: dict[str, Any] = {
        "district_code": DISTRICT_A,
        "dong_code": DONG_A,
        "founded_on": date(2019, 4, 1),
        "replaced_committee": "청운효자동 주민자치위원회",
    }
    values.update(overrides)
    council = Council(**values)
    session.add(council)
    session.flush()
    return council


def make_council_seat(
    session: Session, *, council: Any, person: Person, valid_from: date = date(2019, 4, 1)
) -> Any:
    """A seat written directly (no rule check), for worlds and fixtures that need one."""
    from maeul_db.models import CouncilSeat

    seat = CouncilSeat(
        person_id=person.id,
        district_code=council.district_code,
        dong_code=council.dong_code,
        council_id=council.id,
        chosen_by="open_call",
        valid_from=valid_from,
    )
    session.add(seat)
    session.flush()
    return seat


def make_council_world(
    session: Session, *, person: Person, trained: bool = False
) -> dict[str, Any]:
    """District A's council with ``person`` seated, on a subcommittee and applying for the next
    term (council-school trained when ``trained``, so a draw has someone to draw): the ids the
    door matrices name in council routes."""
    from maeul_db.models import CouncilApplicant, Subcommittee, SubcommitteeMember

    council = make_council(session)
    seat = make_council_seat(session, council=council, person=person)
    sub = Subcommittee(council_id=council.id, name="비밀분과")
    session.add(sub)
    session.flush()
    session.add_all(
        [
            SubcommitteeMember(
                subcommittee_id=sub.id,
                person_id=person.id,
                district_code=DISTRICT_A,
                valid_from=date(2019, 5, 1),
            ),
            CouncilApplicant(
                council_id=council.id,
                person_id=person.id,
                district_code=DISTRICT_A,
                applied_on=date(2021, 1, 5),
                term_start=date(2021, 4, 1),
            ),
        ]
    )
    if trained:
        school = make_program(session, stage="council_school", hours=(6,))
        complete_program(session, program=school, person=person, on=date(2019, 3, 1))
    session.flush()
    return {"council_id": council.id, "seat_id": seat.id, "subcommittee_id": sub.id}


def make_paperwork(session: Session, *, project: Project) -> dict[str, int]:
    """A project's draft report (with a narrative) and settlement with one expense and its
    evidence file (a tiny PNG), so every state change can be called; the project gets a grant.
    For the door matrices: the ids ``attachment_id`` and ``expense_id``."""
    import hashlib
    import io

    from PIL import Image

    from maeul_db.models import (
        AttachmentPurpose,
        EvidenceType,
        ExpenseLine,
        ResultReport,
        Settlement,
        SettlementExpense,
        StoredAttachment,
    )

    out = io.BytesIO()
    Image.new("RGB", (2, 2), (0, 0, 0)).save(out, format="PNG")
    data = out.getvalue()  # a real image: the personal-data test reads every download
    assert project.id is not None
    project.grant_krw = max(project.grant_krw, 1_000_000)
    report = ResultReport(
        project_id=project.id,
        district_code=project.district_code,
        narrative="report",
        due_on=date(project.year + 1, 2, 28),
    )
    settlement = Settlement(project_id=project.id, district_code=project.district_code)
    file = StoredAttachment(
        project_id=project.id,
        district_code=project.district_code,
        purpose=AttachmentPurpose.expense,
        filename="receipt.png",
        content_type="image/png",
        size_bytes=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        data=data,
    )
    session.add_all([project, report, settlement, file])
    session.flush()
    assert settlement.id is not None and file.id is not None
    expense = SettlementExpense(
        settlement_id=settlement.id,
        district_code=project.district_code,
        spent_on=date(project.year, 5, 1),
        payee="paper shop",
        line=ExpenseLine.materials,
        amount_krw=10_000,
        evidence=EvidenceType.card,
        attachment_id=file.id,
    )
    session.add(expense)
    session.flush()
    assert expense.id is not None
    return {"attachment_id": file.id, "expense_id": expense.id}
