"""The dong choropleth use case: participants per dong population for a period, scoped and
suppressed like the indicators, with SVG path data from the reference GeoJSON."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from sqlmodel import Session

from maeul_db.analytics import access, choropleth, queries, summary_read
from maeul_db.analytics.schemas import DongCell, DongMap
from maeul_db.analytics.service import analysis_period
from maeul_db.analytics.suppression import publish
from maeul_db.config import get_settings
from maeul_db.models import UserAccount

GEOJSON = "seoul_dongs.geojson"
DISTRICTS_GEOJSON = "seoul_districts.geojson"
WIDTH = 640.0


@lru_cache(maxsize=64)
def _drawing(
    codes: tuple[str, ...],
    districts: tuple[str, ...],
    successors: tuple[tuple[str, tuple[str, ...]], ...],
    refdata: str,
) -> tuple[dict[str, str], float, tuple[str, ...]]:
    """SVG paths of the dongs ``codes`` and of their districts' outlines, and the height. The
    drawing depends only on which dongs are shown and the reference boundaries, never on the
    facts, so it is projected once per process (it was most of a warm-data map's time)."""
    rings = choropleth.borrow_rings(
        choropleth.load_rings(Path(refdata) / GEOJSON),
        list(codes),
        {code: list(after) for code, after in successors},
    )
    outlines = choropleth.load_rings(Path(refdata) / DISTRICTS_GEOJSON)
    borders = {code: ring for code, ring in outlines.items() if code in districts}
    # One projection for both, so the outlines sit on the dongs (codes: 5 vs 10 digits).
    paths, height = choropleth.project({**rings, **borders}, width=WIDTH)
    return paths, height, tuple(sorted(borders))


@access.time_limited
def dong_map(
    session: Session, *, user: UserAccount, start: date, end: date, district_code: str | None = None
) -> DongMap:
    """Each dong valid on ``end`` with its participants per 1,000 residents (analysts: cells of
    1–4 people hidden and drawn hatched, the rest rounded and the rate computed from the rounded
    count)."""
    start, end = analysis_period(user, start, end)
    scope = access.scope_district(user, district_code)
    threshold = access.suppression_threshold(user)
    rows = queries.dongs(session, on=end, district_code=scope)
    counts = summary_read.participants_by_dong(session, start=start, end=end, district_code=scope)
    successors = queries.dong_successors(session)
    paths, height, borders = _drawing(
        tuple(r.code for r in rows),
        tuple(sorted({r.district_code for r in rows})),
        tuple(sorted((code, tuple(after)) for code, after in successors.items())),
        str(get_settings().refdata_dir),
    )
    shown = {row.code: publish(counts.get(row.code, 0), threshold) for row in rows}
    rates: dict[str, float | None] = {}
    for row in rows:
        n = shown[row.code]
        rates[row.code] = (
            None
            if n is None or not row.population_korean
            else round(1000 * n / row.population_korean, 3)
        )
    top = max((r for r in rates.values() if r), default=0.0)
    cells = []
    for row in rows:
        hidden = shown[row.code] is None
        cells.append(
            DongCell(
                code=row.code,
                name=row.name_ko,
                district_code=row.district_code,
                participants=shown[row.code],
                population_korean=row.population_korean,
                per_thousand=rates[row.code],
                shade=0 if hidden else choropleth.shade(rates[row.code], top),
                suppressed=hidden,
                path=paths.get(row.code, ""),
            )
        )
    return DongMap(
        period_from=start,
        period_to=end,
        district_code=scope,
        width=WIDTH,
        height=height,
        top_per_thousand=top,
        legend=choropleth.legend(top),
        suppression_threshold=threshold,
        dongs=cells,
        borders={code: paths[code] for code in borders if code in paths},
    )
