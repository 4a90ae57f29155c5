"""Messages of the readable pages and the staff work queue (issue 14, items 1 and 4-7)."""

from __future__ import annotations

MESSAGES_I14_PAGES: dict[str, tuple[str, str]] = {
    "work.unknown_kind": ("없는 업무 목록입니다", "no such work list"),
}
