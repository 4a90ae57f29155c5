"""The completion rule as pure functions: the service loads rows, these decide."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from maeul_db.training.schemas import RuleCheck
from maeul_db.wording import message

COUNCIL_SCHOOL_MIN_HOURS = Decimal(6)


@dataclass(frozen=True)
class Attended:
    module_hours: Decimal
    hours_attended: Decimal
    attended_on: date | None


def attended_hours(rows: Iterable[Attended]) -> Decimal:
    """Hours attended, each module capped at its own length (extra hours never make up a gap)."""
    return sum((min(r.hours_attended, r.module_hours) for r in rows), Decimal(0))


def percent(part: Decimal, whole: Decimal) -> Decimal:
    if whole <= 0:
        return Decimal(0)
    return (part * 100 / whole).quantize(Decimal("0.1"))


def completion_checks(
    *,
    total_hours: Decimal,
    attended: Decimal,
    min_percent: int,
    min_hours: Decimal | None,
    missing_prerequisites: list[str],
    withdrawn_on: date | None,
) -> list[RuleCheck]:
    share = percent(attended, total_hours)
    checks = [
        RuleCheck(
            rule="attendance_percent",
            met=total_hours > 0 and attended * 100 >= total_hours * min_percent,
            detail=message(
                "training_rule.attendance_percent",
                attended=attended,
                total_hours=total_hours,
                share=share,
                min_percent=min_percent,
            ),
        )
    ]
    if min_hours is not None:
        checks.append(
            RuleCheck(
                rule="min_hours",
                met=attended >= min_hours,
                detail=message("training_rule.min_hours", attended=attended, min_hours=min_hours),
            )
        )
    checks.append(
        RuleCheck(
            rule="prerequisites",
            met=not missing_prerequisites,
            detail=(
                message("training_rule.prerequisites_done")
                if not missing_prerequisites
                else message(
                    "training_rule.prerequisites_missing",
                    programmes=", ".join(missing_prerequisites),
                )
            ),
        )
    )
    checks.append(
        RuleCheck(
            rule="not_withdrawn",
            met=withdrawn_on is None,
            detail=(
                message("training_rule.enrolled")
                if withdrawn_on is None
                else message("training_rule.withdrawn", day=withdrawn_on)
            ),
        )
    )
    return checks


def completed_on(
    rows: Iterable[Attended], *, enrolled_on: date, prerequisite_days: Iterable[date]
) -> date:
    """The day the rule was first met: the last attended session or the last prerequisite's day."""
    days = [r.attended_on for r in rows if r.attended_on is not None and r.hours_attended > 0]
    return max([enrolled_on, *days, *prerequisite_days])
