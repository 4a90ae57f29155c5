"""The monthly access-log review: reads outside office hours (Seoul), downloads and many people
read by one account in a day are flagged; the officer's note is kept; only the officer reviews."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import Session

from maeul_db.access_log import service as access_log
from maeul_db.errors import Forbidden, InvalidInput
from maeul_db.kit import time as clock
from maeul_db.models import Role
from maeul_db.privacy import review
from tests.builders import make_user


def _read(session: Session, user: object, at: datetime, action: str, people: list[int]) -> None:
    with clock.frozen_at(at):
        access_log.record(session, actor=user, action=action, person_ids=people)  # type: ignore[arg-type]


def test_review_flags_off_hours_downloads_and_many_people(session: Session) -> None:
    staff = make_user(session, username="busy")
    admin = make_user(session, role=Role.city_admin)
    # Tuesday 3 March 2026, 10:00 Seoul: an ordinary read.
    _read(session, staff, datetime(2026, 3, 3, 1, 0, tzinfo=UTC), "person.read", [1])
    # 23:30 Seoul the same day (14:30 UTC): outside office hours.
    _read(session, staff, datetime(2026, 3, 3, 14, 30, tzinfo=UTC), "person.read", [2])
    # 11:00 Seoul: a certificate download.
    _read(session, staff, datetime(2026, 3, 3, 2, 0, tzinfo=UTC), "certificate.download", [3])
    # Wednesday: one list page naming more people than the daily threshold.
    many = list(range(10, 11 + review.MANY_PEOPLE_PER_DAY))
    _read(session, staff, datetime(2026, 3, 4, 2, 0, tzinfo=UTC), "people.list", many)
    # 31 March 23:00 UTC is 1 April in Seoul: next month's.
    _read(session, staff, datetime(2026, 3, 31, 23, 0, tzinfo=UTC), "person.read", [4])
    result = review.for_month(session, user=admin, month="2026-03")
    assert result.reads == 4
    assert [(f.kind, f.actor, f.day.isoformat(), f.people) for f in result.flags] == [
        ("many_people", "busy", "2026-03-04", review.MANY_PEOPLE_PER_DAY + 1),
        ("off_hours", "busy", "2026-03-03", 1),
        ("download", "busy", "2026-03-03", 1),
    ]
    assert result.chain is not None and result.chain.ok


def test_add_note_keeps_the_review(session: Session) -> None:
    admin = make_user(session, role=Role.city_admin)
    with pytest.raises(InvalidInput):
        review.add_note(session, user=admin, month="2026-03", note="  ")
    entry = review.add_note(session, user=admin, month="2026-03", note="야간 열람 1건 확인")
    assert (entry.month, entry.reviewer_user_id, entry.note) == (
        "2026-03",
        admin.id,
        "야간 열람 1건 확인",
    )
    assert review.for_month(session, user=admin, month="2026-03").notes == [entry]


def test_review_is_for_the_officer_only(session: Session) -> None:
    for role in (Role.district_staff, Role.analyst):
        user = make_user(session, role=role)
        with pytest.raises(Forbidden):
            review.for_month(session, user=user, month="2026-03")


def test_review_refuses_a_bad_month(session: Session) -> None:
    with pytest.raises(InvalidInput):
        review.for_month(session, user=make_user(session, role=Role.city_admin), month="2026-13")
