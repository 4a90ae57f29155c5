"""A page that answers a failed write with a re-rendered form leaves the database as it was.

Such a request still commits (the page is an answer, not an error), so each attempted write runs
in a savepoint that the failure rolls back. Here every such page's service is made to fail after
flushing its rows; only an access-log row for the personal data the re-rendered page shows may
remain. A second test reads the page modules and fails on a POST handler that catches an error
without a savepoint, so a new page cannot forget it.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.errors import Conflict
from maeul_db.models import Activity
from tests.builders import (
    make_group,
    make_membership,
    make_participation,
    make_person,
    make_project,
    make_user,
)
from tests.db_state import ACCESS_LOG, FailAfterFlush, changed, row_counts
from tests.imports.roster import COL, csv_bytes, roster_rows
from tests.web_login import csrf_token, log_in

WEB_DIR = Path(__file__).resolve().parents[2] / "src" / "maeul_db" / "web"


@dataclass(frozen=True)
class Case:
    url: str
    form: dict[str, str]
    # The re-rendered page lists people (members, participants, the person edited), and reading
    # them is logged: the access-log row is the one change allowed.
    shows_people: bool
    status: int = 422


CASES = {
    "new_person": Case(
        "/people/new", {"name": "정새봄", "gender": "F", "birth_year": "1985"}, False
    ),
    "edit_person": Case(
        "/people/{person}/edit",
        {"name": "박바뀜", "gender": "F", "birth_year": "1980", "reason": "correction"},
        True,
    ),
    "new_group": Case("/groups/new", {"name": "새모임", "founded_on": "2020-03-01"}, False),
    "add_member": Case(
        "/groups/{group}/members", {"person": "{newcomer}", "valid_from": "2020-01-01"}, True
    ),
    "close_member": Case(
        "/groups/{group}/members/{membership}/close", {"last_day": "2020-05-31"}, True
    ),
    "group_activity": Case(
        "/groups/{group}/activities", {"title": "월례회", "held_on": "2020-05-01"}, True
    ),
    "new_project": Case("/projects/new", {"name": "새사업", "year": "2020"}, False),
    "add_participant": Case(
        "/projects/{project}/participants",
        {"person": "{newcomer}", "valid_from": "2019-05-01"},
        True,
    ),
    "close_participant": Case(
        "/projects/{project}/participants/{participation}/close", {"last_day": "2019-07-31"}, True
    ),
    "project_activity": Case(
        "/projects/{project}/activities", {"title": "주민회의", "held_on": "2019-06-01"}, True
    ),
    "attendance": Case("/activities/{activity}/attendance", {"person_ids": "{person}"}, True),
}


def _seed(session: Session) -> dict[str, int]:
    person, newcomer = make_person(session), make_person(session)
    group, project = make_group(session), make_project(session)
    membership = make_membership(session, group=group, person=person)
    participation = make_participation(session, project=project, person=person)
    activity = Activity(
        title="첫 모임", held_on=date(2019, 6, 1), project_id=project.id, district_code="11110"
    )
    session.add(activity)
    session.flush()
    ids = {
        "person": person.id,
        "newcomer": newcomer.id,
        "group": group.id,
        "project": project.id,
        "membership": membership.id,
        "participation": participation.id,
        "activity": activity.id,
    }
    return {name: value for name, value in ids.items() if value is not None}


def _signed_in(client: TestClient, session: Session) -> str:
    assert log_in(client, make_user(session).username).status_code == 303
    return csrf_token(client.get("/people/new").text)


def _assert_unchanged(before: dict[str, int], after: dict[str, int], shows_people: bool) -> None:
    difference = changed(before, after)
    if shows_people:
        assert set(difference) <= {ACCESS_LOG}, difference
    else:
        assert difference == {}


@pytest.mark.parametrize("name", sorted(CASES))
def test_refused_logging_form_changes_nothing(
    client: TestClient, session: Session, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    case = CASES[name]
    ids = _seed(session)
    token = _signed_in(client, session)
    form = {key: value.format(**ids) for key, value in case.form.items()}
    before = row_counts(session)
    fault = FailAfterFlush(Conflict("late refusal")).install(monkeypatch)

    response = client.post(case.url.format(**ids), data={**form, "csrf_token": token})

    assert response.status_code == case.status, response.text[:500]
    assert fault.seen and changed(before, fault.seen[0]), "the service flushed nothing"
    _assert_unchanged(before, row_counts(session), case.shows_people)


def test_refused_import_upload_changes_nothing(
    client: TestClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The upload page catches any MaeulError and shows it; the page lists batches, no people."""
    token = _signed_in(client, session)
    before = row_counts(session)
    fault = FailAfterFlush(Conflict("late refusal")).install(monkeypatch)

    response = client.post(
        "/imports",
        files={"file": ("명단.csv", csv_bytes(roster_rows(3)), "text/csv")},
        data={"action": "commit", "csrf_token": token},
    )

    assert response.status_code == 409 and "late refusal" in response.text
    assert fault.seen[0]["import_batch"] == before["import_batch"] + 1
    _assert_unchanged(before, row_counts(session), shows_people=False)


def test_refused_identity_merge_changes_nothing(
    client: TestClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The merge page catches nothing: the error reaches the request's session, which rolls back."""
    token = _signed_in(client, session)
    rows = roster_rows(2)
    for column in ("name", "birth_year"):
        rows[1][COL[column]] = rows[0][COL[column]]
    rows[0][COL["phone"]] = rows[1][COL["phone"]] = ""
    rows[1][COL["project"]] = "다른사업"
    upload = {"file": ("a.csv", csv_bytes(rows), "text/csv")}
    client.post("/imports", files=upload, data={"action": "commit", "csrf_token": token})
    candidate = re.search(r'data-candidate="(\d+)"', client.get("/identity/candidates").text)
    assert candidate
    before = row_counts(session)
    fault = FailAfterFlush(Conflict("late refusal")).install(monkeypatch)

    response = client.post(f"/identity/candidates/{candidate[1]}/merge", data={"csrf_token": token})

    assert response.status_code == 409
    assert fault.seen and changed(before, fault.seen[0])
    _assert_unchanged(before, row_counts(session), shows_people=False)


# POST handlers that may catch without a savepoint, and why.
NO_SAVEPOINT_NEEDED = {
    # A refused login writes nothing; should it ever count failures, those must be kept.
    ("router.py", "log_in"),
    # A wrong current password is counted by the login throttle, and that count must be kept;
    # the service writes nothing else before all its checks have passed.
    ("password_pages.py", "change_password"),
}


def _posts(tree: ast.Module) -> list[ast.FunctionDef]:
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        and any(
            isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute) and d.func.attr == "post"
            for d in node.decorator_list
        )
    ]


def _has_savepoint(body: list[ast.stmt]) -> bool:
    """A ``with form_write(...)`` or ``with session.begin_nested()`` in the try body."""
    for node in (n for stmt in body for n in ast.walk(stmt)):
        if isinstance(node, ast.With):
            for item in node.items:
                call = item.context_expr
                if isinstance(call, ast.Call):
                    target = call.func
                    name = target.attr if isinstance(target, ast.Attribute) else None
                    name = target.id if isinstance(target, ast.Name) else name
                    if name in ("form_write", "begin_nested"):
                        return True
    return False


def test_every_post_page_that_catches_an_error_writes_in_a_savepoint() -> None:
    checked, unsafe = 0, []
    for module in sorted(WEB_DIR.glob("*.py")):
        for handler in _posts(ast.parse(module.read_text(encoding="utf-8"))):
            for node in ast.walk(handler):
                if not isinstance(node, ast.Try) or not node.handlers:
                    continue
                checked += 1
                if (module.name, handler.name) in NO_SAVEPOINT_NEEDED:
                    continue
                if not _has_savepoint(node.body):
                    unsafe.append(f"{module.name}:{handler.name}:{node.lineno}")
    assert checked >= 12, "the page modules moved: point WEB_DIR at them"
    assert unsafe == []
