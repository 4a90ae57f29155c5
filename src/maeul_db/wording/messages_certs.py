"""Messages of certificate administration, batch issue, stamps and dong changes (issue 16)."""

from __future__ import annotations

MESSAGES_CERTS: dict[str, tuple[str, str]] = {
    "certificate.city_issuer_title": (
        "서울특별시 마을공동체종합지원센터장",
        "Director, Seoul Village Community Support Center",
    ),
    "certificate.district_issuer_title": (
        "서울특별시 {district} 마을자치통합지원센터장",
        "Director, {district} Village Autonomy Support Center, Seoul",
    ),
    "certificate.stamp_revoked": ("취소됨", "revoked"),
    "certificate.stamp_superseded": ("대체됨", "superseded"),
    "certificate.already_issued": (
        "같은 내용의 유효한 증명서가 이미 있습니다 ({number})",
        "already issued: a valid certificate with the same facts exists ({number})",
    ),
    "certificate.batch_forbidden": (
        "일괄 발급은 구 담당자와 시 관리자만 할 수 있습니다",
        "only district staff and the city admin may batch-issue",
    ),
    "certificate.batch_needs_selection": (
        "교육과정과 이수 기간, 또는 배치 연도를 고르세요",
        "choose a programme and completion period, or a placement year",
    ),
    "certificate.batch_period_reversed": (
        "이수 기간의 시작일이 종료일보다 늦습니다",
        "the completion period starts after it ends",
    ),
    "certificate.revoke_reason_required": (
        "취소 사유를 2~200자로 적어 주세요",
        "a reason of 2 to 200 characters is required to revoke",
    ),
    "certificate.seal_image_missing": (
        "직인 이미지 파일이 없습니다: {path}",
        "seal image not found: {path}",
    ),
    "dong.change_forbidden": (
        "행정동 변경은 시 관리자만 기록할 수 있습니다",
        "only the city admin may record dong changes",
    ),
    "dong.code_taken": (
        "행정동 코드 {code}는 이미 {name}에 쓰이고 있습니다",
        "dong code {code} is already used by {name}",
    ),
    "dong.code_invalid": (
        "행정동 코드는 10자리 숫자입니다: {code}",
        "a dong code has 10 digits: {code}",
    ),
    "dong.name_required": ("새 행정동 이름을 적어 주세요", "a name is required for the new dong"),
    "dong.successor_count": (
        "{kind}에는 새 행정동이 {expected} 있어야 합니다",
        "a {kind} needs {expected} new dongs",
    ),
    "dong.merge_needs_two": (
        "통합에는 합쳐지는 행정동이 둘 이상 있어야 합니다",
        "a merge needs at least two dongs",
    ),
    "dong.predecessor_other_district": (
        "합쳐지는 행정동은 같은 자치구에 있어야 합니다",
        "merged dongs must be in the same district",
    ),
    "dong.effective_before_start": (
        "{name}은 {valid_from}에 생겼으므로 그 전에 바뀔 수 없습니다",
        "{name} began on {valid_from}; it cannot change before",
    ),
}
