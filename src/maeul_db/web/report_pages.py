"""Result report pages (결과보고): the report of a project prefilled from the record, the group's
narrative and photos, submit / return / accept, the PDF, and an attachment's download. Every rule
is in ``settlements.reports``; the page offers only the actions the service lists."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlmodel import Session
from starlette.datastructures import UploadFile

from maeul_db.auth.deps import SessionDep
from maeul_db.kit.http import attachment
from maeul_db.models import UserAccount
from maeul_db.settlements import attachments, documents, reports
from maeul_db.settlements.attachments import Upload
from maeul_db.settlements.schemas import ReportUpdate, StateChange
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.logging_forms import (
    FieldError,
    FormDep,
    FormInvalid,
    build,
    form_write,
    saved_redirect,
    text_values,
)
from maeul_db.web.templating import render

router = APIRouter(dependencies=[Depends(get_web_user)])


async def read_file(request: Request) -> Upload | None:
    """The form's ``file``, if one was chosen (read up to the size limit, checked by the core)."""
    form = await request.form()
    file = form.get("file")
    if isinstance(file, UploadFile) and file.filename:
        return attachments.read(file.file, file.filename)
    return None


FileDep = Annotated[Upload | None, Depends(read_file)]


def report_page(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    project_id: int,
    failed: str = "",
    values: dict[str, str] | None = None,
    errors: dict[str, FieldError] | None = None,
    status_code: int = 200,
) -> Response:
    view = reports.get(session, user=user, project_id=project_id)
    context: dict[str, Any] = {
        "view": view,
        "project": view.project,
        "failed": failed,
        "values": values or {},
        "errors": errors or {},
    }
    return render(request, "settlements/report.html", context, status_code=status_code)


@router.get("/projects/{project_id}/report")
def show_report(request: Request, session: SessionDep, user: WebUser, project_id: int) -> Response:
    """The project's result report: the record's figures, the narrative, photos, history."""
    return report_page(request, session, user=user, project_id=project_id)


@router.post("/projects/{project_id}/report")
def save_report(
    request: Request, session: SessionDep, user: WebUser, project_id: int, form: FormDep
) -> Response:
    """Save the narrative (draft or returned report)."""
    values = text_values(form)
    try:
        data = build(ReportUpdate, {"narrative": values.get("narrative", "")})
        with form_write(session):
            reports.update(session, user=user, project_id=project_id, data=data)
    except FormInvalid as exc:
        return report_page(
            request,
            session,
            user=user,
            project_id=project_id,
            failed="narrative",
            values=values,
            errors=exc.errors,
            status_code=422,
        )
    return saved_redirect(f"/projects/{project_id}/report?saved=report")


@router.post("/projects/{project_id}/report/attachments")
def add_report_attachment(
    request: Request, session: SessionDep, user: WebUser, project_id: int, upload: FileDep
) -> Response:
    """Attach a photo or document (PDF, JPEG, PNG)."""
    try:
        if upload is None:
            raise FormInvalid({"file": FieldError(code="missing")})
        with form_write(session):
            reports.add_attachment(session, user=user, project_id=project_id, upload=upload)
    except FormInvalid as exc:
        return report_page(
            request,
            session,
            user=user,
            project_id=project_id,
            failed="attachment",
            errors=exc.errors,
            status_code=422,
        )
    return saved_redirect(f"/projects/{project_id}/report?saved=attachment")


@router.post("/projects/{project_id}/report/state")
def change_report_state(
    request: Request, session: SessionDep, user: WebUser, project_id: int, form: FormDep
) -> Response:
    """Submit, return (with a reason) or accept the report."""
    values = text_values(form)
    try:
        data = build(
            StateChange, {"action": values.get("action", ""), "note": values.get("note") or None}
        )
        with form_write(session):
            reports.change_state(
                session, user=user, project_id=project_id, action=data.action, note=data.note
            )
    except FormInvalid as exc:
        return report_page(
            request,
            session,
            user=user,
            project_id=project_id,
            failed="state",
            values=values,
            errors=exc.errors,
            status_code=422,
        )
    return saved_redirect(f"/projects/{project_id}/report?saved=state")


@router.get("/projects/{project_id}/report.pdf")
def report_pdf(session: SessionDep, user: WebUser, project_id: int) -> Response:
    """The result report as an A4 PDF."""
    pdf = documents.report_pdf(session, user=user, project_id=project_id)
    return attachment(pdf, f"result-report-{project_id}.pdf", "application/pdf")


@router.get("/paperwork/applications/{application_id}/application.pdf")
def application_pdf(session: SessionDep, user: WebUser, application_id: int) -> Response:
    """The application as an A4 PDF, for the file and the review meeting."""
    pdf = documents.application_pdf(session, user=user, application_id=application_id)
    return attachment(pdf, f"application-{application_id}.pdf", "application/pdf")


@router.get("/projects/{project_id}/attachments/{attachment_id}")
def download_attachment(
    session: SessionDep, user: WebUser, project_id: int, attachment_id: int
) -> Response:
    """A report photo or an expense's evidence, as stored (always a download, never shown inline)."""
    row = attachments.get(session, user=user, project_id=project_id, attachment_id=attachment_id)
    response = attachment(row.data, row.filename, row.content_type)
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
