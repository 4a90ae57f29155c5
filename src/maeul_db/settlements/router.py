"""Reports and settlements API: a project's result report and settlement, their attachments,
non-cash contributions and state changes (docs/api.md "Reports and settlements")."""

from __future__ import annotations

from fastapi import APIRouter

from maeul_db.auth.deps import CurrentUser, SessionDep
from maeul_db.settlements import attachments, public, reports
from maeul_db.settlements import service as settlement_service
from maeul_db.settlements.schemas import (
    AttachmentPublic,
    ExpenseCreate,
    ExpenseIn,
    ExpensePublic,
    FileIn,
    NoncashCreate,
    NoncashPublic,
    PlanUpdate,
    ReportPublic,
    ReportUpdate,
    SettlementPublic,
    StateChange,
)

router = APIRouter(prefix="/projects", tags=["settlements"])


@router.get("/{project_id}/report", response_model=ReportPublic)
def read_report(session: SessionDep, user: CurrentUser, project_id: int) -> ReportPublic:
    """The project's result report, prefilled from the record, with its due date and history."""
    return public.report(reports.get(session, user=user, project_id=project_id))


@router.put("/{project_id}/report", response_model=ReportPublic)
def write_report(
    session: SessionDep, user: CurrentUser, project_id: int, data: ReportUpdate
) -> ReportPublic:
    """The group's narrative (a draft or a returned report only)."""
    reports.update(session, user=user, project_id=project_id, data=data)
    return public.report(reports.get(session, user=user, project_id=project_id))


@router.post("/{project_id}/report/attachments", response_model=AttachmentPublic, status_code=201)
def add_report_attachment(
    session: SessionDep, user: CurrentUser, project_id: int, data: FileIn
) -> AttachmentPublic:
    """A photo or document of the report (base64): PDF, JPEG or PNG, within the size limit."""
    upload = attachments.from_base64(data.filename, data.content_base64)
    row = reports.add_attachment(session, user=user, project_id=project_id, upload=upload)
    return AttachmentPublic.model_validate(row, from_attributes=True)


@router.post("/{project_id}/report/state", response_model=ReportPublic)
def change_report_state(
    session: SessionDep, user: CurrentUser, project_id: int, data: StateChange
) -> ReportPublic:
    """``submit``, ``return`` (with a note) or ``accept`` the report."""
    reports.change_state(
        session, user=user, project_id=project_id, action=data.action, note=data.note
    )
    return public.report(reports.get(session, user=user, project_id=project_id))


@router.get("/{project_id}/settlement", response_model=SettlementPublic)
def read_settlement(session: SessionDep, user: CurrentUser, project_id: int) -> SettlementPublic:
    """The settlement: expenses, totals per budget line, money to return, non-cash share."""
    return public.settlement(settlement_service.get(session, user=user, project_id=project_id))


@router.put("/{project_id}/settlement/plan", response_model=SettlementPublic)
def write_settlement_plan(
    session: SessionDep, user: CurrentUser, project_id: int, data: PlanUpdate
) -> SettlementPublic:
    """The grant's plan per budget line and the interest earned."""
    settlement_service.set_plan(session, user=user, project_id=project_id, data=data)
    return public.settlement(settlement_service.get(session, user=user, project_id=project_id))


@router.post("/{project_id}/settlement/expenses", response_model=ExpensePublic, status_code=201)
def add_settlement_expense(
    session: SessionDep, user: CurrentUser, project_id: int, data: ExpenseIn
) -> ExpensePublic:
    """One expense, with its evidence file (base64; PDF, JPEG or PNG) if at hand."""
    file = data.file
    upload = attachments.from_base64(file.filename, file.content_base64) if file else None
    row = settlement_service.add_expense(
        session,
        user=user,
        project_id=project_id,
        data=ExpenseCreate.model_validate(data.model_dump(exclude={"file"})),
        upload=upload,
    )
    return ExpensePublic.model_validate(row, from_attributes=True)


@router.post("/{project_id}/settlement/noncash", response_model=NoncashPublic, status_code=201)
def add_settlement_noncash(
    session: SessionDep, user: CurrentUser, project_id: int, data: NoncashCreate
) -> NoncashPublic:
    """A non-cash contribution, valued by the rule of the project's year."""
    row = settlement_service.add_noncash(session, user=user, project_id=project_id, data=data)
    return NoncashPublic.model_validate(row, from_attributes=True)


@router.post("/{project_id}/settlement/state", response_model=SettlementPublic)
def change_settlement_state(
    session: SessionDep, user: CurrentUser, project_id: int, data: StateChange
) -> SettlementPublic:
    """``submit``, ``return`` (with a note), ``accept`` or ``settle`` the settlement."""
    settlement_service.change_state(
        session, user=user, project_id=project_id, action=data.action, note=data.note
    )
    return public.settlement(settlement_service.get(session, user=user, project_id=project_id))
