"""Words for the report and settlement codes (issue 15), merged into ``labels.LABELS`` (kinds
that exist already, such as ``audit_action``, gain entries)."""

from __future__ import annotations

Pair = tuple[str, str]

LABELS_I15_SETTLE: dict[str, dict[str, Pair]] = {
    "report_state": {
        "draft": ("작성 중", "draft"),
        "submitted": ("제출", "submitted"),
        "returned": ("보완 요청", "returned for changes"),
        "accepted": ("승인", "accepted"),
    },
    "settlement_state": {
        "draft": ("작성 중", "draft"),
        "submitted": ("제출", "submitted"),
        "returned": ("보완 요청", "returned for changes"),
        "accepted": ("검토 완료", "accepted"),
        "settled": ("정산 확정", "settled"),
    },
    "expense_line": {
        "operating": ("운영비", "operating costs"),
        "materials": ("재료비", "materials"),
        "publicity": ("홍보비", "publicity"),
        "instructor": ("강사비", "instructors"),
        "rental": ("임차료", "rental"),
        "other": ("기타", "other"),
    },
    "evidence_type": {
        "tax_invoice": ("세금계산서", "tax invoice"),
        "card": ("카드 영수증", "card receipt"),
        "other": ("기타 증빙", "other evidence"),
    },
    "noncash_kind": {
        "volunteer_labour": ("자원활동(시간)", "volunteer labour (hours)"),
        "professional_service": ("재능기부(전문 서비스)", "professional service"),
        "in_kind": ("현물(시가·임대료)", "in kind (market or rental value)"),
        "public_staff": ("공무원 지원(불인정)", "public staff (not counted)"),
        "public_facility": ("공공시설(불인정)", "public facility (not counted)"),
        "public_grant": ("다른 공공 지원금(불인정)", "other public grant (not counted)"),
    },
    "attachment_purpose": {
        "report": ("결과보고 첨부", "report attachment"),
        "expense": ("집행 증빙", "expense evidence"),
    },
    "settlement_subject": {
        "report": ("결과보고", "result report"),
        "settlement": ("정산", "settlement"),
    },
    "botame_status": {
        "registered": ("사업 등록", "registered"),
        "executing": ("집행 중", "executing"),
        "settling": ("정산 중", "settling"),
        "settled": ("정산 완료", "settled"),
    },
    "botame_column": {
        "botame_id": ("보탬e사업번호", "botame project id"),
        "project_name": ("사업명", "project name"),
        "district_code": ("자치구코드", "district code"),
        "line_no": ("순번", "line number"),
        "spent_on": ("집행일자", "date spent"),
        "payee": ("거래처", "payee"),
        "budget_line": ("보조세목", "budget line"),
        "amount_krw": ("집행금액", "amount (won)"),
        "evidence": ("증빙유형", "evidence type"),
        "evidence_file": ("증빙파일", "evidence file"),
        "evidence_sha256": ("증빙SHA256", "evidence sha256"),
        "note": ("비고", "note"),
    },
    "audit_action": {
        "submitted": ("제출", "submitted"),
        "returned": ("보완 요청", "returned"),
        "accepted": ("승인", "accepted"),
        "settled": ("정산 확정", "settled"),
    },
    "audit_entity": {
        "result_report": ("결과보고", "result report"),
        "settlement": ("정산", "settlement"),
        "settlement_expense": ("집행 내역", "expense"),
        "noncash_rule": ("현금 외 자부담 기준", "non-cash rule"),
    },
    "field": {
        "narrative": ("사업 내용과 성과", "narrative"),
        "file": ("파일", "file"),
        "spent_on": ("집행일", "date spent"),
        "payee": ("거래처", "payee"),
        "line": ("세목", "budget line"),
        "amount_krw": ("금액", "amount"),
        "evidence": ("증빙 유형", "evidence type"),
        "note": ("사유·비고", "note"),
        "action": ("처리", "action"),
        "description": ("내용", "description"),
        "rate_krw": ("시간당 단가", "hourly rate"),
        "appraised_krw": ("평가액", "appraised value"),
        "planned": ("세목별 계획", "plan per line"),
        "interest_krw": ("이자", "interest"),
        "expense_id": ("집행 내역", "expense"),
        "botame_id": ("보탬e 사업번호", "botame project id"),
        "botame_status": ("보탬e 정산 상태", "botame settlement status"),
    },
}
