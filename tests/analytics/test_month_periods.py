"""A period of whole months (an analyst's quarter): the participation family worked out by hand,
from the raw facts while the summaries are not built and from the month masks once they are
(issue 11); and the month masks themselves (analytics.month_masks)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlmodel import Session

from maeul_db.analytics import (
    family_facts,
    month_masks,
    person_year_rows,
    service,
    summary,
    summary_read,
)
from maeul_db.models import Gender, Participation, ParticipationRole, Role, UserAccount
from tests.analytics.test_summary import _figures
from tests.builders import (
    DISTRICT_A,
    DISTRICT_B,
    DONG_A,
    make_group,
    make_membership,
    make_participation,
    make_person,
    make_project,
)

ADMIN = UserAccount(username="admin", password_hash="", role=Role.city_admin)
Q2 = (date(2022, 4, 1), date(2022, 6, 30))
APRIL = (date(2022, 4, 1), date(2022, 4, 30))
F, M = Gender.female, Gender.male


def _quarter_world(session: Session) -> None:
    """Six people around the second quarter of 2022 (``valid_to`` is exclusive):

    | person | born | facts |
    |---|---|---|
    | a (F) | 1985 | P1 Jan–Mar; P2 from May |
    | b (M) | 1975 | P1 lead 15 Apr–May; Q (district B) 30 Jun–Jul |
    | c (F) | 1990 | P3 from July |
    | d (M) | 1960 | P1 2021 to the end of March 2022 |
    | e (F) | 2000 | member of a group in A from 30 June |
    | f (F) | 1980 | P2 in March; P3 from 15 June |
    """
    p1, p2, p3 = (make_project(session, year=2022) for _ in range(3))
    q = make_project(session, year=2022, district_code=DISTRICT_B)
    people = {
        name: make_person(session, gender=gender, birth_year=born)
        for name, gender, born in (
            ("a", F, 1985),
            ("b", M, 1975),
            ("c", F, 1990),
            ("d", M, 1960),
            ("e", F, 2000),
            ("f", F, 1980),
        )
    }
    facts: list[tuple[Any, str, date, date | None]] = [
        (p1, "a", date(2022, 1, 1), date(2022, 4, 1)),
        (p2, "a", date(2022, 5, 1), None),
        (q, "b", date(2022, 6, 30), date(2022, 8, 1)),
        (p3, "c", date(2022, 7, 1), None),
        (p1, "d", date(2021, 1, 1), date(2022, 4, 1)),
        (p2, "f", date(2022, 3, 1), date(2022, 4, 1)),
        (p3, "f", date(2022, 6, 15), None),
    ]
    for project, name, start, stop in facts:
        make_participation(
            session, project=project, person=people[name], valid_from=start, valid_to=stop
        )
    make_participation(
        session,
        project=p1,
        person=people["b"],
        role=ParticipationRole.lead_proposer,
        valid_from=date(2022, 4, 15),
        valid_to=date(2022, 6, 1),
    )
    group = make_group(session, district_code=DISTRICT_A)
    make_membership(session, group=group, person=people["e"], valid_from=date(2022, 6, 30))
    session.commit()


def _totals(figures: dict[str, Any], scope: str) -> dict[str, int]:
    return {metric: count["total"] for metric, count in figures[scope].items()}


def _assert_second_quarter(figures: dict[str, Any]) -> None:
    city, a, b = (_totals(figures, s) for s in ("*", DISTRICT_A, DISTRICT_B))
    # a, b and f took part in Q2; c starts in July, d ended on 31 March.
    assert city["participants"] == 3 and figures["*"]["participants"]["female"] == 2
    # Only b met two projects within Q2 (P1 and, on its last day, Q) — in two districts.
    assert (city["repeat_participants"], a["repeat_participants"]) == (1, 0)
    # By 30 June a (P1, P2), b (P1, Q) and f (P2, P3) had each met two; in A, b had only P1.
    assert (city["repeat_participants_ever"], a["repeat_participants_ever"]) == (3, 2)
    assert (city["lead_proposers"], a["lead_proposers"], b["lead_proposers"]) == (1, 1, 0)
    assert (city["group_members"], city["people_engaged"]) == (1, 4)
    assert (b["participants"], b["repeat_participants_ever"]) == (1, 0)


def _assert_april(figures: dict[str, Any]) -> None:
    city = _totals(figures, "*")
    # Only b (P1 from 15 April); Q starts on 30 June, e joins on 30 June.
    assert city["participants"] == 1 and figures["*"]["participants"]["male"] == 1
    assert city["repeat_participants"] == city["repeat_participants_ever"] == 0
    assert (city["lead_proposers"], city["group_members"]) == (1, 0)


def test_a_quarter_from_the_raw_facts_and_from_the_month_masks(session: Session) -> None:
    _quarter_world(session)
    assert not summary_read.in_month_masks(session, *Q2)  # never built: the raw facts
    raw_q2 = _figures(summary_read.family_rows(session, start=Q2[0], end=Q2[1]))
    _assert_second_quarter(raw_q2)
    _assert_april(_figures(summary_read.family_rows(session, start=APRIL[0], end=APRIL[1])))
    summary.refresh_all(session)
    session.commit()
    assert summary_read.in_month_masks(session, *Q2)
    assert not summary_read.in_month_masks(session, date(2000, 4, 1), date(2000, 6, 30))
    masks_q2 = _figures(summary_read.family_rows(session, start=Q2[0], end=Q2[1]))
    _assert_second_quarter(masks_q2)
    assert masks_q2 == raw_q2
    _assert_april(_figures(summary_read.family_rows(session, start=APRIL[0], end=APRIL[1])))
    # The KPI report for the quarter reads the same figures.
    report = service.kpi(session, user=ADMIN, start=Q2[0], end=Q2[1])
    assert report.city.participants.total == 3
    assert report.city.repeat_participants_ever.total == 3


def test_days_not_whole_months_complete_the_masks_from_the_raw_facts(session: Session) -> None:
    _quarter_world(session)
    start, end = date(2022, 4, 20), date(2022, 6, 29)
    raw = _figures(summary_read.family_rows(session, start=start, end=end))
    summary.refresh_all(session)
    session.commit()
    assert summary_read.in_month_masks(session, start, end)
    figures = _figures(summary_read.family_rows(session, start=start, end=end))
    assert figures == raw == _figures(family_facts.from_facts(session, start, end))
    # a (P2 from May), b (P1) and f (P3 from 15 June); Q not until 30 June: no one met two.
    assert _totals(figures, "*")["participants"] == 3
    assert _totals(figures, "*")["repeat_participants"] == 0
    # From 1 to 29 June: a (P2) and f (P3); b's P1 ended in May; e joins on the 30th.
    june = _figures(summary_read.family_rows(session, start=date(2022, 6, 1), end=end))
    assert _totals(june, "*")["participants"] == 2
    assert _totals(june, "*")["group_members"] == 0
    # 30 June alone: a, f, b (Q's first day) and e's first day in the group.
    last_day = _figures(summary_read.family_rows(session, start=date(2022, 6, 30), end=Q2[1]))
    assert _totals(last_day, "*")["participants"] == 3
    assert _totals(last_day, "*")["group_members"] == 1
    # b leads P1 from 15 April: not within 1-14 April, when no one took part.
    early_april = (date(2022, 4, 1), date(2022, 4, 14))
    assert "*" not in _figures(
        summary_read.family_rows(session, start=early_april[0], end=early_april[1])
    )


@pytest.mark.parametrize(
    ("start", "stop", "year", "months"),
    [
        (date(2022, 1, 1), None, 2022, "111111111111"),
        (date(2021, 6, 1), date(2022, 4, 1), 2022, "000000000111"),  # ends 31 March
        (date(2021, 6, 1), date(2022, 4, 2), 2022, "000000001111"),  # ends 1 April
        (date(2022, 4, 15), date(2022, 6, 1), 2022, "000000011000"),  # April and May
        (date(2022, 12, 31), date(2023, 1, 1), 2022, "100000000000"),
        (date(2021, 3, 1), date(2023, 1, 1), 2022, "111111111111"),
        (date(2021, 3, 1), None, 2021, "111111111100"),  # from March
    ],
)
def test_months_a_fact_meets(start: date, stop: date | None, year: int, months: str) -> None:
    assert month_masks.of_fact(start, stop, year) == int(months, 2)


def test_the_months_a_period_holds_whole_and_in_part() -> None:
    start, end = date(2021, 11, 1), date(2023, 2, 28)
    assert month_masks.split(start, end, 2021) == (int("110000000000", 2), 0)
    assert month_masks.split(start, end, 2022) == (month_masks.ALL_MONTHS, 0)
    assert month_masks.split(start, end, 2023) == (int("000000000011", 2), 0)
    assert month_masks.split(start, end, 2024) == (0, 0)
    # 15 April 2023 to 28 February 2024 (a leap year): April and February held in part.
    start, end = date(2023, 4, 15), date(2024, 2, 28)
    assert month_masks.split(start, end, 2023) == (int("111111110000", 2), 0b1000)
    assert month_masks.split(start, end, 2024) == (0b1, 0b10)
    # Days within one month: that month in part only.
    assert month_masks.split(date(2022, 5, 10), date(2022, 5, 20), 2022) == (0, 0b10000)


def _gap_world(session: Session) -> int:
    """One person, g (F, 1970): P4 March–May 2017; a group member through 2018 only; P5
    September–November 2019. Returns g's id."""
    p4, p5 = make_project(session, year=2017), make_project(session, year=2019)
    g = make_person(session, gender=F, birth_year=1970)
    make_participation(
        session, project=p4, person=g, valid_from=date(2017, 3, 1), valid_to=date(2017, 6, 1)
    )
    make_participation(
        session, project=p5, person=g, valid_from=date(2019, 9, 1), valid_to=date(2019, 12, 1)
    )
    group = make_group(session, district_code=DISTRICT_A)
    make_membership(
        session, group=group, person=g, valid_from=date(2018, 1, 1), valid_to=date(2019, 1, 1)
    )
    session.commit()
    assert g.id is not None
    return g.id


def _city_rows_both_ways(
    session: Session, people: set[int], columns: tuple[str, ...]
) -> tuple[dict[tuple[int, int], tuple[Any, ...]], dict[tuple[int, int], tuple[Any, ...]]]:
    """The Seoul person-year rows of ``people`` as {(person, year): columns}, as the full refresh
    stored them and as the incremental one (Python) works them out."""
    names = ("person_id", "year", *columns)
    stmt = summary.select(*(summary.PY.c[c] for c in names)).where(
        summary.PY.c.person_id.in_(people), summary.PY.c.scope == "*"
    )
    full = {(row[0], row[1]): tuple(row[2:]) for row in session.execute(stmt)}
    python_rows = {
        (row["person_id"], row["year"]): tuple(row[c] for c in columns)
        for row in person_year_rows.rows(session, people, 2024)
        if row["scope"] == "*"
    }
    return full, python_rows


def test_person_years_hold_the_months_before_and_after_them(session: Session) -> None:
    """Each person-year row knows the last earlier month of taking part, leading, belonging, the
    next month of taking part (a month as year * 12 + month - 1) and the day of the second
    project, alike from the full refresh (SQL) and from the incremental one (Python)."""
    g = _gap_world(session)
    may_2017, dec_2018, sep_2019 = 2017 * 12 + 4, 2018 * 12 + 11, 2019 * 12 + 8
    second = date(2019, 9, 1)  # P5's first day: g's second project, on every row
    expected = {
        # year: (prev_part, prev_lead, prev_member, next_part, repeat_on)
        2017: (0, 0, 0, sep_2019, second),
        2018: (may_2017, 0, 0, sep_2019, second),
        2019: (may_2017, 0, dec_2018, 0, second),
    }
    summary.refresh_all(session)
    session.commit()
    columns = ("year", "prev_part", "prev_lead", "prev_member", "next_part", "repeat_on")
    full, python_rows = _city_rows_both_ways(session, {g}, columns[1:])
    assert full == python_rows == {(g, year): values for year, values in expected.items()}


def test_person_years_hold_their_project_range_and_the_last_earlier_one(
    session: Session,
) -> None:
    """Lowest and highest project of the year, and of the last earlier year of taking part: g's
    2019 row holds P4's, as 2018 (belonging only) has no project, alike from both refreshes."""
    g = _gap_world(session)
    p4, p5 = sorted(
        session.execute(
            summary.select(Participation.project_id).where(Participation.person_id == g)
        ).scalars()
    )
    expected = {2017: (p4, p4, 0, 0), 2018: (0, 0, p4, p4), 2019: (p5, p5, p4, p4)}
    summary.refresh_all(session)
    session.commit()
    columns = ("year", "lo_project", "hi_project", "prev_lo_project", "prev_hi_project")
    full, python_rows = _city_rows_both_ways(session, {g}, columns[1:])
    assert full == python_rows == {(g, year): values for year, values in expected.items()}


def test_periods_across_years_count_each_person_once(session: Session) -> None:
    _gap_world(session)
    raw = {
        period: _figures(summary_read.family_rows(session, start=period[0], end=period[1]))
        for period in (
            (date(2017, 4, 1), date(2019, 9, 30)),
            (date(2017, 4, 15), date(2019, 9, 10)),
            (date(2018, 7, 1), date(2019, 6, 30)),
        )
    }
    summary.refresh_all(session)
    session.commit()
    for (start, end), figures in raw.items():
        assert summary_read.in_month_masks(session, start, end)
        assert _figures(summary_read.family_rows(session, start=start, end=end)) == figures
    # April 2017 to September 2019: g took part (P4, P5: two projects), belonged, once each.
    whole = _totals(raw[(date(2017, 4, 1), date(2019, 9, 30))], "*")
    assert (whole["participants"], whole["people_engaged"], whole["group_members"]) == (1, 1, 1)
    assert whole["repeat_participants"] == whole["repeat_participants_ever"] == 1
    # Days at both ends, as the months there hold in part.
    assert _totals(raw[(date(2017, 4, 15), date(2019, 9, 10))], "*") == whole
    # July 2018 to June 2019: g only belonged.
    between = _totals(raw[(date(2018, 7, 1), date(2019, 6, 30))], "*")
    assert (between["participants"], between["group_members"]) == (0, 1)


def test_a_merged_duplicates_project_counts_for_the_survivor(session: Session) -> None:
    """s took part in P1 in April 2022; a duplicate of s, merged into s, in P2 in May: in the
    second quarter s is one participant who met two projects, from the raw facts and from the
    masks (whose look-up of "two" reads the duplicate's participations too)."""
    p1, p2 = make_project(session, year=2022), make_project(session, year=2022)
    s = make_person(session, gender=F, birth_year=1980)
    dup = make_person(session, gender=F, birth_year=1980)
    make_participation(
        session, project=p1, person=s, valid_from=date(2022, 4, 1), valid_to=date(2022, 5, 1)
    )
    make_participation(
        session, project=p2, person=dup, valid_from=date(2022, 5, 1), valid_to=date(2022, 6, 1)
    )
    dup.merged_into_id = s.id
    session.add(dup)
    session.commit()
    periods = (Q2, (date(2022, 4, 15), date(2022, 6, 20)))
    raw = [_figures(summary_read.family_rows(session, start=a, end=b)) for a, b in periods]
    summary.refresh_all(session)
    session.commit()
    masks = [_figures(summary_read.family_rows(session, start=a, end=b)) for a, b in periods]
    assert masks == raw
    for figures in masks:
        city = _totals(figures, "*")
        assert (city["participants"], city["repeat_participants"]) == (1, 1)


def test_dong_map_of_a_period_across_years_from_the_month_rows(session: Session) -> None:
    """5 July 2021 to 30 June 2022 in one dong (July 2021 held in part):

    | person | facts in the dong | in the period |
    |---|---|---|
    | u | 1–10 July 2021; again from February 2022 | once (July read from raw facts) |
    | v | 20–31 July 2021 only | yes (from raw facts) |
    | w | 1–3 July 2021 only | no |
    | x | from September 2021 into 2022 | once |
    """
    p1, p2 = (make_project(session, year=2021, dong_code=DONG_A) for _ in range(2))
    people = {name: make_person(session, gender=F, birth_year=1980) for name in "uvwx"}
    facts: list[tuple[Any, str, date, date | None]] = [
        (p1, "u", date(2021, 7, 1), date(2021, 7, 11)),
        (p2, "u", date(2022, 2, 1), None),
        (p1, "v", date(2021, 7, 20), date(2021, 8, 1)),
        (p1, "w", date(2021, 7, 1), date(2021, 7, 4)),
        (p2, "x", date(2021, 9, 1), date(2022, 3, 1)),
    ]
    for project, name, start, stop in facts:
        make_participation(
            session, project=project, person=people[name], valid_from=start, valid_to=stop
        )
    session.commit()
    start, end = date(2021, 7, 5), date(2022, 6, 30)
    raw = summary_read.participants_by_dong(session, start=start, end=end, district_code=None)
    summary.refresh_all(session)
    session.commit()
    assert summary_read.in_month_masks(session, start, end)
    read = summary_read.participants_by_dong(session, start=start, end=end, district_code=None)
    assert read == raw == {DONG_A: 3}  # u, v, x


THREE_YEARS = (date(2020, 7, 1), date(2023, 6, 30))


def _project_range_world(session: Session) -> dict[str, Any]:
    """Eight people around July 2020 to June 2023 (``valid_to`` exclusive; one district):

    | person | facts | two projects in the period? |
    |---|---|---|
    | h | L, March 2020 to September 2023 | no: one project, every year |
    | i | P6 Sep–Nov 2020; P6 again Feb–Apr 2022 | no: the same project met again |
    | j | P7 Sep–Nov 2020; P8 Feb–Apr 2022 | yes, across a year without any |
    | k | P9 Feb–Mar 2023; P10 Aug–Sep 2023 | no: P10 after the period |
    | l | P11 and P12 in 2021 | yes, in one year |
    | m | P13 Jan–Mar 2020; P14 Oct 2020 | no (P13 before it), but two by its end |
    | n | P15 May 2020 to Feb 2021; P16 in 2022 | yes |
    | o | P17 Jan–Mar 2020; P18 in 2021 | no (P17 before it), but two by its end |
    | q | L as h (district A); B and C in 2021 (district B) | in B and Seoul, not in A |
    | r | X Jan–Mar 2020, Q Sep–Oct 2020; P Mar–Aug 2023 (ids X < P < Q) | yes: Q and P |
    | s | S1 Feb–Mar 2023, S2 Aug–Sep 2023 (A); T1, T2 in 2021 (B) | in B and Seoul, not in A |
    """
    projects = {name: make_project(session, year=2020) for name in ("L", *map(str, range(6, 19)))}
    facts = [
        ("h", "L", date(2020, 3, 1), date(2023, 10, 1)),
        ("i", "6", date(2020, 9, 1), date(2020, 12, 1)),
        ("i", "6", date(2022, 2, 1), date(2022, 5, 1)),
        ("j", "7", date(2020, 9, 1), date(2020, 12, 1)),
        ("j", "8", date(2022, 2, 1), date(2022, 5, 1)),
        ("k", "9", date(2023, 2, 1), date(2023, 4, 1)),
        ("k", "10", date(2023, 8, 1), date(2023, 10, 1)),
        ("l", "11", date(2021, 3, 1), date(2021, 5, 1)),
        ("l", "12", date(2021, 9, 1), date(2021, 11, 1)),
        ("m", "13", date(2020, 1, 1), date(2020, 4, 1)),
        ("m", "14", date(2020, 10, 1), date(2020, 11, 1)),
        ("n", "15", date(2020, 5, 1), date(2021, 3, 1)),
        ("n", "16", date(2022, 3, 1), date(2022, 6, 1)),
        ("o", "17", date(2020, 1, 1), date(2020, 4, 1)),
        ("o", "18", date(2021, 3, 1), date(2021, 6, 1)),
    ]
    projects |= {name: make_project(session, year=2021, district_code=DISTRICT_B) for name in "BC"}
    facts += [
        ("q", "L", date(2020, 3, 1), date(2023, 10, 1)),
        ("q", "B", date(2021, 3, 1), date(2021, 5, 1)),
        ("q", "C", date(2021, 9, 1), date(2021, 11, 1)),
    ]
    # Made in this order for their ids: X < P < Q.
    projects |= {name: make_project(session, year=2020) for name in ("X", "P", "Q", "S1", "S2")}
    projects |= {
        name: make_project(session, year=2021, district_code=DISTRICT_B) for name in ("T1", "T2")
    }
    facts += [
        ("r", "X", date(2020, 1, 1), date(2020, 4, 1)),
        ("r", "Q", date(2020, 9, 1), date(2020, 11, 1)),
        ("r", "P", date(2023, 3, 1), date(2023, 9, 1)),
        ("s", "S1", date(2023, 2, 1), date(2023, 4, 1)),
        ("s", "S2", date(2023, 8, 1), date(2023, 10, 1)),
        ("s", "T1", date(2021, 3, 1), date(2021, 5, 1)),
        ("s", "T2", date(2021, 9, 1), date(2021, 11, 1)),
    ]
    people = {name: make_person(session, gender=F, birth_year=1980) for name in "hijklmnoqrs"}
    for name, project, start, stop in facts:
        make_participation(
            session, project=projects[project], person=people[name], valid_from=start, valid_to=stop
        )
    session.commit()
    return people


def test_two_projects_across_years_told_apart_from_one_met_again(session: Session) -> None:
    """The rows' project ranges settle most people's "two projects in the period" without their
    raw facts; those they cannot settle (one project met again, two in a year partly outside
    the period) are looked up: the figures match the raw facts by hand, for whole months and
    for days at both ends."""
    _project_range_world(session)
    periods = (THREE_YEARS, (date(2020, 8, 15), date(2023, 5, 20)))
    raw = [_figures(summary_read.family_rows(session, start=a, end=b)) for a, b in periods]
    summary.refresh_all(session)
    session.commit()
    for (start, end), expected in zip(periods, raw, strict=True):
        assert summary_read.in_month_masks(session, start, end)
        assert _figures(summary_read.family_rows(session, start=start, end=end)) == expected
    city, a, b = (_totals(raw[0], scope) for scope in ("*", DISTRICT_A, DISTRICT_B))
    assert city["participants"] == 11
    assert city["repeat_participants"] == 6  # j, l, n, q, r and s
    assert city["repeat_participants_ever"] == 8  # and m and o (P13 and P17 before it)
    # q and s met two projects in B only (s looked up for A), counted once in B and in Seoul.
    assert (a["repeat_participants"], b["repeat_participants"]) == (4, 2)
    assert _totals(raw[1], "*")["repeat_participants"] == 6


def test_person_years_hold_the_month_since_two_projects(session: Session) -> None:
    """q took part in L from March 2020 to September 2023 and in B (March–April) and C
    (September–October) in 2021: in Seoul two projects were met from October 2021 on (C's last
    month, L's being later) in 2021, 2022 and 2023; none in 2020. r: X (to March 2020) and Q (to
    October 2020) make March 2020 in 2020, then P (to August 2023) makes October 2020. Alike from
    both refreshes."""
    people = _project_range_world(session)
    oct_2021, mar_2020, oct_2020 = 2021 * 12 + 9, 2020 * 12 + 2, 2020 * 12 + 9
    expected = {
        # person: {year: (two_since, prev_two_since)}
        "q": {2020: (0, 0), 2021: (oct_2021, 0), 2022: (oct_2021, oct_2021), 2023: (oct_2021,) * 2},
        "r": {2020: (mar_2020, 0), 2023: (oct_2020, mar_2020)},
    }
    summary.refresh_all(session)
    session.commit()
    names = {people[name].id: name for name in expected}
    full, python_rows = _city_rows_both_ways(session, set(names), ("two_since", "prev_two_since"))
    by_hand = {(people[p].id, y): v for p, years in expected.items() for y, v in years.items()}
    assert full == python_rows == by_hand
