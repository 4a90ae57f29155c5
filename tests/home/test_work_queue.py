"""The staff home's work queue (issue 14 item 5): each kind counts only the user's district's
rows, within the 60-day window where there is one, and links to a list that names the people."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from maeul_db.home import queue
from maeul_db.kit import time as clock
from maeul_db.models import (
    Enrolment,
    ImportBatch,
    JobType,
    ModuleAttendance,
    PersonMatchCandidate,
    Role,
    TrainingModule,
)
from tests.builders import (
    DISTRICT_A,
    DISTRICT_B,
    DONG_B,
    make_career,
    make_person,
    make_placement,
    make_program,
    make_user,
)
from tests.web_login import log_in


def _counts(session: Session, user: object) -> dict[str, int]:
    return {i.kind: i.count for i in queue.work_queue(session, user=user)}  # type: ignore[arg-type]


def _seed(session: Session, district: str, dong: str | None = None) -> None:
    """One row of each kind in ``district``, plus rows that must not count."""
    today = clock.today()
    a, b = make_person(session), make_person(session)
    session.add(
        PersonMatchCandidate(
            person_id=a.id, candidate_person_id=b.id, district_code=district, reason="name_birth"
        )
    )
    session.add(
        PersonMatchCandidate(
            person_id=b.id,
            candidate_person_id=a.id,
            district_code=district,
            reason="name_birth",
            status="dismissed",
        )
    )
    session.add(
        ImportBatch(district_code=district, filename="r.csv", file_sha256="1" * 64, rejected=2)
    )
    session.add(ImportBatch(district_code=district, filename="ok.csv", file_sha256="2" * 64))
    place = {"district_code": district} | ({"dong_code": dong} if dong else {})
    # 종료일 = valid_to - 1: today + 60 counts, today + 61 does not, an ended one does not.
    make_placement(session, person=a, valid_to=today + timedelta(days=61), **place)
    make_placement(session, person=b, valid_to=today + timedelta(days=62), **place)
    make_placement(session, person=b, valid_to=today, **place)
    make_career(
        session,
        person=a,
        job_type=JobType.new_deal,
        district_code=district,
        dong_code=dong,
        valid_to=today + timedelta(days=1),
    )
    make_career(
        session,
        person=b,
        job_type=JobType.new_deal,
        district_code=district,
        dong_code=dong,
        valid_to=today + timedelta(days=90),
    )
    make_career(session, person=b, verified=False, district_code=district, dong_code=dong)
    program = make_program(session)
    waiting = Enrolment(
        program_id=program.id, person_id=a.id, district_code=district, enrolled_on=today
    )
    attended = Enrolment(
        program_id=program.id, person_id=b.id, district_code=district, enrolled_on=today
    )
    session.add_all([waiting, attended])
    session.flush()
    first_module = _any_module(session, program.id)
    session.add(
        ModuleAttendance(
            enrolment_id=attended.id, module_id=first_module.id, hours_attended=Decimal(4)
        )
    )
    session.flush()


def _any_module(session: Session, program_id: int) -> TrainingModule:
    row = session.exec(
        select(TrainingModule).where(TrainingModule.program_id == program_id)
    ).first()
    assert row is not None
    return row


EXPECTED = {
    "duplicates": 1,
    "rejected_imports": 1,
    "placements_ending": 1,
    "new_deal_ending": 1,
    "careers_unverified": 1,
    "enrolments_without_attendance": 1,
}


def test_work_queue_counts_each_kind_in_the_district_only(session: Session) -> None:
    _seed(session, DISTRICT_A)
    _seed(session, DISTRICT_B, DONG_B)
    staff_a = make_user(session, district_code=DISTRICT_A)
    assert _counts(session, staff_a) == EXPECTED
    admin = make_user(session, role=Role.city_admin)
    assert _counts(session, admin) == {k: 2 * v for k, v in EXPECTED.items()}
    empty = make_user(session, district_code="11170")
    assert set(_counts(session, empty).values()) == {0}


def test_work_queue_on_home_links_to_lists_naming_the_people(
    client: TestClient, session: Session
) -> None:
    _seed(session, DISTRICT_A)
    staff = make_user(session, district_code=DISTRICT_A)
    assert log_in(client, staff.username).status_code == 303
    home = client.get("/").text
    for kind, label in (
        ("duplicates", "중복 검토 대기"),
        ("careers_unverified", "확인을 기다리는 경력"),
        ("enrolments_without_attendance", "출석 기록이 없는 교육 수강"),
    ):
        assert f'data-work-count="{kind}">1건' in home and label in home
    assert 'href="/identity/candidates"' in home and 'href="/work/placements_ending"' in home
    listed = client.get("/work/placements_ending")
    assert listed.status_code == 200 and "청운효자동" in listed.text
    assert client.get("/work/no_such_list").status_code == 404
    analyst = make_user(session, role=Role.analyst)
    other = TestClient(client.app)
    assert log_in(other, analyst.username).status_code == 303
    assert other.get("/work/careers_unverified").status_code == 403
