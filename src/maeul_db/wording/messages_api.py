"""Messages of the API-hardening slice (issue 9: certificates offline/online, foreign keys, nulls)."""

from __future__ import annotations

MESSAGES_API: dict[str, tuple[str, str]] = {
    "certificate.offline_status_unknown": (
        "서명 유효; 오프라인에서는 상태(폐기 여부)를 알 수 없음 — 온라인 확인 필요",
        "signature valid; status unknown offline — check online",
    ),
    "certificate.online_status": (
        "온라인 확인: {number} 상태 {status}",
        "online check: {number} status {status}",
    ),
    "certificate.online_superseded": (
        "이 증명서는 {successor}(으)로 대체되었습니다 (유효하지 않음)",
        "this certificate was superseded by {successor} (not valid)",
    ),
    "certificate.online_unreachable": (
        "검증 서버에 연결할 수 없습니다: {url} ({reason})",
        "cannot reach the verification server: {url} ({reason})",
    ),
    "certificate.online_mismatch": (
        "검증 서버가 다른 증명서를 답했습니다 ({number})",
        "the verification server answered for another certificate ({number})",
    ),
    "request.null_not_allowed": (
        "이 항목은 비울 수 없습니다: {fields}",
        "these fields cannot be null: {fields}",
    ),
    "request.unknown_reference": (
        "존재하지 않는 항목을 가리킵니다: {name}",
        "refers to something that does not exist: {name}",
    ),
    "request.district_required": (
        "자치구를 지정해야 합니다",
        "a district is required",
    ),
}
