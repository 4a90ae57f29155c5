"""Re-identification by differencing (issue 9): an analyst moved the KPI period's end one day at a
time and read three single lead proposers' gender and start date off the changing counts. Analyst
periods now snap to whole quarters, so every day of a quarter gives the same answer."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from sqlmodel import Session

from maeul_db.analytics import access, service
from maeul_db.models import Gender, ParticipationRole, Role, UserAccount
from tests.builders import DISTRICT_A, make_participation, make_person, make_project, make_user

ESTABLISHED = date(2021, 1, 4)
# The three the attack recovered: alone in their cell on the day they started.
SINGLES = ((date(2021, 2, 10), Gender.female), (date(2021, 2, 22), Gender.male),
           (date(2021, 3, 3), Gender.female))  # fmt: skip


def _world(session: Session) -> None:
    project = make_project(session, year=2021, district_code=DISTRICT_A)
    for n in range(10):  # enough established leads that the totals are not small cells
        person = make_person(session, gender=Gender.female if n % 2 else Gender.male)
        make_participation(
            session,
            project=project,
            person=person,
            role=ParticipationRole.lead_proposer,
            valid_from=ESTABLISHED,
        )
    for day, gender in SINGLES:
        person = make_person(session, gender=gender)
        make_participation(
            session,
            project=project,
            person=person,
            role=ParticipationRole.lead_proposer,
            valid_from=day,
        )


def _walk(session: Session, user: UserAccount) -> list[tuple[date, str]]:
    """The attack: period start fixed, end moved one day at a time through the quarter."""
    answers = []
    day = ESTABLISHED
    while day <= date(2021, 3, 31):
        report = service.kpi(session, user=user, start=date(2021, 1, 1), end=day)
        answers.append((day, report.city.lead_proposers.model_dump_json()))
        day += timedelta(days=1)
    return answers


def _changes(answers: list[tuple[date, str]]) -> list[date]:
    return [day for (_, before), (day, after) in pairwise(answers) if before != after]


def test_day_by_day_period_end_recovers_nothing_for_analysts(session: Session) -> None:
    _world(session)
    staff = make_user(session, role=Role.district_staff)
    # The signal is in the data: without snapping, each single lead shows up on their own day.
    assert _changes(_walk(session, staff)) == [day for day, _ in SINGLES]
    analyst = make_user(session, role=Role.analyst)
    answers = _walk(session, analyst)
    assert _changes(answers) == []  # one answer for the whole quarter: no day, no gender
    assert len({answer for _, answer in answers}) == 1


def test_analyst_period_is_reported_as_the_snapped_quarter(session: Session) -> None:
    analyst = make_user(session, role=Role.analyst)
    report = service.kpi(session, user=analyst, start=date(2021, 2, 14), end=date(2021, 5, 2))
    assert (report.period_from, report.period_to) == (date(2021, 1, 1), date(2021, 6, 30))


def test_snap_period_whole_quarters_for_analysts_only() -> None:
    analyst = UserAccount(username="a", password_hash="", role=Role.analyst)
    admin = UserAccount(username="b", password_hash="", role=Role.city_admin)
    assert access.snap_period(analyst, date(2020, 12, 31), date(2021, 10, 1)) == (
        date(2020, 10, 1),
        date(2021, 12, 31),
    )
    assert access.snap_period(analyst, date(2021, 4, 1), date(2021, 4, 1)) == (
        date(2021, 4, 1),
        date(2021, 6, 30),
    )
    assert access.snap_period(admin, date(2021, 2, 3), date(2021, 2, 4)) == (
        date(2021, 2, 3),
        date(2021, 2, 4),
    )
    assert access.snap_day(analyst, date(2024, 2, 29)) == date(2024, 3, 31)
    assert access.snap_day(analyst, date(9999, 11, 2)) == date(9999, 12, 31)
