"""The world the personal-data output test calls every door against: people whose name, phone and
e-mail are sentinel strings, linked to every kind of fact, plus the helpers that read any response
body as text and find which sentinel people it shows."""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass
from datetime import date
from typing import Any

from openpyxl import load_workbook
from pypdf import PdfReader
from sqlmodel import Session, col, select

from maeul_db.certificates import service as certificate_service
from maeul_db.identity import service as identity_service
from maeul_db.imports import service as import_service
from maeul_db.models import (
    AccessLog,
    Activity,
    Attendance,
    CertificateKind,
    ParticipationRole,
    Person,
    PersonMatchCandidate,
    Role,
    UserAccount,
)
from maeul_db.paperwork import applications as paperwork_applications
from maeul_db.paperwork import calls as paperwork_calls
from maeul_db.paperwork import review as paperwork_review
from maeul_db.paperwork.schemas import ApplicationCreate, CallCreate
from maeul_db.web.templating import format_phone
from tests.builders import (
    DISTRICT_A,
    complete_program,
    make_career,
    make_council_world,
    make_group,
    make_membership,
    make_paperwork,
    make_participation,
    make_person,
    make_placement,
    make_program,
    make_project,
    make_user,
)
from tests.builders_autonomy import seed_autonomy
from tests.imports.roster import csv_bytes
from tests.imports.wizard_world import make_upload
from tests.jobs.job_builders import make_done_job

# Distinctive strings no template, label or fixture contains; none is a substring of another.
SENTINELS = {
    "gap": ("감시대상갑", "01077710001", "gap.sentinel@example.org"),
    "eul": ("감시대상을", "01077720002", "eul.sentinel@example.org"),
    "byeong": ("감시대상병", "01077730003", "byeong.sentinel@example.org"),
    "jeong": ("감시대상정", "01077740004", "jeong.sentinel@example.org"),
}


@dataclass
class World:
    ids: dict[str, Any]  # path parameter → id of a seeded object
    people: dict[int, tuple[str, ...]]  # person id → the strings that reveal them
    users: dict[Role, UserAccount]
    roster: bytes  # a roster naming the sentinel person, for import routes and commands


def _person(session: Session, key: str) -> Person:
    name, phone, email = SENTINELS[key]
    return make_person(
        session, name=name, phone=phone, email=email, registered_district_code=DISTRICT_A
    )


def _attend(session: Session, project_id: int | None, people: list[Person]) -> Activity:
    activity = Activity(
        title="감시활동", held_on=date(2019, 5, 1), district_code=DISTRICT_A, project_id=project_id
    )
    session.add(activity)
    session.flush()
    for person in people:
        session.add(
            Attendance(activity_id=activity.id, person_id=person.id, district_code=DISTRICT_A)
        )
    session.flush()
    return activity


def _roster(name: str, phone: str, email: str, *, bad: bool = False) -> list[str]:
    gender = "?" if bad else "여"  # "?" is refused: the row comes back in the rejected file
    return [
        "2020", "종로구", "청운효자동", "감시사업", "모임형성", "", "감시모임", name, gender,
        "1980", format_phone(phone), email, "청운효자동", "참여자", "2020-03-01", "",
    ]  # fmt: skip


def _rejected_batch(session: Session, admin: UserAccount) -> int:
    """A partial import whose refused row carries the sentinel person's name and phone."""
    content = csv_bytes([_roster(*SENTINELS["gap"], bad=True), _roster("새참여자", "", "")])
    outcome = import_service.run_import(
        session,
        content=content,
        filename="감시명단.csv",
        district_code=DISTRICT_A,
        actor=admin,
        partial=True,
    )
    assert outcome.report.batch_id is not None and outcome.report.rejected_rows == 1
    return outcome.report.batch_id


def seed(session: Session) -> World:
    gap, eul, byeong, jeong = (_person(session, k) for k in ("gap", "eul", "byeong", "jeong"))
    group = make_group(session, name="감시모임", district_code=DISTRICT_A)
    project = make_project(session, name="감시사업", district_code=DISTRICT_A)
    membership = make_membership(session, group=group, person=gap)
    make_membership(session, group=group, person=eul)
    participation = make_participation(session, project=project, person=gap)
    make_participation(session, project=project, person=eul, role=ParticipationRole.lead_proposer)
    activity = _attend(session, project.id, [gap, eul])
    programs, enrolments = [], []
    for stage in ("basic", "lecture_practice", "expert_activist"):
        programs.append(make_program(session, stage=stage, district_code=DISTRICT_A))
        enrolments.append(complete_program(session, program=programs[-1], person=gap))
    # Closed, so a new placement of the same expert can start later.
    placement = make_placement(session, person=gap, valid_to=date(2023, 1, 1))
    career = make_career(session, person=gap, verified=False)
    # Still held, so ending it is a valid call.
    open_career = make_career(session, person=gap, verified=False, valid_to=None, employer="현직")
    users = {
        Role.city_admin: make_user(session, role=Role.city_admin),
        Role.district_staff: make_user(session, role=Role.district_staff),
        Role.analyst: make_user(session, role=Role.analyst),
        Role.expert: make_user(session, role=Role.expert, person_id=gap.id),
    }
    assert gap.id is not None and eul.id is not None and byeong.id is not None
    certificate, _ = certificate_service.issue(
        session, user=users[Role.city_admin], kind=CertificateKind.training, person_id=gap.id
    )
    candidate, merged = (
        PersonMatchCandidate(
            person_id=p.id, candidate_person_id=gap.id, district_code=DISTRICT_A, reason="감시"
        )
        for p in (byeong, jeong)
    )
    session.add_all([candidate, merged])
    session.flush()
    assert merged.id is not None
    identity_service.merge(session, user=users[Role.city_admin], candidate_id=merged.id)
    ids = {
        "person_id": gap.id,
        "eul_id": eul.id,
        "twin_id": byeong.id,
        "group_id": group.id,
        "project_id": project.id,
        "membership_id": membership.id,
        "participation_id": participation.id,
        "activity_id": activity.id,
        "program_id": programs[0].id,
        "enrolment_id": enrolments[0].id,
        "placement_id": placement.id,
        "career_id": career.id,
        # The seeded unverified career puts "gap" on this work-queue list.
        "kind": "careers_unverified",
        "open_career_id": open_career.id,
        "certificate_id": certificate.id,
        "candidate_id": candidate.id,
        "merged_candidate_id": merged.id,
        "batch_id": _rejected_batch(session, users[Role.city_admin]),
        "upload_id": make_upload(session, user_id=int(users[Role.city_admin].id or 0)),
        "district_code": DISTRICT_A,
        "token": certificate.verification_id,
        "request_id": _rights_request(session, users[Role.district_staff], gap.id),
        "account_id": users[Role.district_staff].id,
        **make_council_world(session, person=gap, trained=True),
        **seed_autonomy(session, person_id=gap.id, group_id=group.id),
        **_paperwork(session, users[Role.district_staff], group_id=group.id, person_id=gap.id),
        **make_paperwork(session, project=project),
        **_requests(session, users[Role.district_staff], group_id=group.id, person_id=gap.id),
        "fmt": "xlsx",
        "job_id": make_done_job(
            session, requested_by=users[Role.district_staff], district_code=DISTRICT_A
        ).id,
    }
    people = {
        p.id: (p.name, p.phone or "", format_phone(p.phone), p.email or "")
        for p in (gap, eul, byeong, jeong)
        if p.id is not None
    }
    roster = csv_bytes([_roster(*SENTINELS["gap"])])
    return World(ids, people, users, roster)


def _paperwork(
    session: Session, staff: UserAccount, *, group_id: int | None, person_id: int
) -> dict[str, int | None]:
    """A call and an application naming "gap" (issue 15)."""
    call = paperwork_calls.create(
        session,
        user=staff,
        data=CallCreate.model_validate(
            {
                "title": "감시공모",
                "year": 2020,
                "opens_on": "2020-01-01",
                "closes_on": "2020-02-01",
                "budget_lines": {"operating": 0},
                "sheet": [{"key": "plan", "label": "계획", "max": 10}],
            }
        ),
    )
    application = paperwork_applications.create(
        session,
        user=staff,
        data=ApplicationCreate.model_validate(
            {
                "call_id": call.id,
                "group_id": group_id,
                "title": "감시신청",
                "people": [{"person_id": person_id, "role": "lead_proposer"}],
            }
        ),
    )
    draft = paperwork_applications.create(
        session,
        user=staff,
        data=ApplicationCreate.model_validate(
            {
                "call_id": call.id,
                "group_id": group_id,
                "title": "감시초안",
                "people": [{"person_id": person_id, "role": "lead_proposer"}],
                "submit": False,
            }
        ),
    )
    # Each call runs in a savepoint rolled back afterwards: scoring needs one already eligible.
    scorable = paperwork_applications.create(
        session,
        user=staff,
        data=ApplicationCreate.model_validate(
            {
                "call_id": call.id,
                "group_id": group_id,
                "title": "감시심사",
                "people": [{"person_id": person_id, "role": "lead_proposer"}],
            }
        ),
    )
    assert scorable.id is not None
    paperwork_review.check_eligibility(session, user=staff, application_id=scorable.id)
    return {
        "call_id": call.id,
        "application_id": application.id,
        "draft_id": draft.id,
        "eligible_id": scorable.id,
    }


def _requests(
    session: Session, staff: UserAccount, *, group_id: int, person_id: int
) -> dict[str, int | None]:
    """A training request naming "gap", and consulting requests of the group: one open, one
    assigned to "gap" (a pool member) with a meeting recorded (issue 15, item 9)."""
    from decimal import Decimal

    from maeul_db.support_requests import consulting, training
    from maeul_db.support_requests.schemas import (
        Assignment,
        ConsultingRecordIn,
        ConsultingRequestCreate,
        TrainingRequestCreate,
    )

    program = make_program(session, district_code=DISTRICT_A)
    asked = training.create(
        session, user=staff, data=TrainingRequestCreate(program_id=program.id, person_id=person_id)
    )
    open_, assigned = (
        consulting.create(
            session, user=staff, data=ConsultingRequestCreate(group_id=group_id, topic=topic)
        )
        for topic in ("감시상담", "감시배정")
    )
    consulting.assign(
        session,
        user=staff,
        request_id=assigned.id or 0,
        data=Assignment(expert_person_id=person_id),
    )
    consulting.record(
        session,
        user=staff,
        request_id=assigned.id or 0,
        data=ConsultingRecordIn(held_on=date(2024, 5, 1), hours=Decimal(2)),
    )
    return {
        "training_request_id": asked.id,
        "request_program_id": program.id,
        "consulting_request_id": open_.id,
        "assigned_consulting_id": assigned.id,
    }


def _rights_request(session: Session, staff: UserAccount, person_id: int) -> int:
    from maeul_db.models import RequestKind
    from maeul_db.privacy import requests as rights

    request = rights.create(
        session,
        user=staff,
        person_id=person_id,
        kind=RequestKind.access,
        requester="requester",
        verification="ID",
    )
    assert request.id is not None
    return request.id


# --- reading a response and the log ---------------------------------------------------------


def body_text(content: bytes, content_type: str = "") -> str:
    """Every readable text in a response body or written file: JSON, HTML, CSV, xlsx, zip, PDF."""
    if content.startswith(b"%PDF"):
        return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages)
    if content.startswith(b"PK"):
        archive = zipfile.ZipFile(io.BytesIO(content))
        if any(name.startswith("xl/") for name in archive.namelist()):
            book = load_workbook(io.BytesIO(content), read_only=True)
            cells = (
                c for s in book.worksheets for row in s.iter_rows(values_only=True) for c in row
            )
            return "\n".join(str(c) for c in cells if c is not None)
        return "\n".join(body_text(archive.read(name)) for name in archive.namelist())
    text = content.decode("utf-8", errors="replace")
    if "json" in content_type:
        # Re-dumped so \\uXXXX escapes cannot hide a name from the search.
        text += json.dumps(json.loads(text), ensure_ascii=False)
    return text


def shown_people(world: World, text: str) -> set[int]:
    return {pid for pid, marks in world.people.items() if any(m and m in text for m in marks)}


def last_log_id(session: Session) -> int:
    return session.exec(select(AccessLog.id).order_by(col(AccessLog.id).desc())).first() or 0


def logged_people(session: Session, after: int) -> set[int]:
    """Person ids named by access-log rows written since row ``after``."""
    rows = session.exec(select(AccessLog.person_ids).where(col(AccessLog.id) > after)).all()
    return {int(i) for row in rows for i in re.findall(r"\d+", row)}


def logged_actions(session: Session, after: int) -> set[str]:
    """Actions of the access-log rows written since row ``after``."""
    rows = session.exec(select(AccessLog.action).where(col(AccessLog.id) > after)).all()
    return set(rows)
