"""The one clock (kit/time.py): Seoul's today, KST display, and the 종료일 ↔ valid_to pair."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from jinja2 import Environment

from maeul_db.errors import InvalidInput
from maeul_db.kit import time as clock


def test_today_is_the_seoul_date_not_the_utc_date() -> None:
    # 15:30 UTC on 1 March is 00:30 on 2 March in Seoul (UTC+9, no daylight saving).
    with clock.frozen_at(datetime(2026, 3, 1, 15, 30, tzinfo=UTC)):
        assert clock.now() == datetime(2026, 3, 1, 15, 30, tzinfo=UTC)
        assert clock.today() == date(2026, 3, 2)
    with clock.frozen_at(datetime(2026, 3, 1, 14, 59, tzinfo=UTC)):
        assert clock.today() == date(2026, 3, 1)


def test_frozen_clock_is_restored_and_nests() -> None:
    outer = datetime(2020, 1, 1, tzinfo=UTC)
    with clock.frozen_at(outer):
        with clock.frozen_at(datetime(2021, 6, 1, 12, tzinfo=UTC)):
            assert clock.utcnow().year == 2021
        assert clock.now() == outer
    assert clock.now() - datetime.now(UTC) < timedelta(seconds=5)
    assert clock.now().tzinfo is UTC


def test_frozen_clock_refuses_a_naive_moment() -> None:
    with pytest.raises(ValueError), clock.frozen_at(datetime(2026, 3, 1, 15, 30)):
        pass


def test_frozen_clock_takes_any_offset_and_stores_utc() -> None:
    seoul_morning = datetime(2026, 3, 2, 8, 30, tzinfo=timezone(timedelta(hours=9)))
    with clock.frozen_at(seoul_morning):
        assert clock.now() == datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
        assert clock.now().tzinfo is UTC


def test_to_kst_reads_naive_values_as_utc() -> None:
    naive = datetime(2026, 3, 1, 23, 30)  # how SQLite hands back a stored timestamp
    assert clock.to_kst(naive).replace(tzinfo=None) == datetime(2026, 3, 2, 8, 30)
    aware = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
    assert clock.to_kst(aware) == aware
    assert clock.kst_date(aware) == date(2026, 3, 2)


def test_filters_show_seoul_time_and_the_last_day() -> None:
    env = Environment(autoescape=True)
    env.filters.update(clock.FILTERS)
    moment = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
    template = env.from_string(
        "{{ t | kst }}|{{ t | kst_date }}|{{ s | kst }}|{{ end | last_day }}|{{ open | last_day }}"
    )
    text = template.render(t=moment, s="2026-03-01T15:30:00+00:00", end=date(2024, 7, 1), open=None)
    assert text == "2026-03-02 08:30|2026-03-02|2026-03-02 00:30|2024-06-30|"


def test_last_day_and_valid_to_are_one_day_apart_and_invert() -> None:
    assert clock.valid_to_from_last_day(date(2024, 6, 30)) == date(2024, 7, 1)
    assert clock.valid_to_from_last_day(date(2024, 12, 31)) == date(2025, 1, 1)
    assert clock.last_day_from_valid_to(date(2024, 3, 1)) == date(2024, 2, 29)  # leap year
    assert clock.valid_to_from_last_day(None) is None
    assert clock.last_day_from_valid_to(None) is None
    for day in (date(2023, 2, 28), date(2024, 2, 29), date(2024, 12, 31)):
        assert clock.last_day_from_valid_to(clock.valid_to_from_last_day(day)) == day


def test_last_day_of_the_calendar_cannot_be_stored() -> None:
    with pytest.raises(InvalidInput):
        clock.valid_to_from_last_day(date.max)


def test_one_day_interval_is_allowed_and_an_end_before_start_is_not() -> None:
    start = date(2024, 6, 30)
    clock.check_interval(start, clock.valid_to_from_last_day(start))  # last day = first day
    with pytest.raises(InvalidInput):
        clock.check_interval(start, clock.valid_to_from_last_day(date(2024, 6, 29)))
