"""The month since which a person had met two distinct projects, per year of taking part, for
the full refresh's person-year rows (``analytics.summary_sql``; ``person_year_rows._two_since``
works out the same in Python for the incremental one): ``two_since`` on ``analytics_person_year``,
read by ``analytics.family_two``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, func

from maeul_db.analytics import month_masks
from maeul_db.analytics.queries import select


def rows(facts: Any) -> Any:
    """(person, scope, year, since) for each year of taking part: the second latest of the
    last months (up to 31 December of the year) in which each of the person's projects was met,
    so that two distinct projects were met from ``since`` on (no row: fewer than two)."""
    lm = month_masks.last_month_sql(facts.c.months, facts.c.year)
    pm = (
        select(
            facts.c.person, facts.c.scope, facts.c.project, facts.c.year, func.max(lm).label("lm")
        )
        .where(facts.c.project.is_not(None))
        .group_by(facts.c.person, facts.c.scope, facts.c.project, facts.c.year)
        .subquery("project_months")
    )
    years = select(pm.c.person, pm.c.scope, pm.c.year).distinct().subquery("part_years")
    upto = pm.alias("upto")
    keys = (years.c.person, years.c.scope, years.c.year)
    latest = (
        select(*keys, func.max(upto.c.lm).label("lm"))
        .join(
            upto,
            and_(
                upto.c.person == years.c.person,
                upto.c.scope == years.c.scope,
                upto.c.year <= years.c.year,
            ),
        )
        .group_by(*keys, upto.c.project)
        .subquery("latest")
    )
    lt = latest.c
    rank = func.row_number().over(
        partition_by=(lt.person, lt.scope, lt.year), order_by=lt.lm.desc()
    )
    ranked = select(lt.person, lt.scope, lt.year, lt.lm, rank.label("rank")).subquery("ranked")
    r = ranked.c
    # Grouped (one row per person-year already), so that SQLite indexes it for the join rather
    # than scanning it once per person-year.
    keys = (r.person, r.scope, r.year)
    second = select(*keys, func.max(r.lm).label("since")).where(r.rank == 2).group_by(*keys)
    return second.subquery("two")
