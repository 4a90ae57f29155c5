"""Builders for the paperwork tests: a call through the service, a representative linked to a
group, an application's content."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session

from maeul_db.models import Call, Group, GroupRepLink, Role, Stage, UserAccount
from maeul_db.paperwork import calls
from maeul_db.paperwork.schemas import CallCreate
from tests.builders import DISTRICT_A, DONG_A, make_user

# Wide open, so a representative may apply whatever day the test runs.
OPEN = date(2020, 1, 1)
CLOSE = date(2027, 12, 31)
SHEET = [
    {"key": "plan", "label": "계획", "max": 40},
    {"key": "people", "label": "참여", "max": 30},
    {"key": "budget", "label": "예산", "max": 30},
]


def make_call(session: Session, user: UserAccount, **overrides: Any) -> Call:
    values: dict[str, Any] = {
        "title": "2025 이웃만들기 공모",
        "district_code": DISTRICT_A,
        "stage": Stage.group_formation,
        "year": 2025,
        "opens_on": OPEN,
        "closes_on": CLOSE,
        "budget_krw": 10_000_000,
        "grant_ceiling_krw": 1_000_000,
        "self_share_percent": 10,
        "budget_lines": {"operating": 500_000, "materials": 400_000, "publicity": 0},
        "required_documents": ["사업계획서"],
        "rules": [
            {"kind": "min_residents", "min": 3},
            {"kind": "proposers_same_dong"},
            {"kind": "no_earlier_support", "stage": "group_formation"},
        ],
        "sheet": SHEET,
    }
    values.update(overrides)
    return calls.create(session, user=user, data=CallCreate.model_validate(values))


def make_rep(session: Session, *groups: Group) -> UserAccount:
    rep = make_user(session, role=Role.group_rep, district_code=None)
    session.add_all([GroupRepLink(account_id=rep.id, group_id=g.id) for g in groups])
    session.flush()
    return rep


def person(
    name: str, role: str = "participant", dong: str | None = DONG_A, year: int = 1980
) -> dict[str, Any]:
    return {"name": name, "birth_year": year, "gender": "F", "home_dong_code": dong, "role": role}


def application_data(call: Call, group: Group, **overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "call_id": call.id,
        "group_id": group.id,
        "title": f"{group.name} 이웃 밥상",
        "summary": "이웃과 함께 밥을 짓습니다",
        "self_cash_krw": 100_000,
        "people": [
            person("김대표", "lead_proposer"),
            person("이공동", "co_proposer"),
            person("박참여"),
        ],
        "budget": [
            {"line": "operating", "amount_krw": 500_000},
            {"line": "materials", "amount_krw": 300_000},
        ],
    }
    values.update(overrides)
    return values
