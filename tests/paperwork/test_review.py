"""Scores totalled by sheet version; a selected application becomes a project whose participants
are the application's people, each once, an existing person reused."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from maeul_db.errors import Forbidden, InvalidInput
from maeul_db.identity import entry as identity_entry
from maeul_db.models import ApplicationStatus, Participation, Person, Project
from maeul_db.paperwork import applications, calls, review
from maeul_db.paperwork.schemas import ApplicationCreate, SheetItem
from maeul_db.participants.schemas import PersonCreate
from tests.builders import DONG_A, make_group, make_user
from tests.paperwork.helpers import application_data, make_call, make_rep, person

S = ApplicationStatus


def _eligible(session: Session, **overrides: object) -> tuple[object, object]:
    staff = make_user(session)
    group = make_group(session, dong_code=DONG_A)
    call = make_call(session, staff)
    data = ApplicationCreate.model_validate(application_data(call, group, **overrides))
    app = applications.create(session, user=staff, data=data)
    review.check_eligibility(session, user=staff, application_id=app.id)
    assert app.status == S.eligible, app.eligibility
    return staff, app


def test_scores_are_totalled_per_sheet_version(session: Session) -> None:
    staff, app = _eligible(session)
    second = make_user(session)
    review.score(
        session, user=staff, application_id=app.id, points={"plan": 30, "people": 20, "budget": 25}
    )
    review.score(
        session, user=second, application_id=app.id, points={"plan": 40, "people": 10, "budget": 10}
    )
    assert app.status == S.scored
    # Sheet version 2 has two items; a score on it is never mixed with version 1's totals.
    calls.revise(
        session,
        user=staff,
        call_id=app.call_id,
        sheet=[
            SheetItem(key="plan", label="계획", max=50),
            SheetItem(key="impact", label="효과", max=50),
        ],
    )
    review.score(session, user=staff, application_id=app.id, points={"plan": 45, "impact": 50})
    summary = review.score_summary(session, application_id=app.id)
    assert [(s.sheet_version, s.reviewers, s.totals, s.average) for s in summary] == [
        (1, 2, [60, 75], 67.5),
        (2, 1, [95], 95.0),
    ]
    with pytest.raises(InvalidInput):  # an item missing from the sheet in force
        review.score(session, user=second, application_id=app.id, points={"plan": 45})
    with pytest.raises(InvalidInput):  # over an item's maximum
        review.score(session, user=second, application_id=app.id, points={"plan": 51, "impact": 0})


def test_a_selected_application_becomes_a_project_with_its_people_once(session: Session) -> None:
    # Registered as any door does (identity keys stored), by another staff member of district A.
    known = identity_entry.register(
        session,
        user=make_user(session),
        candidate=PersonCreate(
            name="최기존", gender="M", birth_year=1975, phone="01012345678", home_dong_code=DONG_A
        ),
    ).person
    assert known is not None
    people = [
        {"person_id": known.id, "role": "co_proposer"},
        person("김대표", "lead_proposer"),
        person("이공동", "co_proposer"),
        person("박참여"),
        # The same person as ``known`` typed in again, as a participant: identity resolves them
        # to the existing person, who keeps the higher role and appears once.
        {**person("최기존", year=1975), "phone": "010-1234-5678"},
    ]
    staff, app = _eligible(session, people=people)
    people_before = len(session.exec(select(Person)).all())
    review.score(
        session, user=staff, application_id=app.id, points={"plan": 30, "people": 20, "budget": 25}
    )
    review.change_status(session, user=staff, application_id=app.id, to=S.selected, reason="우수")
    assert app.project_id is not None
    project = session.get(Project, app.project_id)
    assert project is not None
    assert (
        project.name,
        project.year,
        project.grant_krw,
        project.self_cash_krw,
        project.group_id,
    ) == (app.title, 2025, 800_000, 100_000, app.group_id)
    rows = session.exec(select(Participation).where(Participation.project_id == project.id)).all()
    names = sorted((session.get(Person, r.person_id).name, r.role) for r in rows)  # type: ignore[union-attr]
    assert names == [
        ("김대표", "lead_proposer"),
        ("박참여", "participant"),
        ("이공동", "co_proposer"),
        ("최기존", "co_proposer"),
    ]
    assert len({r.person_id for r in rows}) == len(rows)
    # Three new people registered; the known one reused, not copied.
    assert len(session.exec(select(Person)).all()) == people_before + 3
    entries = applications.people_of(session, application_id=app.id)
    assert {e.person_id for e in entries} == {r.person_id for r in rows}


def test_a_representative_cannot_score(session: Session) -> None:
    _staff, app = _eligible(session)
    from maeul_db.models import Group

    group = session.get(Group, app.group_id)
    rep = make_rep(session, group)  # type: ignore[arg-type]
    with pytest.raises(Forbidden):
        review.score(
            session, user=rep, application_id=app.id, points={"plan": 1, "people": 1, "budget": 1}
        )
