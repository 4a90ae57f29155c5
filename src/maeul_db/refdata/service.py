"""Load Seoul's districts and dongs from the reference directory, and record later dong changes.

Loading is an upsert keyed on the official codes, so loading twice changes nothing.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from maeul_db.errors import InvalidInput, NotFound, RefdataMissing
from maeul_db.models import District, Dong, DongChangeKind, DongSuccession
from maeul_db.refdata.changes import FORMER_DONGS, NEW_DONG_START, SUCCESSIONS

REQUIRED_FILES = ("seoul_districts.csv", "seoul_dongs.csv", "seoul_dong_population_2021q2.csv")


@dataclass
class LoadReport:
    inserted: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return any(self.inserted.values()) or any(self.updated.values())


def check_directory(directory: Path) -> None:
    if not directory.is_dir():
        raise RefdataMissing("refdata.directory_missing", directory=directory)
    missing = [name for name in REQUIRED_FILES if not (directory / name).is_file()]
    if missing:
        raise RefdataMissing("refdata.files_missing", directory=directory, files=", ".join(missing))


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _int(value: str | None) -> int | None:
    return int(value) if value not in (None, "") else None


def _upsert(
    session: Session,
    model: type[Any],
    key: Any,
    values: dict[str, Any],
    kind: str,
    report: LoadReport,
) -> None:
    row = session.get(model, key)
    if row is None:
        session.add(model(**values))
        report.inserted[kind] = report.inserted.get(kind, 0) + 1
        return
    changed = {k: v for k, v in values.items() if getattr(row, k) != v}
    if changed:
        for name, value in changed.items():
            setattr(row, name, value)
        report.updated[kind] = report.updated.get(kind, 0) + 1
    else:
        report.unchanged[kind] = report.unchanged.get(kind, 0) + 1


def _district_values(row: dict[str, str]) -> dict[str, Any]:
    return {
        "code": row["code"],
        "name_ko": row["name_ko"],
        "name_en": row["name_en"],
        "population": _int(row["population"]),
        "population_korean": _int(row["population_korean"]),
        "population_foreign": _int(row["population_foreign"]),
        "households": _int(row["households"]),
        "population_period": row["population_period"] or None,
    }


def _dong_values(row: dict[str, str], population: dict[str, str] | None) -> dict[str, Any]:
    return {
        "code": row["code"],
        "district_code": row["district_code"],
        "name_ko": row["name_ko"],
        "name_ko_official": row["name_ko_official"] or None,
        "name_en": row["name_en"] or None,
        "code8": row["code8"] or None,
        "kostat_code": row["kostat_code"] or None,
        "valid_from": NEW_DONG_START.get(row["code"]),
        "valid_to": None,
        "population": _int(population["population"]) if population else None,
        "population_korean": _int(population["population_korean"]) if population else None,
        "population_period": (population["period"] or None) if population else None,
        "population_note": (population["note"] or None) if population else None,
    }


def load_refdata(
    session: Session, directory: Path, progress: Callable[[str], None] | None = None
) -> LoadReport:
    """Upsert districts, dongs, former dongs and successions from ``directory``."""
    check_directory(directory)
    report = LoadReport()
    for row in _read_csv(directory / "seoul_districts.csv"):
        _upsert(session, District, row["code"], _district_values(row), "district", report)
    session.flush()
    if progress:
        progress("districts")
    population = {r["code"]: r for r in _read_csv(directory / "seoul_dong_population_2021q2.csv")}
    for row in _read_csv(directory / "seoul_dongs.csv"):
        values = _dong_values(row, population.get(row["code"]))
        _upsert(session, Dong, row["code"], values, "dong", report)
    for former in FORMER_DONGS:
        values = {
            "code": former.code,
            "district_code": former.district_code,
            "name_ko": former.name_ko,
            "valid_to": former.valid_to,
        }
        _upsert(session, Dong, former.code, values, "dong", report)
    session.flush()
    if progress:
        progress("dongs")
    for s in SUCCESSIONS:
        values = {
            "predecessor_code": s.predecessor_code,
            "successor_code": s.successor_code,
            "effective_on": s.effective_on,
            "kind": s.kind,
            "note": s.note,
        }
        _upsert(
            session,
            DongSuccession,
            (s.predecessor_code, s.successor_code),
            values,
            "dong_succession",
            report,
        )
    session.flush()
    return report


@dataclass(frozen=True)
class NewDong:
    code: str
    name_ko: str
    name_en: str | None = None


def record_dong_change(
    session: Session,
    *,
    predecessor_code: str,
    successors: list[NewDong],
    effective_on: date,
    kind: DongChangeKind,
    keeps_code: bool = False,
) -> None:
    """Record a split, merge or rename: the old dong closes on ``effective_on`` (unless it keeps its
    code, as 오류2동 did), new dongs open then, and successor links join them. Facts recorded
    before keep pointing at the old dong."""
    old = session.get(Dong, predecessor_code)
    if old is None:
        raise NotFound("dong.not_found", code=predecessor_code)
    if old.valid_to is not None:
        raise InvalidInput("dong.already_ended", name=old.name_ko, valid_to=old.valid_to)
    if not successors:
        raise InvalidInput("dong.no_successors")
    for new in successors:
        if session.get(Dong, new.code) is None:
            session.add(
                Dong(
                    code=new.code,
                    district_code=old.district_code,
                    name_ko=new.name_ko,
                    name_en=new.name_en,
                    valid_from=effective_on,
                )
            )
    if not keeps_code:
        old.valid_to = effective_on
        session.add(old)
    session.flush()
    for new in successors:
        if new.code == old.code:  # the old dong continues under its code: no link to itself
            continue
        session.add(
            DongSuccession(
                predecessor_code=old.code,
                successor_code=new.code,
                effective_on=effective_on,
                kind=kind,
            )
        )
    session.flush()


def dong_on(session: Session, code: str, on: date) -> Dong:
    """The dong with ``code`` if it existed on ``on``; errors name the successor when there is one."""
    dong = session.get(Dong, code)
    if dong is None:
        raise InvalidInput("dong.unknown", field="dong", code=code)
    if dong.valid_to is not None and on >= dong.valid_to:
        successors = session.exec(
            select(DongSuccession.successor_code).where(DongSuccession.predecessor_code == code)
        ).all()
        raise InvalidInput(
            "dong.ended_on",
            field="dong",
            name=dong.name_ko,
            valid_to=dong.valid_to,
            successors=", ".join(successors),
        )
    if dong.valid_from is not None and on < dong.valid_from:
        raise InvalidInput(
            "dong.not_yet", field="dong", name=dong.name_ko, valid_from=dong.valid_from
        )
    return dong


def check_dong_in_district(
    session: Session, *, code: str, district_code: str | None, on: date
) -> Dong:
    """The dong ``code`` as of ``on``, refused unless it existed then inside ``district_code``."""
    dong = dong_on(session, code, on)
    if dong.district_code != district_code:
        raise InvalidInput("dong.not_in_district", field="dong_code")
    return dong


def current_successors(session: Session, code: str) -> list[str]:
    """Roll an old dong up to today's dongs (following successor links transitively)."""
    frontier, seen, result = [code], set(), []
    while frontier:
        current = frontier.pop()
        if current in seen:
            continue
        seen.add(current)
        dong = session.get(Dong, current)
        if dong is not None and dong.valid_to is None:
            result.append(current)
        frontier.extend(
            session.exec(
                select(DongSuccession.successor_code).where(
                    DongSuccession.predecessor_code == current
                )
            ).all()
        )
    return sorted(result)
