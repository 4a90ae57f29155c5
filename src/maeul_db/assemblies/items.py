"""Agenda items (생활의제) of an autonomy plan: found by a subcommittee, voted at the assembly,
given a budget, executed by a project that links back to the item."""

from __future__ import annotations

from typing import Any

from sqlalchemy import case
from sqlmodel import Session, col, select

from maeul_db.assemblies import service
from maeul_db.assemblies import turnout as rules
from maeul_db.assemblies.schemas import (
    ItemCreate,
    ItemPublic,
    PlanPublic,
    ProjectLink,
    VotesRecord,
)
from maeul_db.audit import service as audit
from maeul_db.auth import policies
from maeul_db.core.scope import district_scoped, get_visible
from maeul_db.errors import Forbidden, InvalidInput
from maeul_db.models import AgendaItem, AutonomyPlan, GeneralAssembly, Project, UserAccount
from maeul_db.projects import service as project_service
from maeul_db.refdata import queries as refdata_queries


def visible_items(user: UserAccount) -> Any:
    return district_scoped(AgendaItem, user)


def get(session: Session, *, user: UserAccount, item_id: int) -> AgendaItem:
    policies.require_fact_logger(user)
    return get_visible(  # type: ignore[no-any-return]
        session, visible_items(user), AgendaItem, item_id, missing="agenda_item.not_found"
    )


def _writable(user: UserAccount, district_code: str) -> None:
    if not policies.can_write_district(user, district_code):
        raise Forbidden("assembly.district_forbidden")


def _audit(session: Session, user: UserAccount, row: AgendaItem, action: str, after: Any) -> None:
    audit.record(
        session,
        actor=user,
        action=action,
        entity="agenda_item",
        entity_id=row.id,
        district_code=row.district_code,
        after=after,
    )


def create(session: Session, *, user: UserAccount, plan_id: int, data: ItemCreate) -> AgendaItem:
    """Add an item to a plan of the user's district."""
    plan = service.get_plan(session, user=user, plan_id=plan_id)
    _writable(user, plan.district_code)
    row = AgendaItem(**data.model_dump(), plan_id=plan_id, district_code=plan.district_code)
    session.add(row)
    session.flush()
    _audit(session, user, row, "create", data.model_dump(mode="json"))
    return row


def record_votes(
    session: Session, *, user: UserAccount, item_id: int, data: VotesRecord
) -> AgendaItem:
    """The votes cast on an item; never more than the voting assembly's voters."""
    row = get(session, user=user, item_id=item_id)
    _writable(user, row.district_code)
    plan = session.get(AutonomyPlan, row.plan_id)
    assembly = session.get(GeneralAssembly, plan.assembly_id) if plan and plan.assembly_id else None
    if assembly is None:
        raise InvalidInput("agenda_item.no_assembly", field="votes_for")
    cast = data.votes_for + data.votes_against + data.votes_abstain
    voters = assembly.onsite_voters + assembly.prevoters
    if cast > voters:
        raise InvalidInput("agenda_item.votes_over_voters", field="votes_for", voters=voters)
    before = {"for": row.votes_for, "against": row.votes_against, "abstain": row.votes_abstain}
    row.votes_for, row.votes_against = data.votes_for, data.votes_against
    row.votes_abstain = data.votes_abstain
    session.add(row)
    session.flush()
    _audit(session, user, row, "votes", {"before": before, **data.model_dump(mode="json")})
    return row


def link_project(
    session: Session, *, user: UserAccount, item_id: int, data: ProjectLink
) -> AgendaItem:
    """The project that executes the item: a project of the item's district."""
    row = get(session, user=user, item_id=item_id)
    _writable(user, row.district_code)
    project = project_service.get(session, user=user, project_id=data.project_id)
    if project.district_code != row.district_code:
        raise InvalidInput("agenda_item.project_other_district", field="project_id")
    row.project_id = project.id
    session.add(row)
    session.flush()
    _audit(session, user, row, "link_project", {"project_id": project.id})
    return row


def items_for_project(session: Session, *, user: UserAccount, project_id: int) -> list[ItemPublic]:
    """The agenda items a project executes (the link back from the project)."""
    project_service.get(session, user=user, project_id=project_id)
    stmt = visible_items(user).where(AgendaItem.project_id == project_id)
    return _public_items(session, list(session.exec(stmt.order_by(col(AgendaItem.id))).all()))


def _public_items(session: Session, rows: list[AgendaItem]) -> list[ItemPublic]:
    ids = sorted({r.project_id for r in rows if r.project_id is not None})
    names = dict(
        session.exec(select(Project.id, Project.name).where(col(Project.id).in_(ids))).all()
    )
    result = []
    for row in rows:
        votes = (row.votes_for, row.votes_against, row.votes_abstain)
        voted = all(v is not None for v in votes)
        fields = {
            name: getattr(row, name) for name in ItemPublic.model_fields if hasattr(row, name)
        }
        result.append(
            ItemPublic.model_validate(
                fields
                | {
                    "votes_total": sum(v or 0 for v in votes) if voted else None,
                    "adopted": rules.adopted(*(v or 0 for v in votes)) if voted else None,
                    "project_name": names.get(row.project_id) if row.project_id else None,
                }
            )
        )
    return result


def plan_public(session: Session, plan: AutonomyPlan) -> PlanPublic:
    """A plan with its items and budget totals (items in the order they were added)."""
    rows = session.exec(
        select(AgendaItem).where(AgendaItem.plan_id == plan.id).order_by(col(AgendaItem.id))
    ).all()
    items = _public_items(session, list(rows))
    names = refdata_queries.dong_names(session, codes={plan.dong_code})
    return PlanPublic(
        id=plan.id or 0,
        district_code=plan.district_code,
        dong_code=plan.dong_code,
        dong_name=names.get(plan.dong_code, plan.dong_code),
        year=plan.year,
        title=plan.title,
        assembly_id=plan.assembly_id,
        items=items,
        budget_requested_krw=sum(i.budget_requested_krw or 0 for i in items),
        budget_granted_krw=sum(i.budget_granted_krw or 0 for i in items),
    )


def public(session: Session, row: AgendaItem) -> ItemPublic:
    return _public_items(session, [row])[0]


# A select box beyond this many projects is unusable; the project number still links any other.
MAX_PROJECT_OPTIONS = 300


def project_choices(
    session: Session, *, user: UserAccount, plan: AutonomyPlan
) -> list[tuple[int, str]]:
    """Projects that could execute the plan's items: the district's, of the plan's year and the
    next, the plan's dong first."""
    stmt = (
        project_service.visible_projects(user)
        .where(
            Project.district_code == plan.district_code,
            col(Project.year).in_((plan.year, plan.year + 1)),
        )
        .order_by(case((col(Project.dong_code) == plan.dong_code, 0), else_=1), col(Project.name))
        .limit(MAX_PROJECT_OPTIONS)
    )
    return [(p.id, f"{p.year} {p.name}") for p in session.exec(stmt).all() if p.id is not None]
