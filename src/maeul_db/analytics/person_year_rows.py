"""The person-year rows of ``analytics_person_year`` worked out in Python from the facts of the
people a write touched (the incremental refresh, ``analytics.summary.refresh_people``): the same
rows as the full refresh's one ``INSERT ... SELECT`` (``analytics.summary_sql``;
``tests/analytics/test_ladder_summary.py`` holds them equal). Definitions: docs/indicators.md
"Summaries".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session, col

from maeul_db.analytics import month_masks
from maeul_db.analytics.queries import PERSON_KEY, person_in, select
from maeul_db.kit.chunks import sorted_chunks
from maeul_db.models import GroupMembership, Participation, Person
from maeul_db.models.analytics_summary import CITY_SCOPE

CHUNK = 500
LEAD = "lead_proposer"


@dataclass
class _Track:
    """One person's activity in one scope, year by year."""

    projects: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    started: dict[int, int] = field(default_factory=dict)
    # project -> the first day the person took part in it
    first_day: dict[int, date] = field(default_factory=dict)
    lead: set[int] = field(default_factory=set)
    member: set[int] = field(default_factory=set)
    # year -> months (analytics.month_masks) of taking part, leading, belonging
    part_months: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    lead_months: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    member_months: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    # (project, year) -> the last month of the year in which the person took part in it
    last_in: dict[tuple[int, int], int] = field(default_factory=dict)


def _years(valid_from: date, valid_to: date | None, last: int) -> range:
    """Calendar years an interval ``[valid_from, valid_to)`` meets, open ones up to ``last``."""
    end = (valid_to - timedelta(days=1)).year if valid_to is not None else last
    return range(valid_from.year, min(end, last) + 1)


def _keyed(stmt: Any, keys: set[int] | None) -> Iterator[Any]:
    """Rows of ``stmt`` for every person, or for ``keys`` only (in chunks of bound parameters)."""
    if keys is None:
        yield stmt
        return
    for chunk in sorted_chunks(keys, CHUNK):
        yield stmt.where(person_in(chunk))


def _tracks(session: Session, keys: set[int] | None, last: int) -> dict[tuple[int, str], _Track]:
    tracks: dict[tuple[int, str], _Track] = defaultdict(_Track)
    parts = (
        select(
            PERSON_KEY,
            Participation.district_code,
            Participation.project_id,
            Participation.role,
            Participation.valid_from,
            Participation.valid_to,
        )
        .join(Person, col(Person.id) == Participation.person_id)
        .where(col(Participation.voided_at).is_(None))
    )
    for stmt in _keyed(parts, keys):
        for person, district, project, role, start, stop in session.execute(stmt):
            for scope in (district, CITY_SCOPE):
                _took_part(tracks[(person, scope)], project, role == LEAD, start, stop, last)
    members = (
        select(
            PERSON_KEY,
            GroupMembership.district_code,
            GroupMembership.valid_from,
            GroupMembership.valid_to,
        )
        .join(Person, col(Person.id) == GroupMembership.person_id)
        .where(col(GroupMembership.voided_at).is_(None))
    )
    for stmt in _keyed(members, keys):
        for person, district, start, stop in session.execute(stmt):
            for scope in (district, CITY_SCOPE):
                track = tracks[(person, scope)]
                for year in _years(start, stop, last):
                    track.member.add(year)
                    track.member_months[year] |= month_masks.of_fact(start, stop, year)
    return tracks


def _took_part(
    track: _Track, project: int, lead: bool, start: date, stop: date | None, last: int
) -> None:
    """One participation in a person's track: its years, months, project and start."""
    for year in _years(start, stop, last):
        track.projects[year].add(project)
        months = month_masks.of_fact(start, stop, year)
        track.part_months[year] |= months
        last = month_masks.last_month(months, year)
        track.last_in[(project, year)] = max(last, track.last_in.get((project, year), 0))
        if lead:
            track.lead.add(year)
            track.lead_months[year] |= months
    track.started[project] = min(start.year, track.started.get(project, start.year))
    track.first_day[project] = min(start, track.first_day.get(project, start))


def _people(session: Session, keys: set[int]) -> dict[int, tuple[str, int]]:
    """Gender and birth year of each (surviving) person."""
    result: dict[int, tuple[str, int]] = {}
    for chunk in sorted_chunks(keys, CHUNK):
        stmt = select(Person.id, Person.gender, Person.birth_year).where(col(Person.id).in_(chunk))
        result.update({pid: (str(g), int(b)) for pid, g, b in session.execute(stmt)})
    return result


def rows(session: Session, keys: set[int] | None, last: int) -> Iterator[dict[str, Any]]:
    """The person-year rows of the people ``keys`` (survivors of merges), or of everyone."""
    tracks = _tracks(session, keys, last)
    people = _people(session, {person for person, _ in tracks})
    for (person, scope), track in tracks.items():
        gender, birth = people[person]
        starts = sorted(track.started.values())
        prev = dict.fromkeys(PREV, 0)
        before = {"prev_lo_project": 0, "prev_hi_project": 0, "prev_two_since": 0}
        since = _two_since(track)
        years = sorted(set(track.projects) | track.member)
        following = _next_part(track, years)
        days = sorted(track.first_day.values())
        repeat_on = days[1] if len(days) > 1 else None
        for year in years:
            here = track.projects.get(year, set())
            yield {
                "person_id": person,
                "scope": scope,
                "year": year,
                "gender": gender,
                "birth_year": birth,
                "part": int(bool(here)),
                "lead": int(year in track.lead),
                "member": int(year in track.member),
                "projects": len(here),
                "carried": len(here & track.projects.get(year - 1, set())),
                "projects_to_date": sum(1 for s in starts if s <= year),
                "part_months": track.part_months.get(year, 0),
                "lead_months": track.lead_months.get(year, 0),
                "member_months": track.member_months.get(year, 0),
                **prev,
                "next_part": following[year],
                "repeat_on": repeat_on,
                "lo_project": min(here, default=0),
                "hi_project": max(here, default=0),
                "two_since": since.get(year, 0),
                **before,
            }
            prev = _prev_after(prev, track, year)
            if here:
                before = {
                    "prev_lo_project": min(here),
                    "prev_hi_project": max(here),
                    "prev_two_since": since.get(year, 0),
                }


PREV = ("prev_part", "prev_lead", "prev_member")


def _prev_after(prev: dict[str, int], track: _Track, year: int) -> dict[str, int]:
    """The ``prev_*`` of the person's next year: this year's last months where it has any."""
    months = (track.part_months, track.lead_months, track.member_months)
    return {
        name: month_masks.last_month(kind.get(year, 0), year) or prev[name]
        for name, kind in zip(PREV, months, strict=True)
    }


def _next_part(track: _Track, years: list[int]) -> dict[int, int]:
    """Per year, the first month of taking part in a later year (0: none)."""
    following, first = {}, 0
    for year in reversed(years):
        following[year] = first
        first = month_masks.first_month(track.part_months.get(year, 0), year) or first
    return following


def _two_since(track: _Track) -> dict[int, int]:
    """Per year of taking part, the second latest of the last months (up to 31 December of the
    year) in which each project was met: two distinct projects were met from then on (absent:
    fewer than two)."""
    latest: dict[int, int] = {}
    since: dict[int, int] = {}
    for year in sorted(track.projects):
        for project in track.projects[year]:
            latest[project] = max(latest.get(project, 0), track.last_in[(project, year)])
        ranked = sorted(latest.values(), reverse=True)
        if len(ranked) > 1:
            since[year] = ranked[1]
    return since
