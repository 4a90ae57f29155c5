"""Build a person's timeline from every fact table, within what the user may see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from maeul_db.access_log import service as access_log
from maeul_db.analytics import ladder
from maeul_db.analytics.queries import ladder_facts
from maeul_db.identity import service as identity_service
from maeul_db.identity.merges import merged_ids
from maeul_db.models import (
    Activity,
    Attendance,
    Career,
    CouncilSeat,
    District,
    Dong,
    Enrolment,
    ExpertPlacement,
    Group,
    GroupMembership,
    Participation,
    Project,
    Role,
    TrainingCompletion,
    TrainingProgram,
    UserAccount,
)
from maeul_db.participants import service as participant_service
from maeul_db.participants.visibility import PersonView, person_view
from maeul_db.spaces.timeline import network_events
from maeul_db.timeline.schemas import Rung, TimelineEvent, TimelinePublic
from maeul_db.wording import label


def _scope(user: UserAccount, person_id: int) -> str | None:
    """The district whose facts the user may see, or None for all of them."""
    if user.role == Role.city_admin or (user.role == Role.expert and user.person_id == person_id):
        return None
    return user.district_code


def _where_district(stmt: Any, column: Any, district: str | None) -> Any:
    return stmt if district is None else stmt.where(column == district)


def _participations(
    session: Session, person_ids: list[int], district: str | None
) -> list[TimelineEvent]:
    stmt = (
        select(Participation, Project)
        .join(Project, col(Project.id) == Participation.project_id)
        .where(col(Participation.person_id).in_(person_ids), col(Participation.voided_at).is_(None))
    )
    stmt = _where_district(stmt, Participation.district_code, district)
    return [
        TimelineEvent(
            on=p.valid_from,
            until=p.valid_to,
            kind="participation",
            title=pr.name,
            role=p.role,
            district_code=p.district_code,
        )
        for p, pr in session.exec(stmt).all()
    ]


def _memberships(
    session: Session, person_ids: list[int], district: str | None
) -> list[TimelineEvent]:
    stmt = (
        select(GroupMembership, Group)
        .join(Group, col(Group.id) == GroupMembership.group_id)
        .where(
            col(GroupMembership.person_id).in_(person_ids), col(GroupMembership.voided_at).is_(None)
        )
    )
    stmt = _where_district(stmt, GroupMembership.district_code, district)
    return [
        TimelineEvent(
            on=m.valid_from,
            until=m.valid_to,
            kind="membership",
            title=g.name,
            role=m.role,
            district_code=m.district_code,
        )
        for m, g in session.exec(stmt).all()
    ]


def _attendance(
    session: Session, person_ids: list[int], district: str | None
) -> list[TimelineEvent]:
    stmt = (
        select(Attendance, Activity)
        .join(Activity, col(Activity.id) == Attendance.activity_id)
        .where(col(Attendance.person_id).in_(person_ids))
    )
    stmt = _where_district(stmt, Attendance.district_code, district)
    return [
        TimelineEvent(
            on=a.held_on,
            kind="attendance",
            title=a.title,
            role=a.kind,
            district_code=att.district_code,
        )
        for att, a in session.exec(stmt).all()
    ]


def _training(session: Session, person_ids: list[int], district: str | None) -> list[TimelineEvent]:
    stmt = (
        select(TrainingCompletion, TrainingProgram, Enrolment)
        .join(TrainingProgram, col(TrainingProgram.id) == TrainingCompletion.program_id)
        .join(Enrolment, col(Enrolment.id) == TrainingCompletion.enrolment_id)
        .where(col(TrainingCompletion.person_id).in_(person_ids))
    )
    stmt = _where_district(stmt, Enrolment.district_code, district)
    return [
        TimelineEvent(
            on=c.completed_on,
            kind="training",
            title=p.name,
            role=p.stage,
            district_code=e.district_code,
        )
        for c, p, e in session.exec(stmt).all()
    ]


def _interval_event(row: Any, kind: str, dongs: dict[str, str]) -> TimelineEvent:
    dong = getattr(row, "dong_code", None)
    title = getattr(row, "employer", None) or dongs.get(dong or "", "") or ""
    return TimelineEvent(
        on=row.valid_from,
        until=row.valid_to,
        kind=kind,
        title=title,
        role=getattr(row, "role", None) or getattr(row, "job_type", None),
        district_code=row.district_code,
        verified=(row.verified_at is not None) if kind == "career" else None,
    )


def _intervals(
    session: Session, person_ids: list[int], district: str | None
) -> list[TimelineEvent]:
    rows: list[tuple[Any, str]] = []
    for model, kind in (
        (CouncilSeat, "council_seat"),
        (Career, "career"),
        (ExpertPlacement, "placement"),
    ):
        stmt = select(model).where(
            col(model.person_id).in_(person_ids), col(model.voided_at).is_(None)
        )
        stmt = _where_district(stmt, model.district_code, district)
        rows += [(row, kind) for row in session.exec(stmt).all()]
    codes = {row.dong_code for row, _ in rows if getattr(row, "dong_code", None)}
    dongs = {
        d.code: d.name_ko
        for d in session.exec(select(Dong).where(col(Dong.code).in_(sorted(codes)))).all()
    }
    return [_interval_event(row, kind, dongs) for row, kind in rows]


# Which label kind (wording.labels) names each event kind's role code.
ROLE_LABELS = {
    "participation": "participation_role",
    "membership": "membership_role",
    "attendance": "activity_kind",
    "training": "training_stage",
    "council_seat": "council_role",
    "career": "job_type",
    "placement": "job_type",
}


def _label(session: Session, events: list[TimelineEvent]) -> None:
    """Korean words for every code an event carries (one catalogue: wording.labels)."""
    districts = {d.code: d.name_ko for d in session.exec(select(District)).all()}
    for event in events:
        event.kind_label = label("timeline_kind", event.kind)
        if event.role:
            event.role_label = label(ROLE_LABELS.get(event.kind, ""), event.role)
        if event.reached:
            event.reached_label = label("rung", event.reached)
        if event.district_code:
            event.district_name = districts.get(event.district_code)


# The timeline event kinds that can carry each rung's mark (a rung reached through a fact the
# timeline does not list, e.g. a certificate, is named in ``rungs`` without a marked event).
RUNG_EVENTS: dict[Rung, tuple[str, ...]] = {
    Rung.participant: ("participation",),
    Rung.repeat_participant: ("participation",),
    Rung.lead_proposer: ("participation",),
    Rung.higher_stage: ("participation",),
    Rung.council_or_space: ("council_seat", "career"),
    Rung.trained_expert: ("training",),
    Rung.placed_expert: ("placement", "career"),
}


def mark_rungs(events: list[TimelineEvent], days: list[date | None]) -> list[Rung]:
    """The rungs reached (``days`` as from ``ladder.reached``), lowest first; each marks the first
    unmarked event of its kind on the day it was reached."""
    reached: list[Rung] = []
    for index, day in enumerate(days):
        if day is None or index == 0:
            continue
        rung = Rung(ladder.RUNGS[index])
        reached.append(rung)
        kinds = RUNG_EVENTS.get(rung, ())
        event = next(
            (e for e in events if e.on == day and e.kind in kinds and e.reached is None), None
        )
        if event is not None:
            event.reached = rung
    return reached


def _ladder_days(session: Session, person_id: int, district: str | None) -> list[date | None]:
    """The day the person reached each rung, from the ladder's own facts in the same scope."""
    facts = ladder_facts(session, end=date.max, district_code=district, person_id=person_id)
    return ladder.reached(facts).get(person_id, [None] * len(ladder.RUNGS))


def timeline(session: Session, *, user: UserAccount, person_id: int) -> TimelinePublic:
    """A person's timeline, shown: recorded in the access log."""
    return person_timeline(session, user=user, person_id=person_id)[1]


def person_timeline(
    session: Session, *, user: UserAccount, person_id: int
) -> tuple[PersonView, TimelinePublic]:
    """A person's details (as ``person_view`` shows them) and timeline, logged once as one read."""
    person = participant_service.get(session, user=user, person_id=person_id)
    result = _build(session, user=user, person_id=person_id)
    access_log.record(session, actor=user, action="timeline.read", person_ids=[person_id])
    return person_view(user, person), result


@dataclass(frozen=True)
class PersonPage:
    """What the person page shows: the details, where the person lives and is registered (names,
    not codes), the timeline as of a day, narrowed to one kind when asked."""

    person: PersonView
    timeline: TimelinePublic
    as_of: date
    kind: str | None
    kinds: list[str]
    home_dong_name: str | None
    district_name: str | None
    known_elsewhere: bool


def person_page(
    session: Session, *, user: UserAccount, person_id: int, as_of: date, kind: str | None
) -> PersonPage:
    """The person page's data, access-logged once (``timeline.read``)."""
    person = participant_service.get(session, user=user, person_id=person_id)
    view = person_view(user, person)
    result = _build(session, user=user, person_id=person_id, as_of=as_of)
    access_log.record(session, actor=user, action="timeline.read", person_ids=[person_id])
    kinds = sorted({e.kind for e in result.events}, key=lambda k: KIND_ORDER.get(k, 9))
    if kind:
        result.events = [e for e in result.events if e.kind == kind]
    dong = session.get(Dong, view.home_dong_code) if view.home_dong_code else None
    district = session.get(District, view.registered_district_code)
    known, _ = identity_service.elsewhere(session, user=user, person_id=person_id)
    return PersonPage(
        person=view,
        timeline=result,
        as_of=as_of,
        kind=kind,
        kinds=kinds,
        home_dong_name=dong.name_ko if dong else None,
        district_name=district.name_ko if district else None,
        known_elsewhere=known,
    )


KIND_ORDER = {
    "participation": 0,
    "membership": 1,
    "council_seat": 2,
    "training": 3,
    "placement": 4,
    "career": 5,
    "attendance": 6,
    "network": 7,
}


def _build(
    session: Session, *, user: UserAccount, person_id: int, as_of: date | None = None
) -> TimelinePublic:
    district = _scope(user, person_id)
    # A survivor of a merge owns the merged-away duplicates' facts (identity/merges.py).
    person_ids = merged_ids(session, person_id)
    events = (
        _participations(session, person_ids, district)
        + _memberships(session, person_ids, district)
        + _attendance(session, person_ids, district)
        + _training(session, person_ids, district)
        + _intervals(session, person_ids, district)
        + network_events(session, person_ids, district)
    )
    days = _ladder_days(session, person_id, district)
    if as_of is not None:
        events = [e for e in events if e.on <= as_of]
        days = [d if d is not None and d <= as_of else None for d in days]
    events.sort(key=lambda e: (e.on, KIND_ORDER.get(e.kind, 9), e.title))
    rungs = mark_rungs(events, days)
    _label(session, events)
    return TimelinePublic(
        person_id=person_id, events=events, rungs=rungs, partial=district is not None
    )
