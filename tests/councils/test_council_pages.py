"""The council pages through the web door: found a council, appoint (one refused for missing
training, with the reason on the page), run a draw, read the page as of a past date (both
databases)."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.assemblies import service as assembly_service
from maeul_db.assemblies.schemas import AssemblyCreate
from maeul_db.models import Role
from tests.builders import (
    DONG_A,
    complete_program,
    make_council,
    make_person,
    make_program,
    make_user,
)
from tests.web_login import csrf_token, log_in


def _post(client: TestClient, page: str, url: str, data: dict[str, str]) -> object:
    token = csrf_token(client.get(page).text)
    return client.post(url, data={**data, "csrf_token": token}, follow_redirects=False)


def test_staff_found_a_council_appoint_draw_and_read_the_past(
    client: TestClient, session: Session
) -> None:
    staff = make_user(session, role=Role.district_staff)
    school = make_program(session, stage="council_school", hours=(6,))
    trained = make_person(session, name="이수한위원", gender="F")
    untrained = make_person(session, name="미이수주민", gender="M")
    complete_program(session, program=school, person=trained, on=date(2020, 2, 1))
    assert log_in(client, staff.username).status_code == 303
    created = _post(
        client,
        "/councils",
        "/councils",
        {"dong_code": DONG_A, "founded_on": "2020-03-01", "term_years": "2"},
    )
    assert created.status_code == 303  # type: ignore[attr-defined]
    url = created.headers["location"].split("?")[0]  # type: ignore[attr-defined]
    refused = _post(
        client,
        url,
        f"{url}/seats",
        {"person_id": str(untrained.id), "chosen_by": "open_call", "valid_from": "2020-04-01"},
    )
    assert refused.status_code == 422  # type: ignore[attr-defined]
    assert "주민자치학교 6시간 이수가 필요합니다" in refused.text  # type: ignore[attr-defined]
    seated = _post(
        client,
        url,
        f"{url}/seats",
        {
            "person_id": str(trained.id),
            "role": "chair",
            "chosen_by": "open_call",
            "valid_from": "2020-04-01",
            "last_day": "2020-12-31",
        },
    )
    assert seated.status_code == 303  # type: ignore[attr-defined]
    # One member, a woman: 100% one gender, reported as a warning from that day.
    page = client.get(seated.headers["location"]).text  # type: ignore[attr-defined]
    assert "구성 기준 위반" in page and "이수한위원" in page and "위원장" in page
    # After the seat ended the council has no members; on a past date it had one.
    later = client.get(f"{url}?as_of=2021-06-01").text
    assert "위원 (2021. 6. 1. 기준 0명)" in later
    past = client.get(f"{url}?as_of=2020-06-01").text
    assert "위원 (2020. 6. 1. 기준 1명)" in past
    # A draw among applicants: only the trained one takes part.
    for person in (trained, untrained):
        applied = _post(
            client,
            url,
            f"{url}/applicants",
            {"person_id": str(person.id), "applied_on": "2021-02-01", "term_start": "2022-03-01"},
        )
        assert applied.status_code == 303  # type: ignore[attr-defined]
    drawn = _post(
        client,
        url,
        f"{url}/draws",
        {
            "term_start": "2022-03-01",
            "drawn_on": "2022-02-10",
            "women_seats": "1",
            "men_seats": "1",
            "seed": "seed-1",
        },
    )
    assert drawn.status_code == 303  # type: ignore[attr-defined]
    page = client.get(url).text
    assert "seed-1" in page and "같은 시드로 다시 추첨하면 같은 결과입니다" in page
    assert "미이수: 추첨 제외" in page


def test_council_page_lists_the_dongs_assemblies(client: TestClient, session: Session) -> None:
    """The council's page shows its dong's general assemblies with turnout against the adults."""
    staff = make_user(session, role=Role.district_staff)
    council = make_council(session)
    # 30 on site (25 voted) + 15 pre-voters of 2,000 adults: 40 voters, 2.00%; quorum 20 met.
    held = assembly_service.create(
        session,
        user=staff,
        data=AssemblyCreate(
            dong_code=council.dong_code,
            held_on=date(2022, 6, 11),
            present=30,
            onsite_voters=25,
            prevoters=15,
            adult_population=2000,
        ),
    )
    assert log_in(client, staff.username).status_code == 303
    page = client.get(f"/councils/{council.id}")
    assert page.status_code == 200
    section = page.text.split('id="assemblies"')[1].split("<h2")[0]
    assert f'href="/assemblies/{held.id}"' in section and "2022년 주민총회" in section
    assert "40명" in section and "2.00%" in section and "충족" in section
