"""Small-cell suppression for analysts: a cell of 1 to ``threshold - 1`` people is hidden (None) and
marked, plus one more cell where a hidden one could be worked out by subtraction."""

from __future__ import annotations

from maeul_db.analytics.schemas import GENDER_KEYS, Count, Hours, Indicators


def is_small(value: int | None, threshold: int) -> bool:
    return value is not None and 0 < value < threshold


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
    for key in hidden:
        setattr(count, key, None)
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
    for key in ("total", *GENDER_KEYS):
        if getattr(shadow, key) is None:
            setattr(hours, key, None)
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
    ):
        suppress_count(getattr(ind, name), threshold)
    bands = list(ind.participants_by_age_band.values())
    suppress_family(bands, threshold)
    suppress_hours(ind.training_hours, hours_people, threshold)
    return ind


def suppress_row(row: dict[str, int], threshold: int) -> dict[str, int | None]:
    """Cells of a row whose total is shown: hide small ones, and when exactly one is hidden, the
    smallest other non-zero cell too (so the total minus the rest does not give it away)."""
    hidden = {key for key, value in row.items() if is_small(value, threshold)}
    if len(hidden) == 1:
        others = sorted((value, key) for key, value in row.items() if key not in hidden and value)
        if others:
            hidden.add(others[0][1])
    return {key: None if key in hidden else value for key, value in row.items()}
