"""Messages of consent records, rights requests, retention and the access-log review (issue 13)."""

from __future__ import annotations

MESSAGES_PRIVACY: dict[str, tuple[str, str]] = {
    "consent.unknown_purpose": (
        "알 수 없는 동의 항목입니다: {value} (가능한 항목: {purposes})",
        "unknown consent purpose: {value} (known: {purposes})",
    ),
    "consent.given_in_future": ("동의일이 오늘 이후입니다", "the consent date is in the future"),
    "consent.expiry_before_given": (
        "만료일은 동의일보다 뒤여야 합니다",
        "the expiry must come after the consent date",
    ),
    "consent.not_found": ("동의 기록을 찾을 수 없습니다", "consent record not found"),
    "privacy.request_not_found": ("요청을 찾을 수 없습니다", "request not found"),
    "privacy.requester_missing": ("요청인을 적어 주세요", "name the requester"),
    "privacy.verification_missing": (
        "요청인 확인 방법을 적어 주세요",
        "say how the requester was verified",
    ),
    "privacy.extension_reason_missing": ("연장 사유를 적어 주세요", "give the extension's reason"),
    "privacy.already_extended": ("이미 연장한 요청입니다", "the request was already extended"),
    "privacy.bad_extension": (
        "연장 기한은 원래 기한 뒤 {days}일 이내여야 합니다",
        "the new deadline must fall within {days} days after the original one",
    ),
    "privacy.already_decided": ("이미 결정한 요청입니다", "the request was already decided"),
    "privacy.decision_reason_missing": ("결정 사유를 적어 주세요", "give the decision's reason"),
    "privacy.how_to_object_missing": (
        "거절하거나 일부만 받아들일 때는 이의 제기 방법을 알려야 합니다",
        "a refusal or partial grant must say how to object",
    ),
    "privacy.officer_only": (
        "개인정보 보호책임자(시 관리자)만 할 수 있습니다",
        "only the privacy officer (city administrator) may do this",
    ),
    "privacy.register_forbidden": (
        "가명정보 처리 기록은 분석가 본인과 시 관리자만 볼 수 있습니다",
        "the processing register is for analysts (their own entries) and the city admin",
    ),
    "privacy.register_not_found": ("처리 기록을 찾을 수 없습니다", "register entry not found"),
    "privacy.destroyed_before_made": (
        "파기일이 생성일보다 앞섭니다",
        "the destruction date is before the data set was made",
    ),
    "privacy.bad_month": (
        "월은 YYYY-MM 형식이어야 합니다: {value}",
        "month must be YYYY-MM: {value}",
    ),
    "privacy.review_note_missing": ("점검 의견을 적어 주세요", "write the review's note"),
    "retention.rule.contact_purpose_ended": (
        "연락 동의 철회·만료자의 연락처 파기",
        "contact details of people whose contact consent ended",
    ),
    "retention.rule.inactive_participants": (
        "장기 미활동 참여자 익명 처리",
        "inactive participants made anonymous",
    ),
    "retention.rule.settlement_evidence": (
        "보조사업 정산 증빙(참여 기록) 보존",
        "subsidy settlement evidence (participation records) kept",
    ),
    "retention.rule.deletion_request": ("삭제 요구에 따른 익명 처리", "deletion request"),
    "retention.basis.contact_purpose_ended": (
        "개인정보 보호법 제21조 제1항, 제37조 (처리 목적 달성·동의 철회 시 지체 없이 파기)",
        "PIPA art. 21(1), 37: destroy without delay once the purpose ends or consent is withdrawn",
    ),
    "retention.basis.inactive_participants": (
        "개인정보 보호법 제21조 제1항; 수집 시 고지한 보유기간 5년",
        "PIPA art. 21(1); the five-year retention period in the notice",
    ),
    "retention.basis.settlement_evidence": (
        "지방자치단체 보조금 관리에 관한 법률(정산 증빙 보존); 개인정보 보호법 제21조 제1항 단서",
        "Local Subsidy Act (settlement evidence); PIPA art. 21(1) proviso",
    ),
    "retention.basis.deletion_request": (
        "개인정보 보호법 제36조 (삭제 요구)",
        "PIPA art. 36 (request for deletion)",
    ),
    "import_row.consent_undated": (
        "동의항목에는 동의일이 필요합니다",
        "consent items need the consent date",
    ),
    "import_row.consent_in_future": ("동의일이 오늘 이후입니다", "consent date in the future"),
    "import_row.unknown_consent_item": (
        "알 수 없는 동의항목: {value}",
        "unknown consent item: {value}",
    ),
    "person.anonymised": (
        "익명 처리된 인물은 수정할 수 없습니다 (파기된 정보를 다시 적지 않습니다)",
        "an anonymised person cannot be edited (destroyed details are not written back)",
    ),
    "register.default_purpose": ("목적 미기재 분석", "analysis (no purpose given)"),
}
