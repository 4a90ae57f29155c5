"""Non-cash self-contribution: valued by the rule of the project's year and kept with it; the
recognised share of the grant by year (plan: 10% in 2018 → 50% in 2022); a rate change in between
never rewrites an earlier year."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlmodel import Session

from maeul_db.errors import Forbidden, InvalidInput
from maeul_db.models import NoncashKind
from maeul_db.settlements import noncash
from maeul_db.settlements import service as settlement_service
from maeul_db.settlements.schemas import NoncashCreate
from tests.builders import make_project
from tests.settlements.conftest import Desk


def _volunteer(hours: str) -> NoncashCreate:
    return NoncashCreate(
        kind=NoncashKind.volunteer_labour, description="화단 정리", hours=Decimal(hours)
    )


@pytest.mark.parametrize(
    ("year", "share"),
    [(2017, 0), (2018, 10), (2019, 20), (2020, 30), (2021, 40), (2022, 50), (2024, 50)],
)
def test_recognised_share_follows_the_plan_by_year(session: Session, year: int, share: int) -> None:
    check = noncash.recognised_share(
        session, year=year, grant_krw=10_000_000, offered_krw=9_000_000
    )
    assert check.share_pct == share
    assert check.cap_krw == 10_000_000 * share // 100
    assert check.recognised_krw == min(9_000_000, 100_000 * share)
    assert check.excess_krw == 9_000_000 - check.recognised_krw


def test_a_rate_change_applies_from_its_year_and_never_rewrites_an_earlier_one(
    session: Session, desk: Desk
) -> None:
    # 2019: 100 volunteer hours at 2019's rate (8,350 won, the minimum wage) = 835,000 won.
    early = settlement_service.add_noncash(
        session, user=desk.staff, project_id=desk.pid, data=_volunteer("100")
    )
    assert (early.rate_krw, early.value_krw, early.rule_year) == (8_350, 835_000, 2019)

    noncash.set_rule(
        session,
        user=desk.admin,
        effective_year=2020,
        volunteer_hourly_krw=12_000,
        professional_hourly_cap_krw=60_000,
        recognised_share_pct=30,
    )
    later = make_project(session, name="2020 사업", year=2020, grant_krw=3_000_000)
    assert later.id is not None
    after = settlement_service.add_noncash(
        session, user=desk.staff, project_id=later.id, data=_volunteer("100")
    )
    assert (after.rate_krw, after.value_krw, after.rule_year) == (12_000, 1_200_000, 2020)
    # The 2020 grant of 3,000,000 recognises 30% = 900,000 of the 1,200,000 offered.
    view = settlement_service.get(session, user=desk.staff, project_id=later.id)
    assert (view.share.recognised_krw, view.share.excess_krw) == (900_000, 300_000)

    # 2019 is untouched: the stored contribution and a new one both use 2019's rate.
    session.refresh(early)
    assert (early.rate_krw, early.value_krw) == (8_350, 835_000)
    again = settlement_service.add_noncash(
        session, user=desk.staff, project_id=desk.pid, data=_volunteer("10")
    )
    assert again.value_krw == 83_500
    # 2019's cap: 20% of 3,000,000 = 600,000 of the 918,500 offered.
    view = settlement_service.get(session, user=desk.staff, project_id=desk.pid)
    assert (view.share.offered_krw, view.share.recognised_krw) == (918_500, 600_000)


def test_a_year_with_valued_contributions_cannot_get_a_new_rate(
    session: Session, desk: Desk
) -> None:
    settlement_service.add_noncash(
        session, user=desk.staff, project_id=desk.pid, data=_volunteer("5")
    )
    with pytest.raises(InvalidInput) as refused:
        noncash.set_rule(
            session,
            user=desk.admin,
            effective_year=2019,
            volunteer_hourly_krw=1,
            professional_hourly_cap_krw=1,
            recognised_share_pct=1,
        )
    assert refused.value.code == "noncash.rule_in_use"
    assert "2019" in refused.value.message
    with pytest.raises(Forbidden):
        noncash.set_rule(
            session,
            user=desk.staff,
            effective_year=2030,
            volunteer_hourly_krw=1,
            professional_hourly_cap_krw=1,
            recognised_share_pct=1,
        )


def test_professional_rate_is_capped_in_kind_is_appraised_public_support_counts_nothing(
    session: Session, desk: Desk
) -> None:
    add = settlement_service.add_noncash
    pro = add(
        session,
        user=desk.staff,
        project_id=desk.pid,
        data=NoncashCreate(
            kind=NoncashKind.professional_service,
            description="목공 강의",
            hours=Decimal("3"),
            rate_krw=80_000,
        ),
    )
    assert (pro.rate_krw, pro.value_krw) == (50_000, 150_000)  # capped at 50,000 an hour
    goods = add(
        session,
        user=desk.staff,
        project_id=desk.pid,
        data=NoncashCreate(kind=NoncashKind.in_kind, description="모종 기증", appraised_krw=70_000),
    )
    assert goods.value_krw == 70_000
    staff_time = add(
        session,
        user=desk.staff,
        project_id=desk.pid,
        data=NoncashCreate(
            kind=NoncashKind.public_staff, description="주민센터 직원", appraised_krw=500_000
        ),
    )
    assert staff_time.value_krw == 0


def test_a_year_before_any_rule_is_refused(session: Session, desk: Desk) -> None:
    old = make_project(session, name="2016 사업", year=2016, grant_krw=1_000_000)
    assert old.id is not None
    with pytest.raises(InvalidInput) as refused:
        settlement_service.add_noncash(
            session, user=desk.staff, project_id=old.id, data=_volunteer("1")
        )
    assert refused.value.code == "noncash.no_rule"
