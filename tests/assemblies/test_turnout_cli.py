"""``maeul-db assemblies turnout``: the city turnout of a year from the command line."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlmodel import Session

from maeul_db.models import GeneralAssembly, PopulationBasis
from tests.builders import DISTRICT_A, DONG_A
from tests.cli_run import run_cli


def test_turnout_command_prints_each_dong_and_the_quorum_share(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    session.add(
        GeneralAssembly(
            district_code=DISTRICT_A,
            dong_code=DONG_A,
            year=2021,
            held_on=date(2021, 6, 12),
            present=10,
            onsite_voters=8,
            prevoters=2,
            adult_population=1000,
            population_basis=PopulationBasis.entered,
        )
    )
    session.flush()
    out = run_cli(session, monkeypatch, ["assemblies", "turnout", "--year", "2021", "--json"])
    body = json.loads(out.output)
    # 8 + 2 voters of 1,000 adults; 10 + 2 took part, 10 needed.
    assert [(r["dong_name"], r["turnout_percent"], r["quorum_met"]) for r in body["rows"]] == [
        ("청운효자동", "1.00", True)
    ]
    assert body["quorum_share_percent"] == "100.00"
    table = run_cli(session, monkeypatch, ["assemblies", "turnout", "--year", "2021"])
    assert "청운효자동" in table.output and "성원" in table.output
