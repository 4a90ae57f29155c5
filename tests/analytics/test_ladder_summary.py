"""The dashboard's ladder from the reach summary (SQL) equals the ladder computed in Python from
the facts (ladder_service.report), on the hand-built world with careers and a certificate added,
for every scope and several days, before and after an import, its undo, a merge and a
correction in a summarised year; the full summary refresh in SQL writes the rows Python works out."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlmodel import Session, select

from maeul_db.analytics import (
    cache,
    ladder_counts,
    ladder_service,
    ladder_summary,
    map_service,
    person_year_rows,
    service,
    summary,
)
from maeul_db.analytics.schemas import LadderReport
from maeul_db.identity import service as identity
from maeul_db.imports import service as imports
from maeul_db.imports.undo import undo
from maeul_db.models import (
    Certificate,
    CertificateKind,
    CouncilSeat,
    JobType,
    PersonMatchCandidate,
    Role,
    UserAccount,
)
from maeul_db.projects import service as projects
from tests.analytics.test_summary import _row
from tests.analytics.world import World, build_world
from tests.builders import (
    DISTRICT_A,
    DISTRICT_B,
    DONG_A,
    make_career,
    make_group,
    make_membership,
    make_user,
)
from tests.imports.roster import csv_bytes, roster_rows

ADMIN = UserAccount(username="admin", password_hash="", role=Role.city_admin)
ANALYST = UserAccount(username="analyst", password_hash="", role=Role.analyst)
DAYS = [
    date(2017, 6, 30),
    date(2018, 12, 31),
    date(2019, 3, 31),
    date(2019, 6, 30),
    date(2019, 12, 31),
    date(2020, 12, 31),
    date(2021, 6, 30),
]


def _world(session: Session) -> World:
    """The analytics world, plus p3 operating a space in B from 2020 (rung 5 by a career), p5 an
    autonomy expert in A from 2020-07-01 (rung 7 by a career) and p1 a career certificate issued
    late on 2020-12-31 UTC (rung 8)."""
    world = build_world(session)
    p = world.people
    make_career(
        session,
        person=p["p3"],
        job_type=JobType.space_operator,
        district_code=DISTRICT_B,
        dong_code=None,
        valid_from=date(2020, 3, 1),
    )
    make_career(session, person=p["p5"], valid_from=date(2020, 7, 1))
    session.add(
        Certificate(
            number="C-1",
            verification_id="v1",
            kind=CertificateKind.career,
            person_id=p["p1"].id or 0,
            district_code=DISTRICT_A,
            payload="{}",
            payload_sha256="0" * 64,
            key_id="k",
            signature="s",
            issued_at=datetime(2020, 12, 31, 20, 0, tzinfo=UTC),
        )
    )
    session.commit()
    summary.refresh_all(session)
    session.commit()
    return world


def _shown(report: LadderReport) -> tuple[object, ...]:
    rungs = {rung: count.model_dump() for rung, count in report.people_by_rung.items()}
    moves = [(m.year, m.counts, m.suppressed) for m in report.transitions]
    return report.as_of, report.district_code, rungs, moves


def assert_ladders_match(session: Session) -> None:
    for user in (ADMIN, ANALYST):
        for scope in (None, DISTRICT_A, DISTRICT_B):
            for day in DAYS:
                args = {"user": user, "as_of": day, "district_code": scope}
                facts = ladder_service.report(session, transition_years=1, **args)
                read = ladder_service.rungs(session, **args)
                assert _shown(read) == _shown(facts), (user.role, scope, day, _shown(read)[2])
    assert_rung_counts_match(session)


def assert_rung_counts_match(session: Session) -> None:
    """The stored rung counts of every quarter's end (slice i11-cold; by quarter since session 10)
    equal a scan of the reach rows, for every summarised year and scope; the dashboard's quarter
    ends read them. For other days within a year,
    the year before's stored counts moved by the people who reached a rung since equal the scan
    too."""
    current = summary.state(session)
    assert current is not None and current.first_year and current.last_year
    for year in range(current.first_year, current.last_year + 1):
        for scope in (None, DISTRICT_A, DISTRICT_B):
            before = date(year - 1, 12, 31)
            for quarter, on in (
                (1, date(year, 3, 31)),
                (2, date(year, 6, 30)),
                (3, date(year, 9, 30)),
                (4, date(year, 12, 31)),
            ):
                assert ladder_counts.quarter_of(on) == quarter
                scanned = ladder_summary.rung_pairs(session, before=before, on=on, scope=scope)
                stored = ladder_counts.read(session, year=year, scope=scope, quarter=quarter)
                assert stored.counts == scanned.counts, (on, scope)
                first = None if scanned.first is None else scanned.first.year
                assert (None if stored.first is None else stored.first.year) == first, on
            if year == current.first_year:
                continue  # no stored year before it
            # 1 April: the worlds' facts start on it (a rung reached on the day itself).
            days = (date(year, 1, 1), date(year, 3, 31), date(year, 4, 1), date(year, 12, 30))
            for day in days:
                scanned = ladder_summary.rung_pairs(session, before=before, on=day, scope=scope)
                moved = ladder_counts.read_within_year(session, on=day, scope=scope)
                assert moved.counts == scanned.counts, (day, scope)
                first = None if scanned.first is None else scanned.first.year
                assert (None if moved.first is None else moved.first.year) == first, day


def test_rungs_from_the_summary_equal_the_python_ladder(session: Session) -> None:
    _world(session)
    assert_ladders_match(session)
    city = ladder_service.rungs(session, user=ADMIN, as_of=date(2020, 12, 31))
    totals = {rung: count.total for rung, count in city.people_by_rung.items()}
    # p1 certified, p2 trained expert, p3 space operator, p4 council, p5 placed (career), p6
    # council: each on their highest rung.
    assert totals == {
        "participant": 0,
        "repeat_participant": 0,
        "lead_proposer": 0,
        "higher_stage": 0,
        "council_or_space": 3,
        "trained_expert": 1,
        "placed_expert": 1,
        "certified": 1,
    }


def test_rungs_follow_import_undo_merge_and_correction(session: Session) -> None:
    world = _world(session)
    content = csv_bytes(roster_rows(10, year=2019, projects=2))
    outcome = imports.run_import(
        session, content=content, filename="명단.csv", district_code=DISTRICT_A, actor=None
    )
    session.commit()
    assert_ladders_match(session)
    undo(session, user=None, batch_id=outcome.report.batch_id or 0)
    session.commit()
    assert_ladders_match(session)
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
    assert_ladders_match(session)
    row = _row(session, world.projects["A2"].id, p["p1"].id)
    projects.void_participation(session, user=admin, participation_id=row.id or 0, reason="x")
    session.commit()
    assert_ladders_match(session)


def _person_years(session: Session) -> set[tuple[object, ...]]:
    rows = session.execute(select(summary.PY)).all()
    return {tuple(row) for row in rows}


def test_full_refresh_in_sql_writes_the_rows_python_works_out(session: Session) -> None:
    """The full refresh (one INSERT ... SELECT, analytics.summary_sql) and the incremental
    refresh (rows worked out in Python) agree row for row, after a merge, an import and a
    membership that starts before the first participation."""
    world = _world(session)
    p = world.people
    group = make_group(session, district_code=DISTRICT_B)
    make_membership(session, group=group, person=p["p6"], valid_from=date(2015, 5, 1))
    content = csv_bytes(roster_rows(10, year=2019, projects=2))
    imports.run_import(
        session, content=content, filename="명단.csv", district_code=DISTRICT_A, actor=None
    )
    session.commit()
    incremental = _person_years(session)
    last = summary.state(session)
    assert last is not None and last.last_year is not None
    python_rows = {
        tuple(row[c.name] for c in summary.PY.columns)
        for row in person_year_rows.rows(session, None, last.last_year)
    }
    summary.refresh_all(session)
    session.commit()
    full = _person_years(session)
    assert full == incremental == python_rows
    assert any(row[2] == 2015 for row in full)  # p6's early membership year


def test_kpi_and_dashboard_from_summaries_equal_those_from_the_facts(session: Session) -> None:
    """Every figure of the KPI report and of the dong map (council members' first participation
    read from the reach summary, dong counts grouped in the database) as before the summaries."""
    world = _world(session)
    p = world.people
    world.projects["A1"].dong_code = DONG_A
    # p1 takes a seat in A in 2019 after taking part: experienced; p5 takes one before.
    for person, day in ((p["p1"], date(2019, 9, 1)), (p["p5"], date(2018, 1, 1))):
        session.add(
            CouncilSeat(
                person_id=person.id, district_code=DISTRICT_A, dong_code=DONG_A, valid_from=day
            )
        )
    session.commit()
    periods = [(date(2019, 1, 1), date(2019, 12, 31)), (date(2017, 1, 1), date(2020, 12, 31))]
    for user in (ADMIN, ANALYST):
        for start, end in periods:
            cache.clear()
            built = service.kpi(session, user=user, start=start, end=end)
            dongs = map_service.dong_map(session, user=user, start=start, end=end)
            state = summary.state(session)
            assert state is not None
            saved = state.last_year
            state.last_year = None  # as if never built: every figure from the facts
            cache.clear()
            raw = service.kpi(session, user=user, start=start, end=end)
            state.last_year = saved
            assert built == raw, (user.role, start, end)
            if user is ADMIN and start.year == 2019:
                # A1 is placed in DONG_A: p1, p2, p3 took part in it (p2 also twice elsewhere).
                cells = {cell.code: cell.participants for cell in dongs.dongs}
                assert cells[DONG_A] == 3 and sum(n or 0 for n in cells.values()) == 3
    cache.clear()
    city = service.kpi(session, user=ADMIN, start=date(2019, 1, 1), end=date(2019, 12, 31)).city
    # Seats in 2019: p4 (took part in 2017), p6 (never), p1 (2019-04-01 before 2019-09-01), p5
    # (seat from 2018, first took part 2019): p4 and p1 have project experience.
    assert city.council_members.total == 4
    assert city.council_members_with_project_experience.total == 2
