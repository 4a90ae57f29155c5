"""Messages of the paperwork pages and services (issue 15: calls, applications, eligibility,
review, consulting and training requests)."""

from __future__ import annotations

MESSAGES_I15_APPLY: dict[str, tuple[str, str]] = {
    "paperwork.forbidden": (
        "공모·신청 업무는 자치구 담당자, 시 관리자, 모임 대표만 할 수 있습니다",
        "calls and applications are for district staff, the city admin and group representatives",
    ),
    "paperwork.call_not_found": ("공모를 찾을 수 없습니다", "call not found"),
    "paperwork.call_forbidden": (
        "이 공모를 열거나 바꿀 권한이 없습니다(자치구 담당자는 자기 자치구 공모만)",
        "you may not open or change this call (district staff: their own district's only)",
    ),
    "paperwork.call_dates": (
        "접수 마감일이 접수 시작일보다 빠릅니다",
        "the closing day is before the opening day",
    ),
    "paperwork.unknown_budget_line": (
        "알 수 없는 예산 항목입니다: {line}",
        "unknown budget line: {line}",
    ),
    "paperwork.bad_ceiling": (
        "{line} 한도는 0 이상이어야 합니다",
        "the ceiling of {line} must be 0 or more",
    ),
    "paperwork.unknown_rule": (
        "알 수 없는 자격 요건입니다: {kind}",
        "unknown eligibility rule: {kind}",
    ),
    "paperwork.no_spec": ("공모의 {kind} 정보가 없습니다", "the call has no {kind}"),
    "paperwork.application_not_found": ("신청서를 찾을 수 없습니다", "application not found"),
    "paperwork.application_forbidden": (
        "이 신청서를 고칠 권한이 없습니다",
        "you may not change this application",
    ),
    "paperwork.call_other_district": (
        "이 공모는 다른 자치구의 공모입니다. 모임의 자치구 공모에 신청하세요",
        "this call belongs to another district; apply to your group's district's call",
    ),
    "paperwork.call_closed": (
        "접수 기간({opens} ~ {closes})이 아닙니다",
        "the call takes applications from {opens} to {closes} only",
    ),
    "paperwork.not_editable": (
        "{status} 상태의 신청서는 고칠 수 없습니다(작성 중이거나 보완 요청된 신청서만)",
        "an application that is {status} cannot be changed (drafts and returned ones only)",
    ),
    "paperwork.rep_person_id": (
        "모임 대표는 참여자를 이름·출생연도·성별로 적습니다(인물 번호는 담당자만)",
        "representatives enter people by name, birth year and gender (person numbers are for staff)",
    ),
    "paperwork.person_incomplete": (
        "참여자 '{name}'의 이름, 출생연도, 성별을 모두 적으세요",
        "enter the name, birth year and gender of '{name}'",
    ),
    "paperwork.person_twice": (
        "'{name}'님이 두 번 적혀 있습니다. 한 사람은 한 번만 적으세요",
        "'{name}' is listed twice; list each person once",
    ),
    "paperwork.lead_required": (
        "대표제안자를 한 명 이상 적으세요",
        "name at least one lead proposer",
    ),
    "paperwork.over_grant_ceiling": (
        "신청 예산 합계 {total}원이 지원 한도 {ceiling}원을 넘습니다",
        "the budget total {total} KRW is over the grant ceiling of {ceiling} KRW",
    ),
    "paperwork.self_share_short": (
        "자부담 {own}원이 필요한 {need}원(지원금의 {percent}%)보다 적습니다",
        "the own contribution {own} KRW is below the {need} KRW required ({percent}% of the grant)",
    ),
    "paperwork.line_not_allowed": (
        "이 공모에서 쓸 수 없는 예산 항목입니다: {line}",
        "this call does not allow the budget line {line}",
    ),
    "paperwork.line_twice": (
        "예산 항목 {line}이(가) 두 번 적혀 있습니다",
        "budget line {line} is listed twice",
    ),
    "paperwork.over_line_ceiling": (
        "{line} {amount}원이 항목 한도 {ceiling}원을 넘습니다",
        "{line}: {amount} KRW is over the line's ceiling of {ceiling} KRW",
    ),
    "paperwork.unknown_partner": (
        "함께하는 모임 번호 {group_id}을(를) 찾을 수 없습니다",
        "partner group {group_id} not found",
    ),
    "paperwork.transition_invalid": (
        "{current} 상태에서 {to} 상태로 바꿀 수 없습니다",
        "an application cannot move from {current} to {to}",
    ),
    "paperwork.transition_forbidden": (
        "{current} 상태의 신청서를 {to} 상태로 바꿀 권한이 없습니다",
        "you may not move an application from {current} to {to}",
    ),
    "paperwork.reason_required": ("사유를 적으세요", "give the reason"),
    "paperwork.use_eligibility_check": (
        "자격 충족·미달은 자격 확인으로 정합니다",
        "eligibility is decided by the eligibility check",
    ),
    "paperwork.use_scoring": (
        "심사 완료는 점수 입력으로 정해집니다",
        "scored follows from entering scores",
    ),
    "paperwork.score_forbidden": (
        "심사 점수는 자치구 담당자와 시 관리자가 입력합니다",
        "scores are entered by district staff and the city admin",
    ),
    "paperwork.not_scorable": (
        "자격 충족 또는 심사 중인 신청서만 점수를 입력할 수 있습니다",
        "only eligible applications can be scored",
    ),
    "paperwork.sheet_items": (
        "심사표의 모든 항목({items})에 점수를 입력하세요",
        "score every item of the sheet ({items})",
    ),
    "paperwork.points_out_of_range": (
        "'{item}' 점수는 0점에서 {high}점 사이여야 합니다",
        "the points for '{item}' must be from 0 to {high}",
    ),
    "paperwork.all_rules_passed": (
        "자격 요건(판 {version})을 모두 충족합니다",
        "meets every eligibility rule (version {version})",
    ),
    "paperwork.bad_form": ("{what} 입력을 확인하세요: {detail}", "check {what}: {detail}"),
    # Eligibility explanations, one per rule outcome.
    "paperwork.rule.min_residents.pass": (
        "자치구 주민 {count}명이 참여합니다(기준 {min}명 이상)",
        "{count} residents of the district take part (at least {min} needed)",
    ),
    "paperwork.rule.min_residents.fail": (
        "자치구 주민이 {count}명뿐입니다(기준 {min}명 이상)",
        "only {count} residents of the district take part (at least {min} needed)",
    ),
    "paperwork.rule.proposers_same_dong.pass": (
        "제안자 {count}명이 모두 {dong}에 삽니다",
        "all {count} proposers live in {dong}",
    ),
    "paperwork.rule.proposers_same_dong.fail": (
        "제안자들이 서로 다른 동에 삽니다: {dongs}",
        "the proposers live in different dongs: {dongs}",
    ),
    "paperwork.rule.proposers_same_dong.unknown": (
        "거주 동을 모르는 제안자가 있습니다: {names}",
        "the home dong of some proposers is unknown: {names}",
    ),
    "paperwork.rule.proposers_same_dong.none": ("제안자가 없습니다", "there are no proposers"),
    "paperwork.rule.no_earlier_support.pass": (
        "모임과 제안자 모두 이전에 {stage} 지원을 받은 적이 없습니다",
        "neither the group nor its proposers had {stage} support before",
    ),
    "paperwork.rule.no_earlier_support.fail": (
        "이미 {stage} 지원을 받았습니다: {projects}",
        "already had {stage} support: {projects}",
    ),
    "paperwork.rule.finished_project.pass": (
        "{stage} 사업을 마쳤습니다: {projects}",
        "finished a {stage} project: {projects}",
    ),
    "paperwork.rule.finished_project.fail": (
        "마친 {stage} 사업이 없습니다",
        "no finished {stage} project",
    ),
    "paperwork.rule.min_groups.pass": (
        "모임 {count}곳이 함께합니다(기준 {min}곳 이상)",
        "{count} groups take part (at least {min} needed)",
    ),
    "paperwork.rule.min_groups.fail": (
        "함께하는 모임이 {count}곳뿐입니다(기준 {min}곳 이상)",
        "only {count} groups take part (at least {min} needed)",
    ),
    "paperwork.rule.previous_year_project.pass": (
        "전년도({year}) {stage} 사업이 있습니다: {projects}",
        "a {stage} project the year before ({year}): {projects}",
    ),
    "paperwork.rule.previous_year_project.fail": (
        "전년도({year})에 {stage} 사업을 하지 않았습니다",
        "no {stage} project the year before ({year})",
    ),
    "account.groups_rep_only": (
        "연결 모임은 모임 대표 계정에만 지정합니다",
        "only group representative accounts are linked to groups",
    ),
    "account.unknown_group": (
        "모임 번호 {group_id}을(를) 찾을 수 없습니다",
        "group {group_id} not found",
    ),
    "account.demo_group_rep": (
        "모임 대표: {group} 모임의 신청·보고·정산",
        "group representative: applications, reports and settlements of {group}",
    ),
    "menu.section.paperwork": ("공모·신청", "calls and applications"),
    "menu.calls": ("공모", "calls for proposals"),
    "menu.applications": ("신청서", "applications"),
}
