"""Labels of issue 12's assemblies, plans, spaces and networks."""

from __future__ import annotations

from typing import Final

Pair = tuple[str, str]

LABELS_I12_ASSEMBLY: Final[dict[str, dict[str, Pair]]] = {
    "population_basis": {
        "entered": ("직접 입력", "entered"),
        "estimated": ("추정 (총인구×성인 비율)", "estimated (total × adult share)"),
    },
    "budget_source": {
        "citizen_budget": ("동단위 시민참여예산", "dong-level citizen participatory budget"),
        "resident_tax": ("주민세 환원", "returned resident tax"),
        "district_budget": ("자치구 예산", "district budget"),
        "other": ("기타", "other"),
    },
    "space_kind": {
        "hub": ("마을활력소", "village hub space"),
        "resident": ("주민 주도 공동체 공간", "resident-run community space"),
        "other": ("기타 공간", "other space"),
    },
    "quorum": {
        "met": ("성원", "quorum met"),
        "short": ("미달", "short of the quorum"),
    },
}
