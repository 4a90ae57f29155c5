"""Demo result reports and settlements: a few recent projects per district, in every state (draft,
submitted, returned, accepted; settled for settlements), with budget plans, expenses and their
evidence (one small PDF), the state history, and on the accepted and settled ones the non-cash
self-contribution (volunteer hours x the year's rate, goods in kind), valued by the same rule
function as the service (``settlements.noncash.valued``). Drawn from their own random stream, so
adding them changes no other demo row."""

from __future__ import annotations

import hashlib
import random
from datetime import date, timedelta
from decimal import Decimal

from maeul_db.demo.context import Context
from maeul_db.demo.dataset import LAST_YEAR, stamp
from maeul_db.demo.projects import Plan, ProjectPlan
from maeul_db.models import NoncashKind, NoncashRule
from maeul_db.settlements.noncash import in_force, valued

PER_DISTRICT = 3
REPORT_STATES = ("draft", "submitted", "returned", "accepted")
SETTLEMENT_STATES = ("draft", "submitted", "returned", "accepted", "settled")
# The steps each state was reached by (from draft).
PATHS = {
    "draft": (),
    "submitted": ("submitted",),
    "returned": ("submitted", "returned"),
    "accepted": ("submitted", "accepted"),
    "settled": ("submitted", "accepted", "settled"),
}
LINES = ("operating", "materials", "publicity", "instructor")
PAYEES = ("동네문구", "골목꽃집", "마을인쇄소", "우리동네목공방", "새봄식자재", "한빛강사협동조합")
EVIDENCE = ("card", "tax_invoice", "other")
RECEIPT = b"%PDF-1.4\n% demo receipt\n%%EOF\n"
NARRATIVE = "이웃이 함께 모여 골목을 가꾸고 서로 알게 되었습니다. 활동 사진을 첨부합니다."
RETURN_NOTE = "영수증 날짜와 금액을 확인해 주세요."
# Settlements whose non-cash contribution the demo records.
WITH_NONCASH = ("accepted", "settled")
VOLUNTEERING = ("주민 자원활동(모임 준비·정리)", "마을 청소 자원활동", "행사 진행 자원봉사")
IN_KIND = ("회원이 빌려준 천막·탁자(임대 시세)", "이웃 가게가 내놓은 식재료(시가)")


def chosen(plan: Plan) -> list[ProjectPlan]:
    """The first projects of the last two years in each district."""
    picked: dict[str, list[ProjectPlan]] = {}
    for project in plan.projects:
        if project.year >= LAST_YEAR - 1:
            rows = picked.setdefault(project.group.district.code, [])
            if len(rows) < PER_DISTRICT:
                rows.append(project)
    return [p for rows in picked.values() for p in rows]


def _events(ctx: Context, project: ProjectPlan, subject: str, state: str, day: date) -> None:
    previous = "draft"
    for step, to_state in enumerate(PATHS[state]):
        at = stamp(day + timedelta(days=7 * step), project.id)
        note = RETURN_NOTE if to_state == "returned" else None
        row = (
            ctx.data.next_id("settlement_event"),
            at,
            at,
            project.id,
            project.group.district.code,
            subject,
            previous,
            to_state,
            None,
            note,
        )
        ctx.data.add("settlement_event", row)
        previous = to_state


def _report(ctx: Context, project: ProjectPlan, state: str) -> None:
    end = project.ends_on
    due = date(end.year + (end.month + 2 > 12), (end.month + 1) % 12 + 1, min(end.day, 28))
    submitted = stamp(end + timedelta(days=20), project.id) if state != "draft" else None
    at = stamp(end, project.id)
    note = RETURN_NOTE if state == "returned" else None
    ctx.data.add(
        "result_report",
        (
            ctx.data.next_id("result_report"),
            at,
            at,
            project.id,
            project.group.district.code,
            state,
            NARRATIVE,
            due,
            None,
            submitted,
            submitted if state in ("returned", "accepted") else None,
            note,
        ),
    )
    _events(ctx, project, "report", state, end + timedelta(days=20))


def _settlement(
    ctx: Context, rng: random.Random, project: ProjectPlan, grant: int, state: str
) -> None:
    district = project.group.district.code
    at = stamp(project.ends_on, project.id)
    settlement_id = ctx.data.next_id("settlement")
    settled = (
        stamp(project.ends_on + timedelta(days=60), project.id) if state == "settled" else None
    )
    ctx.data.add(
        "settlement",
        (
            settlement_id,
            at,
            at,
            project.id,
            district,
            state,
            rng.randint(0, 30) * 100,
            at if state != "draft" else None,
            settled,
            RETURN_NOTE if state == "returned" else None,
        ),
    )
    shares = (0.3, 0.4, 0.2, 0.1)
    for line, share in zip(LINES, shares, strict=True):
        ctx.data.add(
            "settlement_budget_line",
            (
                ctx.data.next_id("settlement_budget_line"),
                at,
                at,
                settlement_id,
                line,
                int(grant * share),
            ),
        )
    count = rng.randint(2, 4)
    for number in range(count):
        line = LINES[number % len(LINES)]
        amount = int(grant * shares[number % len(LINES)] * rng.uniform(0.5, 0.95)) // 10 * 10
        day = project.starts_on + timedelta(
            days=rng.randint(0, max(1, (project.ends_on - project.starts_on).days))
        )
        file_id = None
        # A draft's last receipt is still missing: the page shows what is left to do.
        if not (state == "draft" and number == count - 1):
            file_id = ctx.data.next_id("stored_attachment")
            ctx.data.add(
                "stored_attachment",
                (
                    file_id,
                    at,
                    at,
                    project.id,
                    district,
                    "expense",
                    f"receipt-{number + 1}.pdf",
                    "application/pdf",
                    len(RECEIPT),
                    hashlib.sha256(RECEIPT).hexdigest(),
                    RECEIPT,
                    None,
                ),
            )
        ctx.data.add(
            "settlement_expense",
            (
                ctx.data.next_id("settlement_expense"),
                at,
                at,
                settlement_id,
                district,
                day,
                rng.choice(PAYEES),
                line,
                max(amount, 1000),
                rng.choice(EVIDENCE),
                file_id,
                None,
            ),
        )
    _events(ctx, project, "settlement", state, project.ends_on + timedelta(days=30))


def _noncash(
    ctx: Context, rng: random.Random, project: ProjectPlan, settlement_id: int, rule: NoncashRule
) -> None:
    """Volunteer hours and one gift in kind, valued under the rule of the project's year."""
    at = stamp(project.ends_on, project.id)
    hours = Decimal(rng.randint(8, 60))
    offers = (
        (NoncashKind.volunteer_labour, rng.choice(VOLUNTEERING), hours, None),
        (NoncashKind.in_kind, rng.choice(IN_KIND), None, rng.randint(5, 30) * 10_000),
    )
    for kind, description, spent, appraised in offers:
        value = valued(rule, kind=kind, hours=spent, rate_krw=None, appraised_krw=appraised)
        ctx.data.add(
            "noncash_contribution",
            (
                ctx.data.next_id("noncash_contribution"),
                at,
                at,
                settlement_id,
                project.group.district.code,
                project.year,
                kind.value,
                description,
                spent,
                value.rate_krw,
                appraised,
                value.value_krw,
                rule.id,
                rule.effective_year,
            ),
        )


def make_settlements(ctx: Context, plan: Plan, rules: list[NoncashRule] | None = None) -> None:
    rng = random.Random(f"paperwork-{len(plan.projects)}")
    grants = {row[0]: row[10] for row in ctx.data.rows["project"]}
    for index, project in enumerate(chosen(plan)):
        _report(ctx, project, REPORT_STATES[index % len(REPORT_STATES)])
        state = SETTLEMENT_STATES[index % len(SETTLEMENT_STATES)]
        _settlement(ctx, rng, project, max(grants.get(project.id, 0), 100_000), state)
        rule = in_force(rules or [], project.year)
        if state in WITH_NONCASH and rule is not None:
            settlement_id = ctx.data.rows["settlement"][-1][0]
            _noncash(ctx, random.Random(f"noncash-{project.id}"), project, settlement_id, rule)
