"""Every CSV and xlsx the product writes keeps typed text as text (issue 9, item 6): a cell
starting with =, +, -, @, tab or carriage return gets a leading ' (OWASP) and xlsx cells are
string cells, never formulas. Each writer's real file is read back."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date

import networkx as nx
import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook, load_workbook
from sqlmodel import Session

from maeul_db.analytics import exports
from maeul_db.certificates import batch
from maeul_db.core.operator import cli_operator
from maeul_db.imports.parse import parse
from maeul_db.kit import cells
from maeul_db.models import CertificateKind
from tests.builders import bearer, make_person, make_placement, make_user
from tests.certificates.helpers import make_world
from tests.imports.roster import COL, KOREAN_HEADERS, csv_bytes, roster_rows

ATTACKS = ['=HYPERLINK("http://evil.example","클릭")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("value", ATTACKS)
def test_a_formula_cell_is_quoted(value: str) -> None:
    assert cells.safe_cell(value) == "'" + value
    assert cells.unquote_cell("'" + value) == value


def test_plain_cells_and_numbers_are_left_alone() -> None:
    assert cells.safe_row(["김민지", "010-1234-5678", 7, None, 1.5]) == [
        "김민지",
        "010-1234-5678",
        7,
        None,
        1.5,
    ]


def _xlsx_upload(rows: list[list[str]]) -> bytes:
    """An xlsx as a spreadsheet program saves typed text: string cells, even ones starting '='."""
    book = Workbook()
    sheet = book.active
    for row in [KOREAN_HEADERS, *rows]:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            cell.data_type = "s"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _rejected(client: TestClient, session: Session, name: str, upload: tuple[str, bytes]) -> bytes:
    headers = bearer(client, make_user(session).username)
    rows = roster_rows(3)
    rows[1][COL["name"]] = name
    rows[1][COL["role"]] = "구경꾼"  # an unknown role: the row is refused, its cells written back
    filename, _ = upload
    content = _xlsx_upload(rows) if filename.endswith(".xlsx") else csv_bytes(rows)
    files = {"file": (filename, content, "application/octet-stream")}
    done = client.post("/api/imports", headers=headers, files=files, data={"partial": "true"})
    assert done.status_code == 201, done.text
    response = client.get(
        f"/api/imports/batches/{done.json()['batch_id']}/rejected", headers=headers
    )
    assert response.status_code == 200
    return response.content


def test_rejected_rows_xlsx_has_no_formula(client: TestClient, session: Session) -> None:
    content = _rejected(client, session, ATTACKS[0], ("명단.xlsx", b""))
    sheet = load_workbook(io.BytesIO(content)).active
    row = next(iter(sheet.iter_rows(min_row=2, max_row=2)))
    name = row[COL["name"]]
    assert name.data_type == "s" and name.value == "'" + ATTACKS[0]
    assert all(cell.data_type != "f" for line in sheet.iter_rows() for cell in line)


def test_rejected_rows_csv_quotes_the_formula(client: TestClient, session: Session) -> None:
    content = _rejected(client, session, "@SUM(A1)", ("명단.csv", b""))
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[1][COL["name"]] == "'@SUM(A1)"


def test_the_corrected_rejected_file_imports_the_typed_value() -> None:
    rows = roster_rows(1)
    rows[0][COL["name"]] = "'-김민지"
    parsed = parse(csv_bytes(rows), "명단.csv")
    assert [raw.cells[COL["name"]] for raw in parsed.rows] == ["-김민지"]


def test_template_has_only_text_and_no_formula(client: TestClient, session: Session) -> None:
    headers = bearer(client, make_user(session).username)
    response = client.get("/api/imports/template.xlsx", headers=headers)
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells_ = [cell for line in sheet.iter_rows() for cell in line if cell.value is not None]
    assert cells_ and all(cell.data_type == "s" for cell in cells_)


def test_graph_csv_export_quotes_formula_nodes() -> None:
    graph = nx.Graph()
    graph.add_edge("=1+1", "@A1", weight=2)
    text = exports.to_bytes(graph, exports.ExportFormat.csv).decode()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["source", "target", "weight"], ["'=1+1", "'@A1", "2"]]


def test_certificate_batch_manifest_quotes_formula_names(session: Session) -> None:
    world = make_world(session)
    make_placement(session, person=world.expert_person, valid_from=date(2024, 1, 1))
    attacker = make_person(session, name='=HYPERLINK("http://x")', birth_year=1979)
    make_placement(session, person=attacker, valid_from=date(2024, 1, 1))
    result = batch.run(
        session,
        user=cli_operator(),
        kind=CertificateKind.training,
        selection=batch.Selection(placed_in_year=2024),
    )
    data = batch.to_zip(result, kind=CertificateKind.training)
    text = zipfile.ZipFile(io.BytesIO(data)).read("manifest.csv").decode("utf-8-sig")
    names = {row["name"] for row in csv.DictReader(io.StringIO(text))}
    assert '\'=HYPERLINK("http://x")' in names and "박서연" in names
