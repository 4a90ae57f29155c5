"""Messages of the identity hardening (issue 9, item 2): who may change or merge a city-wide
person registered in another district."""

from __future__ import annotations

MESSAGES_IDENTITY: dict[str, tuple[str, str]] = {
    "identity.details_elsewhere": (
        "다른 자치구에 등록된 인물의 기본 정보는 등록 자치구 담당자나 시 관리자만 바꿀 수 있습니다",
        "only the registering district's staff or the city admin may change the details of a "
        "person registered in another district",
    ),
    "identity.merge_across_districts": (
        "서로 다른 자치구에 등록된 인물의 병합은 시 관리자만 할 수 있습니다",
        "only the city admin may merge people registered in different districts",
    ),
    "identity.unmerge_across_districts": (
        "서로 다른 자치구에 등록된 인물의 병합 취소는 시 관리자만 할 수 있습니다",
        "only the city admin may undo a merge of people registered in different districts",
    ),
}
