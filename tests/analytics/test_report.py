"""The yearly report PDF: its figures are the KPI service's (the dashboard's), suppressed for analysts."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlmodel import Session

from maeul_db.analytics import report, service
from maeul_db.cli import app
from maeul_db.models import Role
from maeul_db.wording import message
from tests.analytics.world import build_world
from tests.builders import DISTRICT_A, make_user
from tests.test_cli import _ok, cli_db, runner  # noqa: F401 (cli_db is a fixture)


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def _figure(value: int | None) -> str:
    return "가림" if value is None else f"{value:,}"


def test_report_admin_figures_match_kpi_service(session: Session) -> None:
    build_world(session)
    admin = make_user(session, role=Role.city_admin)
    kpi = service.kpi(session, user=admin, start=date(2019, 1, 1), end=date(2019, 12, 31))
    assert report.yearly_kpi(session, user=admin, year=2019) == kpi
    pdf = report.render_pdf(kpi, year=2019)
    assert pdf.startswith(b"%PDF")
    text = _text(pdf)
    assert "2019년 마을공동체 지표 보고서" in text and "서울특별시" in text
    city = kpi.city
    # Worked out in world.py: p1–p5 took part (3 F, 1 M, 1 X); p1 and p2 in two projects.
    assert (city.participants.total, city.participants.female) == (5, 3)
    assert city.repeat_participants.total == 2 and city.projects == 3
    lines = text.splitlines()
    participants = next(line for line in lines if line.startswith("참여자 "))
    assert participants.split()[1:5] == ["5", "3", "1", "1"]
    repeat = next(line for line in lines if line.startswith("다차 참여자 ") and "(" not in line)
    assert repeat.split()[2:6] == [
        _figure(city.repeat_participants.total),
        _figure(city.repeat_participants.female),
        _figure(city.repeat_participants.male),
        _figure(city.repeat_participants.unstated),
    ]
    for row in kpi.districts:
        if row.district_code == DISTRICT_A:
            line = next(line for line in lines if line.startswith(row.district_name + " "))
            assert line.split()[1] == _figure(row.participants.total) == "4"
    assert f"{city.participant_share_of_population * 100:.2f}%" in text  # type: ignore[operator]


def test_report_analyst_cells_suppressed(session: Session) -> None:
    build_world(session)
    analyst = make_user(session, role=Role.analyst)
    kpi = report.yearly_kpi(session, user=analyst, year=2019)
    assert kpi.city.participants.male is None and kpi.city.participants.suppressed
    text = _text(report.render_pdf(kpi, year=2019))
    participants = next(line for line in text.splitlines() if line.startswith("참여자 "))
    assert participants.split()[1:5] == ["5", "가림", "가림", "가림"]
    assert "5명 미만인 칸은" in text
    for person in ("가나다", "라마바", "사아자"):
        assert person not in text


def test_report_district_scope_names_district(session: Session) -> None:
    build_world(session)
    admin = make_user(session, role=Role.city_admin)
    kpi = report.yearly_kpi(session, user=admin, year=2019, district_code=DISTRICT_A)
    text = _text(report.render_pdf(kpi, year=2019))
    assert "범위: 종로구" in text and kpi.city.participants.total == 4


@pytest.mark.usefixtures("cli_db")
def test_report_cli_writes_pdf(refdata_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    _ok(["db", "upgrade"])
    _ok(["refdata", "load", str(refdata_dir)])
    _ok(["report", "--year", "2019", "--out", str(out)])
    assert "2019년 마을공동체 지표 보고서" in _text(out.read_bytes())
    failed = runner.invoke(
        app, ["report", "--year", "2019", "--out", str(out), "--district", "99999"]
    )
    assert failed.exit_code == 1 and message("analytics.unknown_district") in failed.output
