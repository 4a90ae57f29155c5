"""District scoping, loading and paging are written once (issue 8): every ``visible_x`` row scope
starts from ``core.scope.district_scoped`` (people from ``participants.visibility``), and only
``kit/pagination.paginate`` counts and pages. Read from the source, so a new copy fails here."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "maeul_db"
# People add "anyone with a fact in my district" to the district rule; their scope is its own.
PEOPLE_SCOPE = "participants/visibility.py"


def _modules() -> list[tuple[str, ast.Module]]:
    return [
        (str(path.relative_to(PACKAGE)), ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(PACKAGE.rglob("*.py"))
    ]


def _calls(node: ast.AST) -> set[str]:
    names: set[str] = set()
    for call in ast.walk(node):
        if isinstance(call, ast.Call):
            func = call.func
            names.add(func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", ""))
    return names


def test_every_row_scope_starts_from_the_one_helper() -> None:
    scopes, copies = 0, []
    for name, tree in _modules():
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef) and function.name.startswith("visible_"):
                scopes += 1
                if name != PEOPLE_SCOPE and "district_scoped" not in _calls(function):
                    copies.append(f"{name}:{function.name}")
    assert scopes >= 8, "the scan found too few visible_x functions: it went blind"
    assert not copies, f"row scopes written by hand instead of core.scope.district_scoped: {copies}"


def test_only_the_paginator_counts_and_pages() -> None:
    found = []
    for name, tree in _modules():
        if name == "kit/pagination.py":
            continue
        if "offset" in _calls(tree):
            found.append(name)
    assert not found, f"count-then-page written outside kit/pagination.paginate: {found}"


def test_the_checks_see_a_hand_written_scope() -> None:
    sample = ast.parse(
        "def visible_things(user):\n"
        "    return select(Thing).where(Thing.district_code == user.district_code)\n"
        "def page(session, stmt):\n"
        "    return session.exec(stmt.offset(10).limit(5))\n"
    )
    function = sample.body[0]
    assert isinstance(function, ast.FunctionDef)
    assert "district_scoped" not in _calls(function)
    assert "offset" in _calls(sample)
