"""Demo training and consulting requests (issue 15, item 9): in the demo paperwork district, a
request in every state of each kind with the history that led there; the first group with a
returned application (the demo representative's) files one of each, and the consulting done or
assigned goes to a member of the expert pool (the pool's own rule), with meetings and hours.

Written after the paperwork demo, through an ORM session on the same connection (a few rows)."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import Connection
from sqlmodel import Session, col, select

from maeul_db.experts import service as expert_service
from maeul_db.kit import time as clock
from maeul_db.models import (
    Application,
    ApplicationStatus,
    ConsultingRecord,
    ConsultingRequest,
    ConsultingStatus,
    Enrolment,
    Group,
    GroupMembership,
    Person,
    SupportRequestEvent,
    SupportRequestKind,
    TrainingProgram,
    TrainingRequest,
    TrainingRequestStatus,
)

T, C = TrainingRequestStatus, ConsultingStatus
TRAINING_PATHS: dict[TrainingRequestStatus, tuple[str, ...]] = {
    T.submitted: (T.submitted,),
    T.accepted: (T.submitted, T.accepted),
    T.refused: (T.submitted, T.refused),
    T.withdrawn: (T.submitted, T.withdrawn),
}
CONSULTING_PATHS: dict[ConsultingStatus, tuple[str, ...]] = {
    C.requested: (C.requested,),
    C.assigned: (C.requested, C.assigned),
    C.done: (C.requested, C.assigned, C.done),
    C.refused: (C.requested, C.refused),
    C.withdrawn: (C.requested, C.withdrawn),
}
REASONS = {"refused": "올해 예산이 소진되었습니다"}
TOPICS = ("마을 의제 찾기", "회계와 정산", "주민 모집과 홍보", "공간 운영", "모임 규약 만들기")


def _events(
    session: Session, kind: SupportRequestKind, request_id: int, path: tuple[str, ...], start: date
) -> None:
    moment = datetime.combine(start, time(10), tzinfo=clock.SEOUL)
    previous: str | None = None
    for step in path:
        session.add(
            SupportRequestEvent(
                kind=kind,
                request_id=request_id,
                from_status=previous,
                to_status=step,
                at=moment,
                reason=REASONS.get(step, ""),
            )
        )
        previous, moment = step, moment + timedelta(days=7)


def _groups(session: Session, district: str) -> list[Group]:
    """The district's groups, the demo representative's (a returned application) first."""
    first = session.exec(
        select(Application.group_id).where(
            Application.district_code == district, Application.status == ApplicationStatus.returned
        )
    ).first()
    groups = list(
        session.exec(
            select(Group).where(Group.district_code == district).order_by(col(Group.id)).limit(10)
        ).all()
    )
    return sorted(groups, key=lambda g: g.id != first)


def _member(session: Session, group: Group, skip: set[int]) -> int | None:
    stmt = select(GroupMembership.person_id).where(
        GroupMembership.group_id == group.id, col(GroupMembership.voided_at).is_(None)
    )
    return next(
        (p for p in session.exec(stmt.order_by(col(GroupMembership.id))) if p not in skip), None
    )


def _training(
    session: Session, groups: list[Group], programs: list[TrainingProgram]
) -> tuple[int, int]:
    """(requests made, enrolments made by the accepted ones)."""
    made, enrolled, used = 0, 0, set[int]()
    today = clock.today()
    for n, (state, path) in enumerate(TRAINING_PATHS.items()):
        group, program = groups[n % len(groups)], programs[n % len(programs)]
        person = _member(session, group, used)
        if person is None or program.id is None:
            continue
        used.add(person)
        request = TrainingRequest(
            program_id=program.id, person_id=person, district_code=group.district_code,
            group_id=group.id, motivation="마을 활동에 도움이 되고 싶습니다", status=state,
        )  # fmt: skip
        session.add(request)
        session.flush()
        if state == T.accepted:
            enrolment = Enrolment(
                program_id=program.id, person_id=person, district_code=program.district_code,
                enrolled_on=today,
            )  # fmt: skip
            session.add(enrolment)
            session.flush()
            request.enrolment_id = enrolment.id
            enrolled += 1
        assert request.id is not None
        _events(session, SupportRequestKind.training, request.id, path, today - timedelta(days=30))
        made += 1
    return made, enrolled


def _consulting(
    session: Session, rng: random.Random, groups: list[Group], experts: list[int]
) -> int:
    today = clock.today()
    for n, (state, path) in enumerate(CONSULTING_PATHS.items()):
        group = groups[n % len(groups)]
        needs_expert = C.assigned in path
        request = ConsultingRequest(
            group_id=group.id or 0, district_code=group.district_code, topic=TOPICS[n % len(TOPICS)],
            detail="모임 회의에서 나온 요청입니다", status=state,
            expert_person_id=experts[n % len(experts)] if needs_expert and experts else None,
        )  # fmt: skip
        session.add(request)
        session.flush()
        assert request.id is not None
        start = today - timedelta(days=60)
        _events(session, SupportRequestKind.consulting, request.id, path, start)
        if needs_expert and request.expert_person_id is not None:
            for week in range(1 + (state == C.done)):
                session.add(
                    ConsultingRecord(
                        request_id=request.id, expert_person_id=request.expert_person_id,
                        held_on=start + timedelta(days=10 + 7 * week),
                        hours=Decimal(rng.choice(("1.5", "2", "3"))),
                    )
                )  # fmt: skip
    return len(CONSULTING_PATHS)


def write_requests(connection: Connection, *, seed: int, district: str) -> dict[str, int]:
    """The demo requests in ``district`` (the paperwork demo's); returns the rows written per
    table (the accepted training requests' enrolments included)."""
    rng = random.Random(seed)
    session = Session(bind=connection)
    # The paperwork demo's district (the demo staff account's).
    district = session.exec(select(Person.registered_district_code).limit(1)).first() or district
    groups = _groups(session, district)
    programs = list(
        session.exec(
            select(TrainingProgram)
            .where(
                col(TrainingProgram.district_code).is_(None)
                | (TrainingProgram.district_code == district)
            )
            .order_by(col(TrainingProgram.id))
        ).all()
    )
    if not groups or not programs:
        return {}
    days = expert_service.stage_days(session, None)
    experts = sorted(p for p, d in days.items() if expert_service.evaluate_pool(d).eligible)[:3]
    training, enrolled = _training(session, groups, programs)
    consulting = _consulting(session, rng, groups, experts)
    session.flush()
    return {"training_request": training, "consulting_request": consulting, "enrolment": enrolled}
