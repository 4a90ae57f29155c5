"""The training pages (issue 16): a programme made on the form, the session checklist (ticking
and unticking), completion with its reason; another district's staff cannot record."""

from __future__ import annotations

import re
from decimal import Decimal

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from maeul_db.models import ModuleAttendance, TrainingCompletion, TrainingProgram
from maeul_db.training import service as training_service
from tests.builders import DISTRICT_A, DISTRICT_B, make_person, make_program, make_user
from tests.web_login import csrf_token, log_in


def test_create_programme_page_with_sessions_and_prerequisite(
    client: TestClient, session: Session
) -> None:
    first = make_program(session, district_code=DISTRICT_A)
    staff = make_user(session)
    assert log_in(client, staff.username).status_code == 303
    form = client.get("/training/new")
    data = {
        "csrf_token": csrf_token(form.text),
        "code": "JN-2",
        "name": "심화",
        "stage": "lecture_practice",
        "min_attendance_percent": "75",
        "module_name_1": "하나",
        "module_hours_1": "2.5",
        "module_name_3": "셋",
        "module_hours_3": "1",
        "prerequisite_ids": str(first.id),
    }
    response = client.post("/training/new", data=data, follow_redirects=False)
    assert response.status_code == 303, response.text
    program = session.exec(select(TrainingProgram).where(TrainingProgram.code == "JN-2")).one()
    # Staff send no district: the programme is theirs.
    assert program.district_code == DISTRICT_A and program.min_attendance_percent == 75
    page = client.get(response.headers["location"]).text
    # Blank rows are skipped: two sessions, 3.5 hours, the prerequisite named.
    assert [m.name for m in training_service.modules_of(session, program_id=program.id or 0)] == [
        "하나",
        "셋",
    ]
    assert first.name in page and "선수 과정 이수" in page


def test_create_programme_page_without_sessions_refused(
    client: TestClient, session: Session
) -> None:
    staff = make_user(session)
    assert log_in(client, staff.username).status_code == 303
    token = csrf_token(client.get("/training/new").text)
    response = client.post(
        "/training/new", data={"csrf_token": token, "code": "X", "name": "이름", "stage": "basic"}
    )
    assert response.status_code == 422
    assert session.exec(select(TrainingProgram).where(TrainingProgram.code == "X")).first() is None


def _enrol(client: TestClient, program_id: int, person_name: str) -> str:
    page = client.get(f"/training/programs/{program_id}")
    token = csrf_token(page.text)
    response = client.post(
        f"/training/programs/{program_id}/enrolments",
        data={"csrf_token": token, "person": person_name, "enrolled_on": "2024-03-01"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return token


def test_checklist_ticks_until_complete_and_untick_resets(
    client: TestClient, session: Session
) -> None:
    program = make_program(session, district_code=DISTRICT_A, hours=(4, 4))
    make_person(session, name="체크대상")
    staff = make_user(session)
    assert log_in(client, staff.username).status_code == 303
    token = _enrol(client, program.id, "체크대상")
    html = client.get(f"/training/programs/{program.id}").text
    assert re.search(r'data-person="\d+" data-completed="false"', html)
    assert session.exec(select(ModuleAttendance)).all() == []
    module_ids = [m.id for m in training_service.modules_of(session, program_id=program.id)]
    checklist = client.get(f"/training/programs/{program.id}/sessions/{module_ids[0]}").text
    eid = re.search(r'name="attended" value="(\d+)"', checklist)
    assert eid is not None
    for module_id, hours in zip(module_ids, ("4", "3"), strict=True):
        saved = client.post(
            f"/training/programs/{program.id}/sessions/{module_id}",
            data={
                "csrf_token": token,
                "held_on": "2024-03-05",
                "attended": eid.group(1),
                f"hours_{eid.group(1)}": hours,
            },
            follow_redirects=False,
        )
        assert saved.status_code == 303, saved.text
    # 7 of 8 hours = 87.5% ≥ 80%: complete.
    completion = session.exec(select(TrainingCompletion)).one()
    assert completion.hours == Decimal(7)
    # Unticking the first session sets it back to 0 hours: 3 of 8 is no longer complete.
    client.post(
        f"/training/programs/{program.id}/sessions/{module_ids[0]}",
        data={"csrf_token": token, "held_on": "2024-03-05"},
    )
    assert session.exec(select(TrainingCompletion)).first() is None
    page = client.get(f"/training/programs/{program.id}").text
    assert "3.0/8.0시간 (37.5%)" in page and "미이수" in page


def test_checklist_other_district_staff_forbidden(client: TestClient, session: Session) -> None:
    program = make_program(session, district_code=DISTRICT_A)
    other = make_user(session, district_code=DISTRICT_B)
    assert log_in(client, other.username).status_code == 303
    page = client.get(f"/training/programs/{program.id}")
    assert page.status_code == 200 and "출석 체크" not in page.text
    module_id = training_service.modules_of(session, program_id=program.id)[0].id
    response = client.post(
        f"/training/programs/{program.id}/sessions/{module_id}",
        data={"csrf_token": csrf_token(page.text), "held_on": "2024-03-05"},
    )
    assert response.status_code == 403


def test_withdraw_page_records_day_and_bad_day_refused(
    client: TestClient, session: Session
) -> None:
    program = make_program(session, district_code=DISTRICT_A)
    make_person(session, name="중도포기")
    staff = make_user(session)
    assert log_in(client, staff.username).status_code == 303
    token = _enrol(client, program.id, "중도포기")
    page = client.get(f"/training/programs/{program.id}").text
    found = re.search(r'action="/training/enrolments/(\d+)/withdraw"', page)
    assert found is not None
    url = f"/training/enrolments/{found.group(1)}/withdraw"
    bad = client.post(url, data={"csrf_token": token, "on": "2024-02-01"})
    # Before the enrolment (2024-03-01): refused on the programme page, nothing written.
    assert bad.status_code == 422 and "중도 포기 기록" in bad.text
    saved = client.post(url, data={"csrf_token": token, "on": "2024-04-01"}, follow_redirects=False)
    assert saved.status_code == 303
    assert "중도 포기 2024-04-01" in client.get(saved.headers["location"]).text
