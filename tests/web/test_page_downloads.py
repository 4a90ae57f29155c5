"""The pages' download links stay on the pages' door: they are page routes that take the session
cookie, since the API no longer does. No page links into the API except its documentation."""

from __future__ import annotations

import html
import re
from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.imports.files import XLSX_TYPE
from maeul_db.models import Role
from maeul_db.web.templating import TEMPLATES_DIR
from tests.builders import make_user
from tests.imports.roster import COL, csv_bytes, roster_rows
from tests.web_login import csrf_token, log_in

_HREF = re.compile(r'href="([^"]+)"')


def _links(page: str, prefix: str) -> list[str]:
    return [html.unescape(h) for h in _HREF.findall(page) if h.startswith(prefix)]


def test_no_page_links_into_the_api_but_its_docs() -> None:
    # The docs pages (Swagger UI, ReDoc) are the API's only pages meant for a browser.
    templates = sorted(Path(TEMPLATES_DIR).rglob("*.html"))
    assert len(templates) >= 10
    api_links = {
        f"{t.name}: {link}"
        for t in templates
        for link in re.findall(r"""["'](/api/[^"'?]*)""", t.read_text(encoding="utf-8"))
        if link not in ("/api/docs", "/api/redoc")
    }
    assert api_links == set()


def test_import_page_downloads_work_with_the_cookie(client: TestClient, session: Session) -> None:
    assert log_in(client, make_user(session).username).status_code == 303
    token = csrf_token(client.get("/imports").text)
    rows = roster_rows(3)
    rows[1][COL["role"]] = "구경꾼"
    client.post(
        "/imports",
        files={"file": ("명단.csv", csv_bytes(rows), "text/csv")},
        data={"action": "commit", "partial": "true", "csrf_token": token},
    )
    page = client.get("/imports").text

    (template,) = _links(page, "/imports/template.xlsx")
    (rejected,) = _links(page, "/imports/batches/")
    got_template, got_rejected = client.get(template), client.get(rejected)

    assert got_template.status_code == 200 and got_template.headers["content-type"] == XLSX_TYPE
    assert got_rejected.status_code == 200 and "구경꾼" in got_rejected.content.decode("utf-8-sig")


def test_rejected_rows_of_another_district_are_not_found(
    client: TestClient, session: Session
) -> None:
    staff = make_user(session)
    assert log_in(client, staff.username).status_code == 303
    token = csrf_token(client.get("/imports").text)
    rows = roster_rows(2)
    rows[1][COL["role"]] = "구경꾼"
    client.post(
        "/imports",
        files={"file": ("명단.csv", csv_bytes(rows), "text/csv")},
        data={"action": "commit", "partial": "true", "csrf_token": token},
    )
    (rejected,) = _links(client.get("/imports").text, "/imports/batches/")
    other = make_user(session, district_code="11140")
    assert log_in(client, other.username).status_code == 303

    assert client.get(rejected).status_code == 404


def test_dashboard_network_download_works_with_the_cookie(
    client: TestClient, session: Session
) -> None:
    assert log_in(client, make_user(session, role=Role.analyst).username).status_code == 303
    dashboard = client.get("/analytics")
    assert dashboard.status_code == 200, dashboard.text[:300]

    links = _links(dashboard.text, "/analytics/graph/export?")
    assert len(links) == 4
    for link in links:
        response = client.get(link)
        assert response.status_code == 200, (link, response.text[:300])
        assert response.headers["content-disposition"].startswith("attachment")
