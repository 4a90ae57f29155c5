"""Messages of background analytics jobs, the network pages and the indicator downloads (issue 11)."""

from __future__ import annotations

MESSAGES_I11_JOBS: dict[str, tuple[str, str]] = {
    "jobs.not_found": ("작업을 찾을 수 없습니다", "no such job"),
    "jobs.no_file": ("이 작업에는 내려받을 파일이 없습니다", "this job has no file to download"),
    "jobs.unknown_kind": (
        "작업 종류가 올바르지 않습니다: {kind}",
        "unknown job kind: {kind}",
    ),
    "jobs.suppressed_cell": ("가림", "suppressed"),
    "jobs.col_district": ("지역", "area"),
    "jobs.col_participants": ("참여자", "participants"),
    "jobs.col_repeat_participants": ("다차 참여자", "repeat participants"),
    "jobs.col_lead_proposers": ("대표제안자", "lead proposers"),
    "jobs.col_council_members": ("주민자치회 위원", "council members"),
    "jobs.col_experts_trained": ("양성된 전문가", "experts trained"),
    "jobs.col_experts_placed": ("배치된 전문가", "experts placed"),
    "jobs.col_projects": ("지원사업 수", "projects"),
    "jobs.col_total": ("전체", "total"),
    "jobs.col_female": ("여성", "women"),
    "jobs.col_male": ("남성", "men"),
    "jobs.col_unstated": ("밝히지 않음", "unstated"),
    "jobs.sheet_title": ("지표", "indicators"),
}
