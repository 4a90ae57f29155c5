"""Words for the background job codes (issue 11), merged into ``labels.LABELS``."""

from __future__ import annotations

Pair = tuple[str, str]

LABELS_I11_JOBS: dict[str, dict[str, Pair]] = {
    "job_kind": {
        "network_summary": ("관계망 요약 (PageRank·핵심도·매개중심성·공동체)", "network summary"),
        "network_growth": ("연도별 관계망 성장", "network growth by year"),
        "indicator_export": ("지표표 내려받기 (엑셀)", "indicator workbook"),
        "yearly_report": ("연간 지표 보고서 (PDF)", "yearly report (PDF)"),
    },
    "job_status": {
        "queued": ("대기 중", "queued"),
        "running": ("계산 중", "running"),
        "done": ("완료", "done"),
        "failed": ("실패", "failed"),
    },
    "job_audience": {
        "pseudonymised": ("분석가용 (가명·작은 칸 가림)", "for analysts"),
        "named": ("담당자용", "for staff"),
    },
}
