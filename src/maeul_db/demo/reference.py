"""The geography the demo draws on: districts and today's dongs, read from the reference tables,
and the non-cash rules in force (seeded by migration; the demo values contributions with them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Connection, select

from maeul_db.errors import RefdataMissing
from maeul_db.models import District, Dong, NoncashRule


@dataclass(frozen=True)
class DongRef:
    code: str
    district_code: str
    name: str
    # Set for dongs created by a split (e.g. 항동 in 2020): no fact may point at them earlier.
    valid_from: date | None
    population: int


@dataclass(frozen=True)
class DistrictRef:
    code: str
    name: str
    population: int
    dongs: tuple[DongRef, ...]

    def dongs_on(self, day: date) -> tuple[DongRef, ...]:
        """Dongs that existed on ``day``; all of them when none had started yet (never empty)."""
        existing = tuple(d for d in self.dongs if d.valid_from is None or d.valid_from <= day)
        return existing or self.dongs


@dataclass(frozen=True)
class Reference:
    districts: tuple[DistrictRef, ...]
    # Detached rows (never added to a session): the rule's id is what a contribution keeps.
    noncash_rules: tuple[NoncashRule, ...] = field(default=())

    @property
    def dong_count(self) -> int:
        return sum(len(d.dongs) for d in self.districts)


def read_reference(connection: Connection) -> Reference:
    """Districts and their current dongs (``valid_to IS NULL``), ordered by code for reproducibility."""
    dong_rows = connection.execute(
        select(Dong.code, Dong.district_code, Dong.name_ko, Dong.valid_from, Dong.population)  # type: ignore[call-overload]
        .where(Dong.valid_to.is_(None))  # type: ignore[union-attr]
        .order_by(Dong.code)
    ).all()
    dongs: dict[str, list[DongRef]] = {}
    for code, district_code, name, valid_from, population in dong_rows:
        dongs.setdefault(district_code, []).append(
            DongRef(code, district_code, name, valid_from, population or 20_000)
        )
    district_rows = connection.execute(
        select(District.code, District.name_ko, District.population).order_by(District.code)  # type: ignore[call-overload]
    ).all()
    districts = tuple(
        DistrictRef(code, name, population or 300_000, tuple(dongs[code]))
        for code, name, population in district_rows
        if dongs.get(code)
    )
    if not districts:
        raise RefdataMissing("demo.no_refdata")
    return Reference(districts, _noncash_rules(connection))


def _noncash_rules(connection: Connection) -> tuple[NoncashRule, ...]:
    table = NoncashRule.__table__  # type: ignore[attr-defined]
    rows = connection.execute(select(table).order_by(table.c.effective_year)).mappings().all()
    return tuple(NoncashRule(**dict(row)) for row in rows)
