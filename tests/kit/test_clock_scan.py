"""Only kit/time.py asks the system for the date or time: every "today" is Seoul's, every "now"
can be set by tests. A new ``date.today()`` anywhere in src/ fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import maeul_db

SRC = Path(maeul_db.__file__).resolve().parent
CLOCK = SRC / "kit" / "time.py"
# ``time.monotonic``/``perf_counter`` measure durations and stay allowed; these read the calendar.
_TIME_MODULE_CALLS = {"time", "localtime", "gmtime", "ctime"}


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def clock_reads(source: str) -> list[tuple[int, str]]:
    """(line, expression) of every read of the system date or time in ``source``."""
    tree = ast.parse(source)
    called = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        receiver = _dotted(node.value).rsplit(".", 1)[-1]
        # date.today (called or passed as a factory) and any x.today(), except the kit's own
        # ``clock.today()`` (``from maeul_db.kit import time as clock``).
        called_today = (
            node.attr == "today"
            and receiver != "clock"
            and (id(node) in called or receiver in {"date", "datetime"})
        )
        system_now = node.attr in {"now", "utcnow"} and receiver == "datetime"
        wall_clock = receiver == "time" and node.attr in _TIME_MODULE_CALLS
        if called_today or system_now or wall_clock:
            found.append((node.lineno, _dotted(node)))
    return found


def test_scanner_finds_each_way_of_reading_the_clock() -> None:
    bad = (
        "from datetime import date, datetime, UTC\nimport datetime as dt, time\n"
        "a = date.today()\nb = datetime.now(UTC)\nc = datetime.utcnow()\n"
        "d = dt.datetime.now()\ne = utcnow().today()\nf = time.time()\n"
        "g = field(default_factory=date.today)\n"
    )
    assert [line for line, _ in clock_reads(bad)] == [3, 4, 5, 6, 7, 8, 9]
    fine = "from maeul_db.kit import time as clock\nx = clock.today()\ny = clock.now()\n"
    fine += "import time\nz = time.perf_counter()\nw = self.lookups.today\n"
    assert clock_reads(fine) == []


def test_no_module_but_kit_time_reads_the_system_clock() -> None:
    offenders = [
        f"{path.relative_to(SRC)}:{line}: {expression}"
        for path in sorted(SRC.rglob("*.py"))
        if path != CLOCK
        for line, expression in clock_reads(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "use maeul_db.kit.time (now/today) instead:\n" + "\n".join(offenders)
