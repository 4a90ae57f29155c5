"""Expert pool and placement pages (issue 16): the pool with each person's eligibility rule by
rule, filtered by district and stage; placing a pool member in a dong (refused with the reasons
when not eligible); ending a placement; setting a district's per-dong target."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from sqlmodel import Session

from maeul_db.auth.deps import SessionDep
from maeul_db.experts import pool_view, targets
from maeul_db.experts import service as expert_service
from maeul_db.experts.schemas import PlacementCreate
from maeul_db.kit import time as clock
from maeul_db.kit.schemas import InputSchema
from maeul_db.models import TrainingStage, UserAccount
from maeul_db.projects.schemas import VoidRequest
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.logging_forms import (
    FieldError,
    FormDep,
    FormInvalid,
    build,
    closing_valid_to,
    filled,
    form_write,
    saved_redirect,
    text_values,
)
from maeul_db.web.templating import render

router = APIRouter(dependencies=[Depends(get_web_user)])
COVERAGE_WITHIN_DAYS = 60


class TargetForm(InputSchema):
    district_code: str
    per_dong: int


def _pool_page(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    district: str | None,
    stage: TrainingStage | None,
    values: dict[str, str] | None = None,
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    view = pool_view.pool_view(
        session, user=user, as_of=clock.today(), district_code=district, stage=stage
    )
    context: dict[str, Any] = {
        "view": view,
        "district": district or "",
        "stage": stage.value if stage else "",
        "values": values or {"valid_from": clock.today().isoformat()},
        "errors": errors or {},
        "failed": (values or {}).get("person_id", ""),
    }
    return render(request, "experts/pool.html", context, status_code=status_code)


@router.get("/experts/pool")
def show_pool(
    request: Request,
    session: SessionDep,
    user: WebUser,
    district: Annotated[str | None, Query(max_length=5)] = None,
    stage: TrainingStage | None = None,
) -> Response:
    """The pool: eligible members and people part-way, with the rules each meets or misses."""
    return _pool_page(request, session, user=user, district=district or None, stage=stage)


@router.post("/experts/placements")
def place(request: Request, session: SessionDep, user: WebUser, form: FormDep) -> Response:
    """Place a pool member in one of the user's district's dongs; its career entry follows."""
    values = text_values(form)
    try:
        valid_to = closing_valid_to(values) if values.get("last_day") else None
        data = build(
            PlacementCreate,
            {**filled(values, ("person_id", "dong_code", "valid_from")), "valid_to": valid_to},
        )
        with form_write(session):
            placed = expert_service.place(session, user=user, data=data)
    except FormInvalid as exc:
        return _pool_page(
            request,
            session,
            user=user,
            district=None,
            stage=None,
            values=values,
            errors=exc.errors,
            status_code=422,
        )
    return saved_redirect(f"/experts/coverage?district={placed.district_code}&saved=placement")


def _coverage_page(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    district: str | None,
    failed: str = "",
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    page = pool_view.coverage_page(
        session,
        user=user,
        district_code=district,
        as_of=clock.today(),
        within_days=COVERAGE_WITHIN_DAYS,
    )
    context: dict[str, object] = {
        "district": page.view.district or "",
        "coverage": page.view.coverage,
        "within_days": COVERAGE_WITHIN_DAYS,
        "districts": page.view.districts,
        "placements": page.placements,
        "flagged": page.flagged,
        "can_set_target": page.can_set_target,
        "today": clock.today(),
        "map": page.map,
        "failed": failed,
        "errors": errors or {},
    }
    return render(request, "experts/coverage.html", context, status_code=status_code)


@router.get("/experts/coverage")
def show_coverage(
    request: Request,
    session: SessionDep,
    user: WebUser,
    district: Annotated[str | None, Query(max_length=5)] = None,
) -> Response:
    """Every dong of a district against its target: gaps, placements ending within 60 days, and
    the placements active today (to end them)."""
    return _coverage_page(request, session, user=user, district=district)


@router.post("/experts/placements/{placement_id}/close")
def close_placement(
    request: Request, session: SessionDep, user: WebUser, placement_id: int, form: FormDep
) -> Response:
    """End a placement on its 종료일 (inclusive); the linked career entry ends with it."""
    values = text_values(form)
    try:
        valid_to = closing_valid_to(values)
        with form_write(session):
            row = expert_service.close(
                session, user=user, placement_id=placement_id, valid_to=valid_to
            )
    except FormInvalid as exc:
        return _coverage_page(
            request,
            session,
            user=user,
            district=values.get("district") or None,
            failed=f"close-{placement_id}",
            errors=exc.errors,
            status_code=422,
        )
    return saved_redirect(f"/experts/coverage?district={row.district_code}&saved=placement_closed")


@router.post("/experts/placements/{placement_id}/void")
def void_placement(
    request: Request, session: SessionDep, user: WebUser, placement_id: int, form: FormDep
) -> Response:
    """Void a placement entered in error, with the reason; the job it created goes with it."""
    values = text_values(form)
    try:
        data = build(VoidRequest, filled(values, ("reason",)))
        with form_write(session):
            row = expert_service.void(
                session, user=user, placement_id=placement_id, reason=data.reason
            )
    except FormInvalid as exc:
        return _coverage_page(
            request,
            session,
            user=user,
            district=values.get("district") or None,
            failed=f"void-{placement_id}",
            errors=exc.errors,
            status_code=422,
        )
    return saved_redirect(f"/experts/coverage?district={row.district_code}&saved=placement_voided")


@router.post("/experts/targets")
def set_target(request: Request, session: SessionDep, user: WebUser, form: FormDep) -> Response:
    """Set a district's per-dong target (the plan's 2 unless changed)."""
    values = text_values(form)
    try:
        data = build(TargetForm, filled(values, ("district_code", "per_dong")))
        with form_write(session):
            targets.set_target(
                session, user=user, district_code=data.district_code, per_dong=data.per_dong
            )
    except FormInvalid as exc:
        return _coverage_page(
            request,
            session,
            user=user,
            district=values.get("district_code") or None,
            failed="target",
            errors=exc.errors,
            status_code=422,
        )
    return saved_redirect(f"/experts/coverage?district={data.district_code}&saved=target")
