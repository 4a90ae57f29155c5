"""Councils (서울형 주민자치회): one per dong, created and read by district staff and the city admin.

The scope rule is the one of every district-owned table (``core.scope.district_scoped``): staff
see and change their district's councils, the city admin all, nobody else any.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from maeul_db.audit import service as audit
from maeul_db.auth import policies
from maeul_db.core.scope import district_scoped, get_visible
from maeul_db.councils import rules
from maeul_db.councils.schemas import CouncilCreate, CouncilPublic
from maeul_db.errors import Conflict, Forbidden, InvalidInput
from maeul_db.kit.time import check_fact_date
from maeul_db.models import Council, Dong, UserAccount


def visible_councils(user: UserAccount) -> Any:
    return district_scoped(Council, user)


def get(session: Session, *, user: UserAccount, council_id: int) -> Council:
    """A council in the user's scope (404 otherwise); analysts and experts see none."""
    policies.require_fact_logger(user)
    return get_visible(  # type: ignore[no-any-return]
        session, visible_councils(user), Council, council_id, missing="council.not_found"
    )


def get_for_write(session: Session, *, user: UserAccount, council_id: int) -> Council:
    council = get(session, user=user, council_id=council_id)
    if not policies.can_write_district(user, council.district_code):
        raise Forbidden("council.write_forbidden")
    return council


def public(session: Session, council: Council) -> CouncilPublic:
    assert council.id is not None
    dong = session.get(Dong, council.dong_code)
    return CouncilPublic(
        id=council.id,
        district_code=council.district_code,
        dong_code=council.dong_code,
        dong_name=dong.name_ko if dong else council.dong_code,
        founded_on=council.founded_on,
        replaced_committee=council.replaced_committee,
        term_years=council.term_years,
    )


def create(session: Session, *, user: UserAccount, data: CouncilCreate) -> CouncilPublic:
    """Found a dong's council (one per dong); audited."""
    policies.require_fact_logger(user)
    dong = session.get(Dong, data.dong_code)
    if dong is None:
        raise InvalidInput("dong.unknown", field="dong_code", code=data.dong_code)
    if not policies.can_write_district(user, dong.district_code):
        raise Forbidden("council.write_forbidden")
    check_fact_date(data.founded_on, field="founded_on")
    if session.exec(select(Council).where(Council.dong_code == data.dong_code)).first():
        raise Conflict("council.exists", field="dong_code", dong=dong.name_ko)
    council = Council(district_code=dong.district_code, **data.model_dump())
    session.add(council)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="create",
        entity="council",
        entity_id=council.id,
        district_code=council.district_code,
        after=data.model_dump(),
    )
    return public(session, council)


def list_(
    session: Session, *, user: UserAccount, district_code: str | None = None
) -> list[Council]:
    policies.require_fact_logger(user)
    stmt = visible_councils(user).order_by(col(Council.district_code), col(Council.dong_code))
    if district_code is not None:
        stmt = stmt.where(Council.district_code == district_code)
    return list(session.exec(stmt).all())


def term_of(council: Council, day: date) -> tuple[date, date]:
    """The term ``day`` falls in: its first day and the first day of the next (exclusive)."""
    start = rules.term_start(council.founded_on, council.term_years, day)
    return start, rules.shift_years(start, council.term_years)
