"""Messages of the analytics summaries (issue 11)."""

from __future__ import annotations

MESSAGES_I11_SUMMARY: dict[str, tuple[str, str]] = {
    "analytics.summaries_refreshed": (
        "분석 요약표를 다시 만들었습니다 (데이터 버전 {version}, {seconds}초)",
        "analytics summaries rebuilt (data version {version}, {seconds} s)",
    ),
}
