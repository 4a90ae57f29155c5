"""The summaries (issue 11) equal the figures computed from the raw facts, on the hand-built world,
before and after an import, an undo, a merge and a correction in a year already summarised; the
data version moves with every committed change and cached results follow it."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlmodel import Session, func, select

from maeul_db.analytics import (
    cache,
    families,
    family_facts,
    queries,
    service,
    summary,
    summary_dong,
    summary_dong_months,
    summary_read,
    summary_service,
    summary_span,
)
from maeul_db.analytics.schemas import Count
from maeul_db.errors import Forbidden
from maeul_db.identity import service as identity
from maeul_db.imports import service as imports
from maeul_db.imports.undo import undo
from maeul_db.kit.time import today as seoul_today
from maeul_db.models import (
    AnalyticsPersonYear,
    Participation,
    PersonMatchCandidate,
    Role,
    UserAccount,
)
from maeul_db.projects import service as projects
from tests.analytics.world import World, build_world
from tests.builders import (
    DISTRICT_A,
    DISTRICT_B,
    DONG_A,
    DONG_B,
    make_group,
    make_membership,
    make_user,
)
from tests.imports.roster import csv_bytes, roster_rows

DONG_A2 = "1111053000"  # 사직동 (종로구, district A)
ADMIN = UserAccount(username="admin", password_hash="", role=Role.city_admin)
LAST = seoul_today().year
PERIODS = [
    (2017, 2017),
    (2018, 2018),
    (2019, 2019),
    (2020, 2020),
    (2017, 2019),
    (2018, 2020),
    (2013, 2024),
    (2019, LAST),
]


def _figures(rows: list[families.FamilyRow]) -> dict[str, Any]:
    """Per scope, every count of the family (scopes with nobody left out)."""
    result = {}
    for scope, family in families.by_scope(rows).items():
        dumped = {
            **{m: c.model_dump() for m, c in family.counts.items()},
            **{f"band_{b}": c.model_dump() for b, c in family.by_band.items()},
        }
        if any(c.total for c in family.counts.values()):
            result[scope] = dumped
    return result


def assert_summaries_match_facts(session: Session) -> None:
    for first, last in PERIODS:
        start, end = date(first, 1, 1), date(last, 12, 31)
        assert summary_read.covered(session, start, end)
        from_facts = _figures(family_facts.from_facts(session, start, end))
        read = _figures(summary_read.family_rows(session, start=start, end=end))
        assert read == from_facts, (first, last)
    assert_span_counts_match_facts(session)
    assert_dong_map_matches_facts(session)
    assert_month_periods_match_facts(session)


def _month_end(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


# Every month and quarter of 2017-2020, periods across a year's end, and days.
MONTH_PERIODS = [
    *((date(y, m, 1), _month_end(y, m)) for y in range(2017, 2021) for m in range(1, 13)),
    *((date(y, m, 1), _month_end(y, m + 2)) for y in range(2017, 2021) for m in (1, 4, 7, 10)),
    (date(2018, 11, 1), date(2019, 2, 28)),
    (date(2019, 7, 1), date(2020, 6, 30)),
    (date(2017, 4, 1), date(2019, 9, 30)),
    # Days, not whole months: the months held in part come from the raw facts of the few.
    (date(2019, 4, 15), date(2019, 6, 20)),
    (date(2019, 3, 31), date(2019, 4, 1)),
    (date(2018, 12, 31), date(2019, 1, 1)),
    (date(2019, 5, 10), date(2019, 5, 20)),
    (date(2017, 4, 2), date(2019, 9, 29)),
    (date(2018, 5, 2), date(2019, 12, 30)),
]


def assert_month_periods_match_facts(session: Session) -> None:
    """The month masks of the person-year rows give the raw figures for periods of whole months
    and of days (full and incremental refreshes alike)."""
    seen = 0
    for start, end in MONTH_PERIODS:
        assert summary_read.in_month_masks(session, start, end), (start, end)
        from_facts = _figures(family_facts.from_facts(session, start, end))
        read = _figures(summary_read.family_rows(session, start=start, end=end))
        assert read == from_facts, (start, end)
        seen += sum(f["participants"]["total"] for f in from_facts.values())
    assert seen > 0


def assert_dong_map_matches_facts(session: Session) -> None:
    """The dong map's participants per dong, from the person × dong year masks, equal the raw
    query for every span of whole summarised years (single years too), and from the person ×
    dong month rows for every period of months and days, city-wide and per district."""
    current = summary.state(session)
    assert current is not None and current.first_year and current.last_year
    seen = 0
    for first in range(current.first_year, current.last_year + 1):
        for last in range(first, current.last_year + 1):
            start, end = date(first, 1, 1), date(last, 12, 31)
            for scope in (None, DISTRICT_A, DISTRICT_B):
                raw = queries.participants_by_dong(
                    session, start=start, end=end, district_code=scope
                )
                stored = summary_dong.participants(
                    session, first=first, last=last, district_code=scope
                )
                assert stored == raw, (first, last, scope)
                read = summary_read.participants_by_dong(
                    session, start=start, end=end, district_code=scope
                )
                assert read == raw, (first, last, scope)
                seen += sum(raw.values())
    assert seen > 0  # the world places its projects in dongs
    months_seen = 0
    for start, end in MONTH_PERIODS:
        for scope in (None, DISTRICT_A, DISTRICT_B):
            raw = queries.participants_by_dong(session, start=start, end=end, district_code=scope)
            stored = summary_dong_months.participants(
                session, start=start, end=end, district_code=scope
            )
            read = summary_read.participants_by_dong(
                session, start=start, end=end, district_code=scope
            )
            assert stored == read == raw, (start, end, scope)
            months_seen += sum(raw.values())
    assert months_seen > 0


def assert_span_counts_match_facts(session: Session) -> None:
    """Every stored span (slice i11-cold) equals the raw facts and the person-years."""
    current = summary.state(session)
    assert current is not None
    years = summary_span.span_years(current.first_year, current.last_year)
    assert years is not None
    for first in range(years[0], years[1] + 1):
        for last in range(first + 1, years[1] + 1):
            start, end = date(first, 1, 1), date(last, 12, 31)
            from_facts = _figures(family_facts.from_facts(session, start, end))
            assert _figures(summary_span.read(session, first, last)) == from_facts, (first, last)
            person_years = families.from_person_years(session, first, last)
            assert _figures(person_years) == from_facts, (first, last)


def _count(total: int, female: int, male: int, unstated: int) -> dict[str, Any]:
    return Count(total=total, female=female, male=male, unstated=unstated).model_dump()


def _city_2019(session: Session) -> dict[str, Any]:
    rows = summary_read.family_rows(session, start=date(2019, 1, 1), end=date(2019, 12, 31))
    return _figures(rows)["*"]


def _row(session: Session, project_id: int | None, person_id: int | None) -> Participation:
    stmt = select(Participation).where(
        Participation.project_id == project_id, Participation.person_id == person_id
    )
    return session.exec(stmt).one()


def _world(session: Session) -> World:
    world = build_world(session)
    # The dong map: A0 and A1 in one dong of A, A2 in another, B1 in B's dong.
    for name, dong in (("A0", DONG_A), ("A1", DONG_A), ("A2", DONG_A2), ("B1", DONG_B)):
        world.projects[name].dong_code = dong
    # p6 belongs to a group in B from 2018 to the end of 2019 (a member, never a participant).
    group = make_group(session, district_code=DISTRICT_B)
    make_membership(
        session,
        group=group,
        person=world.people["p6"],
        valid_from=date(2018, 5, 1),
        valid_to=date(2020, 1, 1),
    )
    session.commit()
    summary.refresh_all(session)
    session.commit()
    return world


def test_summaries_equal_the_raw_figures_worked_by_hand(session: Session) -> None:
    _world(session)
    assert_summaries_match_facts(session)
    city = _city_2019(session)
    # p1..p5 took part in 2019 (as in test_indicators); p6 is a member only.
    assert city["participants"] == _count(5, 3, 1, 1)
    assert city["repeat_participants"] == _count(2, 1, 1, 0)
    # p4 took part in A0 (2017) and A2 (2019): a repeat participant counting earlier projects.
    assert city["repeat_participants_ever"] == _count(3, 2, 1, 0)
    assert city["group_members"] == _count(1, 0, 1, 0)
    assert city["people_engaged"] == _count(6, 3, 2, 1)
    # In 2017 only p4 (A0, ended 2017-12-31); in 2018 only p6's group.
    figures_2017 = _figures(families.from_year_counts(session, 2017))
    assert figures_2017["*"]["participants"] == _count(1, 1, 0, 0)
    assert _figures(families.from_year_counts(session, 2018))["*"]["participants"]["total"] == 0
    # 2017-2019: p4's two projects now both lie inside the period.
    span = _figures(families.from_person_years(session, 2017, 2019))
    assert span["*"]["repeat_participants"] == _count(3, 2, 1, 0)
    assert span[DISTRICT_A]["repeat_participants"] == _count(2, 2, 0, 0)
    # The stored span counts (slice i11-cold) say the same, and the dashboard reads them.
    stored = _figures(summary_span.read(session, 2017, 2019))
    assert stored["*"]["repeat_participants"] == _count(3, 2, 1, 0)
    assert stored[DISTRICT_A]["repeat_participants"] == _count(2, 2, 0, 0)


def test_import_and_undo_refresh_the_year_they_touch(session: Session) -> None:
    _world(session)
    version = summary.data_version(session)
    content = csv_bytes(roster_rows(10, year=2019, projects=2))
    outcome = imports.run_import(
        session, content=content, filename="명단.csv", district_code=DISTRICT_A, actor=None
    )
    session.commit()
    assert summary.data_version(session) > version
    # Ten new people in two new projects of 2019 (roster_rows: every third person is male).
    assert _city_2019(session)["participants"]["total"] == 15
    assert_summaries_match_facts(session)
    undo(session, user=None, batch_id=outcome.report.batch_id or 0)
    session.commit()
    assert _city_2019(session)["participants"] == _count(5, 3, 1, 1)
    assert_summaries_match_facts(session)


def test_merge_and_correction_refresh_the_summarised_year(session: Session) -> None:
    world = _world(session)
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
    # p5 is now p2: four people in 2019, and none left under p5's id.
    assert _city_2019(session)["participants"] == _count(4, 3, 1, 0)
    left = select(func.count()).where(AnalyticsPersonYear.person_id == p["p5"].id)
    assert session.exec(left).one() == 0
    assert_summaries_match_facts(session)
    # Correct p1's A2 row (entered in error): p1 is no longer a repeat participant in 2019.
    row = _row(session, world.projects["A2"].id, p["p1"].id)
    projects.void_participation(session, user=admin, participation_id=row.id or 0, reason="x")
    session.commit()
    assert _city_2019(session)["repeat_participants"] == _count(1, 0, 1, 0)
    assert_summaries_match_facts(session)


def test_cached_kpi_follows_the_data_version(session: Session) -> None:
    world = _world(session)
    cache.clear()
    start, end = date(2019, 1, 1), date(2019, 12, 31)
    first = service.kpi(session, user=ADMIN, start=start, end=end)
    again = service.kpi(session, user=ADMIN, start=start, end=end)
    assert again.city.participants == first.city.participants
    assert first.city.participants.total == 5
    admin = make_user(session, role=Role.city_admin, district_code=None)
    session.commit()
    p1 = world.people["p1"]
    row = _row(session, world.projects["A1"].id, p1.id)
    projects.void_participation(session, user=admin, participation_id=row.id or 0, reason="x")
    session.commit()
    after = service.kpi(session, user=ADMIN, start=start, end=end)
    # p1 still takes part through A2, but is no longer a lead proposer.
    assert after.city.lead_proposers.total == 1
    assert first.city.lead_proposers.total == 2
    district_a = next(r for r in after.districts if r.district_code == DISTRICT_A)
    assert district_a.lead_proposers.total == 0


def test_full_refresh_is_for_the_city_admin_and_bumps_the_version(session: Session) -> None:
    _world(session)
    before = summary.data_version(session)
    analyst = UserAccount(username="a", password_hash="", role=Role.analyst)
    try:
        summary_service.refresh(session, user=analyst)
    except Forbidden:
        pass
    else:  # pragma: no cover - the assertion below explains
        raise AssertionError("an analyst rebuilt the summaries")
    done = summary_service.refresh(session, user=ADMIN)
    assert done.version == before + 1
    assert_summaries_match_facts(session)


def test_a_project_moved_to_another_dong_moves_its_people_on_the_map(session: Session) -> None:
    """Editing a project's dong (the project edit page's service) refreshes the dong map rows of
    its participants in the same commit."""
    from maeul_db.projects.schemas import ProjectUpdate

    world = _world(session)
    admin = make_user(session, role=Role.city_admin, district_code=None)
    span = {"start": date(2019, 1, 1), "end": date(2019, 12, 31), "district_code": DISTRICT_A}
    before = summary_read.participants_by_dong(session, **span)
    # By hand: 2019 in A has p1, p2, p3 in A1 (DONG_A) and p1, p4 in A2 (DONG_A2; p3's A2 row
    # is voided).
    assert before == {DONG_A: 3, DONG_A2: 2}
    projects.update(
        session,
        user=admin,
        project_id=world.projects["A2"].id or 0,
        data=ProjectUpdate(dong_code=DONG_A),
    )
    session.commit()
    assert summary_read.participants_by_dong(session, **span) == {DONG_A: 4}
    assert_dong_map_matches_facts(session)
