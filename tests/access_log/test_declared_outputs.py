"""The declared list of personal-data outputs (``access_log/outputs.py``) stays true: every entry
names a function that exists, once, with one action, and the list is exactly the service functions
that write an access-log row (read from the source), so neither can change without the other."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

from maeul_db.access_log.outputs import OUTPUTS


def test_every_declared_output_names_an_existing_service_function() -> None:
    missing = []
    for output in OUTPUTS:
        module_name, _, function = output.service.partition(":")
        module = importlib.import_module(f"maeul_db.{module_name}")
        if not callable(getattr(module, function, None)):
            missing.append(output.service)
    assert not missing, f"declared outputs naming no function: {missing}"


def test_each_output_is_declared_once_with_a_dotted_action() -> None:
    services = [o.service for o in OUTPUTS]
    assert len(services) == len(set(services)), "a service function is declared twice"
    # "<what>.<use>", e.g. people.list: one vocabulary for every door.
    bad = [o.action for o in OUTPUTS if not re.fullmatch(r"[a-z]+(\.[a-z_]+)+", o.action)]
    assert not bad and all(len(o.action) <= 40 for o in OUTPUTS), bad  # access_log.action width


PACKAGE = Path(__file__).resolve().parents[2] / "src" / "maeul_db"


def _logging_functions() -> set[tuple[str, str]]:
    """(``module:function``, action) for every ``access_log.record(..., action=...)`` in src."""
    found: set[tuple[str, str]] = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(function, ast.FunctionDef):
                continue
            for call in ast.walk(function):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr == "record"
                    and isinstance(call.func.value, ast.Name)
                    and call.func.value.id == "access_log"
                ):
                    action = next(k.value for k in call.keywords if k.arg == "action")
                    assert isinstance(action, ast.Constant), f"{module}: action not a literal"
                    found.add((f"{module}:{function.name}", str(action.value)))
    return found


def test_declared_outputs_are_exactly_the_functions_that_log() -> None:
    declared = {(o.service, o.action) for o in OUTPUTS}
    actual = _logging_functions()
    assert actual, "the scan found no access_log.record call: it went blind"
    assert declared == actual, (
        f"logging but not declared: {sorted(actual - declared)}; "
        f"declared but not logging so: {sorted(declared - actual)}"
    )
