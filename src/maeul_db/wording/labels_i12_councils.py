"""Words for the resident-council codes (issue 12), merged into ``labels.LABELS``."""

from __future__ import annotations

Pair = tuple[str, str]

LABELS_I12_COUNCILS: dict[str, dict[str, Pair]] = {
    "selection_method": {
        "open_call": ("공개모집", "open call"),
        "recommended": ("추천", "recommended"),
        "lottery": ("추첨", "lottery"),
    },
    "draw_outcome": {
        "selected": ("당첨", "selected"),
        "reserve": ("예비", "reserve"),
    },
    "council_rule": {
        "gender_share": ("한 성별 60% 이하", "one gender at most 60%"),
        "young_share": ("40대 이하 15% 이상", "aged 40s or younger at least 15%"),
    },
}
