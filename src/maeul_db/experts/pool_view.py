"""The pool page: candidates with their eligibility rule by rule, filtered by district and stage,
and what the viewer may do with them (place, from their district's dongs).

Eligible members are a city resource (every district selects from them), so staff see all of them;
people part-way through the pool's training appear only when visible to the viewer anyway.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, col, select

from maeul_db.access_log import service as access_log
from maeul_db.analytics import choropleth
from maeul_db.analytics import queries as analytics_queries
from maeul_db.analytics.map_service import GEOJSON
from maeul_db.auth import policies
from maeul_db.careers import rules as career_rules
from maeul_db.config import get_settings
from maeul_db.errors import Forbidden
from maeul_db.experts import service as expert_service
from maeul_db.experts.schemas import Coverage, Eligibility, PlacementPublic
from maeul_db.kit.time import active_on
from maeul_db.models import (
    Career,
    District,
    Dong,
    ExpertPlacement,
    JobType,
    Person,
    TrainingStage,
    UserAccount,
)
from maeul_db.participants.visibility import visible_people
from maeul_db.refdata import queries as refdata_queries


@dataclass(frozen=True)
class Candidate:
    person_id: int
    name: str
    birth_year: int
    district_code: str
    eligibility: Eligibility
    placed_dong_codes: list[str]
    # Has a New Deal job longer than 23 months on record (a flag for staff, not a bar).
    new_deal_over_limit: bool


@dataclass(frozen=True)
class PoolView:
    candidates: list[Candidate]
    districts: list[District]
    # The dongs the viewer may place in: only district staff place (their district's dongs).
    place_dongs: list[Dong] = field(default_factory=list)


def _visible_ids(session: Session, user: UserAccount, ids: list[int]) -> set[int]:
    stmt = visible_people(user).with_only_columns(col(Person.id)).where(col(Person.id).in_(ids))
    return set(session.exec(stmt).all())


def _new_deal_flags(session: Session, ids: list[int], as_of: date) -> set[int]:
    rows = session.exec(
        select(Career).where(
            col(Career.person_id).in_(ids),
            Career.job_type == JobType.new_deal,
            col(Career.voided_at).is_(None),
        )
    ).all()
    return {
        r.person_id
        for r in rows
        if career_rules.over_new_deal_limit(r.job_type, r.valid_from, r.valid_to, today=as_of)
    }


def _placed(session: Session, ids: list[int], as_of: date) -> dict[int, list[str]]:
    placed: dict[int, list[str]] = {}
    for row in session.exec(
        select(ExpertPlacement).where(
            col(ExpertPlacement.person_id).in_(ids), active_on(ExpertPlacement, as_of)
        )
    ).all():
        placed.setdefault(row.person_id, []).append(row.dong_code)
    return placed


def candidates(
    session: Session,
    *,
    user: UserAccount,
    as_of: date,
    district_code: str | None = None,
    stage: TrainingStage | None = None,
) -> list[Candidate]:
    """Everyone with a completed pool stage the viewer may see, eligible members first."""
    if not policies.can_log_facts(user):
        raise Forbidden("expert.pool_forbidden")
    days = expert_service.stage_days(session, None)
    checks = {pid: expert_service.evaluate_pool(d) for pid, d in days.items()}
    if stage is not None:
        checks = {pid: e for pid, e in checks.items() if stage.value in days[pid]}
    partial = [pid for pid, e in checks.items() if not e.eligible]
    shown = {pid for pid, e in checks.items() if e.eligible} | _visible_ids(session, user, partial)
    stmt = select(Person).where(col(Person.id).in_(shown), col(Person.merged_into_id).is_(None))
    if district_code:
        stmt = stmt.where(Person.registered_district_code == district_code)
    people = list(session.exec(stmt.order_by(col(Person.name), col(Person.id))).all())
    ids = [p.id for p in people if p.id is not None]
    placed, flagged = _placed(session, ids, as_of), _new_deal_flags(session, ids, as_of)
    rows = [
        Candidate(
            person_id=pid,
            name=p.name,
            birth_year=p.birth_year,
            district_code=p.registered_district_code,
            eligibility=checks[pid].model_copy(update={"person_id": pid}),
            placed_dong_codes=sorted(placed.get(pid, [])),
            new_deal_over_limit=pid in flagged,
        )
        for p in people
        if (pid := p.id) is not None
    ]
    rows.sort(key=lambda c: not c.eligibility.eligible)
    access_log.record(session, actor=user, action="experts.pool", person_ids=ids)
    return rows


def pool_view(
    session: Session,
    *,
    user: UserAccount,
    as_of: date,
    district_code: str | None,
    stage: TrainingStage | None,
) -> PoolView:
    found = candidates(session, user=user, as_of=as_of, district_code=district_code, stage=stage)
    place_dongs: list[Dong] = []
    if not policies.is_city_admin(user) and user.district_code:
        place_dongs = refdata_queries.current_dongs(session, district_code=user.district_code)
    return PoolView(found, refdata_queries.districts(session), place_dongs)


@dataclass(frozen=True)
class MapDong:
    code: str
    name: str
    path: str
    # "met", "short" (some placed, below target) or "none" (nobody placed).
    state: str
    placed: int
    target: int


@dataclass(frozen=True)
class CoverageMap:
    width: float
    height: float
    dongs: list[MapDong]


@dataclass(frozen=True)
class CoveragePage:
    """The coverage page: the table (service.coverage_view), the district's placements active
    today with the New Deal flag of each person, whether the viewer may set the target, and the
    dongs drawn as a map (shapes from the analytics dong map's GeoJSON)."""

    view: expert_service.CoverageView
    placements: list[PlacementPublic]
    flagged: set[int]
    can_set_target: bool
    map: CoverageMap | None = None


MAP_WIDTH = 360.0


def _coverage_map(session: Session, coverage: Coverage) -> CoverageMap | None:
    path = get_settings().refdata_dir / GEOJSON
    if not path.exists():
        return None  # an installation without the boundaries shows the table only
    codes = [row.dong_code for row in coverage.dongs]
    rings = choropleth.borrow_rings(
        choropleth.load_rings(path), codes, analytics_queries.dong_successors(session)
    )
    paths, height = choropleth.project(rings, width=MAP_WIDTH)
    dongs = [
        MapDong(
            code=row.dong_code,
            name=row.dong_name,
            path=paths.get(row.dong_code, ""),
            state="met" if row.gap == 0 else ("short" if row.placed else "none"),
            placed=row.placed,
            target=row.target,
        )
        for row in coverage.dongs
    ]
    return CoverageMap(MAP_WIDTH, height, dongs)


def coverage_page(
    session: Session, *, user: UserAccount, district_code: str | None, as_of: date, within_days: int
) -> CoveragePage:
    view = expert_service.coverage_view(
        session, user=user, district_code=district_code, as_of=as_of, within_days=within_days
    )
    if view.district is None:
        return CoveragePage(view, [], set(), False)
    placements = expert_service.list_placements(
        session, user=user, as_of=as_of, district_code=view.district
    )
    flagged = _new_deal_flags(session, [p.person_id for p in placements], as_of)
    return CoveragePage(
        view,
        placements,
        flagged,
        policies.can_write_district(user, view.district),
        _coverage_map(session, view.coverage) if view.coverage else None,
    )
