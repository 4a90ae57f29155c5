"""The result report prefilled from a hand-built project; its states; the PDFs (read back with
pdftotext), the xlsx and the 보탬e CSV."""

from __future__ import annotations

import csv
import io
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlmodel import Session

from maeul_db.errors import InvalidInput
from maeul_db.models import (
    Activity,
    Attendance,
    BotameStatus,
    EvidenceType,
    ExpenseLine,
    Gender,
    ParticipationRole,
    ReportState,
)
from maeul_db.projects import service as project_service
from maeul_db.projects.schemas import ProjectUpdate
from maeul_db.settlements import botame, documents, reports
from maeul_db.settlements import service as settlement_service
from maeul_db.settlements.schemas import ExpenseCreate, PlanUpdate, ReportUpdate
from tests.builders import DISTRICT_A, make_group, make_membership, make_participation, make_person
from tests.settlements.conftest import Desk
from tests.settlements.helpers import receipt


def _build(session: Session, desk: Desk) -> None:
    """Five people (ages in 2019: 19, 25, 38, 38, 71), two activities of 2 and 1.5 hours, four
    attendances, and one other group a participant belongs to."""
    people = [
        make_person(session, name="가", gender=Gender.female, birth_year=2000),
        make_person(session, name="나", gender=Gender.female, birth_year=1994),
        make_person(session, name="다", gender=Gender.male, birth_year=1981),
        make_person(session, name="라", gender=Gender.unstated, birth_year=1981),
        make_person(session, name="마", gender=Gender.female, birth_year=1948),
    ]
    for index, person in enumerate(people):
        role = ParticipationRole.lead_proposer if index == 0 else ParticipationRole.participant
        make_participation(session, project=desk.project, person=person, role=role)
    neighbours = make_group(session, name="이웃책방")
    make_membership(session, group=neighbours, person=people[2])
    for title, hours, present in (("첫 모임", "2", people[:3]), ("화단 심기", "1.5", people[3:4])):
        activity = Activity(
            title=title,
            held_on=date(2019, 5, 1),
            hours=Decimal(hours),
            district_code=DISTRICT_A,
            project_id=desk.pid,
        )
        session.add(activity)
        session.flush()
        for person in present:
            session.add(
                Attendance(activity_id=activity.id, person_id=person.id, district_code=DISTRICT_A)
            )
    session.flush()


def test_report_prefill_counts_the_record(session: Session, desk: Desk) -> None:
    _build(session, desk)
    view = reports.get(session, user=desk.staff, project_id=desk.pid)
    f = view.figures
    assert f["participants"] == 5
    assert f["by_gender"] == {"F": 3, "M": 1, "X": 1}
    assert f["by_age_band"] == {
        "under_20": 1,
        "20s": 1,
        "30s": 2,
        "40s": 0,
        "50s": 0,
        "60s": 0,
        "70_plus": 1,
    }
    assert f["by_role"] == {"lead_proposer": 1, "participant": 4}
    assert (f["activities"], f["activity_hours"], f["attendances"], f["person_hours"]) == (
        2,
        "3.5",
        4,
        "7.5",
    )
    assert f["network_parties"] == ["이웃책방"]
    # No end date recorded: due two months after 31 December 2019.
    assert view.report.due_on == date(2020, 2, 29)


def test_due_date_is_two_months_after_the_end(session: Session, desk: Desk) -> None:
    desk.project.ends_on = date(2019, 12, 31)
    assert reports.due_on(desk.project) == date(2020, 2, 29)
    desk.project.ends_on = date(2019, 11, 15)
    assert reports.due_on(desk.project) == date(2020, 1, 15)


def test_report_states_freeze_the_figures_at_submission(session: Session, desk: Desk) -> None:
    _build(session, desk)
    staff, pid = desk.staff, desk.pid
    with pytest.raises(InvalidInput) as empty:
        reports.change_state(session, user=staff, project_id=pid, action="submit", note=None)
    assert empty.value.code == "report.narrative_required"
    reports.update(
        session, user=staff, project_id=pid, data=ReportUpdate(narrative="골목에 꽃을 심었습니다.")
    )
    reports.add_attachment(session, user=staff, project_id=pid, upload=receipt("photo.pdf"))
    assert (
        reports.change_state(session, user=staff, project_id=pid, action="submit", note=None).state
        == ReportState.submitted
    )
    make_participation(session, project=desk.project, person=make_person(session, name="바"))
    assert reports.get(session, user=staff, project_id=pid).figures["participants"] == 5
    with pytest.raises(InvalidInput):
        reports.update(session, user=staff, project_id=pid, data=ReportUpdate(narrative="고침"))
    reports.change_state(session, user=staff, project_id=pid, action="return", note="사진 추가")
    assert reports.get(session, user=staff, project_id=pid).figures["participants"] == 6
    reports.change_state(session, user=staff, project_id=pid, action="submit", note=None)
    assert (
        reports.change_state(session, user=staff, project_id=pid, action="accept", note=None).state
        == ReportState.accepted
    )
    with pytest.raises(InvalidInput) as again:
        reports.change_state(session, user=staff, project_id=pid, action="accept", note=None)
    assert again.value.code == "paperwork.bad_transition"


def _pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    return " ".join(out.stdout.decode().split())


def _settle_some(session: Session, desk: Desk) -> None:
    settlement_service.set_plan(
        session,
        user=desk.staff,
        project_id=desk.pid,
        data=PlanUpdate(planned={ExpenseLine.materials: 2_500_000}, interest_krw=500),
    )
    settlement_service.add_expense(
        session,
        user=desk.staff,
        project_id=desk.pid,
        data=ExpenseCreate(
            spent_on=date(2019, 7, 1),
            payee="=꽃집",
            line=ExpenseLine.materials,
            amount_krw=1_750_000,
            evidence=EvidenceType.tax_invoice,
        ),
        upload=receipt(),
    )


def test_pdfs_carry_the_korean_text(session: Session, desk: Desk, tmp_path: Path) -> None:
    _build(session, desk)
    reports.update(
        session,
        user=desk.staff,
        project_id=desk.pid,
        data=ReportUpdate(narrative="골목에 꽃을 심었습니다."),
    )
    report = _pdf_text(
        documents.report_pdf(session, user=desk.staff, project_id=desk.pid), tmp_path
    )
    for words in (
        "마을공동체 지원사업 결과보고서",
        "골목정원 가꾸기",
        "골목에 꽃을 심었습니다.",
        "이웃책방",
        "20세 미만",
        "보고 기한 2020. 2. 29.",
    ):
        assert words in report, words
    _settle_some(session, desk)
    summary = _pdf_text(
        documents.settlement_pdf(session, user=desk.staff, project_id=desk.pid), tmp_path
    )
    # 3,000,000 − 1,750,000 = 1,250,000 unspent, + 500 interest = 1,250,500 to return.
    for words in (
        "보조금 정산 요약서",
        "재료비",
        "1,750,000원",
        "1,250,500원",
        "세금계산서",
        "보조금의 20%",
    ):
        assert words in summary, words


def test_xlsx_and_botame_csv(session: Session, desk: Desk) -> None:
    _settle_some(session, desk)
    project_service.update(
        session,
        user=desk.staff,
        project_id=desk.pid,
        data=ProjectUpdate(botame_id="B-2019-0042", botame_status=BotameStatus.settling),
    )
    book = load_workbook(
        io.BytesIO(documents.settlement_xlsx(session, user=desk.staff, project_id=desk.pid))
    )
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][:4] == ("집행일", "거래처", "세목", "금액(원)")
    assert rows[1][:5] == ("2019-07-01", "'=꽃집", "재료비", 1_750_000, "세금계산서")
    data = botame.settlement_csv(session, user=desk.staff, project_id=desk.pid)
    assert data.startswith("\ufeff".encode())
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert lines[0][:3] == ["보탬e사업번호", "사업명", "자치구코드"]
    assert lines[1][0] == "B-2019-0042" and lines[1][7] == "1750000" and lines[1][6] == "재료비"
    assert len(lines[1][10]) == 64  # the evidence's SHA-256
