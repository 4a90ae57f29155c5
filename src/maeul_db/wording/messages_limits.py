"""Messages of analytics time limits and small-cell rounding (issue 9, items 7 and 8)."""

from __future__ import annotations

MESSAGES_LIMITS: dict[str, tuple[str, str]] = {
    "analytics.time_limit": (
        "분석이 제한 시간({seconds}초)을 넘겨 중단되었습니다. "
        "기간을 줄이거나 자치구를 골라 다시 시도해 주세요",
        "the analysis ran past its time limit ({seconds} s) and was stopped; "
        "shorten the period or choose a district and try again",
    ),
}
