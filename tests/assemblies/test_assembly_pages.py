"""The Korean pages (TestClient): staff record an assembly and read turnout and quorum, are told
why an impossible count is refused (nothing written), vote an item, and create a space with an
operator; the city page shows the share of dongs reaching 1%."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from maeul_db.models import GeneralAssembly
from tests.builders import DONG_A, make_person, make_user
from tests.web_login import csrf_token, log_in


def _signed_in(client: TestClient, session: Session) -> str:
    assert log_in(client, make_user(session).username).status_code == 303
    return csrf_token(client.get("/assemblies").text)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_staff_record_an_assembly_and_see_turnout_and_quorum(
    client: TestClient, session: Session
) -> None:
    token = _signed_in(client, session)
    form = {
        "csrf_token": token,
        "dong_code": DONG_A,
        "held_on": "2021-06-12",
        "present": "30",
        "onsite_voters": "25",
        "prevoters": "40",
        "adult_population": "6000",
    }
    refused = client.post("/assemblies", data={**form, "onsite_voters": "31"})
    assert refused.status_code == 422
    assert "현장 투표자 수가 현장 참석자 수보다 많을 수 없습니다" in refused.text
    assert session.exec(select(GeneralAssembly)).all() == []
    saved = client.post("/assemblies", data=form, follow_redirects=False)
    assert saved.status_code == 303, saved.text
    page = _text(client.get(saved.headers["location"]).text)
    # 25 + 40 = 65 voters of 6,000 = 1.08%; 30 + 40 = 70 took part, 60 needed.
    assert "투표자 합계 (현장+사전) 65명" in page
    assert "투표율 1.08%" in page
    assert "충족 (필요 60명, 참여 70명)" in page
    assembly_id = int(saved.headers["location"].split("/")[2].split("?")[0])
    plan = client.post(
        f"/assemblies/{assembly_id}/plans",
        data={"csrf_token": token, "year": "2022", "title": "청운효자 2022"},
        follow_redirects=False,
    )
    assert plan.status_code == 303, plan.text
    plan_url = plan.headers["location"].split("?")[0]
    item = client.post(
        f"{plan_url}/items",
        data={"csrf_token": token, "title": "골목 정원", "budget_source": "resident_tax"},
        follow_redirects=False,
    )
    assert item.status_code == 303, item.text
    item_id = re.search(r'data-item="(\d+)"', client.get(plan_url).text)
    assert item_id
    votes = {"csrf_token": token, "votes_for": "40", "votes_against": "20", "votes_abstain": "6"}
    over = client.post(f"/assemblies/items/{item_id.group(1)}/votes", data=votes)
    assert over.status_code == 422 and "투표자 수(65명)보다 많습니다" in over.text
    votes["votes_abstain"] = "5"
    ok = client.post(f"/assemblies/items/{item_id.group(1)}/votes", data=votes)
    assert ok.status_code == 200  # followed to the plan page
    assert "40 / 20 / 5 (합계 65)" in _text(ok.text) and "가결" in ok.text
    city = _text(client.get("/assemblies/turnout", params={"year": 2021}).text)
    assert "성원(성인 1% 이상 참여)된 동 1개 (100.00%)" in city


def test_staff_create_a_space_with_an_operator(client: TestClient, session: Session) -> None:
    token = _signed_in(client, session)
    make_person(session, name="공간지기")
    space = client.post(
        "/spaces",
        data={
            "csrf_token": token,
            "dong_code": DONG_A,
            "name": "청운 마을활력소",
            "address": "종로구 자하문로",
            "kind": "hub",
            "valid_from": "2019-03-01",
        },
        follow_redirects=False,
    )
    assert space.status_code == 303, space.text
    url = space.headers["location"].split("?")[0]
    added = client.post(
        f"{url}/operators",
        data={"csrf_token": token, "person": "공간지기", "valid_from": "2019-04-01"},
    )
    assert added.status_code == 200
    page = _text(added.text)
    assert "공간지기" in page and "현재 운영자 1 / 3명" in page
    listed = _text(client.get("/spaces").text)
    assert "청운 마을활력소" in listed and "마을활력소" in listed
