"""Small-cell suppression: cells of 1–4 people hidden and marked, plus the cell that would give one
away by subtraction."""

from __future__ import annotations

from maeul_db.analytics.indicators import spread
from maeul_db.analytics.schemas import Count, Indicators
from maeul_db.analytics.suppression import (
    publish,
    publish_share,
    rounded,
    suppress_count,
    suppress_family,
    suppress_row,
)


def test_suppress_count_hides_small_total_entirely() -> None:
    count = suppress_count(Count(total=3, female=3, male=0, unstated=0), 5)
    assert count == Count(total=None, female=None, male=None, unstated=None, suppressed=True)


def test_suppress_count_hides_a_second_cell_against_subtraction() -> None:
    # unstated 2 is small; 20 - 12 - 6 would reveal it, so the smallest other non-zero (male 6) goes;
    # what is shown is rounded to a multiple of 5 (12 -> 10).
    count = suppress_count(Count(total=20, female=12, male=6, unstated=2), 5)
    assert (count.total, count.female, count.male, count.unstated) == (20, 10, None, None)
    assert count.suppressed


def test_suppress_count_two_small_cells_need_no_third() -> None:
    count = suppress_count(Count(total=20, female=14, male=3, unstated=3), 5)
    assert (count.total, count.female, count.male, count.unstated) == (20, 15, None, None)


def test_suppress_count_keeps_zeros_and_large_cells() -> None:
    count = suppress_count(Count(total=10, female=10, male=0, unstated=0), 5)
    assert count == Count(total=10, female=10, male=0, unstated=0, suppressed=False)


def test_suppress_count_threshold_is_configurable() -> None:
    count = suppress_count(Count(total=8, female=6, male=2, unstated=0), 3)
    assert (count.female, count.male) == (None, None)  # male 2 < 3, then female by subtraction
    assert suppress_count(Count(total=8, female=6, male=2, unstated=0), 2).suppressed is False


def test_suppress_family_hides_a_second_band() -> None:
    bands = [
        Count(total=10, female=10),
        Count(total=7, female=7),
        Count(total=2, female=2),
        Count(total=0, female=0),
    ]
    suppress_family(bands, 5)
    assert [b.total for b in bands] == [10, None, None, 0]


def test_spread_hidden_minimum_hides_ratio() -> None:
    rows = [
        ("가구", Indicators(participants=Count(total=40, female=40))),
        ("나구", Indicators(participants=Count(total=None, suppressed=True))),
        ("다구", Indicators(participants=Count(total=10, female=10))),
    ]
    item = spread(rows)[0]
    assert (item.max_district, item.max_value) == ("가구", 40)
    assert item.min_district is None and item.min_value is None and item.ratio is None


def test_rounded_to_nearest_multiple_halves_up() -> None:
    assert [rounded(n, 5) for n in (0, 5, 7, 8, 12, 13, 1234)] == [0, 5, 5, 10, 10, 15, 1235]


def test_publish_hides_small_rounds_the_rest_and_leaves_staff_figures() -> None:
    assert [publish(n, 5) for n in (0, 1, 4, 5, 11, 13)] == [0, None, None, 5, 10, 15]
    assert publish(11, None) == 11


def test_publish_share_from_published_counts() -> None:
    assert publish_share(6, 12, 5) == 0.5  # 5 of 10, not 6 of 12
    assert publish_share(3, 12, 5) is None
    assert publish_share(1, 3, None) == 0.3333


def test_suppress_row_rounds_shown_cells() -> None:
    assert suppress_row({"a": 12, "b": 3, "c": 0, "d": 31}, 5) == {
        "a": None,
        "b": None,
        "c": 0,
        "d": 30,
    }
