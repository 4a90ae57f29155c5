"""Precomputed analytics summaries (issue 11): person-year facts, year counts and a data version.

Derived data only: ``analytics.summary`` rebuilds them from the raw facts (in full, or for the
people a committed write touched), so they can be dropped and rebuilt at any time.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Index
from sqlmodel import Field, SQLModel

from maeul_db.models.base import aware_datetime

# The city-wide scope of a summary row (a person active in two districts is one person in Seoul).
CITY_SCOPE = "*"
# The period index's columns: its order first, then what a period's counts read of each row.
PERIOD_COLUMNS = (
    "year",
    "scope",
    "gender",
    "birth_year",
    "person_id",
    "part_months",
    "lead_months",
    "member_months",
    "prev_part",
    "prev_lead",
    "prev_member",
    "next_part",
    "repeat_on",
    "projects",
    "lo_project",
    "hi_project",
    "prev_lo_project",
    "prev_hi_project",
    "two_since",
    "prev_two_since",
)


class AnalyticsPersonYear(SQLModel, table=True):
    """One person (merged duplicates counted as the survivor) in one scope (a district, or ``*``
    for Seoul) in one calendar year in which they took part in a project or belonged to a group."""

    __tablename__ = "analytics_person_year"
    # A year's rows in the order a period's counts group them, with every column those counts
    # read (analytics.family_months): both databases then sum a year from the index alone,
    # without sorting and without a lookup per row.
    __table_args__ = (Index("ix_analytics_person_year_period", *PERIOD_COLUMNS),)

    person_id: int = Field(primary_key=True)
    scope: str = Field(primary_key=True, max_length=5)
    year: int = Field(primary_key=True)
    gender: str = Field(max_length=1)
    birth_year: int
    # 1 when the person took part in a project of the scope that year (any role).
    part: int = 0
    lead: int = 0
    member: int = 0
    # Distinct projects met that year; of those, how many were also met the year before.
    projects: int = 0
    carried: int = 0
    # Distinct projects of the scope the person had started by 31 December of the year.
    projects_to_date: int = 0
    # The months of the year (bit month - 1) in which the person took part in a project, led
    # one, belonged to a group: a period of whole months is read from these (summary_months).
    part_months: int = 0
    lead_months: int = 0
    member_months: int = 0
    # The last month before this year (year * 12 + month - 1; 0: none) in which the person took
    # part, led, belonged: a period across years counts each person once, in the first of its
    # years they were active, without grouping their rows (analytics.family_months).
    prev_part: int = 0
    prev_lead: int = 0
    prev_member: int = 0
    # The first month after this year in which the person took part (0: none): their last year
    # of taking part in such a period is the one whose ``next_part`` lies beyond it.
    next_part: int = 0
    # The first start of the person's second distinct project of the scope (None: not yet, ever):
    # "two projects by a period's end" read on the row (as the ladder reach rows' rung 2).
    repeat_on: date | None = None
    # The lowest and highest project id met that year, and those of the person's last earlier
    # year of taking part (0: none): two projects in a period across years are told apart from
    # one project met again without reading the raw facts (analytics.family_months).
    lo_project: int = 0
    hi_project: int = 0
    prev_lo_project: int = 0
    prev_hi_project: int = 0
    # The last month (as ``prev_part``) from which to 31 December of the year the person took part
    # in two distinct projects (0: fewer than two by then), and the same of their last earlier
    # year of taking part: "two projects in a period" of whole months, read on the person's last
    # year in it (analytics.family_two).
    two_since: int = 0
    prev_two_since: int = 0


class AnalyticsYearCount(SQLModel, table=True):
    """People per year × scope × gender × age band (age on 31 December of the year)."""

    __tablename__ = "analytics_year_count"

    year: int = Field(primary_key=True)
    scope: str = Field(primary_key=True, max_length=5)
    gender: str = Field(primary_key=True, max_length=1)
    age_band: str = Field(primary_key=True, max_length=10)
    participants: int = 0
    repeat_participants: int = 0
    repeat_participants_ever: int = 0
    lead_proposers: int = 0
    group_members: int = 0
    people_engaged: int = 0


# Bit 0 of a person's year masks (analytics.summary_span): years 2000-2062 fit a signed 64-bit
# integer on both databases; spans outside them are read from the person-years instead.
MASK_BASE_YEAR = 2000
MASK_LAST_YEAR = 2062


class AnalyticsSpanCount(SQLModel, table=True):
    """People per span of whole years (``first_year`` < ``last_year``) × scope × gender × age band
    (age on 31 December of the last year): the participation family over a span, where distinct
    people do not add up year by year (docs/indicators.md "Summaries")."""

    __tablename__ = "analytics_span_count"

    first_year: int = Field(primary_key=True)
    last_year: int = Field(primary_key=True)
    scope: str = Field(primary_key=True, max_length=5)
    gender: str = Field(primary_key=True, max_length=1)
    age_band: str = Field(primary_key=True, max_length=10)
    participants: int = 0
    repeat_participants: int = 0
    repeat_participants_ever: int = 0
    lead_proposers: int = 0
    group_members: int = 0
    people_engaged: int = 0


class AnalyticsRungCount(SQLModel, table=True):
    """People per year × quarter × scope × gender × (rung on 31 December of the year before, rung
    on the quarter's last day), everyone on the ladder by that day: the dashboard's ladder on a
    quarter's end (an analyst's every day, ``access.snap_day``; quarter 4: 31 December) without a
    scan of the reach rows (``analytics.ladder_counts``)."""

    __tablename__ = "analytics_rung_count"

    year: int = Field(primary_key=True)
    quarter: int = Field(primary_key=True)
    scope: str = Field(primary_key=True, max_length=5)
    gender: str = Field(primary_key=True, max_length=1)
    rung_before: int = Field(primary_key=True)
    rung_after: int = Field(primary_key=True)
    people: int = 0


class AnalyticsDataVersion(SQLModel, table=True):
    """One row: bumped by every summary refresh, so cached analytics results live until the data
    changes; ``last_year`` is the last year the summaries cover (open facts run to it)."""

    __tablename__ = "analytics_data_version"

    id: int = Field(default=1, primary_key=True)
    version: int = 0
    first_year: int | None = None
    last_year: int | None = None
    refreshed_at: datetime | None = aware_datetime(default=None)


class AnalyticsLadderReach(SQLModel, table=True):
    """One person (merged duplicates counted as the survivor) in one scope: the day they first
    reached each rung of the growth ladder (``analytics.ladder.RUNGS``; None = not yet) from the
    facts of that scope, so the rung of everyone on any day is one ``GROUP BY`` (a rung reached by
    a later fact is simply not reached yet on an earlier day)."""

    __tablename__ = "analytics_ladder_reach"
    __table_args__ = (Index("ix_analytics_ladder_reach_scope", "scope", "person_id"),)

    person_id: int = Field(primary_key=True)
    scope: str = Field(primary_key=True, max_length=5)
    gender: str = Field(max_length=1)
    participant: date | None = None
    repeat_participant: date | None = None
    lead_proposer: date | None = None
    higher_stage: date | None = None
    council_or_space: date | None = None
    trained_expert: date | None = None
    placed_expert: date | None = None
    certified: date | None = None


class AnalyticsPersonDong(SQLModel, table=True):
    """The summarised years (bit ``year - MASK_BASE_YEAR``) in which a person (the survivor of
    merges) took part in a project placed in a dong, in a scope (the participation's district, or
    Seoul ``*``): the dashboard's dong map of any span of whole years is one grouped count of
    these rows, read in the order of the covering index (``analytics.summary_dong``)."""

    __tablename__ = "analytics_person_dong"
    __table_args__ = (
        Index("ix_analytics_person_dong_map", "scope", "dong_code", "years", "person_id"),
    )

    person_id: int = Field(primary_key=True)
    scope: str = Field(primary_key=True, max_length=5)
    dong_code: str = Field(primary_key=True, max_length=10)
    years: int = Field(sa_type=BigInteger)


class AnalyticsPersonDongYear(SQLModel, table=True):
    """The months of one calendar year (bit ``month - 1``) in which a person (the survivor of
    merges) took part in a project placed in a dong, in a scope (the participation's district,
    or Seoul ``*``), and the last earlier month they did (``year * 12 + month - 1``; 0: none):
    the dong map of a period that is not whole years, each year's rows counted on their own, in
    the index's order (``analytics.summary_dong_months``)."""

    __tablename__ = "analytics_person_dong_year"
    __table_args__ = (
        Index("ix_analytics_person_dong_year_map", "scope", "year", "dong_code", "person_id"),
    )

    person_id: int = Field(primary_key=True)
    scope: str = Field(primary_key=True, max_length=5)
    dong_code: str = Field(primary_key=True, max_length=10)
    year: int = Field(primary_key=True)
    part_months: int = 0
    prev_part: int = 0


class AnalyticsPersonHours(SQLModel, table=True):
    """Training hours (in hundredths) one person (the survivor of merges, under their gender)
    attended in one month in one scope (the enrolment's district, else the person's registering
    district, ``-`` when neither; or Seoul ``*``): the KPI report's hours of any period of whole
    months (a span of years, an analyst's quarter), with the distinct people behind each cell,
    without reading every attendance (``analytics.summary_hours``)."""

    __tablename__ = "analytics_person_hours"
    __table_args__ = (
        Index(
            "ix_analytics_person_hours_span",
            "scope",
            "gender",
            "person_id",
            "year",
            "month",
            "cents",
        ),
    )

    person_id: int = Field(primary_key=True)
    scope: str = Field(primary_key=True, max_length=5)
    year: int = Field(primary_key=True)
    month: int = Field(primary_key=True)
    gender: str = Field(max_length=1)
    cents: int = Field(sa_type=BigInteger)


class AnalyticsPersonSeat(SQLModel, table=True):
    """One council member (the survivor of merges, under their gender) in one scope (the seat's
    district, or Seoul ``*``): the summarised years in which they held a seat there (bit ``year -
    MASK_BASE_YEAR``), and the years whose earliest-starting seat began after their first
    participation in any district. A span's first seat is the earliest-starting seat of its first
    held year, so the KPI report's council members of any span of whole years, with and without
    project experience, are one grouped read (``analytics.summary_seats``)."""

    __tablename__ = "analytics_person_seat"

    person_id: int = Field(primary_key=True)
    scope: str = Field(primary_key=True, max_length=5)
    gender: str = Field(max_length=1)
    held: int = Field(sa_type=BigInteger)
    experienced: int = Field(sa_type=BigInteger)
