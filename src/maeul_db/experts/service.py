"""The expert pool (computed from training), placements in dongs, and coverage per dong.

Pool rule (2nd master plan): basic stage + lecture practice + the expert stage's activist course,
all completed. Districts select from the pool and place experts, normally 2 per dong.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from maeul_db import wording
from maeul_db.access_log import service as access_log
from maeul_db.audit import changes as changes_
from maeul_db.audit import service as audit
from maeul_db.auth import policies
from maeul_db.careers import placement_link as career_link
from maeul_db.careers import service as career_service
from maeul_db.careers.schemas import CareerPublic
from maeul_db.certificates import service as certificate_service
from maeul_db.core.scope import district_scoped, get_visible
from maeul_db.errors import Conflict, Forbidden, InvalidInput, NotFound
from maeul_db.experts import targets
from maeul_db.experts.schemas import (
    Coverage,
    DongCoverage,
    Eligibility,
    PlacementCreate,
    PlacementPublic,
    PoolMember,
)
from maeul_db.kit.time import active_on, check_fact_date, check_interval
from maeul_db.models import (
    Certificate,
    District,
    Dong,
    ExpertPlacement,
    Person,
    Role,
    TrainingCompletion,
    TrainingProgram,
    TrainingStage,
    UserAccount,
)
from maeul_db.participants import service as participant_service
from maeul_db.refdata import queries as refdata_queries
from maeul_db.support_requests import records as consulting_records
from maeul_db.training import service as training_service
from maeul_db.training.schemas import Progress, RuleCheck

POOL_STAGES: tuple[tuple[TrainingStage, str], ...] = (
    (TrainingStage.basic, wording.label("training_stage", "basic")),
    (TrainingStage.lecture_practice, wording.label("training_stage", "lecture_practice")),
    (TrainingStage.expert_activist, wording.label("training_stage", "expert_activist")),
)


def evaluate_pool(completed: dict[str, date]) -> Eligibility:
    """Pure: ``completed`` maps a stage to the first day it was completed."""
    checks = [
        RuleCheck(
            rule=stage.value,
            met=stage.value in completed,
            detail=(
                wording.message("expert.stage_completed", stage=label, on=completed[stage.value])
                if stage.value in completed
                else wording.message("expert.stage_missing", stage=label)
            ),
        )
        for stage, label in POOL_STAGES
    ]
    eligible = all(c.met for c in checks)
    since = max(completed[s.value] for s, _ in POOL_STAGES) if eligible else None
    return Eligibility(person_id=0, eligible=eligible, eligible_since=since, checks=checks)


def stage_days(session: Session, person_ids: list[int] | None) -> dict[int, dict[str, date]]:
    stmt = (
        select(
            TrainingCompletion.person_id,
            TrainingProgram.stage,
            func.min(TrainingCompletion.completed_on),
        )
        .join(TrainingProgram, col(TrainingProgram.id) == TrainingCompletion.program_id)
        .where(col(TrainingProgram.stage).in_([s.value for s, _ in POOL_STAGES]))
        .group_by(col(TrainingCompletion.person_id), col(TrainingProgram.stage))
    )
    if person_ids is not None:
        stmt = stmt.where(col(TrainingCompletion.person_id).in_(person_ids))
    days: dict[int, dict[str, date]] = {}
    for person_id, stage, day in session.exec(stmt).all():
        days.setdefault(person_id, {})[str(stage)] = day
    return days


def eligibility(session: Session, *, user: UserAccount, person_id: int) -> Eligibility:
    participant_service.get(session, user=user, person_id=person_id)
    result = evaluate_pool(stage_days(session, [person_id]).get(person_id, {}))
    result.person_id = person_id
    return result


def pool(session: Session, *, user: UserAccount, as_of: date) -> list[PoolMember]:
    """Everyone eligible. The pool is a city resource districts select from, so staff see every
    member's name and birth year (never contact data); analysts see no one."""
    if not policies.can_read_personal_data(user) or user.role == Role.expert:
        raise Forbidden("expert.pool_forbidden")
    members: list[PoolMember] = []
    days = stage_days(session, None)
    eligible = {pid: evaluate_pool(d) for pid, d in days.items()}
    ids = [pid for pid, e in eligible.items() if e.eligible]
    if not ids:
        return []
    placed: dict[int, list[str]] = {}
    for row in session.exec(
        select(ExpertPlacement).where(
            col(ExpertPlacement.person_id).in_(ids), active_on(ExpertPlacement, as_of)
        )
    ).all():
        placed.setdefault(row.person_id, []).append(row.dong_code)
    people = session.exec(
        select(Person)
        .where(col(Person.id).in_(ids), col(Person.merged_into_id).is_(None))
        .order_by(col(Person.id))
    ).all()
    for person in people:
        assert person.id is not None
        since = eligible[person.id].eligible_since
        assert since is not None
        members.append(
            PoolMember(
                person_id=person.id,
                name=person.name,
                birth_year=person.birth_year,
                eligible_since=since,
                placed_dong_codes=sorted(placed.get(person.id, [])),
            )
        )
    access_log.record(
        session, actor=user, action="experts.pool", person_ids=[m.person_id for m in members]
    )
    return members


def visible_placements(user: UserAccount) -> Any:
    query = select(ExpertPlacement).where(col(ExpertPlacement.voided_at).is_(None))
    return district_scoped(ExpertPlacement, user, experts_see_own=True, query=query)


def _public(session: Session, row: ExpertPlacement) -> PlacementPublic:
    person = session.get(Person, row.person_id)
    return PlacementPublic(
        **row.model_dump(
            include={"id", "person_id", "district_code", "dong_code", "valid_from", "valid_to"}
        ),
        person_name=person.name if person else "",
    )


def list_placements(
    session: Session,
    *,
    user: UserAccount,
    as_of: date | None = None,
    district_code: str | None = None,
) -> list[PlacementPublic]:
    policies.require_personal_data_reader(user)
    stmt = visible_placements(user).order_by(
        col(ExpertPlacement.dong_code), col(ExpertPlacement.valid_from)
    )
    if as_of is not None:
        stmt = stmt.where(active_on(ExpertPlacement, as_of))
    if district_code is not None:
        stmt = stmt.where(ExpertPlacement.district_code == district_code)
    rows = [_public(session, row) for row in session.exec(stmt).all()]
    access_log.record(
        session,
        actor=user,
        action="experts.placements",
        person_ids=[r.person_id for r in rows],
    )
    return rows


def place(session: Session, *, user: UserAccount, data: PlacementCreate) -> PlacementPublic:
    """A district places a pool member in one of its dongs."""
    dong = session.get(Dong, data.dong_code)
    if dong is None:
        raise InvalidInput("dong.unknown", field="dong_code", code=data.dong_code)
    if user.role != Role.district_staff or not policies.can_write_district(
        user, dong.district_code
    ):
        raise Forbidden("expert.place_staff_only")
    check_interval(data.valid_from, data.valid_to)
    result = evaluate_pool(stage_days(session, [data.person_id]).get(data.person_id, {}))
    if session.get(Person, data.person_id) is None:
        raise NotFound("person.not_found")
    if not result.eligible:
        missing = ", ".join(c.detail for c in result.checks if not c.met)
        raise InvalidInput("expert.not_eligible", field="person_id", missing=missing)
    end = data.valid_to or date.max
    overlap = session.exec(
        select(ExpertPlacement).where(
            ExpertPlacement.person_id == data.person_id,
            col(ExpertPlacement.voided_at).is_(None),
            ExpertPlacement.valid_from < end,
            or_(
                col(ExpertPlacement.valid_to).is_(None),
                col(ExpertPlacement.valid_to) > data.valid_from,
            ),
        )
    ).first()
    if overlap is not None:
        raise Conflict("expert.overlapping_placement", field="valid_from")
    row = ExpertPlacement(
        **data.model_dump(), district_code=dong.district_code, selected_by_user_id=user.id
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="create",
        entity="expert_placement",
        entity_id=row.id,
        district_code=row.district_code,
        after=data.model_dump(mode="json"),
    )
    career_link.record_placement(session, user=user, placement=row)
    access_log.record(session, actor=user, action="experts.placement", person_ids=[row.person_id])
    return _public(session, row)


def close(
    session: Session, *, user: UserAccount, placement_id: int, valid_to: date
) -> PlacementPublic:
    """End a placement (the interval closes; nothing is deleted)."""
    check_fact_date(valid_to, field="valid_to")  # a bare body date, outside any InputSchema
    row = get_visible(
        session,
        visible_placements(user),
        ExpertPlacement,
        placement_id,
        missing="expert.placement_not_found",
    )
    if not policies.can_write_district(user, row.district_code):
        raise Forbidden("expert.end_forbidden")
    check_interval(row.valid_from, valid_to)
    before = {"valid_to": row.valid_to}
    row.valid_to = valid_to
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="close",
        entity="expert_placement",
        entity_id=row.id,
        district_code=row.district_code,
        before=before,
        after={"valid_to": valid_to},
    )
    career_link.end_with_placement(session, user=user, placement=row)
    access_log.record(session, actor=user, action="experts.placement", person_ids=[row.person_id])
    return _public(session, row)


def void(session: Session, *, user: UserAccount, placement_id: int, reason: str) -> PlacementPublic:
    """Void a placement entered in error: it never held, so it leaves coverage and certificates."""
    row = get_visible(
        session,
        visible_placements(user),
        ExpertPlacement,
        placement_id,
        missing="expert.placement_not_found",
    )
    if not policies.can_write_district(user, row.district_code):
        raise Forbidden("expert.end_forbidden")
    changes_.void_fact(session, actor=user, row=row, reason=reason, entity="expert_placement")
    session.flush()
    career_link.void_with_placement(session, user=user, placement=row)
    access_log.record(session, actor=user, action="experts.placement", person_ids=[row.person_id])
    return _public(session, row)


def coverage(
    session: Session, *, user: UserAccount, district_code: str, as_of: date, within_days: int = 30
) -> Coverage:
    """Every dong of the district on ``as_of`` against the 2-per-dong target, with placements
    ending within ``within_days``."""
    if not policies.can_read_district(user, district_code):
        raise Forbidden("expert.other_district")
    dongs = session.exec(
        select(Dong)
        .where(
            Dong.district_code == district_code,
            or_(col(Dong.valid_from).is_(None), col(Dong.valid_from) <= as_of),
            or_(col(Dong.valid_to).is_(None), col(Dong.valid_to) > as_of),
        )
        .order_by(col(Dong.code))
    ).all()
    active = session.exec(
        select(ExpertPlacement).where(
            ExpertPlacement.district_code == district_code, active_on(ExpertPlacement, as_of)
        )
    ).all()
    horizon = as_of + timedelta(days=within_days)
    target = targets.target_for(session, district_code=district_code)
    rows: list[DongCoverage] = []
    for dong in dongs:
        here = [p for p in active if p.dong_code == dong.code]
        ending = [
            _public(session, p) for p in here if p.valid_to is not None and p.valid_to <= horizon
        ]
        rows.append(
            DongCoverage(
                dong_code=dong.code,
                dong_name=dong.name_ko,
                placed=len(here),
                target=target,
                gap=max(0, target - len(here)),
                ending_soon=ending,
            )
        )
    access_log.record(
        session,
        actor=user,
        action="experts.coverage",
        person_ids=[p.person_id for r in rows for p in r.ending_soon],
    )
    return Coverage(
        district_code=district_code,
        as_of=as_of,
        within_days=within_days,
        target_per_dong=target,
        dongs=rows,
        total_placed=sum(r.placed for r in rows),
        total_gap=sum(r.gap for r in rows),
        dongs_without_expert=sum(1 for r in rows if r.placed == 0),
    )


@dataclass(frozen=True)
class CoverageView:
    """The coverage page: the district shown (None until a city admin picks one), the districts
    to pick from (city admin only) and the coverage itself."""

    district: str | None
    districts: list[District]
    coverage: Coverage | None


def coverage_view(
    session: Session, *, user: UserAccount, district_code: str | None, as_of: date, within_days: int
) -> CoverageView:
    """District staff always see their own district; the city admin picks any; nobody else."""
    if policies.is_city_admin(user):
        choices = refdata_queries.districts(session)
    elif user.role == Role.district_staff and user.district_code:
        district_code, choices = user.district_code, []
    else:
        raise Forbidden("expert.staff_only")
    if not district_code:
        return CoverageView(None, choices, None)
    found = coverage(
        session, user=user, district_code=district_code, as_of=as_of, within_days=within_days
    )
    return CoverageView(district_code, choices, found)


@dataclass(frozen=True)
class OwnRecord:
    """What an expert sees of themself: training, pool eligibility, careers and certificates."""

    training: list[Progress]
    eligibility: Eligibility
    careers: list[CareerPublic]
    certificates: list[Certificate]
    # For the form where the expert adds a job (the district that will verify it).
    districts: list[District]
    consulting: list[consulting_records.ConsultingDone]


def own_record(session: Session, *, user: UserAccount) -> OwnRecord:
    """An expert's whole record (experts only), logged as one read of it."""
    person_id = certificate_service.own_person(user)
    record = OwnRecord(
        training=training_service.progress_of(session, user=user, person_id=person_id),
        eligibility=eligibility(session, user=user, person_id=person_id),
        careers=[
            career_service.public(c)
            for c in career_service.careers_of(session, user=user, person_id=person_id)
        ],
        certificates=certificate_service.certificates_of(session, user=user, person_id=person_id),
        districts=refdata_queries.districts(session),
        consulting=consulting_records.of_expert(session, person_id=person_id),
    )
    access_log.record(session, actor=user, action="expert.own_record", person_ids=[person_id])
    return record
