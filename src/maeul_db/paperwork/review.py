"""Review and selection: reviewers (staff) score on the call's sheet (the version in force;
totals computed), staff decide with reasons, and a selected application becomes a project with
its participations through the project and identity services: nothing retyped, nobody twice.

``record_status`` is the one entry for the later steps (report submitted, settled, closed) that
the report and settlement services reach."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlmodel import Session, col, select

from maeul_db.errors import Forbidden, InvalidInput
from maeul_db.identity import entry as identity_entry
from maeul_db.kit import time as clock
from maeul_db.models import (
    Application,
    ApplicationEvent,
    ApplicationPerson,
    ApplicationStatus,
    Call,
    CallSpecKind,
    Gender,
    Group,
    ParticipationRole,
    Project,
    ReviewScore,
    UserAccount,
)
from maeul_db.paperwork import applications, calls
from maeul_db.paperwork import eligibility as eligibility_
from maeul_db.paperwork import status as status_
from maeul_db.participants.schemas import PersonCreate
from maeul_db.projects import service as project_service
from maeul_db.projects.schemas import ParticipationCreate, ProjectCreate

S = ApplicationStatus
# Moves made by their own use case, never by a bare status change.
_OWN_USE_CASE = {
    S.eligible: "paperwork.use_eligibility_check",
    S.ineligible: "paperwork.use_eligibility_check",
    S.scored: "paperwork.use_scoring",
}
_ROLE_RANK = {
    ParticipationRole.lead_proposer: 0,
    ParticipationRole.co_proposer: 1,
    ParticipationRole.participant: 2,
}


def change_status(
    session: Session, *, user: UserAccount, application_id: int, to: S, reason: str = ""
) -> Application:
    """Move an application as the state machine allows; selecting also creates its project."""
    application = applications.get(session, user=user, application_id=application_id)
    if to in _OWN_USE_CASE:
        raise InvalidInput(_OWN_USE_CASE[to], field="to")
    status_.move(session, user=user, application=application, to=to, reason=reason)
    if to == S.selected:
        _make_project(session, user=user, application=application)
    return application


def record_status(
    session: Session, *, user: UserAccount, application_id: int, to: S, reason: str = ""
) -> ApplicationEvent:
    """Record a later step (report submitted, settled, closed) on the application, with the same
    rules and history as every other move: for the report and settlement services."""
    application = applications.get(session, user=user, application_id=application_id)
    return status_.move(session, user=user, application=application, to=to, reason=reason)


def application_of_project(session: Session, *, project_id: int) -> Application | None:
    """The application a project came from, if any (for the report and settlement services)."""
    stmt = select(Application).where(Application.project_id == project_id)
    return session.exec(stmt).first()


def check_eligibility(session: Session, *, user: UserAccount, application_id: int) -> Application:
    """Evaluate the call's rules (the eligibility module) and move the application."""
    return eligibility_.check(session, user=user, application_id=application_id)


def score(
    session: Session,
    *,
    user: UserAccount,
    application_id: int,
    points: dict[str, int],
    comment: str = "",
) -> ReviewScore:
    """A reviewer's scores on the sheet in force (one row per reviewer and sheet version, a
    second entry replaces the first); the first score moves an eligible application to scored."""
    application = applications.get(session, user=user, application_id=application_id)
    if status_.actor_of(session, user=user, application=application) != "staff":
        raise Forbidden("paperwork.score_forbidden")
    if S(application.status) not in (S.eligible, S.scored):
        raise InvalidInput("paperwork.not_scorable", field="points")
    sheet = calls.spec(session, call_id=application.call_id, kind=CallSpecKind.sheet)
    total = _total(sheet.spec, points)
    assert application.id is not None and user.id is not None
    row = session.exec(
        select(ReviewScore).where(
            ReviewScore.application_id == application.id,
            ReviewScore.reviewer_user_id == user.id,
            ReviewScore.sheet_version == sheet.version,
        )
    ).first() or ReviewScore(
        application_id=application.id,
        reviewer_user_id=user.id,
        sheet_version=sheet.version,
        points={},
        total=0,
    )
    row.points, row.total, row.comment = dict(points), total, comment
    session.add(row)
    session.flush()
    if S(application.status) == S.eligible:
        status_.move(session, user=user, application=application, to=S.scored)
    return row


def _total(sheet: list[dict[str, object]], points: dict[str, int]) -> int:
    """The sum of the points, each item of the sheet given once within its maximum."""
    items = {str(i["key"]): int(str(i["max"])) for i in sheet}
    if set(points) != set(items):
        raise InvalidInput("paperwork.sheet_items", field="points", items=", ".join(items))
    for key, value in points.items():
        if not 0 <= value <= items[key]:
            raise InvalidInput(
                "paperwork.points_out_of_range", field="points", item=key, high=items[key]
            )
    return sum(points.values())


@dataclass(frozen=True)
class ScoreSummary:
    sheet_version: int
    reviewers: int
    average: float
    totals: list[int]


def score_summary(session: Session, *, application_id: int) -> list[ScoreSummary]:
    """The totals per sheet version (totals of different versions are never mixed)."""
    rows = session.exec(
        select(ReviewScore).where(ReviewScore.application_id == application_id)
    ).all()
    by_version: dict[int, list[int]] = defaultdict(list)
    for row in rows:
        by_version[row.sheet_version].append(row.total)
    return [
        ScoreSummary(v, len(t), round(sum(t) / len(t), 2), sorted(t))
        for v, t in sorted(by_version.items())
    ]


def scores_of(session: Session, *, application_id: int) -> list[ReviewScore]:
    stmt = select(ReviewScore).where(ReviewScore.application_id == application_id)
    return list(session.exec(stmt.order_by(col(ReviewScore.id))).all())


def _make_project(session: Session, *, user: UserAccount, application: Application) -> Project:
    """The selected application's project and participations, through the project service; the
    people typed in are resolved through identity (an existing person is reused, never copied)."""
    call = session.get(Call, application.call_id)
    group = session.get(Group, application.group_id)
    assert call is not None and group is not None and application.id is not None
    project = project_service.create(
        session,
        user=user,
        data=ProjectCreate(
            name=application.title,
            year=call.year,
            district_code=application.district_code,
            dong_code=group.dong_code,
            group_id=group.id,
            programme=call.programme,
            stage=call.stage,
            grant_krw=application.requested_grant_krw,
            self_cash_krw=application.self_cash_krw,
            self_noncash_krw=application.self_noncash_krw,
        ),
    )
    assert project.id is not None
    start = clock.today()
    project.starts_on = start
    roles = _resolved_people(session, user=user, application=application)
    for person_id, role in sorted(roles.items()):
        project_service.add_participant(
            session,
            user=user,
            project_id=project.id,
            data=ParticipationCreate(person_id=person_id, role=role, valid_from=start),
        )
    application.project_id = project.id
    session.add_all([project, application])
    session.flush()
    return project


def _resolved_people(
    session: Session, *, user: UserAccount, application: Application
) -> dict[int, ParticipationRole]:
    """Person id → the highest role the application gives them (two entries that turn out to be
    one person become one participation)."""
    assert application.id is not None
    roles: dict[int, ParticipationRole] = {}
    for entry in applications.people_of(session, application_id=application.id):
        person_id = entry.person_id
        if person_id is None:
            person_id = _register(session, user=user, application=application, entry=entry)
            entry.person_id = person_id
            session.add(entry)
        role = ParticipationRole(entry.role)
        if person_id not in roles or _ROLE_RANK[role] < _ROLE_RANK[roles[person_id]]:
            roles[person_id] = role
    return roles


def _register(
    session: Session, *, user: UserAccount, application: Application, entry: ApplicationPerson
) -> int:
    # The application form requires birth year and gender of anyone typed in.
    assert entry.birth_year is not None and entry.gender is not None
    candidate = PersonCreate(
        name=entry.name,
        gender=Gender(entry.gender),
        birth_year=entry.birth_year,
        phone=entry.phone,
        home_dong_code=entry.home_dong_code,
        registered_district_code=application.district_code,
    )
    result = identity_entry.register(session, user=user, candidate=candidate)
    assert result.person is not None and result.person.id is not None
    return result.person.id
