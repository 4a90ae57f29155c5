"""Demo paperwork (issue 15): in the demo district, a past group-formation call with one
application in every state (each with its people drawn from the group's members, a budget, the
history of moves that led there, eligibility computed by the rule engine, scores, and for the
selected ones the group's project), and a call open today so the demo representative can apply.

Written after the bulk rows, through an ORM session on the same connection: a few dozen rows,
linked to the generated groups, people and projects.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from sqlalchemy import Connection
from sqlmodel import Session, col, select

from maeul_db.kit import time as clock
from maeul_db.models import (
    Application,
    ApplicationBudgetLine,
    ApplicationEvent,
    ApplicationPerson,
    ApplicationStatus,
    Call,
    CallSpec,
    CallSpecKind,
    Group,
    GroupMembership,
    ParticipationRole,
    Person,
    Project,
    ReviewScore,
    Stage,
)
from maeul_db.paperwork import eligibility
from maeul_db.paperwork.rules import default_rules, evaluate

S = ApplicationStatus
DEMO_PAPERWORK_DISTRICT = "11110"  # 종로구, when the demo has no people yet
# The road each demo application travelled, up to its state.
PATHS: dict[S, tuple[S, ...]] = {
    S.draft: (),
    S.submitted: (S.submitted,),
    S.returned: (S.submitted, S.returned),
    S.eligible: (S.submitted, S.eligible),
    S.ineligible: (S.submitted, S.ineligible),
    S.scored: (S.submitted, S.eligible, S.scored),
    S.not_selected: (S.submitted, S.eligible, S.scored, S.not_selected),
    S.selected: (S.submitted, S.eligible, S.scored, S.selected),
    S.agreement: (S.submitted, S.eligible, S.scored, S.selected, S.agreement),
    S.in_progress: (S.submitted, S.eligible, S.scored, S.selected, S.agreement, S.in_progress),
}
PATHS[S.report_submitted] = (*PATHS[S.in_progress], S.report_submitted)
PATHS[S.settled] = (*PATHS[S.report_submitted], S.settled)
PATHS[S.closed] = (*PATHS[S.settled], S.closed)
REASONS = {
    S.returned: "참여자 명단의 거주 동을 보완해 주세요",
    S.selected: "주민 참여 계획이 구체적임",
    S.not_selected: "예산 대비 효과가 낮음",
}
SHEET = [
    {"key": "plan", "label": "사업 계획의 충실성", "max": 40},
    {"key": "people", "label": "주민 참여", "max": 30},
    {"key": "budget", "label": "예산의 적정성", "max": 30},
]
LINES = {"operating": 1_000_000, "materials": 800_000, "publicity": 300_000, "instructor": 600_000}


def _call(session: Session, district: str, *, year: int, opens: date, closes: date) -> Call:
    call = Call(
        title=f"{year} 이웃만들기(모임형성) 지원사업 공모",
        district_code=district,
        stage=Stage.group_formation,
        year=year,
        opens_on=opens,
        closes_on=closes,
        budget_krw=30_000_000,
        grant_ceiling_krw=2_000_000,
        self_share_percent=10,
        budget_lines=LINES,
        required_documents=["사업계획서", "예산서", "참여자 명단"],
    )
    session.add(call)
    session.flush()
    assert call.id is not None
    rules = default_rules(Stage.group_formation)
    session.add_all(
        [
            CallSpec(call_id=call.id, kind=CallSpecKind.rules, version=1, spec=rules),
            CallSpec(call_id=call.id, kind=CallSpecKind.sheet, version=1, spec=SHEET),
        ]
    )
    return call


def _members(session: Session, group: Group) -> list[Person]:
    stmt = (
        select(Person)
        .join(GroupMembership, col(GroupMembership.person_id) == col(Person.id))
        .where(GroupMembership.group_id == group.id)
        .order_by(col(Person.id))
        .limit(6)
    )
    return list(session.exec(stmt).unique().all())


def _application(
    session: Session, rng: random.Random, call: Call, group: Group, state: S
) -> Application | None:
    people = _members(session, group)
    if not people:
        return None
    budget = {line: rng.randrange(2, 6) * 100_000 for line in ("operating", "materials")}
    grant = sum(budget.values())
    app = Application(
        call_id=call.id,  # type: ignore[arg-type]
        group_id=group.id,  # type: ignore[arg-type]
        district_code=group.district_code,
        title=f"{group.name} 이웃 모임",
        summary="이웃과 함께하는 정기 모임과 나눔 활동",
        status=state,
        requested_grant_krw=grant,
        self_cash_krw=grant // 10,
        partner_group_ids=[],
    )
    session.add(app)
    session.flush()
    assert app.id is not None
    roles = [ParticipationRole.lead_proposer, ParticipationRole.co_proposer] + [
        ParticipationRole.participant
    ] * (len(people) - 2)
    session.add_all(
        [
            ApplicationPerson(
                application_id=app.id,
                person_id=p.id,
                name=p.name,
                birth_year=p.birth_year,
                gender=p.gender,
                home_dong_code=p.home_dong_code,
                role=role,
            )
            for p, role in zip(people, roles, strict=False)
        ]
    )
    session.add_all(
        [
            ApplicationBudgetLine(application_id=app.id, line=line, amount_krw=amount)
            for line, amount in budget.items()
        ]
    )
    session.flush()
    return app


def _history(session: Session, rng: random.Random, app: Application, call: Call) -> None:
    """The moves that led to the state, dated through the call's year; eligibility, scores and
    the project where the state has them."""
    moment = datetime.combine(call.closes_on - timedelta(days=20), time(10), tzinfo=clock.SEOUL)
    previous: S | None = None
    for step in (S.draft, *PATHS[S(app.status)]):
        session.add(
            ApplicationEvent(
                application_id=app.id,  # type: ignore[arg-type]
                from_status=previous,
                to_status=step,
                at=moment,
                reason=REASONS.get(step, ""),
            )
        )
        previous, moment = step, moment + timedelta(days=rng.randrange(3, 30))
    if S.eligible in PATHS[S(app.status)] or app.status == S.ineligible:
        results = evaluate(
            default_rules(Stage.group_formation),
            eligibility.history_of(session, application=app, call=call),
        )
        app.eligibility = [
            {
                "kind": kind,
                "passed": o.passed,
                "code": o.code,
                "params": o.params,
                "explanation": eligibility.explain(o.code, o.params),
            }
            for kind, o in results
        ]
        app.eligibility_version = 1
    if S.scored in PATHS[S(app.status)]:
        points = {
            "plan": rng.randrange(20, 41),
            "people": rng.randrange(15, 31),
            "budget": rng.randrange(15, 31),
        }
        session.add(
            ReviewScore(
                application_id=app.id,  # type: ignore[arg-type]
                reviewer_user_id=None,  # the demo's reviewers have no accounts
                sheet_version=1,
                points=points,
                total=sum(points.values()),
            )
        )
    if S.selected in PATHS[S(app.status)]:
        project = session.exec(
            select(Project).where(Project.group_id == app.group_id, Project.year == call.year)
        ).first()
        app.project_id = project.id if project else None
    session.add(app)


def write_paperwork(connection: Connection, *, seed: int, district: str) -> int:
    """The demo calls and applications in ``district``; returns the number of applications."""
    rng = random.Random(seed)
    session = Session(bind=connection)
    # The demo staff account's district (auth.demo_accounts picks it the same way).
    district = session.exec(select(Person.registered_district_code).limit(1)).first() or district
    groups = list(
        session.exec(
            select(Group).where(Group.district_code == district).order_by(col(Group.id)).limit(40)
        ).all()
    )
    if not groups:
        return 0
    past = _call(session, district, year=2024, opens=date(2024, 2, 1), closes=date(2024, 3, 15))
    today = clock.today()
    _call(
        session,
        district,
        year=today.year + 1,
        opens=today - timedelta(days=14),
        closes=today + timedelta(days=45),
    )
    made = 0
    states = iter(PATHS)
    for group in groups:
        state = next(states, None)
        if state is None:
            break
        app = _application(session, rng, past, group, state)
        if app is None:
            states = iter([state, *states])
            continue
        _history(session, rng, app, past)
        made += 1
    session.flush()
    return made
