"""Words for the paperwork codes (issue 15: calls, applications, review), merged into
``labels.LABELS``."""

from __future__ import annotations

Pair = tuple[str, str]

LABELS_PAPERWORK: dict[str, dict[str, Pair]] = {
    "application_status": {
        "draft": ("작성 중", "draft"),
        "submitted": ("제출", "submitted"),
        "returned": ("보완 요청", "returned for changes"),
        "eligible": ("자격 충족", "eligible"),
        "ineligible": ("자격 미달", "ineligible"),
        "scored": ("심사 완료", "scored"),
        "selected": ("선정", "selected"),
        "not_selected": ("미선정", "not selected"),
        "agreement": ("협약", "agreement"),
        "in_progress": ("사업 진행", "in progress"),
        "report_submitted": ("결과보고 제출", "report submitted"),
        "settled": ("정산 완료", "settled"),
        "closed": ("종료", "closed"),
    },
    "call_spec_kind": {
        "rules": ("자격 요건", "eligibility rules"),
        "sheet": ("심사표", "scoring sheet"),
    },
    # 보조세목-like budget lines a call may allow (each with its own ceiling per call).
    "budget_line": {
        "operating": ("운영비", "operating costs"),
        "materials": ("재료비", "materials"),
        "publicity": ("홍보비", "publicity"),
        "instructor": ("강사비", "instructors"),
        "rent": ("임차료", "rent"),
        "meals": ("식비", "meals"),
        "equipment": ("자산취득비", "equipment"),
    },
    # Columns of the downloadable paperwork lists.
    "paperwork_column": {
        "id": ("번호", "number"),
        "call": ("공모", "call"),
        "group": ("모임", "group"),
        "title": ("사업명", "title"),
        "status": ("상태", "status"),
        "grant": ("신청 지원금(원)", "grant asked (KRW)"),
        "self_cash": ("자부담 현금(원)", "own cash (KRW)"),
        "self_noncash": ("자부담 현금 외(원)", "own in kind (KRW)"),
        "project": ("사업 번호", "project number"),
        "call_title": ("공모명", "call"),
        "district": ("자치구", "district"),
        "programme": ("사업분야", "programme"),
        "stage": ("사업단계", "stage"),
        "year": ("연도", "year"),
        "opens_on": ("접수 시작", "opens"),
        "closes_on": ("접수 마감", "closes"),
        "budget": ("예산(원)", "budget (KRW)"),
        "ceiling": ("지원 한도(원)", "grant ceiling (KRW)"),
        "self_share": ("자부담 비율(%)", "own share (%)"),
        "citywide": ("서울시", "city-wide"),
    },
    # The scoring sheet a new call's form starts from.
    "default_sheet": {
        "plan": ("사업 계획의 충실성", "quality of the plan"),
        "people": ("주민 참여", "residents taking part"),
        "budget": ("예산의 적정성", "soundness of the budget"),
    },
    # Eligibility rule kinds (rules are data: {"kind": ..., parameters}).
    "eligibility_rule": {
        "min_residents": ("주민 수", "residents"),
        "proposers_same_dong": ("제안자 같은 동 거주", "proposers in one dong"),
        "no_earlier_support": ("같은 단계 지원 이력 없음", "no earlier support of the stage"),
        "finished_project": ("이전 단계 사업 완료", "earlier stage finished"),
        "min_groups": ("참여 모임 수", "groups taking part"),
        "previous_year_project": ("전년도 사업 이력", "project the year before"),
    },
}

AUDIT_ENTITIES_PAPERWORK: dict[str, Pair] = {
    "paperwork_call": ("공모", "call for proposals"),
    "paperwork_application": ("신청서", "application"),
    "group_rep_link": ("모임 대표 연결", "representative's group"),
}

FIELDS_PAPERWORK: dict[str, Pair] = {
    "call_id": ("공모", "call"),
    "opens_on": ("접수 시작일", "opening day"),
    "closes_on": ("접수 마감일", "closing day"),
    "budget_krw": ("총 예산", "budget"),
    "grant_ceiling_krw": ("지원 한도", "grant ceiling"),
    "self_share_percent": ("자부담 비율", "own contribution share"),
    "budget_lines": ("예산 항목 한도", "budget line ceilings"),
    "required_documents": ("제출 서류", "required documents"),
    "rules": ("자격 요건", "eligibility rules"),
    "sheet": ("심사표", "scoring sheet"),
    "summary": ("사업 내용", "summary"),
    "people": ("제안자·참여자", "proposers and members"),
    "budget": ("예산", "budget"),
    "partner_group_ids": ("함께하는 모임", "partner groups"),
    "points": ("심사 점수", "scores"),
    "to": ("상태", "status"),
    "group_ids": ("연결 모임", "linked groups"),
}
