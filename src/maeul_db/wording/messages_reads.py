"""Messages of the read/write transaction split (issue 9: reads under load)."""

from __future__ import annotations

MESSAGES_READS: dict[str, tuple[str, str]] = {
    "access_log.busy": (
        "지금은 열람 기록을 남길 수 없어 개인정보를 보여 드릴 수 없습니다. 잠시 뒤에 다시 시도하세요",
        "the access log cannot be written right now, so personal data is not shown; try again shortly",
    ),
}
