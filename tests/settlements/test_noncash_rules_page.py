"""The non-cash rates page: staff read every version by the year it starts; the city admin adds a
version from a later year; a year already valued is refused with the reason on the field and
nothing changes; bad input is shown per field; staff may not change a rate."""

from __future__ import annotations

from decimal import Decimal

from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from maeul_db.models import NoncashKind, NoncashRule, Role
from maeul_db.settlements import service as settlement_service
from maeul_db.settlements.schemas import NoncashCreate
from tests.builders import make_project, make_user
from tests.web_login import csrf_token, log_in

PATH = "/settlements/noncash-rules"


def _form(client: TestClient, year: str, share: str = "50") -> dict[str, str]:
    return {
        "csrf_token": csrf_token(client.get(PATH).text),
        "effective_year": year,
        "volunteer_hourly_krw": "10030",
        "professional_hourly_cap_krw": "60000",
        "recognised_share_pct": share,
    }


def _years(session: Session) -> list[int]:
    stmt = select(NoncashRule.effective_year).order_by(col(NoncashRule.effective_year))
    return list(session.exec(stmt).all())


def test_the_admin_adds_a_version_and_earlier_years_keep_theirs(
    client: TestClient, session: Session
) -> None:
    admin = make_user(session, role=Role.city_admin)
    project = make_project(session, year=2023, grant_krw=1_000_000)
    assert project.id is not None
    # A 2023 contribution, valued by the 2022 rule (9,160 won an hour).
    row = settlement_service.add_noncash(
        session,
        user=admin,
        project_id=project.id,
        data=NoncashCreate(
            kind=NoncashKind.volunteer_labour, description="자원활동", hours=Decimal(10)
        ),
    )
    assert row.value_krw == 91_600
    before = _years(session)
    assert log_in(client, admin.username).status_code == 303
    refused = client.post(PATH, data=_form(client, "2023"))
    assert refused.status_code == 422
    assert "2023년까지 이미 환산한 기록이 있어" in refused.text
    assert _years(session) == before
    saved = client.post(PATH, data=_form(client, "2024"), follow_redirects=False)
    assert saved.status_code == 303
    page = client.get(PATH)
    assert "2024년부터" in page.text and "10,030원" in page.text
    session.expire_all()
    assert _years(session) == [*before, 2024]
    session.refresh(row)
    assert (row.value_krw, row.rule_year) == (91_600, 2022)


def test_bad_input_is_shown_per_field(client: TestClient, session: Session) -> None:
    admin = make_user(session, role=Role.city_admin)
    before = _years(session)
    assert log_in(client, admin.username).status_code == 303
    response = client.post(PATH, data=_form(client, "2030", share="150"))
    assert response.status_code == 422
    assert 'id="recognised_share_pct-error"' in response.text
    assert _years(session) == before


def test_staff_read_the_rates_but_may_not_change_them(client: TestClient, session: Session) -> None:
    staff = make_user(session)
    before = _years(session)
    assert log_in(client, staff.username).status_code == 303
    page = client.get(PATH)
    assert page.status_code == 200 and "2022년부터" in page.text and "새 기준 추가" not in page.text
    assert client.post(PATH, data=_form(client, "2030")).status_code == 403
    assert _years(session) == before
