"""Every state change of both request kinds, allowed and refused, for staff, the group's
representative and another district's staff: the tables below are written out by hand from the
issue (not read from the code), and every pair of states is tried."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from maeul_db.errors import Conflict, Forbidden, InvalidInput
from maeul_db.models import (
    ConsultingStatus,
    SupportRequestEvent,
    TrainingRequestStatus,
)
from maeul_db.support_requests import status as status_
from tests.builders import DISTRICT_B, make_program, make_user
from tests.support_requests.helpers import consulting_request, group_with_rep, training_request

TRAINING = {
    ("submitted", "accepted"): "s",
    ("submitted", "refused"): "s",
    ("submitted", "withdrawn"): "sr",
}
CONSULTING = {
    ("requested", "assigned"): "s",
    ("requested", "refused"): "s",
    ("requested", "withdrawn"): "sr",
    ("assigned", "done"): "s",
    ("assigned", "withdrawn"): "sr",
}


def _try_all(session: Session, request: object, states: list[str], users: dict) -> dict:
    results = {}
    for current in states:
        for to in states:
            for who, user in users.items():
                request.status = current  # type: ignore[attr-defined]
                try:
                    status_.move(session, user=user, request=request, to=to, reason="사유")  # type: ignore[arg-type]
                    results[(current, to, who)] = "ok"
                except Forbidden:
                    results[(current, to, who)] = "forbidden"
                except Conflict:
                    results[(current, to, who)] = "unknown move"
    return results


def _check(results: dict, expected: dict) -> None:
    for (current, to, who), got in results.items():
        allowed = expected.get((current, to))
        want = "unknown move" if allowed is None else ("ok" if who in allowed else "forbidden")
        assert got == want, f"{who}: {current} -> {to}: {got}, expected {want}"


def test_training_request_moves(session: Session) -> None:
    staff = make_user(session)
    group, rep, member = group_with_rep(session)
    request = training_request(
        session, rep, program_id=make_program(session).id, group_id=group.id,
        name=member.name, birth_year=member.birth_year,
    )  # fmt: skip
    outsider = make_user(session, district_code=DISTRICT_B)
    users = {"s": staff, "r": rep, "x": outsider}
    results = _try_all(session, request, [s.value for s in TrainingRequestStatus], users)
    _check(results, TRAINING)
    assert sum(1 for r in results.values() if r == "ok") == 3 + 1


def test_consulting_request_moves(session: Session) -> None:
    staff = make_user(session)
    group, rep, _ = group_with_rep(session)
    request = consulting_request(session, rep, group)
    outsider = make_user(session, district_code=DISTRICT_B)
    users = {"s": staff, "r": rep, "x": outsider}
    results = _try_all(session, request, [s.value for s in ConsultingStatus], users)
    _check(results, CONSULTING)
    assert sum(1 for r in results.values() if r == "ok") == 5 + 2


def test_every_move_writes_who_when_why(session: Session) -> None:
    staff = make_user(session)
    group, rep, _ = group_with_rep(session)
    request = consulting_request(session, rep, group)
    with pytest.raises(InvalidInput) as refused:
        status_.move(session, user=staff, request=request, to="refused", reason=" ")
    assert refused.value.message == "반려 사유를 적어 주세요"
    status_.move(session, user=staff, request=request, to="refused", reason="예산 소진")
    events = session.exec(
        select(SupportRequestEvent).where(SupportRequestEvent.request_id == request.id)
    ).all()
    moves = [(e.from_status, e.to_status, e.actor_user_id, e.reason) for e in events]
    assert moves == [
        (None, "requested", rep.id, ""),
        ("requested", "refused", staff.id, "예산 소진"),
    ]
    assert all(e.kind == "consulting" and e.at is not None for e in events)
