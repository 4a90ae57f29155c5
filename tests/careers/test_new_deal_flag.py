"""New Deal jobs longer than 23 months are flagged (not refused): the pure rule, the API on both
databases, and the pool and review views (issue 16)."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.careers import review
from maeul_db.careers.rules import add_months, over_new_deal_limit
from maeul_db.experts import pool_view
from maeul_db.kit import time as clock
from maeul_db.models import JobType, Role
from tests.builders import (
    DISTRICT_A,
    bearer,
    complete_program,
    make_career,
    make_person,
    make_program,
    make_user,
)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2020, 1, 31), 1, date(2020, 2, 29)),
        (date(2021, 1, 31), 1, date(2021, 2, 28)),
        (date(2020, 3, 15), 23, date(2022, 2, 15)),
        (date(2020, 12, 1), 1, date(2021, 1, 1)),
    ],
)
def test_add_months_clamps_to_month_end(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("job", "valid_to", "flagged"),
    [
        # Exactly 23 months (last day 2021-11-30): allowed.
        (JobType.new_deal, date(2021, 12, 1), False),
        # One day more: flagged.
        (JobType.new_deal, date(2021, 12, 2), True),
        # Other jobs have no limit.
        (JobType.field_activist, date(2024, 1, 1), False),
    ],
)
def test_over_new_deal_limit_boundary(job: JobType, valid_to: date, flagged: bool) -> None:
    assert over_new_deal_limit(job, date(2020, 1, 1), valid_to, today=date(2026, 1, 1)) is flagged


def test_over_new_deal_limit_open_job_counts_to_today() -> None:
    start = date(2024, 1, 1)
    assert not over_new_deal_limit(JobType.new_deal, start, None, today=date(2025, 11, 30))
    assert over_new_deal_limit(JobType.new_deal, start, None, today=date(2025, 12, 1))


def test_careers_api_flags_long_new_deal_job(client: TestClient, session: Session) -> None:
    person = make_person(session)
    long_job = make_career(
        session,
        person=person,
        job_type=JobType.new_deal,
        valid_from=date(2020, 1, 1),
        valid_to=date(2022, 1, 1),
    )
    short_job = make_career(
        session,
        person=person,
        job_type=JobType.new_deal,
        valid_from=date(2022, 3, 1),
        valid_to=date(2023, 3, 1),
    )
    staff = make_user(session, district_code=DISTRICT_A)
    body = client.get(
        f"/api/careers/people/{person.id}", headers=bearer(client, staff.username)
    ).json()
    flags = {row["id"]: row["new_deal_over_limit"] for row in body}
    assert flags == {long_job.id: True, short_job.id: False}


def test_expert_entry_of_long_new_deal_job_is_kept_and_flagged(
    client: TestClient, session: Session
) -> None:
    person = make_person(session)
    expert = make_user(session, role=Role.expert, person_id=person.id)
    response = client.post(
        "/api/careers",
        headers=bearer(client, expert.username),
        json={
            "person_id": person.id,
            "job_type": "new_deal",
            "employer": "서울형 뉴딜",
            "district_code": DISTRICT_A,
            "valid_from": "2019-01-01",
            "valid_to": "2021-06-01",
        },
    )
    assert response.status_code == 201, response.text
    assert response.json()["new_deal_over_limit"] is True
    assert response.json()["verified"] is False


def test_pool_and_review_flag_person_with_long_new_deal_job(session: Session) -> None:
    person = make_person(session)
    for stage in ("basic", "lecture_practice", "expert_activist"):
        complete_program(session, program=make_program(session, stage=stage), person=person)
    make_career(
        session,
        person=person,
        job_type=JobType.new_deal,
        valid_from=date(2018, 1, 1),
        valid_to=None,
        verified=False,
    )
    staff = make_user(session, district_code=DISTRICT_A)
    [candidate] = pool_view.candidates(session, user=staff, as_of=clock.today())
    assert candidate.person_id == person.id and candidate.new_deal_over_limit
    [row] = review.list_for_review(session, user=staff, pending_only=True)
    assert row.career.new_deal_over_limit and row.person_name == person.name
