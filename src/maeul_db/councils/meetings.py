"""Subcommittees (분과), council and subcommittee meetings with attendance, and the absence flag.

A meeting records who came; everyone else seated that day (on the council, or on the
subcommittee for its meeting) is recorded absent, so a missed meeting is a stored fact. Missing
``rules.ABSENCE_RUN`` council meetings in a row flags the member for removal (a flag for the
council to decide on, never an automatic end of the seat).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlmodel import Session, col, select

from maeul_db import wording
from maeul_db.access_log import service as access_log
from maeul_db.audit import service as audit
from maeul_db.councils import rules, seats
from maeul_db.councils import service as council_service
from maeul_db.councils.schemas import (
    AbsenceFlag,
    MeetingCreate,
    MeetingPublic,
    SubcommitteeCreate,
    SubcommitteeMemberCreate,
    SubcommitteePublic,
    SubcommitteeSeat,
)
from maeul_db.errors import Conflict, InvalidInput, NotFound
from maeul_db.kit.time import check_fact_date, check_interval
from maeul_db.models import (
    CouncilMeeting,
    CouncilMeetingAttendance,
    Person,
    Subcommittee,
    SubcommitteeMember,
    UserAccount,
)
from maeul_db.participants import service as participant_service


def create_subcommittee(
    session: Session, *, user: UserAccount, council_id: int, data: SubcommitteeCreate
) -> SubcommitteePublic:
    council = council_service.get_for_write(session, user=user, council_id=council_id)
    name = data.name.strip()
    exists = session.exec(
        select(Subcommittee).where(Subcommittee.council_id == council_id, Subcommittee.name == name)
    ).first()
    if exists is not None:
        raise Conflict("council.subcommittee_exists", field="name", name=name)
    row = Subcommittee(council_id=council_id, name=name)
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="create",
        entity="council_subcommittee",
        entity_id=row.id,
        district_code=council.district_code,
        after={"name": name},
    )
    assert row.id is not None
    return SubcommitteePublic(id=row.id, name=name, members=[])


def _subcommittee(session: Session, council_id: int, subcommittee_id: int) -> Subcommittee:
    row = session.get(Subcommittee, subcommittee_id)
    if row is None or row.council_id != council_id:
        raise NotFound("council.subcommittee_not_found")
    return row


def add_subcommittee_member(
    session: Session,
    *,
    user: UserAccount,
    council_id: int,
    subcommittee_id: int,
    data: SubcommitteeMemberCreate,
) -> SubcommitteeSeat:
    """Seat a resident on a subcommittee; council membership is not required (the plan)."""
    council = council_service.get_for_write(session, user=user, council_id=council_id)
    _subcommittee(session, council_id, subcommittee_id)
    check_fact_date(data.valid_from, field="valid_from")
    check_interval(data.valid_from, data.valid_to)
    person = participant_service.get(session, user=user, person_id=data.person_id)
    row = SubcommitteeMember(
        subcommittee_id=subcommittee_id, district_code=council.district_code, **data.model_dump()
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="create",
        entity="council_subcommittee_member",
        entity_id=row.id,
        district_code=council.district_code,
        after=data.model_dump(mode="json"),
    )
    access_log.record(
        session, actor=user, action="councils.subcommittee", person_ids=[person.id or 0]
    )
    seated = {s.person_id for s, _ in seats.seats_of(session, council_id)}
    assert row.id is not None
    return SubcommitteeSeat(
        id=row.id,
        person_id=row.person_id,
        person_name=person.name,
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        council_member=row.person_id in seated,
    )


def subcommittees_of(session: Session, council_id: int) -> list[SubcommitteePublic]:
    seated = {s.person_id for s, _ in seats.seats_of(session, council_id)}
    result: list[SubcommitteePublic] = []
    for sub in session.exec(
        select(Subcommittee)
        .where(Subcommittee.council_id == council_id)
        .order_by(col(Subcommittee.name))
    ).all():
        assert sub.id is not None
        stmt = (
            select(SubcommitteeMember, Person)
            .join(Person, col(Person.id) == SubcommitteeMember.person_id)
            .where(
                SubcommitteeMember.subcommittee_id == sub.id,
                col(SubcommitteeMember.voided_at).is_(None),
            )
            .order_by(col(SubcommitteeMember.valid_from), col(SubcommitteeMember.id))
        )
        members = [
            SubcommitteeSeat(
                id=m.id or 0,
                person_id=m.person_id,
                person_name=p.name,
                valid_from=m.valid_from,
                valid_to=m.valid_to,
                council_member=m.person_id in seated,
            )
            for m, p in session.exec(stmt).all()
        ]
        result.append(SubcommitteePublic(id=sub.id, name=sub.name, members=members))
    return result


def _expected(
    session: Session, council_id: int, subcommittee_id: int | None, day: date
) -> set[int]:
    """Who was seated on ``day``: on the council, or on the subcommittee for its meeting."""
    if subcommittee_id is None:
        rows = seats.members(seats.seats_of(session, council_id))
        return {m.person_id for m in rules.seated_on(rows, day)}
    stmt = select(SubcommitteeMember).where(
        SubcommitteeMember.subcommittee_id == subcommittee_id,
        col(SubcommitteeMember.voided_at).is_(None),
    )
    return {
        m.person_id
        for m in session.exec(stmt).all()
        if m.valid_from <= day and (m.valid_to is None or day < m.valid_to)
    }


def record_meeting(
    session: Session, *, user: UserAccount, council_id: int, data: MeetingCreate
) -> MeetingPublic:
    """Record a meeting: those named came, everyone else seated that day missed it."""
    council = council_service.get_for_write(session, user=user, council_id=council_id)
    check_fact_date(data.held_on, field="held_on")
    if data.subcommittee_id is not None:
        _subcommittee(session, council_id, data.subcommittee_id)
    expected = _expected(session, council_id, data.subcommittee_id, data.held_on)
    present = set(data.present_person_ids)
    if present - expected:
        raise InvalidInput("council.meeting_not_seated", field="present_person_ids")
    meeting = CouncilMeeting(
        council_id=council_id,
        subcommittee_id=data.subcommittee_id,
        district_code=council.district_code,
        held_on=data.held_on,
        title=data.title.strip(),
    )
    session.add(meeting)
    session.flush()
    assert meeting.id is not None
    session.add_all(
        CouncilMeetingAttendance(meeting_id=meeting.id, person_id=pid, present=pid in present)
        for pid in sorted(expected)
    )
    session.flush()
    audit.record(
        session,
        actor=user,
        action="create",
        entity="council_meeting",
        entity_id=meeting.id,
        district_code=council.district_code,
        after={**data.model_dump(mode="json"), "absent": sorted(expected - present)},
    )
    return MeetingPublic(
        id=meeting.id,
        held_on=meeting.held_on,
        title=meeting.title,
        subcommittee_id=meeting.subcommittee_id,
        present=len(present),
        absent=len(expected - present),
    )


def meetings_of(session: Session, council_id: int) -> list[MeetingPublic]:
    stmt = (
        select(CouncilMeeting, CouncilMeetingAttendance)
        .join(
            CouncilMeetingAttendance,
            col(CouncilMeetingAttendance.meeting_id) == CouncilMeeting.id,
            isouter=True,
        )
        .where(CouncilMeeting.council_id == council_id)
        .order_by(col(CouncilMeeting.held_on), col(CouncilMeeting.id))
    )
    counts: dict[int, list[int]] = {}
    found: dict[int, CouncilMeeting] = {}
    for meeting, mark in session.exec(stmt).all():
        assert meeting.id is not None
        found[meeting.id] = meeting
        tally = counts.setdefault(meeting.id, [0, 0])
        if mark is not None:
            tally[0 if mark.present else 1] += 1
    return [
        MeetingPublic(
            id=mid,
            held_on=m.held_on,
            title=m.title,
            subcommittee_id=m.subcommittee_id,
            present=counts[mid][0],
            absent=counts[mid][1],
        )
        for mid, m in found.items()
    ]


def absences(session: Session, council_id: int, as_of: date) -> list[AbsenceFlag]:
    """Members seated on ``as_of`` who missed ``rules.ABSENCE_RUN`` council meetings in a row."""
    stmt = (
        select(
            col(CouncilMeeting.held_on),
            col(CouncilMeetingAttendance.person_id),
            col(CouncilMeetingAttendance.present),
        )
        .join(
            CouncilMeetingAttendance, col(CouncilMeetingAttendance.meeting_id) == CouncilMeeting.id
        )
        .where(
            CouncilMeeting.council_id == council_id,
            col(CouncilMeeting.subcommittee_id).is_(None),
            CouncilMeeting.held_on <= as_of,
        )
    )
    marks: dict[int, list[tuple[date, bool]]] = defaultdict(list)
    for held_on, person_id, present in session.exec(stmt).all():
        marks[person_id].append((held_on, present))
    flags: list[AbsenceFlag] = []
    for seat, person in seats.seats_of(session, council_id):
        if not rules.seated_on([seats.members([(seat, person)])[0]], as_of):
            continue
        since = rules.absence_run([m for m in marks[seat.person_id] if m[0] >= seat.valid_from])
        if since is not None:
            flags.append(
                AbsenceFlag(
                    person_id=person.id or 0,
                    person_name=person.name,
                    since=since,
                    message=wording.message(
                        "council.absence_run", run=rules.ABSENCE_RUN, day=since
                    ),
                )
            )
    return flags
