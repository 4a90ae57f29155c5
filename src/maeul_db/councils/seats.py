"""Seats: appointing people under the plan's rules and the composition they leave.

Appointing refuses anyone short of 6 council-school hours by the seat's first day; only a city
admin may seat them anyway, with a written reason that goes to the audit log. Composition (one
gender at most 60%, at least 15% aged in their 40s or younger) is never a refusal: the council
may be mid-recruitment. It is a warning returned with every appointment, shown on the page from
the day a breach starts, and a line in the council report.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from maeul_db import wording
from maeul_db.access_log import service as access_log
from maeul_db.audit import service as audit
from maeul_db.auth import policies
from maeul_db.councils import rules
from maeul_db.councils import service as council_service
from maeul_db.councils.schemas import Appointed, BreachPublic, SeatCreate, SeatPublic
from maeul_db.errors import Conflict, Forbidden, InvalidInput, NotFound
from maeul_db.kit.time import check_fact_date, check_interval
from maeul_db.models import Council, CouncilSeat, Person, UserAccount
from maeul_db.participants import service as participant_service
from maeul_db.training import council_school


def seats_of(session: Session, council_id: int) -> list[tuple[CouncilSeat, Person]]:
    """Every (not voided) seat of a council with its person, in seating order."""
    stmt = (
        select(CouncilSeat, Person)
        .join(Person, col(Person.id) == CouncilSeat.person_id)
        .where(CouncilSeat.council_id == council_id, col(CouncilSeat.voided_at).is_(None))
        .order_by(col(CouncilSeat.valid_from), col(CouncilSeat.id))
    )
    return [(s, p) for s, p in session.exec(stmt).all()]


def members(rows: list[tuple[CouncilSeat, Person]]) -> list[rules.Member]:
    return [
        rules.Member(s.person_id, str(p.gender), p.birth_year, s.valid_from, s.valid_to)
        for s, p in rows
    ]


def seat_public(seat: CouncilSeat, person: Person) -> SeatPublic:
    assert seat.id is not None
    return SeatPublic(
        id=seat.id,
        person_id=seat.person_id,
        person_name=person.name,
        gender=str(person.gender),
        birth_year=person.birth_year,
        role=seat.role,
        chosen_by=seat.chosen_by,
        valid_from=seat.valid_from,
        valid_to=seat.valid_to,
        override_reason=seat.override_reason,
    )


def breach_public(breach: rules.Breach) -> BreachPublic:
    percent = round(float(breach.share) * 100, 1)
    if breach.rule == "gender_share":
        text = wording.message(
            "council.breach_gender",
            since=breach.since,
            gender=wording.label("gender", breach.gender),
            share=percent,
        )
    else:
        text = wording.message("council.breach_young", since=breach.since, share=percent)
    return BreachPublic(
        rule=breach.rule,
        since=breach.since,
        share_percent=percent,
        gender=breach.gender,
        message=text,
    )


def term_breaches(
    council: Council, rows: list[tuple[CouncilSeat, Person]], day: date
) -> list[BreachPublic]:
    """Breaches in ``day``'s term, each on the day it starts (the warning of an appointment)."""
    start, end = council_service.term_of(council, day)
    return [breach_public(b) for b in rules.breaches_between(members(rows), start, end)]


def _check_training(session: Session, *, user: UserAccount, data: SeatCreate) -> str | None:
    """None when trained; the override reason when a city admin seats someone untrained."""
    try:
        council_school.require(session, person_id=data.person_id, on=data.valid_from)
    except InvalidInput:
        reason = (data.override_reason or "").strip()
        if not reason:
            raise
        if not policies.is_city_admin(user):
            raise Forbidden("council.override_city_admin_only") from None
        return reason
    return None


def _refuse_overlap(session: Session, *, council_id: int, data: SeatCreate) -> None:
    """One seat per person at a time: a role change ends the seat and starts the next."""
    end = data.valid_to or date.max
    for seat, _ in seats_of(session, council_id):
        if (
            seat.person_id == data.person_id
            and seat.valid_from < end
            and (seat.valid_to is None or data.valid_from < seat.valid_to)
        ):
            raise Conflict("council.seat_overlaps", field="person_id", since=seat.valid_from)


def appoint(session: Session, *, user: UserAccount, council_id: int, data: SeatCreate) -> Appointed:
    """Seat a person on the council, checking council school first; returns the seat and the
    term's composition breaches (warnings, never silent)."""
    council = council_service.get_for_write(session, user=user, council_id=council_id)
    check_fact_date(data.valid_from, field="valid_from")
    check_interval(data.valid_from, data.valid_to)
    if data.valid_from < council.founded_on:
        raise InvalidInput(
            "council.seat_before_founding", field="valid_from", day=council.founded_on
        )
    person = participant_service.get(session, user=user, person_id=data.person_id)
    _refuse_overlap(session, council_id=council_id, data=data)
    override = _check_training(session, user=user, data=data)
    seat = CouncilSeat(
        person_id=data.person_id,
        district_code=council.district_code,
        dong_code=council.dong_code,
        role=data.role,
        council_id=council.id,
        chosen_by=data.chosen_by.value,
        valid_from=data.valid_from,
        valid_to=data.valid_to,
        override_reason=override,
    )
    session.add(seat)
    session.flush()
    after = data.model_dump(mode="json", exclude={"override_reason"})
    audit.record(
        session,
        actor=user,
        action="override_council_school" if override else "create",
        entity="council_seat",
        entity_id=seat.id,
        district_code=council.district_code,
        after={**after, "override_reason": override} if override else after,
    )
    rows = seats_of(session, council.id or 0)
    access_log.record(session, actor=user, action="councils.appoint", person_ids=[seat.person_id])
    return Appointed(
        seat=seat_public(seat, person), breaches=term_breaches(council, rows, data.valid_from)
    )


def close(
    session: Session, *, user: UserAccount, council_id: int, seat_id: int, valid_to: date
) -> SeatPublic:
    """End a seat (``valid_to`` exclusive); audited."""
    council = council_service.get_for_write(session, user=user, council_id=council_id)
    seat = session.get(CouncilSeat, seat_id)
    if seat is None or seat.council_id != council.id or seat.voided_at is not None:
        raise NotFound("council.seat_not_found")
    check_interval(seat.valid_from, valid_to)
    before = {"valid_to": seat.valid_to}
    seat.valid_to = valid_to
    session.add(seat)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="close",
        entity="council_seat",
        entity_id=seat.id,
        district_code=council.district_code,
        before=before,
        after={"valid_to": valid_to},
    )
    person = session.get(Person, seat.person_id)
    assert person is not None
    access_log.record(
        session, actor=user, action="councils.close_seat", person_ids=[seat.person_id]
    )
    return seat_public(seat, person)
