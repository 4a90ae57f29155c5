"""Every state change, allowed and refused, for staff and for the group's representative: the
table below is written out by hand from the issue (not read from the code), and every pair of
states is tried."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from maeul_db.errors import Conflict, Forbidden, InvalidInput
from maeul_db.models import ApplicationEvent, ApplicationStatus, Role
from maeul_db.paperwork import applications, review
from maeul_db.paperwork import status as status_
from maeul_db.paperwork.schemas import ApplicationCreate
from tests.builders import DISTRICT_B, make_group, make_user
from tests.paperwork.helpers import application_data, make_call, make_rep

S = ApplicationStatus
# (from, to): who may — "s" staff, "r" the group's representative.
EXPECTED = {
    ("draft", "submitted"): "sr",
    ("returned", "submitted"): "sr",
    ("submitted", "returned"): "s",
    ("submitted", "eligible"): "s",
    ("submitted", "ineligible"): "s",
    ("eligible", "returned"): "s",
    ("ineligible", "returned"): "s",
    ("eligible", "scored"): "s",
    ("scored", "selected"): "s",
    ("scored", "not_selected"): "s",
    ("selected", "agreement"): "s",
    ("agreement", "in_progress"): "s",
    ("in_progress", "report_submitted"): "sr",
    ("report_submitted", "in_progress"): "s",
    ("report_submitted", "settled"): "s",
    ("settled", "closed"): "s",
}


def test_every_pair_of_states_for_staff_and_representative(session: Session) -> None:
    staff = make_user(session)
    group = make_group(session)
    rep = make_rep(session, group)
    call = make_call(session, staff)
    app = applications.create(
        session, user=rep, data=ApplicationCreate.model_validate(application_data(call, group))
    )
    outsider = make_user(session, district_code=DISTRICT_B)
    results: dict[tuple[str, str, str], str] = {}
    for current in S:
        for to in S:
            for who, user in (("s", staff), ("r", rep), ("x", outsider)):
                app.status = current
                try:
                    status_.move(session, user=user, application=app, to=to, reason="사유")
                    results[(current.value, to.value, who)] = "ok"
                except Forbidden:
                    results[(current.value, to.value, who)] = "forbidden"
                except Conflict:
                    results[(current.value, to.value, who)] = "unknown move"
    for (current, to, who), got in results.items():
        allowed = EXPECTED.get((current, to))
        want = "unknown move" if allowed is None else ("ok" if who in allowed else "forbidden")
        assert got == want, f"{who}: {current} -> {to}: {got}, expected {want}"
    assert sum(1 for r in results.values() if r == "ok") == 16 + 3  # staff 16, rep 3


def test_a_representative_cannot_select_their_own_application(session: Session) -> None:
    staff = make_user(session)
    group = make_group(session)
    rep = make_rep(session, group)
    call = make_call(session, staff)
    app = applications.create(
        session, user=rep, data=ApplicationCreate.model_validate(application_data(call, group))
    )
    app.status = S.scored
    with pytest.raises(Forbidden) as refused:
        review.change_status(session, user=rep, application_id=app.id, to=S.selected, reason="우리")
    assert refused.value.message == "심사 완료 상태의 신청서를 선정 상태로 바꿀 권한이 없습니다"
    assert app.status == S.scored and app.project_id is None


def test_decisions_need_a_reason_and_each_move_is_in_the_history(session: Session) -> None:
    staff = make_user(session)
    group = make_group(session)
    rep = make_rep(session, group)
    call = make_call(session, staff)
    app = applications.create(
        session, user=rep, data=ApplicationCreate.model_validate(application_data(call, group))
    )
    with pytest.raises(InvalidInput):
        review.change_status(session, user=staff, application_id=app.id, to=S.returned, reason=" ")
    review.change_status(
        session, user=staff, application_id=app.id, to=S.returned, reason="예산 보완"
    )
    with pytest.raises(InvalidInput):  # eligibility comes from the check, not a bare move
        review.change_status(session, user=staff, application_id=app.id, to=S.eligible)
    events = session.exec(
        select(ApplicationEvent).where(ApplicationEvent.application_id == app.id)
    ).all()
    moves = [(e.from_status, e.to_status, e.actor_user_id, e.reason) for e in events]
    assert moves == [
        (None, "draft", rep.id, ""),
        ("draft", "submitted", rep.id, ""),
        ("submitted", "returned", staff.id, "예산 보완"),
    ]
    assert all(e.at is not None and e.at.tzinfo is not None for e in events)
    assert make_user(session, role=Role.analyst).role == Role.analyst
