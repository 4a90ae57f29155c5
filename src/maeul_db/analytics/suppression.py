"""Small-cell suppression for analysts (docs/indicators.md "Small cells"):

1. a cell of 1 to ``threshold - 1`` people is hidden (None) and marked, plus one more cell where a
   hidden one could be worked out by subtraction;
2. every count shown is rounded to the nearest multiple of ``threshold`` (halves up; 0 stays 0).

Rounding is what resists differencing. An analyst may ask for any quarter-aligned period, so a
cell is published for thousands of overlapping and disjoint periods; any two published figures of
a person count now differ by 0 or by at least ``threshold``, whichever periods (or districts) they
come from, so subtracting one from another never isolates 1 to ``threshold - 1`` people. A rule
that looks only at neighbouring periods cannot promise that: a period ending before someone's
start and one beginning after it are nobody's neighbours, yet differ by exactly that person.
"""

from __future__ import annotations

from maeul_db.analytics.schemas import GENDER_KEYS, Count, Hours, Indicators

# Training hours are rounded to this many hours per threshold person (50 h at the default 5), more
# than one person's hours in a quarter, so a difference of two figures does not give them away.
HOURS_PER_PERSON = 10


def is_small(value: int | None, threshold: int) -> bool:
    return value is not None and 0 < value < threshold


def rounded(value: int, base: int) -> int:
    """The nearest multiple of ``base`` (halves up): with base 5, 12 → 10 and 13 → 15."""
    return (value + base // 2) // base * base


def publish(value: int, threshold: int | None) -> int | None:
    """A person count as an analyst sees it (no threshold: as it is): None when small, else
    rounded to a multiple of the threshold."""
    if not threshold:
        return value
    return None if is_small(value, threshold) else rounded(value, threshold)


def publish_share(part: int, whole: int, threshold: int | None, digits: int = 4) -> float | None:
    """A share of people computed from the published counts, so it tells no more than they do."""
    shown_part, shown_whole = publish(part, threshold), publish(whole, threshold)
    if shown_part is None or not shown_whole:
        return None
    return round(shown_part / shown_whole, digits)


def hide(count: Count) -> None:
    count.total = count.female = count.male = count.unstated = None
    count.suppressed = True


def suppress_count(count: Count, threshold: int) -> Count:
    """Primary: hide small cells. Secondary: when exactly one gender cell is hidden and the total
    shows, hide the smallest other non-zero cell too, so total minus the rest does not give it away
    (hiding a zero would not help: the two hidden cells would still add up to the small one)."""
    if is_small(count.total, threshold):
        hide(count)
        return count
    hidden = [key for key in GENDER_KEYS if is_small(getattr(count, key), threshold)]
    if len(hidden) == 1:
        others = sorted(
            (getattr(count, key), key)
            for key in GENDER_KEYS
            if key not in hidden and getattr(count, key)
        )
        if others:
            hidden.append(others[0][1])
    for key in ("total", *GENDER_KEYS):
        value = getattr(count, key)
        shown = None if key in hidden or value is None else rounded(value, threshold)
        setattr(count, key, shown)
    count.suppressed = bool(hidden)
    return count


def suppress_family(counts: list[Count], threshold: int) -> None:
    """Counts that add up to a shown total (age bands): hide one more when exactly one is hidden."""
    for count in counts:
        suppress_count(count, threshold)
    hidden = [c for c in counts if c.total is None]
    if len(hidden) == 1:
        visible = sorted((c for c in counts if c.total), key=lambda c: c.total or 0)
        if visible:
            hide(visible[0])


def suppress_hours(hours: Hours, people: Count, threshold: int) -> None:
    """Hours cells behind fewer than ``threshold`` people are hidden the same way as counts."""
    shadow = suppress_count(people.model_copy(), threshold)
    base = HOURS_PER_PERSON * threshold
    for key in ("total", *GENDER_KEYS):
        value = getattr(hours, key)
        hidden = getattr(shadow, key) is None or value is None
        setattr(hours, key, None if hidden else float(rounded(round(value), base)))
    hours.suppressed = shadow.suppressed


def suppress_indicators(ind: Indicators, hours_people: Count, threshold: int) -> Indicators:
    for name in (
        "participants",
        "repeat_participants",
        "lead_proposers",
        "council_members",
        "council_members_with_project_experience",
        "experts_trained",
        "experts_pool",
        "experts_placed",
        "repeat_participants_ever",
        "group_members",
        "people_engaged",
    ):
        suppress_count(getattr(ind, name), threshold)
    bands = list(ind.participants_by_age_band.values())
    suppress_family(bands, threshold)
    suppress_hours(ind.training_hours, hours_people, threshold)
    return ind


def suppress_row(row: dict[str, int], threshold: int) -> dict[str, int | None]:
    """Cells of a row whose total is shown: hide small ones, and when exactly one is hidden, the
    smallest other non-zero cell too (so the total minus the rest does not give it away); round
    the rest."""
    hidden = {key for key, value in row.items() if is_small(value, threshold)}
    if len(hidden) == 1:
        others = sorted((value, key) for key, value in row.items() if key not in hidden and value)
        if others:
            hidden.add(others[0][1])
    return {key: None if key in hidden else rounded(value, threshold) for key, value in row.items()}
