"""The reference geography an import checks its rows against, read once per import: districts by
code and name, dongs by code and by name (with and without the official 제), and the dong
successions for "use X for that date" hints (``dong_hint``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from maeul_db.imports.cell_checks import RowProblem
from maeul_db.imports.columns import header_key
from maeul_db.imports.dong_hint import dong_suggestion, load_successions
from maeul_db.imports.values import dong_key
from maeul_db.kit import time as clock
from maeul_db.models import District, Dong


@dataclass(frozen=True, slots=True)
class DongRef:
    code: str
    district_code: str
    valid_from: date | None
    valid_to: date | None

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )


@dataclass
class Lookups:
    districts: dict[str, str]  # code, Korean and English name (header_key form) → code
    dongs: dict[str, DongRef]  # code → dong
    dong_names: dict[tuple[str, str], list[DongRef]]  # (district, name key) → dongs
    city_dong_names: dict[str, list[DongRef]]  # name key → dongs anywhere
    today: date = field(default_factory=clock.today)
    # Dong code → its Korean name and its successions, for "use X for that date" hints.
    dong_labels: dict[str, str] = field(default_factory=dict)
    successions: list[tuple[str, str, date]] = field(default_factory=list)


def load_lookups(session: Session) -> Lookups:
    districts: dict[str, str] = {}
    # Columns, not ORM objects: a few hundred dongs cost no identity map per import.
    for code, name_ko, name_en in session.exec(
        select(District.code, District.name_ko, District.name_en)
    ).all():
        for text in (code, name_ko, name_en):
            districts[header_key(text)] = code
    dongs: dict[str, DongRef] = {}
    dong_names: dict[tuple[str, str], list[DongRef]] = {}
    city: dict[str, list[DongRef]] = {}
    labels: dict[str, str] = {}
    rows = session.execute(
        sa_select(
            col(Dong.code),
            col(Dong.district_code),
            col(Dong.valid_from),
            col(Dong.valid_to),
            col(Dong.name_ko),
            col(Dong.name_ko_official),
        )
    ).all()
    for code, district_code, valid_from, valid_to, name_ko, official in rows:
        ref = DongRef(code, district_code, valid_from, valid_to)
        dongs[code] = ref
        labels[code] = name_ko
        # With or without the official 제 (정릉제1동 = 정릉1동): values.dong_key.
        for name in {name_ko, official or name_ko}:
            dong_names.setdefault((district_code, dong_key(name)), []).append(ref)
            city.setdefault(dong_key(name), []).append(ref)
    return Lookups(
        districts,
        dongs,
        dong_names,
        city,
        dong_labels=labels,
        successions=load_successions(session),
    )


def resolve_dong(
    lookups: Lookups, text: str, district: str | None, on: date, *, code: str = "unknown_dong"
) -> str:
    """The dong a cell names (its code or its name in ``district``; a home dong anywhere in the
    city), valid on ``on``; else the row problem ``code`` with a hint when it was not valid then."""
    ref = lookups.dongs.get(text)
    if ref is not None:
        candidates = [ref]
    elif district is not None:
        candidates = lookups.dong_names.get((district, dong_key(text)), [])
        if not candidates and code == "unknown_home_dong":
            candidates = lookups.city_dong_names.get(dong_key(text), [])
    else:
        candidates = []
    if district is not None and code == "unknown_dong":
        candidates = [c for c in candidates if c.district_code == district]
    if not candidates:
        raise RowProblem(code, "import_row.unknown_dong", value=text)
    valid = [c for c in candidates if c.valid_on(on)]
    if not valid:
        key, params = dong_suggestion(lookups, candidates, on)
        raise RowProblem(code, key, value=text, on=on, **params)
    if len({c.district_code for c in valid}) > 1:
        raise RowProblem(code, "import_row.ambiguous_dong", value=text)
    return valid[0].code
