"""Settlements: totals per budget line against the plan, the money to return, the states, and
nobody editing a settled settlement; attachments refused (size, type) leave nothing stored."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func
from sqlmodel import Session, select

from maeul_db.config import get_settings
from maeul_db.errors import Forbidden, InvalidInput, NotFound
from maeul_db.models import (
    EvidenceType,
    ExpenseLine,
    NoncashKind,
    Role,
    SettlementExpense,
    SettlementState,
    StoredAttachment,
)
from maeul_db.settlements import reports
from maeul_db.settlements import service as settlement_service
from maeul_db.settlements.attachments import Upload
from maeul_db.settlements.schemas import ExpenseCreate, NoncashCreate, PlanUpdate, ReportUpdate
from tests.builders import DISTRICT_B, make_user
from tests.settlements.conftest import Desk
from tests.settlements.helpers import EXE, PDF, SCRIPTED_PDF, image, receipt


def _expense(line: ExpenseLine, amount: int, payee: str = "동네문구") -> ExpenseCreate:
    return ExpenseCreate(
        spent_on=date(2019, 6, 3),
        payee=payee,
        line=line,
        amount_krw=amount,
        evidence=EvidenceType.card,
    )


def _plan(session: Session, desk: Desk) -> None:
    settlement_service.set_plan(
        session,
        user=desk.staff,
        project_id=desk.pid,
        data=PlanUpdate(
            planned={ExpenseLine.materials: 2_000_000, ExpenseLine.publicity: 500_000},
            interest_krw=1_234,
        ),
    )


def _count(session: Session, model: type) -> int:
    return int(session.exec(select(func.count()).select_from(model)).one())


def test_totals_per_line_and_the_amount_to_return(session: Session, desk: Desk) -> None:
    _plan(session, desk)
    add = settlement_service.add_expense
    add(
        session,
        user=desk.staff,
        project_id=desk.pid,
        data=_expense(ExpenseLine.materials, 1_200_000),
        upload=receipt(),
    )
    add(
        session,
        user=desk.staff,
        project_id=desk.pid,
        data=_expense(ExpenseLine.materials, 300_000),
        upload=receipt("a.png", image("PNG")),
    )
    add(
        session,
        user=desk.staff,
        project_id=desk.pid,
        data=_expense(ExpenseLine.publicity, 600_000),
        upload=receipt("b.jpg", image("JPEG")),
    )
    view = settlement_service.get(session, user=desk.staff, project_id=desk.pid)
    by_line = {
        t.line: (t.planned_krw, t.spent_krw, t.remaining_krw, t.over) for t in view.totals.lines
    }
    assert by_line == {
        ExpenseLine.materials: (2_000_000, 1_500_000, 500_000, False),
        ExpenseLine.publicity: (500_000, 600_000, -100_000, True),
    }
    # Grant 3,000,000 − spent 2,100,000 = 900,000 unspent, + 1,234 interest = 901,234 back.
    assert view.totals.spent_krw == 2_100_000
    assert view.totals.unspent_krw == 900_000
    assert view.totals.to_return_krw == 901_234
    assert [f.content_type for f in view.attachments.values()] == [
        "application/pdf",
        "image/png",
        "image/jpeg",
    ]


def test_a_plan_over_the_grant_is_refused(session: Session, desk: Desk) -> None:
    with pytest.raises(InvalidInput) as refused:
        settlement_service.set_plan(
            session,
            user=desk.staff,
            project_id=desk.pid,
            data=PlanUpdate(planned={ExpenseLine.materials: 3_000_001}),
        )
    assert "3,000,001원" in refused.value.message and "3,000,000원" in refused.value.message


@pytest.mark.parametrize(
    ("upload", "code", "words"),
    [
        (Upload("setup.pdf", EXE), "attachment.refused_type", "PDF, JPEG, PNG 파일만"),
        (Upload("notes.txt", b"just text"), "attachment.refused_type", "받을 수 없는 형식"),
        (Upload("form.pdf", SCRIPTED_PDF), "attachment.active_pdf", "실행되는 내용"),
        (Upload("empty.pdf", b""), "attachment.empty", "빈 파일"),
    ],
)
def test_a_refused_attachment_says_why_and_stores_nothing(
    session: Session, desk: Desk, upload: Upload, code: str, words: str
) -> None:
    with pytest.raises(InvalidInput) as refused, session.begin_nested():
        settlement_service.add_expense(
            session,
            user=desk.staff,
            project_id=desk.pid,
            data=_expense(ExpenseLine.materials, 1),
            upload=upload,
        )
    assert refused.value.code == code and words in refused.value.message
    assert _count(session, StoredAttachment) == 0
    assert _count(session, SettlementExpense) == 0


def test_an_attachment_over_the_size_limit_is_refused(
    session: Session, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "attachment_max_bytes", 2 * 1024 * 1024)
    big = PDF + b"0" * (2 * 1024 * 1024)
    with pytest.raises(InvalidInput) as refused, session.begin_nested():
        reports.add_attachment(
            session, user=desk.staff, project_id=desk.pid, upload=Upload("scan.pdf", big)
        )
    assert refused.value.code == "attachment.too_big"
    assert "2MB 이하" in refused.value.message
    assert _count(session, StoredAttachment) == 0


def test_states_and_nobody_edits_a_settled_settlement(session: Session, desk: Desk) -> None:
    staff, pid = desk.staff, desk.pid
    settlement_service.add_expense(
        session, user=staff, project_id=pid, data=_expense(ExpenseLine.materials, 10_000)
    )
    with pytest.raises(InvalidInput) as refused:
        settlement_service.change_state(
            session, user=staff, project_id=pid, action="submit", note=None
        )
    assert refused.value.code == "settlement.evidence_missing"
    expense = settlement_service.get(session, user=staff, project_id=pid).expenses[0]
    assert expense.id is not None
    settlement_service.attach_evidence(
        session, user=staff, project_id=pid, expense_id=expense.id, upload=receipt()
    )
    change = settlement_service.change_state
    assert (
        change(session, user=staff, project_id=pid, action="submit", note=None).state
        == SettlementState.submitted
    )
    with pytest.raises(InvalidInput):  # a submitted settlement is not edited
        settlement_service.add_expense(
            session, user=staff, project_id=pid, data=_expense(ExpenseLine.other, 1)
        )
    with pytest.raises(InvalidInput) as no_reason:
        change(session, user=staff, project_id=pid, action="return", note=" ")
    assert no_reason.value.code == "paperwork.note_required"
    change(session, user=staff, project_id=pid, action="return", note="영수증 날짜 확인")
    change(session, user=staff, project_id=pid, action="submit", note=None)
    change(session, user=staff, project_id=pid, action="accept", note=None)
    assert (
        change(session, user=staff, project_id=pid, action="settle", note=None).state
        == SettlementState.settled
    )

    attempts = {
        "expense": lambda user: settlement_service.add_expense(
            session, user=user, project_id=pid, data=_expense(ExpenseLine.other, 1)
        ),
        "plan": lambda user: settlement_service.set_plan(
            session, user=user, project_id=pid, data=PlanUpdate()
        ),
        "noncash": lambda user: settlement_service.add_noncash(
            session,
            user=user,
            project_id=pid,
            data=NoncashCreate(kind=NoncashKind.in_kind, description="x", appraised_krw=1),
        ),
        "evidence": lambda user: settlement_service.attach_evidence(
            session, user=user, project_id=pid, expense_id=expense.id or 0, upload=receipt()
        ),
        "return": lambda user: change(
            session, user=user, project_id=pid, action="return", note="다시"
        ),
        "submit": lambda user: change(
            session, user=user, project_id=pid, action="submit", note=None
        ),
    }
    for user in (staff, desk.admin):
        for name, attempt in attempts.items():
            with pytest.raises(InvalidInput) as locked:
                attempt(user)
            assert locked.value.code == "settlement.settled_locked", name
            assert "정산이 확정되어" in locked.value.message
    events = settlement_service.get(session, user=staff, project_id=pid).events
    assert [(e.from_state, e.to_state) for e in events] == [
        ("draft", "submitted"),
        ("submitted", "returned"),
        ("returned", "submitted"),
        ("submitted", "accepted"),
        ("accepted", "settled"),
    ]
    assert events[1].note == "영수증 날짜 확인"


def test_other_districts_and_other_roles_are_kept_out(session: Session, desk: Desk) -> None:
    outsider = make_user(session, district_code=DISTRICT_B)
    with pytest.raises(NotFound):
        settlement_service.get(session, user=outsider, project_id=desk.pid)
    with pytest.raises(NotFound):
        reports.update(
            session, user=outsider, project_id=desk.pid, data=ReportUpdate(narrative="x")
        )
    analyst = make_user(session, role=Role.analyst)
    with pytest.raises(Forbidden):
        settlement_service.get(session, user=analyst, project_id=desk.pid)
