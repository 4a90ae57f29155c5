"""Messages of analytics (indicators, ladder, networks, map) and of the demo data."""

from __future__ import annotations

MESSAGES_ANALYTICS: dict[str, tuple[str, str]] = {
    # Analytics (analytics/)
    "analytics.forbidden": ("분석 기능을 사용할 권한이 없습니다", "your role cannot use analytics"),
    "analytics.other_district": (
        "다른 자치구의 분석은 볼 수 없습니다",
        "cannot analyse another district",
    ),
    "analytics.person_not_in_scope": (
        "분석 범위에서 이 사람을 찾을 수 없습니다",
        "the person is not in your analysis scope",
    ),
    "analytics.bad_radius": ("반경은 1 또는 2입니다", "the radius is 1 or 2"),
    "analytics.unknown_graph": (
        "그래프 종류는 {kinds} 중 하나입니다",
        "the graph kind is one of {kinds}",
    ),
    "analytics.period_reversed": (
        "기간의 끝이 시작보다 앞설 수 없습니다",
        "the period ends before it starts",
    ),
    "analytics.unknown_district": ("알 수 없는 자치구입니다", "unknown district"),
    "analytics.city_name": ("서울특별시", "Seoul"),
    "analytics.backend_unavailable": (
        "MAEUL_NETWORKX_BACKEND={backend}: networkx 백엔드가 설치되어 있지 않습니다 ({detail}); "
        "설치하거나(예: 'parallel'은 `pip install nx-parallel`) 설정을 지우세요",
        "MAEUL_NETWORKX_BACKEND={backend}: networkx backend not installed ({detail}); install "
        "it (e.g. `pip install nx-parallel` for 'parallel') or unset the setting",
    ),
    "analytics.kpi_title": ("지표 {start} ~ {end}", "indicators {start} to {end}"),
    "analytics.column_indicator": ("지표", "indicator"),
    "analytics.column_value": ("값", "value"),
    "analytics.by_gender": (
        "{total} (여 {female} / 남 {male})",
        "{total} (female {female} / male {male})",
    ),
    "analytics.population_share": ("인구 대비 참여율", "share of the population"),
    "analytics.council_members": ("주민자치회 위원", "resident council members"),
    "analytics.council_with_projects": (
        "  사업 경험 있는 위원",
        "  members with project experience",
    ),
    "analytics.experts_placed": ("마을자치전문가 배치 / 목표", "experts placed / target"),
    "analytics.spread": ("격차: {metric}", "spread: {metric}"),
    "analytics.ratio": ("{ratio}배", "{ratio}x"),
    "analytics.suppressed_note": (
        "* {threshold}명 미만 칸은 가려졌고, 나머지 인원은 {threshold}명 단위로 반올림했습니다",
        "* cells under {threshold} people are suppressed; other counts are rounded to multiples "
        "of {threshold}",
    ),
    # Demo data (demo/)
    "demo.production_refused": (
        "운영 환경에서는 데모 자료를 만들 수 없습니다",
        "demo data is refused when MAEUL_ENVIRONMENT=production",
    ),
    "demo.skipped_occupied": (
        "데모 자료를 건너뜁니다: 이미 자료가 있습니다 ({tables})",
        "skipped: the database already holds data ({tables})",
    ),
    "demo.no_schema": (
        "데이터베이스에 표가 없습니다 (`maeul-db db upgrade`와 `maeul-db refdata load`를 먼저 실행하세요)",
        "the database has no tables; run `maeul-db db upgrade` and `maeul-db refdata load` first",
    ),
    "demo.no_refdata": (
        "자치구·행정동 참조자료가 없습니다 (`maeul-db refdata load`를 실행하세요)",
        "no districts/dongs loaded; run `maeul-db refdata load`",
    ),
    "demo.unknown_scale": (
        "알 수 없는 규모: {name} ({scales} 중 하나)",
        "unknown scale {name}; use one of {scales}",
    ),
    "demo.tables_occupied": (
        "데모 자료를 만들 표에 이미 자료가 있습니다: {tables} (--replace로 지우고 새로 만드세요)",
        "tables already hold data: {tables}; run with --replace to delete it and generate anew",
    ),
    "demo.more_tables": (" 외 {count}개", " and {count} more"),
    "demo.linked_accounts": (
        "인물과 연결된 계정 {count}개가 있어 데모 자료를 지울 수 없습니다: {usernames} "
        "(계정을 지우거나 새 데이터베이스에서 --replace 하세요)",
        "{count} account(s) point at people, e.g. the demo expert login ({usernames}); remove "
        "them or start from a new database before --replace",
    ),
}
