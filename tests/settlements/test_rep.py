"""A group representative hands in the report and settlement of their own group's project (read,
fill in, add receipts, submit), never decides (accept, return, settle), and never reaches another
group's project; the application the project came from follows: report submitted, settled."""

from __future__ import annotations

import base64
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from maeul_db.errors import Forbidden, InvalidInput, NotFound
from maeul_db.models import (
    Application,
    ApplicationEvent,
    ApplicationStatus,
    EvidenceType,
    ExpenseLine,
    Project,
    SettlementState,
    UserAccount,
)
from maeul_db.paperwork import applications, review
from maeul_db.paperwork.schemas import ApplicationCreate
from maeul_db.settlements import reports
from maeul_db.settlements import service as settlement_service
from maeul_db.settlements.schemas import ExpenseCreate, ReportUpdate
from tests.builders import DONG_A, bearer, make_group, make_project, make_user
from tests.paperwork.helpers import application_data, make_call, make_rep
from tests.settlements.helpers import PDF, image, receipt
from tests.web_login import csrf_token, log_in

S = ApplicationStatus


def _running(session: Session) -> tuple[UserAccount, UserAccount, Application, int]:
    """District A staff, the group's representative, and an application selected and running
    (its project made by the selection, no retyping)."""
    staff = make_user(session)
    group = make_group(session, dong_code=DONG_A)
    rep = make_rep(session, group)
    call = make_call(session, staff)
    data = ApplicationCreate.model_validate(application_data(call, group))
    app = applications.create(session, user=rep, data=data)
    assert app.id is not None
    review.check_eligibility(session, user=staff, application_id=app.id)
    points = {"plan": 30, "people": 20, "budget": 25}
    review.score(session, user=staff, application_id=app.id, points=points)
    move = review.change_status
    move(session, user=staff, application_id=app.id, to=S.selected, reason="우수")
    move(session, user=staff, application_id=app.id, to=S.agreement)
    move(session, user=staff, application_id=app.id, to=S.in_progress)
    assert app.project_id is not None
    return staff, rep, app, app.project_id


def _expense(payee: str, amount: int, on: date) -> ExpenseCreate:
    return ExpenseCreate(
        spent_on=on,
        payee=payee,
        line=ExpenseLine.materials,
        amount_krw=amount,
        evidence=EvidenceType.card,
    )


def _statuses(session: Session, app: Application) -> list[str]:
    stmt = select(ApplicationEvent).where(ApplicationEvent.application_id == app.id)
    return [str(e.to_status) for e in session.exec(stmt.order_by(col(ApplicationEvent.id)))]


def test_a_representative_hands_in_and_staff_decide(session: Session) -> None:
    staff, rep, app, pid = _running(session)
    # Selection starts the project (the period begins that day); receipts fall inside it.
    on = session.get(Project, pid).starts_on  # type: ignore[union-attr]
    assert on is not None
    # The representative reads and fills in the report, and submits it.
    view = reports.get(session, user=rep, project_id=pid)
    assert view.can_edit and view.actions == ["submit"]
    reports.update(session, user=rep, project_id=pid, data=ReportUpdate(narrative="함께 밥을 지음"))
    reports.change_state(session, user=rep, project_id=pid, action="submit", note=None)
    assert app.status == S.report_submitted
    # Two expenses, each with its receipt, then the settlement handed in.
    for payee, amount, upload in (
        ("동네문구", 120_000, receipt()),
        ("골목인쇄", 80_000, receipt("영수증.png", image("PNG"))),
    ):
        row = settlement_service.add_expense(
            session, user=rep, project_id=pid, data=_expense(payee, amount, on)
        )
        assert row.id is not None
        settlement_service.attach_evidence(
            session, user=rep, project_id=pid, expense_id=row.id, upload=upload
        )
    mine = settlement_service.get(session, user=rep, project_id=pid)
    assert mine.can_edit and mine.actions == ["submit"]
    assert mine.totals.spent_krw == 200_000
    change = settlement_service.change_state
    assert change(session, user=rep, project_id=pid, action="submit", note=None).state == (
        SettlementState.submitted
    )
    # Deciding is staff's: the representative may not accept, return or settle either paper.
    for action in ("accept", "return", "settle"):
        with pytest.raises(Forbidden):
            change(session, user=rep, project_id=pid, action=action, note="내가 승인")
    with pytest.raises(Forbidden):
        reports.change_state(session, user=rep, project_id=pid, action="accept", note=None)
    assert settlement_service.get(session, user=rep, project_id=pid).actions == []
    change(session, user=staff, project_id=pid, action="accept", note=None)
    with pytest.raises(Forbidden):
        change(session, user=rep, project_id=pid, action="settle", note=None)
    change(session, user=staff, project_id=pid, action="settle", note=None)
    assert app.status == S.settled
    with pytest.raises(InvalidInput):  # nobody edits a settled settlement
        settlement_service.add_expense(
            session, user=rep, project_id=pid, data=_expense("늦은영수증", 1_000, on)
        )
    # Staff close the application; its history shows the project's paperwork, in order.
    assert app.id is not None
    review.change_status(session, user=staff, application_id=app.id, to=S.closed)
    assert _statuses(session, app)[-4:] == ["in_progress", "report_submitted", "settled", "closed"]


def test_a_returned_report_reopens_the_application(session: Session) -> None:
    staff, rep, app, pid = _running(session)
    reports.update(session, user=rep, project_id=pid, data=ReportUpdate(narrative="보고"))
    reports.change_state(session, user=rep, project_id=pid, action="submit", note=None)
    reports.change_state(session, user=staff, project_id=pid, action="return", note="사진 보완")
    assert app.status == S.in_progress
    reports.change_state(session, user=rep, project_id=pid, action="submit", note=None)
    assert _statuses(session, app)[-3:] == ["report_submitted", "in_progress", "report_submitted"]


def test_a_representative_never_reaches_another_groups_project(session: Session) -> None:
    _, rep, _, _ = _running(session)
    other = make_project(session, group_id=make_group(session).id, year=2025)
    no_group = make_project(session, year=2025)
    for project in (other, no_group):
        assert project.id is not None
        with pytest.raises(NotFound):
            settlement_service.get(session, user=rep, project_id=project.id)
        with pytest.raises(NotFound):
            reports.update(session, user=rep, project_id=project.id, data=ReportUpdate())
        with pytest.raises(NotFound):
            settlement_service.change_state(
                session, user=rep, project_id=project.id, action="submit", note=None
            )


def test_a_project_without_an_application_is_unaffected(session: Session) -> None:
    staff = make_user(session)
    project = make_project(session, year=2025)
    assert project.id is not None
    reports.update(session, user=staff, project_id=project.id, data=ReportUpdate(narrative="x"))
    row = reports.change_state(
        session, user=staff, project_id=project.id, action="submit", note=None
    )
    assert str(row.state) == "submitted"


def _post(client: TestClient, page: str, url: str, data: dict[str, str]) -> Any:
    token = csrf_token(client.get(page).text)
    return client.post(url, data={**data, "csrf_token": token}, follow_redirects=False)


def test_the_pages_and_the_api_let_the_representative_in(
    client: TestClient, session: Session
) -> None:
    _, rep, app, pid = _running(session)
    other = make_project(session, group_id=make_group(session).id, year=2025)
    session.commit()
    assert log_in(client, rep.username).status_code == 303
    assert "/settlements" in client.get("/").text
    listed = client.get("/settlements")
    assert listed.status_code == 200 and app.title in listed.text
    assert f"/projects/{other.id}/settlement" not in listed.text
    assert f"/projects/{pid}/report" in client.get(f"/paperwork/applications/{app.id}").text
    page = f"/projects/{pid}/report"
    assert client.get(page).status_code == 200
    saved = _post(client, page, page, {"narrative": "웹으로 쓴 보고"})
    assert saved.status_code == 303, saved.text
    sent = _post(client, page, f"{page}/state", {"action": "submit"})
    assert sent.status_code == 303, sent.text
    assert client.get(f"/projects/{pid}/settlement").status_code == 200
    for url in (f"/projects/{other.id}/report", f"/projects/{other.id}/settlement"):
        assert client.get(url).status_code == 404
    headers = bearer(client, rep.username)
    api = f"/api/projects/{pid}/settlement"
    expense = {
        "spent_on": str(session.get(Project, pid).starts_on),  # type: ignore[union-attr]
        "payee": "동네문구",
        "line": "materials",
        "amount_krw": 45_000,
        "evidence": "card",
        "file": {"filename": "영수증.pdf", "content_base64": base64.b64encode(PDF).decode()},
    }
    made = client.post(f"{api}/expenses", headers=headers, json=expense)
    assert made.status_code == 201, made.text
    submitted = client.post(f"{api}/state", headers=headers, json={"action": "submit"})
    assert submitted.status_code == 200, submitted.text
    refused = client.post(f"{api}/state", headers=headers, json={"action": "accept"})
    assert refused.status_code == 403
    elsewhere = f"/api/projects/{other.id}/settlement"
    assert client.get(elsewhere, headers=headers).status_code == 404
    session.expire_all()
    assert session.get(Application, app.id).status == S.report_submitted  # type: ignore[union-attr]
    assert session.get(Project, pid) is not None
