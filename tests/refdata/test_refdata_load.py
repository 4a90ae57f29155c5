from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import Session, select

from maeul_db.errors import InvalidInput, RefdataMissing
from maeul_db.models import District, Dong, DongChangeKind, DongSuccession, Project
from maeul_db.refdata import service
from tests.builders import make_participation, make_person, make_project


def _counts(session: Session) -> tuple[int, int, int]:
    return (
        session.exec(select(func.count()).select_from(District)).one(),
        session.exec(select(func.count()).select_from(Dong)).one(),
        session.exec(select(func.count()).select_from(DongSuccession)).one(),
    )


def test_load_refdata_counts_match_sources(session: Session) -> None:
    districts, dongs, successions = _counts(session)
    current = session.exec(
        select(func.count()).select_from(Dong).where(Dong.valid_to.is_(None))
    ).one()  # type: ignore[union-attr]
    assert districts == 25
    assert current == 426
    assert dongs == 426 + 2  # plus the former 상일동 and 일원2동
    assert successions == 4
    jongno = session.get(District, "11110")
    assert (
        jongno is not None and jongno.name_ko == "종로구" and jongno.population_period == "2021Q2"
    )


def test_load_refdata_twice_changes_nothing(session: Session, refdata_dir: Path) -> None:
    before = _counts(session)
    report = service.load_refdata(session, refdata_dir)
    assert not report.changed
    assert report.unchanged["district"] == 25
    assert _counts(session) == before


def test_load_refdata_missing_directory_is_clear_error(session: Session, tmp_path: Path) -> None:
    with pytest.raises(RefdataMissing, match="참조자료"):
        service.load_refdata(session, tmp_path / "nowhere")
    (tmp_path / "seoul_districts.csv").write_text("code\n")
    with pytest.raises(RefdataMissing, match=r"seoul_dongs\.csv"):
        service.load_refdata(session, tmp_path)


def test_renamed_dong_keeps_old_code_and_links_successor(session: Session) -> None:
    old = session.get(Dong, "1168074000")
    assert old is not None and old.name_ko == "일원2동" and old.valid_to == date(2022, 12, 23)
    assert service.current_successors(session, "1168074000") == ["1168067500"]
    assert service.dong_on(session, "1168074000", date(2020, 5, 1)).name_ko == "일원2동"
    with pytest.raises(InvalidInput, match="1168067500"):
        service.dong_on(session, "1168074000", date(2023, 1, 1))


def test_dong_split_keeps_old_records_on_old_dong(session: Session) -> None:
    # 용신동 split into 신설동 and 용두동 on 2025-07-01 (codes here are illustrative).
    project = make_project(session, district_code="11230", dong_code="1123053600", year=2024)
    person = make_person(session, registered_district_code="11230", home_dong_code="1123053600")
    make_participation(session, project=project, person=person, valid_from=date(2024, 4, 1))
    service.record_dong_change(
        session,
        predecessor_code="1123053600",
        effective_on=date(2025, 7, 1),
        kind=DongChangeKind.split_into,
        successors=[
            service.NewDong("1123053700", "신설동"),
            service.NewDong("1123053800", "용두동"),
        ],
    )
    session.expire_all()
    assert session.get(Project, project.id).dong_code == "1123053600"  # type: ignore[union-attr]
    assert session.get(Dong, "1123053600").valid_to == date(2025, 7, 1)  # type: ignore[union-attr]
    assert service.current_successors(session, "1123053600") == ["1123053700", "1123053800"]
    assert service.dong_on(session, "1123053700", date(2025, 8, 1)).name_ko == "신설동"
    with pytest.raises(InvalidInput):
        service.dong_on(session, "1123053700", date(2024, 8, 1))
