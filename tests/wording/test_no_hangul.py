"""Korean wording lives in the catalogue (maeul_db.wording) only: no other module may hold a string
literal with Hangul, apart from the data modules and the modules left for phase 2 listed here.
Docstrings are documentation, not wording, and are not checked; comments never reach the AST."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import maeul_db

SRC = Path(maeul_db.__file__).resolve().parent
HANGUL = re.compile(r"[\u1100-\u11ff\u3131-\u318e\uac00-\ud7a3]")

# Data, not wording: what files and people are called, which a reworded catalogue must not change.
DATA_MODULES = {
    "demo/names.py",  # Korean given and family names for the demo data
    "demo/training.py",  # the demo training programmes and module titles
    "demo/careers.py",  # employer names of demo careers
    "demo/paperwork.py",  # the demo calls' titles, documents, sheet items and decision reasons
    "demo/support_requests.py",  # demo consulting topics, motivations and a refusal reason
    "refdata/changes.py",  # official dong names in the recorded dong changes
    "imports/columns.py",  # roster headers and spellings an uploaded file may use
    "training/attendance_format.py",  # attendance headers and spellings an upload may use
    "demo/autonomy.py",  # demo agenda items, subcommittees, space and network names
    "demo/settlements.py",  # payees, a narrative and a return note of the demo settlements
    "imports/synonyms.py",  # roster header and value synonyms an upload may use (issue 10)
    "councils/roster_format.py",  # council roster headers and values an upload may use
}

# Modules still raising literal Korean messages. Phase 2 of issue 8 converted the last of them;
# kept (empty) so a module can be parked here during a merge, and the stale check still runs.
NOT_YET_CONVERTED: set[str] = set()


def _docstrings(tree: ast.Module) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def hangul_literals(source: str) -> list[str]:
    """The string literals of ``source`` (f-string parts included) that contain Hangul."""
    tree = ast.parse(source)
    docs = _docstrings(tree)
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docs
        and HANGUL.search(node.value)
    ]


def _modules_with_hangul() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        name = path.relative_to(SRC).as_posix()
        if name.startswith("wording/"):
            continue
        literals = hangul_literals(path.read_text(encoding="utf-8"))
        if literals:
            found[name] = literals
    return found


def test_the_scan_finds_hangul_in_literals_and_f_strings_but_not_docstrings() -> None:
    source = 'def f(x):\n    """설명."""\n    return "오류", f"{x}행"\n'
    assert hangul_literals(source) == ["오류", "행"]


def test_no_korean_literal_outside_the_catalogue() -> None:
    allowed = DATA_MODULES | NOT_YET_CONVERTED
    offenders = {name: lits[:3] for name, lits in _modules_with_hangul().items()}
    stray = {name: lits for name, lits in offenders.items() if name not in allowed}
    assert not stray, f"Korean wording belongs in maeul_db.wording: {stray}"


def test_the_allowlists_are_not_stale() -> None:
    with_hangul = set(_modules_with_hangul())
    stale = (DATA_MODULES | NOT_YET_CONVERTED) - with_hangul
    assert not stale, f"no Korean literal left; remove from the allowlist: {sorted(stale)}"
    assert not DATA_MODULES & NOT_YET_CONVERTED
