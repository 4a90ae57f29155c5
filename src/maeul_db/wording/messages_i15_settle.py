"""Messages of result reports, settlements, attachments and non-cash contributions (issue 15)."""

from __future__ import annotations

MESSAGES_I15_SETTLE: dict[str, tuple[str, str]] = {
    "settlements.forbidden": (
        "이 사업의 보고·정산을 처리할 권한이 없습니다",
        "you may not handle this project's report or settlement",
    ),
    "paperwork.unknown_action": ("알 수 없는 처리입니다: {action}", "unknown action: {action}"),
    "paperwork.bad_transition": (
        "지금 상태({state})에서는 할 수 없는 처리입니다",
        "this cannot be done in the current state ({state})",
    ),
    "paperwork.note_required": (
        "보완 요청에는 사유를 적어 주세요",
        "give a reason when returning for changes",
    ),
    "attachment.empty": ("빈 파일입니다. 파일을 다시 골라 주세요", "the file is empty"),
    "attachment.too_big": (
        "파일이 너무 큽니다({size}바이트). {limit}MB 이하만 올릴 수 있습니다",
        "the file is too big ({size} bytes); the limit is {limit} MB",
    ),
    "attachment.refused_type": (
        "'{name}'은(는) 받을 수 없는 형식입니다. PDF, JPEG, PNG 파일만 올릴 수 있습니다",
        "'{name}' is not an accepted type: only PDF, JPEG and PNG files",
    ),
    "attachment.active_pdf": (
        "'{name}'에 실행되는 내용(스크립트, 첨부 파일)이 있어 받을 수 없습니다",
        "'{name}' holds active content (scripts or embedded files) and is refused",
    ),
    "attachment.bad_base64": (
        "파일 내용(content_base64)이 base64 형식이 아닙니다",
        "the file content (content_base64) is not base64",
    ),
    "attachment.not_found": ("첨부 파일을 찾을 수 없습니다", "attachment not found"),
    "noncash.no_rule": (
        "{year}년에 적용할 현금 외 자부담 기준이 없습니다",
        "no non-cash contribution rule applies in {year}",
    ),
    "noncash.hours_required": (
        "자원활동·재능기부는 시간을 입력하세요",
        "enter the hours of volunteer or professional work",
    ),
    "noncash.rate_required": (
        "재능기부는 시간당 단가를 입력하세요",
        "enter the hourly rate of the professional service",
    ),
    "noncash.appraisal_required": (
        "현물·공공지원은 평가액(시가 또는 임대료)을 입력하세요",
        "enter the appraised value (market or rental value)",
    ),
    "noncash.rule_forbidden": (
        "현금 외 자부담 기준은 시 관리자만 바꿉니다",
        "only the city admin changes the non-cash rules",
    ),
    "noncash.rule_in_use": (
        "{last}년까지 이미 환산한 기록이 있어 {year}년 기준은 바꿀 수 없습니다. 그 다음 해부터 적용하세요",
        "contributions up to {last} were valued already: a rule for {year} cannot change; start it later",
    ),
    "settlement.settled_locked": (
        "정산이 확정되어 더 이상 고칠 수 없습니다",
        "the settlement is settled and can no longer be changed",
    ),
    "settlement.not_editable": (
        "{state} 상태의 정산은 고칠 수 없습니다. 보완 요청을 받은 뒤에 고치세요",
        "a settlement in state {state} cannot be edited until it is returned",
    ),
    "settlement.plan_over_grant": (
        "세목별 계획의 합계({planned}원)가 보조금({grant}원)보다 큽니다",
        "the plan's total ({planned} won) exceeds the grant ({grant} won)",
    ),
    "settlement.evidence_missing": (
        "증빙 파일이 없는 집행 내역이 {count}건 있습니다. 증빙을 첨부한 뒤 제출하세요",
        "{count} expenses have no evidence file; attach them before submitting",
    ),
    "settlement.over_grant": (
        "집행액({spent}원)이 보조금({grant}원)을 넘습니다",
        "spending ({spent} won) exceeds the grant ({grant} won)",
    ),
    "expense.outside_year": (
        "집행일은 사업연도({year}년) 안이어야 합니다",
        "the date must fall in the project's year ({year})",
    ),
    "expense.outside_period": (
        "집행일은 사업 기간({first} ~ {last}) 안이어야 합니다",
        "the date must fall within the project's period ({first} to {last})",
    ),
    "expense.not_found": ("집행 내역을 찾을 수 없습니다", "expense not found"),
    "report.not_editable": (
        "{state} 상태의 결과보고는 고칠 수 없습니다",
        "a result report in state {state} cannot be edited",
    ),
    "report.narrative_required": (
        "사업 내용과 성과를 적은 뒤 제출하세요",
        "write the narrative before submitting",
    ),
    "xlsx.expense.spent_on": ("집행일", "date"),
    "xlsx.expense.payee": ("거래처", "payee"),
    "xlsx.expense.line": ("세목", "budget line"),
    "xlsx.expense.amount": ("금액(원)", "amount (won)"),
    "xlsx.expense.evidence": ("증빙 유형", "evidence"),
    "xlsx.expense.file": ("증빙 파일", "evidence file"),
    "xlsx.expense.sha256": ("증빙 SHA-256", "evidence SHA-256"),
    "xlsx.overview.project": ("사업명", "project"),
    "xlsx.overview.year": ("사업연도", "year"),
    "xlsx.overview.grant": ("보조금(원)", "grant (won)"),
    "xlsx.overview.report": ("결과보고", "result report"),
    "xlsx.overview.due": ("보고 기한", "report due"),
    "xlsx.overview.settlement": ("정산", "settlement"),
    "xlsx.overview.spent": ("집행액(원)", "spent (won)"),
    "xlsx.overview.to_return": ("반납할 금액(원)", "to return (won)"),
    "xlsx.overview.botame": ("보탬e 사업번호", "botame id"),
    "xlsx.noncash.kind": ("현금 외 자부담 유형", "non-cash kind"),
    "xlsx.noncash.description": ("내용", "description"),
    "xlsx.noncash.hours": ("시간", "hours"),
    "xlsx.noncash.rate": ("시간당 단가(원)", "hourly rate (won)"),
    "xlsx.noncash.value": ("환산액(원)", "value (won)"),
    "xlsx.noncash.rule_year": ("적용 기준 연도", "rule year"),
}
