"""The demo records non-cash self-contributions on its accepted and settled settlements: volunteer
hours at the rate of the project's year and goods in kind, each with the rule that valued it, so
the settlement page shows the recognised share on demo data."""

from __future__ import annotations

from sqlmodel import Session, select

from maeul_db.demo.service import generate_demo
from maeul_db.models import (
    NoncashContribution,
    NoncashKind,
    NoncashRule,
    Project,
    Role,
    Settlement,
    SettlementState,
)
from maeul_db.settlements import noncash
from maeul_db.settlements import service as settlement_service
from tests.builders import make_user
from tests.paperwork.test_demo_paperwork import demo_session

__all__ = ["demo_session"]


def test_the_demo_values_non_cash_contributions_by_the_years_rule(demo_session: Session) -> None:
    session = demo_session
    generate_demo(session.connection(), scale="small", seed=1)
    session.expire_all()
    rows = session.exec(select(NoncashContribution)).all()
    assert rows, "the demo records no non-cash contribution"
    kinds = {r.kind for r in rows}
    assert {NoncashKind.volunteer_labour, NoncashKind.in_kind} <= kinds
    for row in rows:
        settlement = session.get(Settlement, row.settlement_id)
        assert settlement is not None
        assert settlement.state in (SettlementState.accepted, SettlementState.settled)
        rule = noncash.rule_for(session, year=row.year)
        assert rule is not None and (row.rule_id, row.rule_year) == (rule.id, rule.effective_year)
        if row.kind == NoncashKind.volunteer_labour:
            assert row.hours is not None and row.rate_krw == rule.volunteer_hourly_krw
            assert row.value_krw == int(row.hours) * rule.volunteer_hourly_krw > 0
        else:
            assert row.appraised_krw and row.value_krw == row.appraised_krw
    # The settlement service reads them back: the share counts what the demo offered.
    admin = make_user(session, role=Role.city_admin)
    settled = session.get(Settlement, rows[0].settlement_id)
    assert settled is not None
    view = settlement_service.get(session, user=admin, project_id=settled.project_id)
    offered = sum(r.value_krw for r in rows if r.settlement_id == settled.id)
    assert view.share.offered_krw == offered and view.share.recognised_krw > 0
    project = session.get(Project, settled.project_id)
    assert project is not None and view.share.year == project.year
    assert session.exec(select(NoncashRule)).first() is not None
