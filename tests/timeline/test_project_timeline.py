"""A project's timeline (issue 15): the application's status history, the project made from it,
the people who joined, an activity, the report's and the settlement's steps and the 보탬e status,
in time order with who and why; a representative sees their own groups' projects' timelines (the
people as a count), nobody outside the scope sees it, and the names shown are access-logged."""

from __future__ import annotations

import pytest
from sqlmodel import Session, col, select

from maeul_db.activities import service as activity_service
from maeul_db.activities.schemas import ActivityCreate
from maeul_db.errors import NotFound
from maeul_db.kit import time as clock
from maeul_db.models import AccessLog, BotameStatus, Project, Role
from maeul_db.projects import service as project_service
from maeul_db.projects.schemas import ProjectCreate, ProjectUpdate
from maeul_db.settlements import reports
from maeul_db.settlements import service as settlement_service
from maeul_db.settlements.schemas import ReportUpdate
from maeul_db.timeline.project import project_timeline
from tests.builders import DISTRICT_B, make_group, make_user
from tests.paperwork.helpers import make_rep
from tests.settlements.helpers import receipt
from tests.settlements.test_rep import _expense, _running


def _walk(session: Session) -> tuple[object, object, int]:
    """A project from selection to settlement, with one returned report on the way."""
    staff, rep, _, pid = _running(session)
    on = session.get(Project, pid).starts_on  # type: ignore[union-attr]
    assert on is not None
    activity_service.create(
        session,
        user=staff,
        data=ActivityCreate(project_id=pid, title="첫 밥상 모임", held_on=on),
    )
    reports.update(session, user=rep, project_id=pid, data=ReportUpdate(narrative="함께 밥을 지음"))
    reports.change_state(session, user=rep, project_id=pid, action="submit", note=None)
    reports.change_state(session, user=staff, project_id=pid, action="return", note="사진 보완")
    reports.change_state(session, user=rep, project_id=pid, action="submit", note=None)
    reports.change_state(session, user=staff, project_id=pid, action="accept", note=None)
    row = settlement_service.add_expense(
        session, user=rep, project_id=pid, data=_expense("동네문구", 120_000, on)
    )
    assert row.id is not None
    settlement_service.attach_evidence(
        session, user=rep, project_id=pid, expense_id=row.id, upload=receipt()
    )
    change = settlement_service.change_state
    change(session, user=rep, project_id=pid, action="submit", note=None)
    change(session, user=staff, project_id=pid, action="accept", note=None)
    change(session, user=staff, project_id=pid, action="settle", note=None)
    project_service.update(
        session,
        user=staff,
        project_id=pid,
        data=ProjectUpdate(botame_id="B-2025-001", botame_status=BotameStatus.settled),
    )
    return staff, rep, pid


def test_the_timeline_lists_every_step_in_time_order(session: Session) -> None:
    staff, _, pid = _walk(session)
    timeline = project_timeline(session, user=staff, project_id=pid)  # type: ignore[arg-type]
    steps = [(s.kind, s.code) for s in timeline.steps]
    application = [code for kind, code in steps if kind == "application"]
    assert application[:6] == ["draft", "submitted", "eligible", "scored", "selected", "agreement"]
    assert application[-2:] == ["report_submitted", "settled"]
    report = [code for kind, code in steps if kind == "report"]
    assert report == ["submitted", "returned", "submitted", "accepted"]
    assert [c for k, c in steps if k == "settlement"] == ["submitted", "accepted", "settled"]
    assert ("botame", "botame_id") in steps and ("botame", "settled") in steps
    # Selected, then the project made from it, then its people joining that day, in that order.
    selected = steps.index(("application", "selected"))
    made = steps.index(("project", "created_from_application"))
    joined = steps.index(("participants", "joined"))
    assert selected < made < joined < steps.index(("activity", "held"))
    assert steps.index(("report", "accepted")) < steps.index(("settlement", "settled"))
    # Oldest first; recorded steps carry who and why, in Korean words.
    timed = [s.at for s in timeline.steps if s.at is not None]
    assert timed == sorted(timed)
    days = [s.on for s in timeline.steps]
    assert days == sorted(days)
    chosen = timeline.steps[selected]
    assert chosen.label == "선정" and chosen.detail == "우수" and chosen.actor == staff.username
    returned = next(s for s in timeline.steps if s.kind == "report" and s.code == "returned")
    assert returned.label == "보완 요청" and returned.detail == "사진 보완"
    assert timeline.botame_status_label == "정산 완료"


def test_staff_see_the_names_and_the_read_is_logged(session: Session) -> None:
    staff, _, pid = _walk(session)
    timeline = project_timeline(session, user=staff, project_id=pid)  # type: ignore[arg-type]
    joined = next(s for s in timeline.steps if s.code == "joined")
    assert joined.count == 3 and sorted(joined.names) == ["김대표", "박참여", "이공동"]
    row = session.exec(
        select(AccessLog)
        .where(AccessLog.action == "project.timeline")
        .order_by(col(AccessLog.id).desc())
    ).first()
    assert row is not None and len([p for p in row.person_ids.split(",") if p.strip()]) == 3


def test_a_representative_sees_their_groups_timeline_without_names(session: Session) -> None:
    _, rep, pid = _walk(session)
    before = session.exec(select(AccessLog).where(AccessLog.action == "project.timeline")).all()
    timeline = project_timeline(session, user=rep, project_id=pid)  # type: ignore[arg-type]
    joined = next(s for s in timeline.steps if s.code == "joined")
    assert joined.count == 3 and joined.names == []
    assert ("settlement", "settled") in [(s.kind, s.code) for s in timeline.steps]
    after = session.exec(select(AccessLog).where(AccessLog.action == "project.timeline")).all()
    assert len(after) == len(before)  # nobody named, nothing to log


def test_nobody_outside_the_scope_sees_the_timeline(session: Session) -> None:
    _, _, pid = _walk(session)
    other_rep = make_rep(session, make_group(session))
    outsiders = (
        make_user(session, district_code=DISTRICT_B),
        other_rep,
        make_user(session, role=Role.group_rep, district_code=None),
    )
    for user in outsiders:
        with pytest.raises(NotFound):
            project_timeline(session, user=user, project_id=pid)
    admin = make_user(session, role=Role.city_admin)
    assert project_timeline(session, user=admin, project_id=pid).project_id == pid


def test_a_project_entered_by_hand_starts_with_its_registration(session: Session) -> None:
    staff = make_user(session)
    project = project_service.create(
        session, user=staff, data=ProjectCreate(name="손으로 등록한 사업", year=2024)
    )
    assert project.id is not None
    timeline = project_timeline(session, user=staff, project_id=project.id)
    assert [(s.kind, s.code, s.actor) for s in timeline.steps] == [
        ("project", "created", staff.username)
    ]
    assert timeline.application_id is None and timeline.steps[0].on == clock.today()
