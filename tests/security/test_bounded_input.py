"""Bounded input (issue 9, item 7): oversized integers, NUL bytes, absurd periods and dates,
huge imports and huge echoed values are refused with a 422, never a 500 or minutes of work,
on SQLite and PostgreSQL."""

from __future__ import annotations

import time
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.config import get_settings
from maeul_db.errors import InvalidInput
from maeul_db.imports.parse import parse
from maeul_db.kit import time as clock
from maeul_db.models import Role
from tests.builders import bearer, make_person, make_project, make_user
from tests.imports.roster import csv_bytes, roster_rows, xlsx_bytes
from tests.web_login import csrf_token, log_in

HUGE = 2**63
PERSON = {"name": "박지훈", "gender": "M", "birth_year": 1990}


def _staff(client: TestClient, session: Session) -> dict[str, str]:
    return bearer(client, make_user(session).username)


@pytest.mark.parametrize("number", [2**31, HUGE, -(2**63) - 1, 10**30])
def test_huge_path_id_is_a_422(client: TestClient, session: Session, number: int) -> None:
    headers = _staff(client, session)
    for url in (f"/api/people/{number}", f"/api/projects/{number}", f"/api/groups/{number}"):
        response = client.get(url, headers=headers)
        assert response.status_code == 422, (url, response.text)
    assert client.get("/api/people/1", headers=headers).status_code == 404  # in range: looked up


def test_huge_query_id_is_a_422(client: TestClient, session: Session) -> None:
    admin = bearer(client, make_user(session, role=Role.city_admin).username)
    response = client.get(f"/api/access-log?person_id={HUGE}", headers=admin)
    assert response.status_code == 422


def test_huge_integer_in_a_body_is_a_422(client: TestClient, session: Session) -> None:
    headers = _staff(client, session)
    project = make_project(session)
    for body in ({"person_id": HUGE, "valid_from": "2024-03-01"},):
        response = client.post(
            f"/api/projects/{project.id}/participants", headers=headers, json=body
        )
        assert response.status_code == 422, response.text
    response = client.patch(
        f"/api/projects/{project.id}", headers=headers, json={"grant_krw": HUGE}
    )
    assert response.status_code == 422
    assert response.json()["code"] == "input.number_out_of_range"


def test_nul_byte_in_a_name_is_a_422(client: TestClient, session: Session) -> None:
    headers = _staff(client, session)
    response = client.post("/api/people", headers=headers, json={**PERSON, "name": "박\x00지훈"})
    assert response.status_code == 422 and response.json()["code"] == "input.control_character"
    assert client.get("/api/people?q=%00", headers=headers).status_code == 422


def test_nul_byte_in_a_web_form_is_a_422(client: TestClient, session: Session) -> None:
    assert log_in(client, make_user(session).username).status_code == 303
    token = csrf_token(client.get("/people/new").text)
    form = {"name": "정새\x00봄", "gender": "F", "birth_year": "1985", "csrf_token": token}
    assert client.post("/people/new", data=form, follow_redirects=False).status_code == 422


def test_tab_and_newline_stay_allowed(client: TestClient, session: Session) -> None:
    headers = _staff(client, session)
    project = make_project(session)
    body = {"reason": "잘못 입력\n다시\t확인"}
    person = make_person(session)
    created = client.post(
        f"/api/projects/{project.id}/participants",
        headers=headers,
        json={"person_id": person.id, "valid_from": "2024-03-01"},
    )
    assert created.status_code == 201, created.text
    voided = client.post(
        f"/api/projects/participations/{created.json()['id']}/void", headers=headers, json=body
    )
    assert voided.status_code == 200, voided.text


@pytest.mark.parametrize("day", ["0001-01-01", "1949-12-31", "9999-12-31"])
def test_fact_dates_outside_the_window_are_refused(
    client: TestClient, session: Session, day: str
) -> None:
    headers = _staff(client, session)
    project = make_project(session)
    person = make_person(session)
    body = {"person_id": person.id, "valid_from": day}
    response = client.post(f"/api/projects/{project.id}/participants", headers=headers, json=body)
    assert response.status_code == 422 and response.json()["code"] == "input.date_out_of_range"
    group = {"name": "모임", "founded_on": day}
    assert client.post("/api/groups", headers=headers, json=group).status_code == 422


def test_fact_window_ends_with_next_year() -> None:
    with clock.frozen_at(clock.now().replace(year=2026, month=6, day=1)):
        clock.check_fact_date(date(2027, 12, 31), field="valid_from")
        clock.check_fact_date(date(1950, 1, 1), field="valid_from")
        with pytest.raises(InvalidInput):
            clock.check_fact_date(date(2028, 1, 1), field="valid_from")


def test_growth_attack_period_is_refused_fast(client: TestClient, session: Session) -> None:
    admin = bearer(client, make_user(session, role=Role.city_admin).username)
    started = time.monotonic()
    response = client.get(
        "/api/analytics/graph/growth?from=1996-10-30&to=9535-10-09", headers=admin
    )
    assert response.status_code == 422 and time.monotonic() - started < 5
    assert response.json()["code"] == "input.period_out_of_range"


@pytest.mark.parametrize(
    "start,end,code",
    [
        (date(1960, 1, 1), date(2011, 1, 1), "input.period_too_long"),
        (date(1899, 12, 31), date(1900, 6, 1), "input.period_out_of_range"),
        (date(2020, 1, 1), date(2019, 12, 31), "input.period_reversed"),
    ],
)
def test_period_rule(start: date, end: date, code: str) -> None:
    with pytest.raises(InvalidInput) as info:
        clock.check_period(start, end)
    assert info.value.code == code
    clock.check_period(date(1961, 1, 1), date(2011, 1, 1))  # exactly 50 years: allowed


def test_every_analytics_entry_point_applies_the_period_rule(
    client: TestClient, session: Session
) -> None:
    admin = bearer(client, make_user(session, role=Role.city_admin).username)
    person = make_person(session)
    period = "from=1900-01-01&to=2100-01-01"
    for url in (
        f"/api/analytics/kpi?{period}",
        f"/api/analytics/graph/summary?{period}",
        f"/api/analytics/graph/growth?{period}",
        f"/api/analytics/graph/export?{period}&format=csv",
        f"/api/analytics/people/{person.id}/ego?{period}",
        "/api/analytics/ladder?as_of=9999-01-01",
    ):
        assert client.get(url, headers=admin).status_code == 422, url


def test_import_over_the_row_limit_is_refused(
    client: TestClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "import_max_rows", 5)
    headers = _staff(client, session)
    files = {"file": ("명단.csv", csv_bytes(roster_rows(6)), "text/csv")}
    response = client.post("/api/imports", headers=headers, files=files)
    assert response.status_code == 422 and response.json()["code"] == "input.too_many_rows"
    assert "5" in response.json()["message"]
    files = {"file": ("명단.csv", csv_bytes(roster_rows(5)), "text/csv")}
    assert client.post("/api/imports", headers=headers, files=files).status_code == 201


def test_xlsx_over_the_row_limit_is_refused_before_reading() -> None:
    with pytest.raises(InvalidInput) as info:
        parse(xlsx_bytes(roster_rows(6)), "명단.xlsx", max_rows=5)
    assert info.value.code == "input.too_many_rows"
    assert len(list(parse(xlsx_bytes(roster_rows(5)), "명단.xlsx", max_rows=5).rows)) == 5


def test_row_limit_default_is_200000() -> None:
    assert type(get_settings()).model_fields["import_max_rows"].default == 200_000


def test_a_422_echoes_only_an_excerpt(client: TestClient, session: Session) -> None:
    headers = _staff(client, session)
    huge = "가" * 100_000
    for body in ({**PERSON, "name": huge}, {**PERSON, "phone": "1" * 100_000}, {"x": huge}):
        response = client.post("/api/people", headers=headers, json=body)
        assert response.status_code == 422
        assert len(response.text) < 2_000, len(response.text)


def test_a_web_422_echoes_only_an_excerpt(client: TestClient, session: Session) -> None:
    assert log_in(client, make_user(session).username).status_code == 303
    for value in ("9" * 5_000, "x" * 5_000):  # out of range; not a number at all
        response = client.get(f"/people/{value}/edit", follow_redirects=False)
        assert response.status_code == 422 and value[:100] not in response.text


def test_bare_body_dates_are_in_the_fact_window_too(session: Session) -> None:
    """The two dates posted outside an input schema (withdrawal, end of a placement)."""
    from maeul_db.experts import service as experts
    from maeul_db.training import service as training

    admin = make_user(session, role=Role.city_admin)
    with pytest.raises(InvalidInput) as withdrawn:
        training.withdraw(session, user=admin, enrolment_id=1, on=date(9999, 12, 31))
    with pytest.raises(InvalidInput) as closed:
        experts.close(session, user=admin, placement_id=1, valid_to=date(1, 1, 1))
    assert withdrawn.value.code == closed.value.code == "input.date_out_of_range"
