"""Known changes to Seoul's dongs since 2016, as told in shared/refdata/SOURCES.md.

The reference files hold the January 2023 dong set only. These changes add the dongs that existed
before (so 2016–2022 records can point at them) and link each to its successors.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from maeul_db.models import DongChangeKind


@dataclass(frozen=True)
class FormerDong:
    code: str
    district_code: str
    name_ko: str
    valid_to: date


@dataclass(frozen=True)
class Succession:
    predecessor_code: str
    successor_code: str
    effective_on: date
    kind: DongChangeKind
    note: str


FORMER_DONGS = (
    FormerDong("1174052000", "11740", "상일동", date(2021, 7, 1)),
    FormerDong("1168074000", "11680", "일원2동", date(2022, 12, 23)),
)

SUCCESSIONS = (
    # 오류2동 kept its code and gave part of its area to the new 항동.
    Succession(
        "1153078000", "1153080000", date(2020, 1, 1), DongChangeKind.split_into, "오류2동 → 항동"
    ),
    Succession(
        "1174052000", "1174052500", date(2021, 7, 1), DongChangeKind.rename, "상일동 → 상일제1동"
    ),
    # 강일동 kept its code and gave part of its area to the new 상일제2동.
    Succession(
        "1174051500",
        "1174052600",
        date(2021, 7, 1),
        DongChangeKind.split_into,
        "강일동 → 상일제2동",
    ),
    Succession(
        "1168074000", "1168067500", date(2022, 12, 23), DongChangeKind.rename, "일원2동 → 개포3동"
    ),
)

# Dongs created by a change start on the change date; the rest existed before any record here.
NEW_DONG_START = {s.successor_code: s.effective_on for s in SUCCESSIONS}
