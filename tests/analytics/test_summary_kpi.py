"""The KPI report's council and training-hours summaries (issue 11, slice i11-kpi) equal the
figures counted from the raw facts, for every span of whole summarised years, city-wide and per
district, before and after an attendance import, its undo, a merge and corrections in a year
already summarised; and the KPI report read from the summaries equals the one read from the raw
facts."""

from __future__ import annotations

import csv
import io
from calendar import monthrange
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlmodel import Session, select

from maeul_db.analytics import (
    cache,
    kpi_cells,
    service,
    summary,
    summary_hours,
    summary_read,
    summary_seats,
)
from maeul_db.core.operator import cli_operator
from maeul_db.identity import service as identity
from maeul_db.imports.undo import undo
from maeul_db.kit.time import utcnow
from maeul_db.models import (
    CouncilSeat,
    Enrolment,
    ModuleAttendance,
    PersonMatchCandidate,
    Role,
    TrainingModule,
)
from maeul_db.training import attendance_import
from tests.analytics.test_summary import ADMIN, _world
from tests.analytics.world import World
from tests.builders import DISTRICT_A, DISTRICT_B, DONG_B, make_program, make_user

SCOPES = (None, DISTRICT_A, DISTRICT_B)


def _cells(cells: list[Any]) -> list[tuple[Any, ...]]:
    return sorted((str(c.scope), *c[1:]) for c in cells)


def assert_kpi_summaries_match_facts(session: Session) -> None:
    """Hours and council cells from the summaries equal the raw queries for every span of whole
    summarised years (single years too), city-wide and per district."""
    current = summary.state(session)
    assert current is not None and current.first_year and current.last_year
    seen = 0
    for first in range(current.first_year, current.last_year + 1):
        for last in range(first, current.last_year + 1):
            start, end = date(first, 1, 1), date(last, 12, 31)
            for scope in SCOPES:
                period = {"start": start, "end": end, "district_code": scope}
                raw_hours = kpi_cells.hours(session, **period)
                stored = summary_hours.cells(session, first=first, last=last, district_code=scope)
                assert _cells(stored) == _cells(raw_hours), (first, last, scope)
                raw_seats = kpi_cells.seats(session, **period, from_reach=False)
                assert _cells(kpi_cells.seats(session, **period, from_reach=True)) == _cells(
                    raw_seats
                ), (first, last, scope)
                seats = summary_seats.cells(session, first=first, last=last, district_code=scope)
                assert _cells(seats) == _cells(raw_seats), (first, last, scope)
                seen += sum(c.members for c in raw_seats) + sum(c.cents for c in raw_hours)
    assert seen > 0
    assert_month_hours_match_facts(session, current.first_year, current.last_year)


def assert_month_hours_match_facts(session: Session, first: int, last: int) -> None:
    """Hours cells of periods of whole months (each quarter of every summarised year, July–June
    across each year's end, a month, two years and a half) from the person-month rows equal the
    raw query's, city-wide and per district, read as the KPI report reads them."""
    periods = [
        (date(year, month, 1), date(year, month + 2, monthrange(year, month + 2)[1]))
        for year in range(first, last + 1)
        for month in (1, 4, 7, 10)
    ]
    periods += [(date(year, 7, 1), date(year + 1, 6, 30)) for year in range(first, last)]
    periods += [(date(first, 3, 1), date(first, 3, 31)), (date(first, 7, 1), date(last, 12, 31))]
    seen = 0
    for start, end in periods:
        assert summary_read.whole_months(start, end)
        for scope in SCOPES:
            raw = kpi_cells.hours(session, start=start, end=end, district_code=scope)
            stored = summary_read.training_hours(session, start=start, end=end, district_code=scope)
            assert _cells(stored) == _cells(raw), (start, end, scope)
            seen += sum(c.cents for c in raw)
    assert seen > 0


def assert_kpi_equals_raw(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole KPI report from the summaries equals the one from the raw facts."""
    for first, last in ((2019, 2019), (2018, 2020), (2013, 2024), (2020, summary_last(session))):
        for scope in (None, DISTRICT_B):
            ask = {"start": date(first, 1, 1), "end": date(last, 12, 31), "district_code": scope}
            cache.clear()
            stored = service.kpi(session, user=ADMIN, **ask).model_dump_json()
            with monkeypatch.context() as patch:
                patch.setattr(summary_read, "covered", lambda *_args: False)
                cache.clear()
                raw = service.kpi(session, user=ADMIN, **ask).model_dump_json()
            assert stored == raw, (first, last, scope)


def summary_last(session: Session) -> int:
    current = summary.state(session)
    assert current is not None and current.last_year
    return current.last_year


def _attend(session: Session, person_id: int, district: str, day: date | None, hours: str) -> None:
    """One module of a new one-module programme attended (``day`` None: the enrolment day)."""
    program = make_program(session, hours=(4,))
    module = session.exec(select(TrainingModule).where(TrainingModule.program_id == program.id))
    enrolment = Enrolment(
        program_id=program.id,
        person_id=person_id,
        district_code=district,
        enrolled_on=day or date(2020, 5, 1),
    )
    session.add(enrolment)
    session.flush()
    session.add(
        ModuleAttendance(
            enrolment_id=enrolment.id or 0,
            module_id=module.one().id or 0,
            hours_attended=Decimal(hours),
            attended_on=day,
        )
    )


def _kpi_world(session: Session) -> World:
    """The summaries' world (p2: 6 h in A in 2019; seats of p4 in A and p6 in B from June 2019),
    with more seats and hours: p5 sat in B from 2016 to mid-2017 and again from March 2020, p2 in A
    through 2018; p5 attended 3.5 h in B in 2018 and 2.25 h in 2020, p1 1 h in A in 2020 (dated
    by the enrolment)."""
    world = _world(session)
    p = world.people
    session.add_all(
        [
            CouncilSeat(
                person_id=p["p5"].id,
                district_code=DISTRICT_B,
                dong_code=DONG_B,
                valid_from=date(2016, 1, 1),
                valid_to=date(2017, 6, 1),
            ),
            CouncilSeat(
                person_id=p["p5"].id,
                district_code=DISTRICT_B,
                dong_code=DONG_B,
                valid_from=date(2020, 3, 1),
            ),
            CouncilSeat(
                person_id=p["p2"].id,
                district_code=DISTRICT_A,
                dong_code=DONG_B,
                valid_from=date(2018, 1, 1),
                valid_to=date(2019, 1, 1),
            ),
        ]
    )
    _attend(session, p["p5"].id or 0, DISTRICT_B, date(2018, 7, 1), "3.5")
    _attend(session, p["p5"].id or 0, DISTRICT_B, date(2020, 7, 1), "2.25")
    _attend(session, p["p1"].id or 0, DISTRICT_A, None, "1")
    session.commit()
    return world


def _city(cells: list[Any]) -> dict[str, tuple[int, ...]]:
    return {c.gender: tuple(c[2:]) for c in cells if c.scope == "*"}


def test_kpi_summaries_equal_the_raw_figures_worked_by_hand(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    _kpi_world(session)
    assert_kpi_summaries_match_facts(session)
    assert_kpi_equals_raw(session, monkeypatch)
    # 2020-2021: p4 (first took part 2017, seat June 2019), p6 (never took part) and p5 (took
    # part 2019, seat March 2020): three members, two with project experience.
    seats = summary_seats.cells(session, first=2020, last=2021, district_code=None)
    assert _city(seats) == {"F": (1, 1), "M": (1, 0), "X": (1, 1)}
    # 2013-2024: p5's first seat of the span is 2016's, before they took part; p2's is 2018's,
    # before B1 (2019): one member of four has project experience (p4).
    seats = summary_seats.cells(session, first=2013, last=2024, district_code=None)
    assert _city(seats) == {"F": (1, 1), "M": (2, 0), "X": (1, 0)}
    # 2018-2020 hours: p5 3.5 + 2.25 h (unstated), p2 6 h (male), p1 1 h (female).
    hours = summary_hours.cells(session, first=2018, last=2020, district_code=None)
    assert _city(hours) == {"X": (575, 1), "M": (600, 1), "F": (100, 1)}
    b_only = summary_hours.cells(session, first=2018, last=2020, district_code=DISTRICT_B)
    assert _city(b_only) == {"X": (575, 1)}


def _attendance_csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(["성명", "출생연도", "연락처", "모듈", "출석시간", "출석일"])
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def test_attendance_import_and_undo_refresh_the_hours(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    _kpi_world(session)
    program = make_program(session, hours=(4, 4))
    session.commit()
    version = summary.data_version(session)
    report = attendance_import.run_import(
        session,
        user=cli_operator(),
        content=_attendance_csv(
            [
                ["가나다", "1985", "", "모듈1", "4", "2019-03-02"],  # p1
                ["사아자", "1990", "", "모듈2", "2.5", "2019-03-09"],  # p3
            ]
        ),
        filename="출석.csv",
        program_code=program.code,
        district_code=DISTRICT_A,
        dry_run=False,
    )
    session.commit()
    assert report.batch_id is not None and summary.data_version(session) > version
    hours = summary_hours.cells(session, first=2019, last=2019, district_code=None)
    # 2019: p2's 6 h (male), p1's 4 h and p3's 2.5 h (female).
    assert _city(hours) == {"M": (600, 1), "F": (650, 2)}
    assert_kpi_summaries_match_facts(session)
    assert_kpi_equals_raw(session, monkeypatch)
    undo(session, user=None, batch_id=report.batch_id)
    session.commit()
    hours = summary_hours.cells(session, first=2019, last=2019, district_code=None)
    assert _city(hours) == {"M": (600, 1)}
    assert_kpi_summaries_match_facts(session)
    assert_kpi_equals_raw(session, monkeypatch)


def test_merge_and_corrections_refresh_seats_and_hours(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = _kpi_world(session)
    p = world.people
    candidate = PersonMatchCandidate(
        person_id=p["p5"].id,
        candidate_person_id=p["p2"].id,
        district_code=DISTRICT_B,
        reason="name_birth",
    )
    session.add(candidate)
    session.commit()
    admin = make_user(session, role=Role.city_admin, district_code=None)
    identity.merge(session, user=admin, candidate_id=candidate.id or 0)
    session.commit()
    # p5 is now p2 (male): their seats and hours count under p2.
    hours = summary_hours.cells(session, first=2018, last=2020, district_code=None)
    assert _city(hours) == {"M": (1175, 1), "F": (100, 1)}
    seats = summary_seats.cells(session, first=2020, last=2021, district_code=None)
    assert _city(seats) == {"F": (1, 1), "M": (2, 1)}
    assert_kpi_summaries_match_facts(session)
    assert_kpi_equals_raw(session, monkeypatch)
    # Corrections in 2019, a summarised year: p4's seat voided, p2's 6 h of 2019 recorded as 2 h.
    seat = session.exec(select(CouncilSeat).where(CouncilSeat.person_id == p["p4"].id)).one()
    seat.voided_at = utcnow()
    seat.void_reason = "entered by mistake"
    session.add(seat)
    basic = session.exec(
        select(ModuleAttendance)
        .join(Enrolment, Enrolment.id == ModuleAttendance.enrolment_id)  # type: ignore[arg-type]
        .where(Enrolment.person_id == p["p2"].id, ModuleAttendance.hours_attended == 6)
    ).one()
    basic.hours_attended = Decimal(2)
    session.add(basic)
    session.commit()
    hours = summary_hours.cells(session, first=2019, last=2019, district_code=None)
    assert _city(hours) == {"M": (200, 1)}
    seats = summary_seats.cells(session, first=2019, last=2019, district_code=None)
    assert _city(seats) == {"M": (1, 0)}  # p6 only
    assert_kpi_summaries_match_facts(session)
    assert_kpi_equals_raw(session, monkeypatch)


def test_council_roster_import_and_undo_refresh_the_seat_masks(session: Session) -> None:
    """A council roster batch writes seats through the ORM; its undo deletes them in bulk and
    marks their holders, so the seat masks follow both (compared with the raw seats)."""
    from maeul_db.councils import roster_import
    from tests.councils.test_roster_import import _rows, _xlsx
    from tests.councils.test_roster_import import _world as council_world

    _world(session)  # summarised from 2017 on
    staff = make_user(session)
    council, _chair, _member = council_world(session)
    session.commit()

    def members(last: int) -> int:
        stored = summary_seats.cells(session, first=2021, last=last, district_code=None)
        period = {"start": date(2021, 1, 1), "end": date(last, 12, 31), "district_code": None}
        assert _cells(stored) == _cells(kpi_cells.seats(session, **period))
        return sum(c.members for c in stored if c.scope == "*")

    before = members(2021)  # p4 and p6, seated since 2019
    assert before == 2
    report = roster_import.run_import(
        session, user=staff, council_id=council.id, content=_xlsx(_rows()), filename="a.xlsx"
    )
    session.commit()
    assert report.batch_id is not None and report.seats_created > 0
    assert members(2021) == before + report.seats_created
    undo(session, user=staff, batch_id=report.batch_id)
    session.commit()
    assert members(2021) == before and members(2022) == before
