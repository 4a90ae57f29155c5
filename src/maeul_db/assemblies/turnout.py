"""The turnout indicator, defined once (pure): who took part, who voted, against which population,
and whether the plan's 1% quorum held (docs/indicators.md, "Assembly turnout")."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from maeul_db.assemblies.schemas import Turnout

# Share of a dong's reference population aged 19 or over, used when staff enter no adult
# population. The reference file holds only totals (2021 Q2); Seoul's resident registration put
# about 84% of residents at 19 or over that year (an approximation, stated in the docs).
ADULT_SHARE = Decimal("0.84")
# The plan: "주민 누구나(1% 이상) 참석" — an assembly needs at least 1% of the adults taking part.
QUORUM_PERCENT = Decimal(1)
_CENTS = Decimal("0.01")


def estimate_adults(population: int) -> int:
    """The adult population estimated from a total population (at least 1)."""
    return max(1, int((Decimal(population) * ADULT_SHARE).to_integral_value(ROUND_HALF_UP)))


def percent(part: int, whole: int) -> Decimal:
    """``part`` of ``whole`` in percent, 2 decimals (half up)."""
    return (Decimal(100) * part / Decimal(whole)).quantize(_CENTS, ROUND_HALF_UP)


def quorum_needed(adults: int) -> int:
    """1% of the adults, rounded up: 1,001 adults need 11 people."""
    return math.ceil(Decimal(adults) * QUORUM_PERCENT / 100)


def turnout(*, present: int, onsite_voters: int, prevoters: int, adults: int) -> Turnout:
    """Pre-voters take part without coming (they do not vote again on site), so they count both
    as participants and as voters; the on-site present who did not vote count only as participants."""
    participants = present + prevoters
    voters = onsite_voters + prevoters
    needed = quorum_needed(adults)
    return Turnout(
        participants=participants,
        voters=voters,
        turnout_percent=percent(voters, adults),
        attendance_percent=percent(participants, adults),
        quorum_needed=needed,
        quorum_met=participants >= needed,
    )


def adopted(votes_for: int, votes_against: int, votes_abstain: int) -> bool:
    """An item is adopted by a majority of the votes cast on it (abstentions count as cast)."""
    return votes_for * 2 > votes_for + votes_against + votes_abstain
