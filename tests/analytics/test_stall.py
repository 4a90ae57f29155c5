"""Where people stall on the growth ladder, on hand-built rows; the answers are worked out below."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.analytics import ladder, stall
from maeul_db.analytics.queries import LadderFacts, PartRow, PersonFact
from maeul_db.models import Gender, Role
from tests.builders import bearer, make_participation, make_person, make_project, make_user
from tests.web_login import log_in

AS_OF = date(2021, 12, 31)  # with a 2-year window the cut-off is 2019-12-31 (inclusive)


def _row(
    person: int, project: int, role: str, day: date, district: str, gender: str, born: int
) -> PartRow:
    return PartRow(person, project, role, district, day, gender, born, "group_formation", day.year)


# s1 participant since 2018 (stalled); s2 participant 2018, second project 2020 (repeat since
# 2020: not stalled); s3 participant on the cut-off day itself (stalled); s4 one day after it (not);
# s5 lead proposer since 2017 (stalled at lead); s6 project 2016 then a council seat in 11110 in
# 2019 (stalled at council, district of the seat); s7 council seat only, no birth year (stalled,
# age unknown); s8 starts after AS_OF (not on the ladder yet).
PARTS = [
    _row(1, 10, "participant", date(2018, 4, 1), "11110", "F", 1980),
    _row(2, 10, "participant", date(2018, 4, 1), "11110", "F", 1985),
    _row(2, 20, "participant", date(2020, 5, 1), "11140", "F", 1985),
    _row(3, 30, "participant", date(2019, 12, 31), "11140", "M", 1995),
    _row(4, 40, "participant", date(2020, 1, 1), "11140", "M", 1990),
    _row(5, 50, "lead_proposer", date(2017, 3, 1), "11110", "M", 1960),
    _row(6, 60, "participant", date(2016, 5, 1), "11140", "X", 2003),
    _row(8, 80, "participant", date(2022, 1, 1), "11110", "F", 1980),
]
FACTS = LadderFacts(
    parts=PARTS,
    council=[
        PersonFact(6, "11110", "X", date(2019, 6, 1)),
        PersonFact(7, "11140", "F", date(2018, 1, 1)),
    ],
    trained_expert=[],
    placed_expert=[],
    certificate=[],
)


def _tables(years: int) -> dict[str, dict[str, dict[str, int]]]:
    stuck = stall.stalled(ladder.reached(FACTS), as_of=AS_OF, years=years)
    return stall.stall_tables(stuck, stall.profiles(FACTS, as_of=AS_OF))


def test_stalled_two_years_by_rung() -> None:
    stuck = stall.stalled(ladder.reached(FACTS), as_of=AS_OF, years=2)
    named = {person: ladder.RUNGS[rung] for person, rung in stuck.items()}
    assert named == {
        1: "participant",
        3: "participant",
        5: "lead_proposer",
        6: "council_or_space",
        7: "council_or_space",
    }


def test_stall_tables_by_district_gender_age() -> None:
    tables = _tables(2)
    assert tables["by_district"] == {
        "participant": {"11110": 1, "11140": 1},
        "lead_proposer": {"11110": 1},
        "council_or_space": {"11110": 1, "11140": 1},
    }
    assert tables["by_gender"] == {
        "participant": {"female": 1, "male": 1},
        "lead_proposer": {"male": 1},
        "council_or_space": {"female": 1, "unstated": 1},
    }
    # Ages on 2021: s1 41, s3 26, s5 61, s6 18, s7 unknown.
    assert tables["by_age_band"] == {
        "participant": {"20s": 1, "40s": 1},
        "lead_proposer": {"60s": 1},
        "council_or_space": {"under_20": 1, "unknown": 1},
    }


def test_stall_one_year_window_adds_later_rungs() -> None:
    # Cut-off 2020-12-31: s2 (repeat since 2020-05-01) and s4 (participant since 2020-01-01) join.
    assert _tables(1)["by_gender"] == {
        "participant": {"female": 1, "male": 2},
        "repeat_participant": {"female": 1},
        "lead_proposer": {"male": 1},
        "council_or_space": {"female": 1, "unstated": 1},
    }


def test_years_before_leap_day() -> None:
    assert stall.years_before(date(2024, 2, 29), 1) == date(2023, 2, 28)
    assert stall.years_before(date(2021, 12, 31), 2) == date(2019, 12, 31)


def _six_since_2017(session: Session) -> None:
    """Five women and one man, born 1980, in one 2017 project and nothing since."""
    project = make_project(session, year=2017)
    for gender in [Gender.female] * 5 + [Gender.male]:
        make_participation(
            session,
            project=project,
            person=make_person(session, gender=gender),
            valid_from=date(2017, 4, 1),
        )


def test_stalls_api_suppresses_for_analysts(client: TestClient, session: Session) -> None:
    _six_since_2017(session)
    analyst = make_user(session, role=Role.analyst)
    admin = make_user(session, role=Role.city_admin)
    url = "/api/analytics/ladder?as_of=2019-12-31&stall_years=2"
    full = client.get(url, headers=bearer(client, admin.username)).json()["stalls"]
    assert full["by_rung"] == {"participant": 6}
    assert full["by_gender"] == {"participant": {"female": 5, "male": 1}}
    assert full["suppressed"] is False
    hidden = client.get(url, headers=bearer(client, analyst.username)).json()["stalls"]
    assert hidden["by_rung"] == {"participant": 5}  # 6 rounded to a multiple of 5
    # The lone man is hidden, and the women too, or 6 - 5 would give him away.
    assert hidden["by_gender"] == {"participant": {"female": None, "male": None}}
    assert hidden["by_age_band"] == {"participant": {"30s": 5}}
    assert hidden["suppressed"] is True
    late = client.get(
        "/api/analytics/ladder?as_of=2019-03-31&stall_years=3",
        headers=bearer(client, admin.username),
    ).json()["stalls"]
    assert late["by_rung"] == {}


def test_stalls_table_on_dashboard(client: TestClient, session: Session) -> None:
    _six_since_2017(session)
    log_in(client, make_user(session, role=Role.city_admin).username)
    page = client.get("/analytics", params={"from": "2019-01-01", "to": "2019-12-31"}).text
    table = page.split('id="stalls"')[1].split("</table>")[0]
    row = table.split('<th scope="row">참여자</th>')[1].split("</tr>")[0]
    # total 6; female 5, male 1, unstated 0; then bands: under_20, 20s, 30s (all six) ...
    assert [cell.split("</td>")[0] for cell in row.split("<td>")[1:]] == [
        "6",
        "5",
        "1",
        "0",
        "0",
        "0",
        "6",
        "0",
        "0",
        "0",
        "0",
    ]
