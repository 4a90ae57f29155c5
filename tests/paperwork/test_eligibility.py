"""Eligibility computed from crafted histories: one history per rule that passes and one that
fails, each with its explanation text; and the whole check through the service, stored with the
rule version."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session

from maeul_db.models import ApplicationStatus, ParticipationRole, Role, Stage
from maeul_db.paperwork import applications, calls, eligibility, review
from maeul_db.paperwork.rules import Entry, History, PastProject, evaluate
from maeul_db.paperwork.schemas import ApplicationCreate, RuleSpec
from tests.builders import (
    DISTRICT_A,
    DONG_A,
    make_group,
    make_participation,
    make_person,
    make_project,
    make_user,
)
from tests.paperwork.helpers import application_data, make_call, person

LEAD, CO, MEMBER = (
    ParticipationRole.lead_proposer,
    ParticipationRole.co_proposer,
    ParticipationRole.participant,
)
OTHER_DONG = "1111053000"  # 사직동 (종로구)
OUTSIDE = "1114052000"  # 소공동 (중구)


def _history(**overrides: object) -> History:
    values: dict[str, object] = {
        "year": 2025,
        "district_code": DISTRICT_A,
        "stage": Stage.group_formation,
        "today": date(2025, 3, 1),
        "people": [],
        "group_count": 1,
        "dong_names": {DONG_A: "청운효자동", OTHER_DONG: "사직동"},
    }
    values.update(overrides)
    return History(**values)  # type: ignore[arg-type]


def _one(rule: dict[str, object], history: History) -> tuple[bool, str]:
    [(_, outcome)] = evaluate([rule], history)
    return outcome.passed, eligibility.explain(outcome.code, outcome.params)


def _entry(name: str, role: ParticipationRole = MEMBER, dong: str | None = DONG_A) -> Entry:
    return Entry(name, role, dong, name)


def test_min_residents_counts_only_people_living_in_the_district() -> None:
    people = [
        _entry("가"),
        _entry("나", dong=OTHER_DONG),
        _entry("다", dong=OUTSIDE),
        _entry("라", dong=None),
    ]
    assert _one({"kind": "min_residents", "min": 3}, _history(people=people)) == (
        False,
        "자치구 주민이 2명뿐입니다(기준 3명 이상)",
    )
    people.append(_entry("마"))
    assert _one({"kind": "min_residents", "min": 3}, _history(people=people)) == (
        True,
        "자치구 주민 3명이 참여합니다(기준 3명 이상)",
    )


def test_proposers_same_dong() -> None:
    same = [_entry("가", LEAD), _entry("나", CO), _entry("다", MEMBER, OTHER_DONG)]
    assert _one({"kind": "proposers_same_dong"}, _history(people=same)) == (
        True,
        "제안자 2명이 모두 청운효자동에 삽니다",
    )
    apart = [_entry("가", LEAD), _entry("나", CO, OTHER_DONG)]
    assert _one({"kind": "proposers_same_dong"}, _history(people=apart)) == (
        False,
        "제안자들이 서로 다른 동에 삽니다: 청운효자동, 사직동",
    )
    unknown = [_entry("가", LEAD), _entry("나", CO, None)]
    assert _one({"kind": "proposers_same_dong"}, _history(people=unknown)) == (
        False,
        "거주 동을 모르는 제안자가 있습니다: 나",
    )


def test_no_earlier_support_of_the_stage() -> None:
    rule = {"kind": "no_earlier_support", "stage": "group_formation"}
    later = PastProject("올해 사업", Stage.group_formation, 2025, None)
    other_stage = PastProject("활동 사업", Stage.activity_support, 2022, None)
    assert _one(rule, _history(projects=[later, other_stage])) == (
        True,
        "모임과 제안자 모두 이전에 모임형성 지원을 받은 적이 없습니다",
    )
    earlier = PastProject("이웃 밥상", Stage.group_formation, 2021, date(2021, 11, 30))
    assert _one(rule, _history(proposer_projects=[earlier])) == (
        False,
        "이미 모임형성 지원을 받았습니다: 이웃 밥상(2021)",
    )


def test_finished_group_formation_for_activity_support() -> None:
    rule = {"kind": "finished_project", "stage": "group_formation"}
    running = PastProject("진행 중", Stage.group_formation, 2025, date(2025, 11, 30))
    assert _one(rule, _history(projects=[running])) == (False, "마친 모임형성 사업이 없습니다")
    done = PastProject("마친 사업", Stage.group_formation, 2024, date(2024, 11, 30))
    assert _one(rule, _history(projects=[running, done])) == (
        True,
        "모임형성 사업을 마쳤습니다: 마친 사업(2024)",
    )


@pytest.mark.parametrize(
    ("need", "groups", "expected"),
    [
        (3, 3, (True, "모임 3곳이 함께합니다(기준 3곳 이상)")),
        (4, 3, (False, "함께하는 모임이 3곳뿐입니다(기준 4곳 이상)")),
    ],
)
def test_village_network_groups(need: int, groups: int, expected: tuple[bool, str]) -> None:
    assert _one({"kind": "min_groups", "min": need}, _history(group_count=groups)) == expected


def test_agenda_execution_needs_a_network_project_the_year_before() -> None:
    rule = {"kind": "previous_year_project", "stage": "village_network"}
    two_years = PastProject("연계망", Stage.village_network, 2023, None)
    assert _one(rule, _history(projects=[two_years])) == (
        False,
        "전년도(2024)에 마을연계망 사업을 하지 않았습니다",
    )
    last_year = PastProject("연계망2", Stage.village_network, 2024, None)
    assert _one(rule, _history(projects=[two_years, last_year])) == (
        True,
        "전년도(2024) 마을연계망 사업이 있습니다: 연계망2(2024)",
    )


def test_check_stores_explanations_and_the_rule_version(session: Session) -> None:
    staff = make_user(session)
    group = make_group(session)
    call = make_call(session, staff)
    # A proposer who led a group-formation project of another group in 2021.
    veteran = make_person(session, name="김대표", birth_year=1970, home_dong_code=DONG_A)
    earlier = make_project(session, name="예전 밥상", year=2021, stage=Stage.group_formation)
    make_participation(session, project=earlier, person=veteran, role=LEAD)
    people = [
        {"person_id": veteran.id, "role": "lead_proposer"},
        person("이공동", "co_proposer"),
        person("박참여", dong=OUTSIDE),
    ]
    data = ApplicationCreate.model_validate(application_data(call, group, people=people))
    app = applications.create(session, user=staff, data=data)
    checked = review.check_eligibility(session, user=staff, application_id=app.id)
    assert checked.status == ApplicationStatus.ineligible
    assert checked.eligibility_version == 1
    assert [r["explanation"] for r in checked.eligibility or []] == [
        "자치구 주민이 2명뿐입니다(기준 3명 이상)",
        "제안자 2명이 모두 청운효자동에 삽니다",
        "이미 모임형성 지원을 받았습니다: 예전 밥상(2021)",
    ]
    # A new version of the rules (2 residents; the earlier-support rule dropped) is used from now
    # on; the first result keeps naming version 1 in the history.
    calls.revise(
        session,
        user=staff,
        call_id=call.id,
        rules=[RuleSpec(kind="min_residents", min=2), RuleSpec(kind="proposers_same_dong")],
    )
    review.change_status(
        session, user=staff, application_id=app.id, to=ApplicationStatus.returned, reason="재검토"
    )
    review.change_status(session, user=staff, application_id=app.id, to=ApplicationStatus.submitted)
    again = review.check_eligibility(session, user=staff, application_id=app.id)
    assert again.status == ApplicationStatus.eligible and again.eligibility_version == 2
    assert make_user(session, role=Role.analyst) is not None
