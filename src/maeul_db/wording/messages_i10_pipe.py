"""Messages of the one import pipeline: streaming strict mode and progress (issue 10)."""

from __future__ import annotations

MESSAGES_I10_PIPE: dict[str, tuple[str, str]] = {
    "import.rejected_cut": (
        "오류가 있는 행이 {total}개입니다. 앞의 {kept}개만 보여 드리고 오류 파일에 담았습니다. "
        "고친 뒤 다시 올려 나머지 오류를 확인해 주세요",
        "{total} rows have errors; the first {kept} are shown and in the rejected-rows file. "
        "Fix them and upload again to see the rest",
    ),
    "import.progress_checking": ("행 검사", "checking rows"),
    "import.progress_writing": ("저장하는 중", "writing"),
}
