"""The non-cash rates page's use cases (issue 15 "Changing a rate never rewrites an earlier
year"): every version of the rules by the year it takes effect, the last year already valued with
them, and a new version from a later year (``noncash.set_rule`` refuses an earlier one). Staff
read them; only the city admin adds a version."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from maeul_db.auth import policies
from maeul_db.models import NoncashContribution, NoncashRule, UserAccount
from maeul_db.settlements import noncash
from maeul_db.settlements.schemas import NoncashRuleCreate


@dataclass(frozen=True)
class RulesView:
    rules: list[NoncashRule]
    # The latest year a contribution was valued in: a new version must start after it.
    last_valued_year: int | None
    can_change: bool


def rules_view(session: Session, *, user: UserAccount) -> RulesView:
    policies.require_fact_logger(user)
    last = session.exec(select(func.max(NoncashContribution.year))).one()
    return RulesView(
        rules=noncash.list_rules(session),
        last_valued_year=last,
        can_change=policies.is_city_admin(user),
    )


def add_version(session: Session, *, user: UserAccount, data: NoncashRuleCreate) -> NoncashRule:
    """A new version from ``data.effective_year`` (city admin; never a year already valued)."""
    return noncash.set_rule(session, user=user, **data.model_dump())
