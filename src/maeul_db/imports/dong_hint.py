"""Say which dong to use when a roster names one that did not exist on the fact's date (issue 10):
"항동 was created on 2020-01-01 from 오류2동 — use 오류2동 for 2015". Built from the recorded dong
successions (refdata); reads them once per import."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from sqlmodel import Session, select

from maeul_db.models import DongSuccession

if TYPE_CHECKING:
    from maeul_db.imports.lookups import DongRef, Lookups


def load_successions(session: Session) -> list[tuple[str, str, date]]:
    """(predecessor, successor, effective date) of every recorded dong change."""
    return [
        (s.predecessor_code, s.successor_code, s.effective_on)
        for s in session.exec(select(DongSuccession)).all()
    ]


def _names(lookups: Lookups, codes: Sequence[str]) -> str:
    return ", ".join(dict.fromkeys(lookups.dong_labels.get(c, c) for c in codes))


def dong_suggestion(
    lookups: Lookups, candidates: Sequence[DongRef], on: date
) -> tuple[str, dict[str, object]]:
    """The message key and parameters for a dong not valid on ``on``: the dong it came from
    (not created yet) or the dong(s) it became (closed), else the plain "not a dong then"."""
    for ref in candidates:
        if ref.valid_from is not None and on < ref.valid_from:
            before = [
                p
                for p, s, _when in lookups.successions
                if s == ref.code and p != ref.code and _valid(lookups, p, on)
            ]
            if before:
                return "import_row.dong_not_yet", {
                    "created": ref.valid_from.isoformat(),
                    "predecessors": _names(lookups, before),
                }
        if ref.valid_to is not None and on >= ref.valid_to:
            after = [s for p, s, _when in lookups.successions if p == ref.code and s != ref.code]
            if after:
                return "import_row.dong_closed", {
                    "closed": ref.valid_to.isoformat(),
                    "successors": _names(lookups, after),
                }
    return "import_row.dong_not_valid", {}


def _valid(lookups: Lookups, code: str, on: date) -> bool:
    ref = lookups.dongs.get(code)
    return ref is not None and ref.valid_on(on)
