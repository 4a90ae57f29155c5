"""Non-cash self-contribution (DESIGN-NOTES "Money"): hours x a rate or an appraised value,
valued by the rule of the project's year and kept with that rule, so a later change of rates
never rewrites an earlier year. Public support (staff, facilities, other grants) is recorded but
counts for nothing; what counts is recognised up to the year's share of the grant."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func
from sqlmodel import Session, col, select

from maeul_db.audit import service as audit
from maeul_db.auth import policies
from maeul_db.errors import Forbidden, InvalidInput
from maeul_db.models import NoncashContribution, NoncashKind, NoncashRule, UserAccount

NOT_COUNTED = frozenset(
    {NoncashKind.public_staff, NoncashKind.public_facility, NoncashKind.public_grant}
)
BY_HOURS = frozenset({NoncashKind.volunteer_labour, NoncashKind.professional_service})


@dataclass(frozen=True)
class Valuation:
    value_krw: int
    rate_krw: int | None
    rule: NoncashRule


@dataclass(frozen=True)
class ShareCheck:
    """What of ``offered_krw`` counts as self-contribution in ``year`` for a grant."""

    year: int
    rule_year: int | None
    share_pct: int
    cap_krw: int
    offered_krw: int
    recognised_krw: int
    excess_krw: int


def rule_for(session: Session, *, year: int) -> NoncashRule | None:
    """The rule in force in ``year``: the latest one that took effect in or before it."""
    stmt = (
        select(NoncashRule)
        .where(NoncashRule.effective_year <= year)
        .order_by(col(NoncashRule.effective_year).desc())
        .limit(1)
    )
    return session.exec(stmt).first()


def list_rules(session: Session) -> list[NoncashRule]:
    return list(session.exec(select(NoncashRule).order_by(col(NoncashRule.effective_year))).all())


def _won(amount: Decimal) -> int:
    return int(amount.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def value(
    session: Session,
    *,
    year: int,
    kind: NoncashKind,
    hours: Decimal | None,
    rate_krw: int | None,
    appraised_krw: int | None,
) -> Valuation:
    """The contribution's value under the rule of ``year`` (refused when no rule covers it)."""
    rule = rule_for(session, year=year)
    if rule is None:
        raise InvalidInput("noncash.no_rule", field="kind", year=year)
    return valued(rule, kind=kind, hours=hours, rate_krw=rate_krw, appraised_krw=appraised_krw)


def valued(
    rule: NoncashRule,
    *,
    kind: NoncashKind,
    hours: Decimal | None,
    rate_krw: int | None,
    appraised_krw: int | None,
) -> Valuation:
    """A contribution's value under ``rule`` (pure: the demo's bulk rows are valued by it too)."""
    if kind in BY_HOURS:
        if hours is None or hours <= 0:
            raise InvalidInput("noncash.hours_required", field="hours")
        rate = rule.volunteer_hourly_krw
        if kind == NoncashKind.professional_service:
            if rate_krw is None:
                raise InvalidInput("noncash.rate_required", field="rate_krw")
            rate = min(rate_krw, rule.professional_hourly_cap_krw)
        counted = 0 if kind in NOT_COUNTED else _won(hours * rate)
        return Valuation(value_krw=counted, rate_krw=rate, rule=rule)
    if appraised_krw is None:
        raise InvalidInput("noncash.appraisal_required", field="appraised_krw")
    counted = 0 if kind in NOT_COUNTED else appraised_krw
    return Valuation(value_krw=counted, rate_krw=None, rule=rule)


def in_force(rules: list[NoncashRule], year: int) -> NoncashRule | None:
    """Of ``rules``, the one in force in ``year`` (as ``rule_for``, without a query)."""
    earlier = [r for r in rules if r.effective_year <= year]
    return max(earlier, key=lambda r: r.effective_year) if earlier else None


def recognised_share(
    session: Session, *, year: int, grant_krw: int, offered_krw: int
) -> ShareCheck:
    """How much non-cash self-contribution counts in ``year``: at most the year's share of the
    grant (the plan: 10% in 2018 to 50% in 2022). For the settlement and the application."""
    rule = rule_for(session, year=year)
    share = rule.recognised_share_pct if rule else 0
    cap = grant_krw * share // 100
    recognised = min(offered_krw, cap)
    return ShareCheck(
        year=year,
        rule_year=rule.effective_year if rule else None,
        share_pct=share,
        cap_krw=cap,
        offered_krw=offered_krw,
        recognised_krw=recognised,
        excess_krw=offered_krw - recognised,
    )


def set_rule(
    session: Session,
    *,
    user: UserAccount,
    effective_year: int,
    volunteer_hourly_krw: int,
    professional_hourly_cap_krw: int,
    recognised_share_pct: int,
) -> NoncashRule:
    """A new rule from ``effective_year`` on (city admin). A year that already has valued
    contributions is never rewritten: the change must start after the last such year."""
    if not policies.is_city_admin(user):
        raise Forbidden("noncash.rule_forbidden")
    last_used = session.exec(select(func.max(NoncashContribution.year))).one()
    if last_used is not None and effective_year <= last_used:
        raise InvalidInput(
            "noncash.rule_in_use", field="effective_year", year=effective_year, last=last_used
        )
    row = session.exec(
        select(NoncashRule).where(NoncashRule.effective_year == effective_year)
    ).first()
    row = row or NoncashRule(
        effective_year=effective_year,
        volunteer_hourly_krw=0,
        professional_hourly_cap_krw=0,
        recognised_share_pct=0,
    )
    row.volunteer_hourly_krw = volunteer_hourly_krw
    row.professional_hourly_cap_krw = professional_hourly_cap_krw
    row.recognised_share_pct = recognised_share_pct
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="update",
        entity="noncash_rule",
        entity_id=row.id,
        after={
            "effective_year": effective_year,
            "volunteer": volunteer_hourly_krw,
            "cap": professional_hourly_cap_krw,
            "share": recognised_share_pct,
        },
    )
    return row
