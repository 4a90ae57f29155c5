"""The city page: every dong's assembly turnout of a year and the share of dongs reaching the 1%
quorum. Aggregates only (counts of voters, never names): the city admin and analysts see every
district, district staff their own."""

from __future__ import annotations

from sqlmodel import Session, col, select

from maeul_db.assemblies import turnout as rules
from maeul_db.assemblies.schemas import DongTurnout, TurnoutSummary
from maeul_db.errors import Forbidden
from maeul_db.models import District, Dong, GeneralAssembly, Role, UserAccount


def _district_filter(user: UserAccount) -> str | None:
    """None: every district; else the one district the user may see."""
    if user.role in (Role.city_admin, Role.analyst):
        return None
    if user.role == Role.district_staff and user.district_code:
        return user.district_code
    raise Forbidden("assembly.turnout_forbidden")


def city_turnout(session: Session, *, user: UserAccount, year: int) -> TurnoutSummary:
    """Per dong, the year's assembly turnout; dongs without an assembly are not listed."""
    district = _district_filter(user)
    stmt = (
        select(GeneralAssembly, Dong.name_ko, District.name_ko)
        .join(Dong, col(Dong.code) == GeneralAssembly.dong_code)
        .join(District, col(District.code) == GeneralAssembly.district_code)
        .where(GeneralAssembly.year == year)
    )
    if district is not None:
        stmt = stmt.where(GeneralAssembly.district_code == district)
    stmt = stmt.order_by(col(GeneralAssembly.district_code), col(Dong.name_ko))
    rows: list[DongTurnout] = []
    for row, dong_name, district_name in session.exec(stmt).all():
        result = rules.turnout(
            present=row.present,
            onsite_voters=row.onsite_voters,
            prevoters=row.prevoters,
            adults=row.adult_population,
        )
        rows.append(
            DongTurnout(
                district_code=row.district_code,
                district_name=district_name,
                dong_code=row.dong_code,
                dong_name=dong_name,
                assembly_id=row.id or 0,
                held_on=row.held_on,
                voters=result.voters,
                adult_population=row.adult_population,
                turnout_percent=result.turnout_percent,
                quorum_met=result.quorum_met,
            )
        )
    return _summary(year, rows)


def _summary(year: int, rows: list[DongTurnout]) -> TurnoutSummary:
    met = sum(r.quorum_met for r in rows)
    voters = sum(r.voters for r in rows)
    adults = sum(r.adult_population for r in rows)
    return TurnoutSummary(
        year=year,
        rows=rows,
        assemblies=len(rows),
        quorum_met=met,
        quorum_share_percent=rules.percent(met, len(rows)) if rows else None,
        voters=voters,
        adult_population=adults,
        turnout_percent=rules.percent(voters, adults) if adults else None,
    )
