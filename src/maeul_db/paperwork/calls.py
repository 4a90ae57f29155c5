"""Calls for proposals (공모): open one, read its current rules and sheet, add a version of
either. Staff open calls in their district, the city admin city-wide or in any district;
representatives read the calls of their groups' districts and the city-wide ones."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from maeul_db.audit import service as audit
from maeul_db.auth import policies
from maeul_db.core import refs
from maeul_db.core.scope import district_scoped, get_visible
from maeul_db.errors import Forbidden, InvalidInput
from maeul_db.kit.pagination import Page, paginate
from maeul_db.models import Call, CallSpec, CallSpecKind, Role, UserAccount
from maeul_db.paperwork.rules import RULE_KINDS
from maeul_db.paperwork.schemas import CallCreate, CallPublic, RuleSpec, SheetItem
from maeul_db.wording import label, labels

# The points of each item of the sheet a new call's form starts from.
DEFAULT_SHEET_POINTS = {"plan": 40, "people": 30, "budget": 30}


def default_sheet() -> list[dict[str, object]]:
    """The scoring sheet offered when a call is opened (staff may change it)."""
    return [
        {"key": key, "label": label("default_sheet", key), "max": points}
        for key, points in DEFAULT_SHEET_POINTS.items()
    ]


def visible_calls(user: UserAccount) -> Any:
    return district_scoped(Call, user, reps_by_district=True, citywide=True)


def get(session: Session, *, user: UserAccount, call_id: int) -> Call:
    policies.require_paperwork_user(user)
    return get_visible(  # type: ignore[no-any-return]
        session, visible_calls(user), Call, call_id, missing="paperwork.call_not_found"
    )


def list_(
    session: Session, *, user: UserAccount, page: Page, year: int | None = None
) -> tuple[list[Call], int]:
    """Calls in scope, the newest first."""
    policies.require_paperwork_user(user)
    stmt = visible_calls(user)
    if year is not None:
        stmt = stmt.where(Call.year == year)
    return paginate(session, stmt, page=page, order_by=col(Call.id).desc())


def _check_lines(lines: dict[str, int]) -> None:
    known = labels("budget_line")
    for line, ceiling in lines.items():
        if line not in known:
            raise InvalidInput("paperwork.unknown_budget_line", field="budget_lines", line=line)
        if ceiling < 0:
            raise InvalidInput("paperwork.bad_ceiling", field="budget_lines", line=known[line])


def _check_rules(rules: list[RuleSpec]) -> None:
    for rule in rules:
        if rule.kind not in RULE_KINDS:
            raise InvalidInput("paperwork.unknown_rule", field="rules", kind=rule.kind)


def _owning_district(session: Session, user: UserAccount, wanted: str | None) -> str | None:
    if user.role == Role.city_admin:
        return refs.require_district(session, wanted) if wanted else None
    district = wanted or user.district_code
    if user.role != Role.district_staff or district != user.district_code:
        raise Forbidden("paperwork.call_forbidden")
    return district


def create(session: Session, *, user: UserAccount, data: CallCreate) -> Call:
    """A new call with version 1 of its rules and sheet."""
    if not policies.can_log_facts(user):
        raise Forbidden("paperwork.call_forbidden")
    district = _owning_district(session, user, data.district_code)
    if data.closes_on < data.opens_on:
        raise InvalidInput("paperwork.call_dates", field="closes_on")
    _check_lines(data.budget_lines)
    _check_rules(data.rules)
    call = Call(
        **data.model_dump(exclude={"district_code", "rules", "sheet"}),
        district_code=district,
        created_by_user_id=user.id,
    )
    session.add(call)
    session.flush()
    assert call.id is not None
    _add_spec(session, call_id=call.id, kind=CallSpecKind.rules, spec=data.rules)
    _add_spec(session, call_id=call.id, kind=CallSpecKind.sheet, spec=data.sheet)
    audit.record(
        session,
        actor=user,
        action="create",
        entity="paperwork_call",
        entity_id=call.id,
        district_code=district,
        after=data.model_dump(mode="json"),
    )
    return call


def _add_spec(
    session: Session, *, call_id: int, kind: CallSpecKind, spec: list[RuleSpec] | list[SheetItem]
) -> CallSpec:
    latest = session.exec(
        select(func.max(CallSpec.version)).where(CallSpec.call_id == call_id, CallSpec.kind == kind)
    ).one()
    row = CallSpec(
        call_id=call_id,
        kind=kind,
        version=(latest or 0) + 1,
        spec=[item.model_dump(mode="json", exclude_none=True) for item in spec],
    )
    session.add(row)
    session.flush()
    return row


def revise(
    session: Session,
    *,
    user: UserAccount,
    call_id: int,
    rules: list[RuleSpec] | None = None,
    sheet: list[SheetItem] | None = None,
) -> Call:
    """A new version of the call's rules and/or sheet; earlier results keep their version."""
    call = get(session, user=user, call_id=call_id)
    if not policies.can_write_district(user, call.district_code) and not policies.is_city_admin(
        user
    ):
        raise Forbidden("paperwork.call_forbidden")
    assert call.id is not None
    if rules is not None:
        _check_rules(rules)
        _add_spec(session, call_id=call.id, kind=CallSpecKind.rules, spec=rules)
    if sheet is not None:
        _add_spec(session, call_id=call.id, kind=CallSpecKind.sheet, spec=sheet)
    return call


def spec(
    session: Session, *, call_id: int, kind: CallSpecKind, version: int | None = None
) -> CallSpec:
    """A version of a call's rules or sheet (the latest when ``version`` is None), for a use case
    that has already loaded the call in scope."""
    stmt = select(CallSpec).where(CallSpec.call_id == call_id, CallSpec.kind == kind)
    if version is not None:
        stmt = stmt.where(CallSpec.version == version)
    row = session.exec(stmt.order_by(col(CallSpec.version).desc())).first()
    if row is None:  # every call is created with version 1 of both
        raise InvalidInput("paperwork.no_spec", kind=kind.value)
    return row


def public(session: Session, call: Call) -> CallPublic:
    """The call with its current rules and sheet."""
    assert call.id is not None
    rules = spec(session, call_id=call.id, kind=CallSpecKind.rules)
    sheet = spec(session, call_id=call.id, kind=CallSpecKind.sheet)
    return CallPublic.model_validate(
        {
            **{name: getattr(call, name) for name in Call.model_fields},
            "rules": rules.spec,
            "rules_version": rules.version,
            "sheet": sheet.spec,
            "sheet_version": sheet.version,
        }
    )


def read(session: Session, *, user: UserAccount, call_id: int) -> CallPublic:
    return public(session, get(session, user=user, call_id=call_id))
