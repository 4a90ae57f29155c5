"""The per-dong placement target of each district: the 2nd master plan's 2 experts per dong, which
a district may raise or lower within the plan's range (a stored ``expert_target`` row)."""

from __future__ import annotations

from sqlmodel import Session, select

from maeul_db.audit import service as audit
from maeul_db.auth import policies
from maeul_db.errors import Forbidden, InvalidInput
from maeul_db.models import District, ExpertTarget, UserAccount

PLAN_TARGET_PER_DONG = 2
# The plan lets a district adjust the target; zero would hide every gap, more than 5 is no plan.
TARGET_RANGE = range(1, 6)


def target_for(session: Session, *, district_code: str) -> int:
    row = session.exec(
        select(ExpertTarget).where(ExpertTarget.district_code == district_code)
    ).first()
    return row.per_dong if row is not None else PLAN_TARGET_PER_DONG


def per_district(session: Session) -> dict[str, int]:
    """Every stored target (districts without one use the plan's 2); for the KPI's target."""
    return {row.district_code: row.per_dong for row in session.exec(select(ExpertTarget)).all()}


def set_target(session: Session, *, user: UserAccount, district_code: str, per_dong: int) -> int:
    """A district's staff (or the city admin) set its per-dong target; audited."""
    if not policies.can_write_district(user, district_code):
        raise Forbidden("expert.target_forbidden")
    if session.get(District, district_code) is None:
        raise InvalidInput("expert.unknown_district", field="district_code", code=district_code)
    if per_dong not in TARGET_RANGE:
        raise InvalidInput(
            "expert.target_out_of_range",
            field="per_dong",
            low=TARGET_RANGE.start,
            high=TARGET_RANGE.stop - 1,
        )
    row = session.exec(
        select(ExpertTarget).where(ExpertTarget.district_code == district_code)
    ).first()
    before = {"per_dong": row.per_dong if row else PLAN_TARGET_PER_DONG}
    row = row or ExpertTarget(district_code=district_code, per_dong=per_dong)
    row.per_dong, row.set_by_user_id = per_dong, user.id
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="set",
        entity="expert_target",
        entity_id=district_code,
        district_code=district_code,
        before=before,
        after={"per_dong": per_dong},
    )
    return per_dong
