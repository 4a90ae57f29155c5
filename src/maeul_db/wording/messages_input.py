"""Messages of bounded input (issue 9): control characters, number and date ranges, periods,
import row limits."""

from __future__ import annotations

MESSAGES_INPUT: dict[str, tuple[str, str]] = {
    "input.control_character": (
        "제어 문자(NUL 등)는 입력할 수 없습니다",
        "control characters (such as NUL) are not allowed",
    ),
    "input.number_out_of_range": (
        "숫자가 허용 범위({low}~{high})를 벗어났습니다",
        "number outside the allowed range ({low} to {high})",
    ),
    "input.date_out_of_range": (
        "날짜는 {low}부터 {high}까지만 입력할 수 있습니다",
        "dates must be between {low} and {high}",
    ),
    "input.period_out_of_range": (
        "기간은 {low}부터 {high} 사이여야 합니다",
        "periods must lie between {low} and {high}",
    ),
    "input.period_reversed": (
        "기간의 끝이 시작보다 앞설 수 없습니다",
        "the period's end is before its start",
    ),
    "input.period_too_long": (
        "기간은 최대 {years}년까지 조회할 수 있습니다",
        "periods may be at most {years} years long",
    ),
    "input.too_many_rows": (
        "파일의 행이 너무 많습니다: 한 번에 최대 {limit}행까지 가져올 수 있습니다. "
        "파일을 나누어 올려 주세요",
        "too many rows: at most {limit} rows per import; split the file",
    ),
}
