"""kit.chunks: every value once, in order, no chunk over the size and none empty."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maeul_db.kit.chunks import chunks, sorted_chunks


@given(st.lists(st.integers()), st.integers(min_value=1, max_value=50))
def test_chunks_keep_every_value_in_order(values: list[int], size: int) -> None:
    parts = list(chunks(iter(values), size))
    assert [v for part in parts for v in part] == values
    assert all(1 <= len(part) <= size for part in parts)
    assert all(len(part) == size for part in parts[:-1])


@given(st.lists(st.integers()), st.integers(min_value=1, max_value=50))
def test_sorted_chunks_give_each_distinct_value_once_ascending(
    values: list[int], size: int
) -> None:
    flat = [v for part in sorted_chunks(values, size) for v in part]
    assert flat == sorted(set(values))


def test_five_values_in_twos() -> None:
    assert list(chunks("abcde", 2)) == [["a", "b"], ["c", "d"], ["e"]]
    assert list(sorted_chunks(["b", "a", "b", "c"], 2)) == [["a", "b"], ["c"]]


def test_a_size_below_one_is_refused() -> None:
    with pytest.raises(ValueError):
        list(chunks([1], 0))
