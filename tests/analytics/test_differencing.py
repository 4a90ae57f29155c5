"""Re-identification by differencing (issue 9): an analyst moved the KPI period's end one day at a
time and read three single lead proposers' gender and start date off the changing counts. Analyst
periods now snap to whole quarters, so every day of a quarter gives the same answer."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from itertools import pairwise

from sqlmodel import Session

from maeul_db.analytics import access, ladder_service, service
from maeul_db.analytics.schemas import Count
from maeul_db.config import get_settings
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


# --- Differencing across quarter-aligned periods (the rule: docs/indicators.md "Small cells") ---

FIRST_QUARTER, LAST_QUARTER = (2019, 1), (2022, 4)
SINGLE_START = date(2021, 2, 10)  # the one lead proposer who starts alone, in 2021's first quarter


def _quarters() -> list[tuple[date, date]]:
    """Every quarter from FIRST_QUARTER to LAST_QUARTER as (first day, last day)."""
    result = []
    year, q = FIRST_QUARTER
    while (year, q) <= LAST_QUARTER:
        first = date(year, 3 * q - 2, 1)
        last = date(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1) - timedelta(days=1)
        result.append((first, last))
        year, q = (year + 1, 1) if q == 4 else (year, q + 1)
    return result


def _periods() -> list[tuple[date, date]]:
    """Every quarter-aligned period an analyst can ask for within those quarters."""
    quarters = _quarters()
    return [(a[0], b[1]) for i, a in enumerate(quarters) for b in quarters[i:]]


def _single_world(session: Session) -> None:
    """Twelve lead proposers since 2020 (7 women, 5 men) and one woman who starts alone in 2021."""
    project = make_project(session, year=2020, district_code=DISTRICT_A)
    genders = [Gender.female] * 7 + [Gender.male] * 5
    for gender, start in [(g, date(2020, 1, 6)) for g in genders] + [(Gender.female, SINGLE_START)]:
        make_participation(
            session,
            project=project,
            person=make_person(session, gender=gender),
            role=ParticipationRole.lead_proposer,
            valid_from=start,
        )


def _figures(session: Session, user: UserAccount) -> dict[str, list[int]]:
    """Every published figure of the cells the single lead proposer is in, over every period."""
    figures: dict[str, list[int]] = defaultdict(list)

    def keep(prefix: str, count: Count) -> None:
        for key in ("total", "female", "male"):
            value = getattr(count, key)
            if value is not None:
                figures[f"{prefix}.{key}"].append(value)

    for start, end in _periods():
        report = service.kpi(session, user=user, start=start, end=end)
        (district,) = (r for r in report.districts if r.district_code == DISTRICT_A)
        for prefix, ind in (("city", report.city), ("district", district)):
            keep(f"{prefix}.leads", ind.lead_proposers)
            keep(f"{prefix}.participants", ind.participants)
    for _, end in _quarters():
        ladder = ladder_service.report(session, user=user, as_of=end, with_transitions=False)
        keep("ladder.lead_proposer", ladder.people_by_rung["lead_proposer"])
    return figures


def _close_pairs(values: list[int], threshold: int) -> set[tuple[int, int]]:
    """Pairs of published values that differ by 1 to threshold - 1 (differencing would isolate
    that many people)."""
    distinct = sorted(set(values))
    return {(a, b) for a in distinct for b in distinct if 0 < b - a < threshold}


def test_quarter_periods_differencing_isolates_no_one_for_analysts(session: Session) -> None:
    _single_world(session)
    threshold = get_settings().analytics_min_cell
    staff = make_user(session, role=Role.city_admin)
    # The signal is there: unrounded, a period before 2021 and one after differ by the one woman.
    exact = _figures(session, staff)
    assert _close_pairs(exact["city.leads.total"], threshold) == {(12, 13)}
    assert _close_pairs(exact["city.leads.female"], threshold) == {(7, 8)}
    assert _close_pairs(exact["ladder.lead_proposer.total"], threshold) == {(12, 13)}
    analyst = make_user(session, role=Role.analyst)
    published = _figures(session, analyst)
    for cell, values in published.items():
        assert _close_pairs(values, threshold) == set(), cell
    # Ordinary cells are still shown in every period, as multiples of 5: no leads before 2020,
    # 12 (shown 10) in 2020, 13 (shown 15) from 2021; women 7 -> 5 and 8 -> 10; men 5.
    periods, quarters = len(_periods()), len(_quarters())
    assert len(published["city.leads.total"]) == periods
    assert set(published["city.leads.total"]) == {0, 10, 15}
    assert set(published["city.leads.female"]) == {0, 5, 10}
    assert set(published["district.leads.male"]) == {0, 5}
    assert len(published["ladder.lead_proposer.total"]) == quarters
    assert set(published["ladder.lead_proposer.total"]) == {0, 10, 15}
