"""General assemblies (주민총회) and autonomy plans (자치계획): record, read, scoped per district.

District staff record their district's assemblies and plans; the city admin any. One assembly per
dong and year, one plan per dong and year (409 naming the existing one). Nothing here is personal
data: assemblies are counted, never named, so nothing is access-logged; every write is audited.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from maeul_db.assemblies import turnout as rules
from maeul_db.assemblies.schemas import AssemblyCreate, AssemblyPublic, PlanCreate
from maeul_db.audit import service as audit
from maeul_db.auth import policies
from maeul_db.core.scope import district_scoped, get_visible
from maeul_db.errors import Conflict, Forbidden, InvalidInput
from maeul_db.models import (
    AutonomyPlan,
    Dong,
    GeneralAssembly,
    PopulationBasis,
    UserAccount,
)
from maeul_db.refdata import queries as refdata_queries
from maeul_db.refdata import service as refdata_service


def visible_assemblies(user: UserAccount) -> Any:
    return district_scoped(GeneralAssembly, user)


def visible_plans(user: UserAccount) -> Any:
    return district_scoped(AutonomyPlan, user)


def get(session: Session, *, user: UserAccount, assembly_id: int) -> GeneralAssembly:
    policies.require_fact_logger(user)
    return get_visible(  # type: ignore[no-any-return]
        session,
        visible_assemblies(user),
        GeneralAssembly,
        assembly_id,
        missing="assembly.not_found",
    )


def list_(session: Session, *, user: UserAccount, year: int | None = None) -> list[GeneralAssembly]:
    """The user's district's assemblies (the city admin's: all), newest first."""
    policies.require_fact_logger(user)
    stmt = visible_assemblies(user)
    if year is not None:
        stmt = stmt.where(GeneralAssembly.year == year)
    order = (col(GeneralAssembly.held_on).desc(), col(GeneralAssembly.id).desc())
    return list(session.exec(stmt.order_by(*order)).all())


def owning_district(
    session: Session, *, user: UserAccount, district_code: str | None, dong_code: str, on: date
) -> str:
    """The district that owns a dong's record: the dong's own (as of ``on``), which a given
    ``district_code`` must match; refused unless the user may write there."""
    policies.require_fact_logger(user)
    dong = session.get(Dong, dong_code)
    if dong is None:
        raise InvalidInput("dong.unknown", field="dong_code", code=dong_code)
    district = district_code or dong.district_code
    if not policies.can_write_district(user, district):
        raise Forbidden("assembly.district_forbidden")
    refdata_service.check_dong_in_district(session, code=dong_code, district_code=district, on=on)
    return district


def _adults(session: Session, data: AssemblyCreate) -> tuple[int, PopulationBasis]:
    if data.adult_population is not None:
        return data.adult_population, PopulationBasis.entered
    dong = session.get(Dong, data.dong_code)
    if dong is None or not dong.population:
        raise InvalidInput("assembly.population_required", field="adult_population")
    return rules.estimate_adults(dong.population), PopulationBasis.estimated


def create(session: Session, *, user: UserAccount, data: AssemblyCreate) -> GeneralAssembly:
    """Record a dong's yearly assembly; refused when the counts cannot be true."""
    district = owning_district(
        session,
        user=user,
        district_code=data.district_code,
        dong_code=data.dong_code,
        on=data.held_on,
    )
    if data.onsite_voters > data.present:
        raise InvalidInput("assembly.voters_over_present", field="onsite_voters")
    adults, basis = _adults(session, data)
    if data.present + data.prevoters > adults:
        raise InvalidInput("assembly.over_population", field="present", adults=adults)
    year = data.held_on.year
    existing = session.exec(
        select(GeneralAssembly.id).where(
            GeneralAssembly.dong_code == data.dong_code, GeneralAssembly.year == year
        )
    ).first()
    if existing is not None:
        raise Conflict("assembly.duplicate", field="held_on", year=year, existing_id=existing)
    fields = data.model_dump(exclude={"adult_population", "district_code"})
    row = GeneralAssembly(
        **fields,
        district_code=district,
        year=year,
        adult_population=adults,
        population_basis=basis,
        recorded_by_user_id=user.id,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="create",
        entity="general_assembly",
        entity_id=row.id,
        district_code=row.district_code,
        after=row.model_dump(mode="json", exclude={"created_at", "updated_at"}),
    )
    return row


def public(session: Session, row: GeneralAssembly) -> AssemblyPublic:
    names = refdata_queries.dong_names(session, codes={row.dong_code})
    result = rules.turnout(
        present=row.present,
        onsite_voters=row.onsite_voters,
        prevoters=row.prevoters,
        adults=row.adult_population,
    )
    fields = {n: getattr(row, n) for n in AssemblyPublic.model_fields if hasattr(row, n)} | {
        "dong_name": names.get(row.dong_code, row.dong_code),
        "turnout": result,
    }
    return AssemblyPublic.model_validate(fields)


def of_dong(session: Session, dong_code: str) -> list[AssemblyPublic]:
    """A dong's assemblies, newest first, for its council's page (the caller has read the
    council, which already checked the reader's district)."""
    stmt = select(GeneralAssembly).where(GeneralAssembly.dong_code == dong_code)
    rows = session.exec(stmt.order_by(col(GeneralAssembly.held_on).desc())).all()
    return [public(session, row) for row in rows]


def get_plan(session: Session, *, user: UserAccount, plan_id: int) -> AutonomyPlan:
    policies.require_fact_logger(user)
    return get_visible(  # type: ignore[no-any-return]
        session, visible_plans(user), AutonomyPlan, plan_id, missing="plan.not_found"
    )


def plans_of_assembly(
    session: Session, *, user: UserAccount, assembly_id: int
) -> list[AutonomyPlan]:
    """The plans the assembly voted (normally one)."""
    get(session, user=user, assembly_id=assembly_id)
    stmt = visible_plans(user).where(AutonomyPlan.assembly_id == assembly_id)
    return list(session.exec(stmt.order_by(col(AutonomyPlan.year))).all())


def create_plan(session: Session, *, user: UserAccount, data: PlanCreate) -> AutonomyPlan:
    """A dong's plan for a year; the voting assembly must be the same dong's."""
    district = owning_district(
        session,
        user=user,
        district_code=data.district_code,
        dong_code=data.dong_code,
        on=date(data.year, 1, 1),
    )
    if data.assembly_id is not None:
        assembly = get(session, user=user, assembly_id=data.assembly_id)
        if assembly.dong_code != data.dong_code:
            raise InvalidInput("plan.assembly_other_dong", field="assembly_id")
    existing = session.exec(
        select(AutonomyPlan.id).where(
            AutonomyPlan.dong_code == data.dong_code, AutonomyPlan.year == data.year
        )
    ).first()
    if existing is not None:
        raise Conflict("plan.duplicate", field="year", year=data.year, existing_id=existing)
    row = AutonomyPlan(**data.model_dump(exclude={"district_code"}), district_code=district)
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="create",
        entity="autonomy_plan",
        entity_id=row.id,
        district_code=row.district_code,
        after=data.model_dump(mode="json"),
    )
    return row
