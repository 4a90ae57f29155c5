"""The council-school rule (주민자치학교): a council seat needs 6 completed hours of council school,
counted by the seat's first day; checked here for the seat, the draw and the person's page."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlmodel import Session

from maeul_db.errors import InvalidInput
from maeul_db.models import TrainingStage, UserAccount
from maeul_db.participants import service as participant_service
from maeul_db.training import rules, service
from maeul_db.training.schemas import CouncilSchoolCheck


def for_person(session: Session, *, user: UserAccount, person_id: int) -> CouncilSchoolCheck:
    """The council-school check for a person visible to ``user`` (404 otherwise)."""
    participant_service.get(session, user=user, person_id=person_id)
    return check(session, person_id=person_id)


def check(session: Session, *, person_id: int, on: date | None = None) -> CouncilSchoolCheck:
    """Hours of completed council school (주민자치학교) against the 6-hour minimum for a seat;
    with ``on``, only courses completed by that day (a seat's first day) count."""
    hours = sum(
        (
            c.hours
            for c, p in service.completions(session, person_id=person_id)
            if p.stage == TrainingStage.council_school and (on is None or c.completed_on <= on)
        ),
        Decimal(0),
    )
    return CouncilSchoolCheck(
        person_id=person_id,
        hours=hours,
        required_hours=rules.COUNCIL_SCHOOL_MIN_HOURS,
        meets_minimum=hours >= rules.COUNCIL_SCHOOL_MIN_HOURS,
    )


def require(session: Session, *, person_id: int, on: date | None = None) -> None:
    """Call before giving anyone a council seat: refuses without 6 completed council-school hours
    (by ``on``, the seat's first day, when given)."""
    result = check(session, person_id=person_id, on=on)
    if not result.meets_minimum:
        raise InvalidInput(
            "training.council_school_minimum",
            required=result.required_hours,
            hours=result.hours,
            field="person_id",
        )
