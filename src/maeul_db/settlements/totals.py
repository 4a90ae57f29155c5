"""Totals of a settlement (pure): spent per budget line against the plan, unspent money and
interest to return."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from maeul_db.models import ExpenseLine, SettlementExpense


@dataclass(frozen=True)
class LineTotal:
    line: ExpenseLine
    planned_krw: int
    spent_krw: int

    @property
    def remaining_krw(self) -> int:
        return self.planned_krw - self.spent_krw

    @property
    def over(self) -> bool:
        return self.spent_krw > self.planned_krw


@dataclass(frozen=True)
class Totals:
    grant_krw: int
    planned_krw: int
    spent_krw: int
    interest_krw: int
    lines: list[LineTotal]

    @property
    def unspent_krw(self) -> int:
        return max(self.grant_krw - self.spent_krw, 0)

    @property
    def to_return_krw(self) -> int:
        """The grant not spent plus the interest it earned: both go back."""
        return self.unspent_krw + self.interest_krw

    @property
    def over_grant(self) -> bool:
        return self.spent_krw > self.grant_krw


def compute(
    *,
    grant_krw: int,
    interest_krw: int,
    planned: Mapping[ExpenseLine, int],
    expenses: Iterable[SettlementExpense],
) -> Totals:
    spent: dict[ExpenseLine, int] = {}
    for expense in expenses:
        spent[expense.line] = spent.get(expense.line, 0) + expense.amount_krw
    lines = [
        LineTotal(line=line, planned_krw=planned.get(line, 0), spent_krw=spent.get(line, 0))
        for line in ExpenseLine
        if planned.get(line) or spent.get(line)
    ]
    return Totals(
        grant_krw=grant_krw,
        planned_krw=sum(planned.values()),
        spent_krw=sum(spent.values()),
        interest_krw=interest_krw,
        lines=lines,
    )
