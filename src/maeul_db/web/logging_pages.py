"""Logging pages for district staff (and the city admin): register and edit people here; groups,
projects and activities in the ``logging_*_pages`` modules this router includes.

Every form posts back to itself. A refused write re-renders the form with the entered values and
a Korean message next to the field (422); a saved one redirects (303) with ``?saved=<what>``.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlmodel import Session

from maeul_db.auth.deps import SessionDep
from maeul_db.identity import entry
from maeul_db.identity.entry import Outcome, Resolution
from maeul_db.models import Person, UserAccount
from maeul_db.participants import service as participant_service
from maeul_db.participants.schemas import PersonCreate, PersonUpdate
from maeul_db.refdata import choices
from maeul_db.web import (
    logging_activity_pages,
    logging_edit_pages,
    logging_fact_pages,
    logging_group_pages,
    logging_project_pages,
)
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.logging_forms import (
    FieldError,
    FormDep,
    FormInvalid,
    build,
    filled,
    form_write,
    saved_redirect,
    text_values,
)
from maeul_db.web.templating import render

# The confirmation the person page shows after each way a registration can end.
SAVED = {
    Outcome.created: "person",
    Outcome.attached: "person_attached",
}
PERSON_FIELDS = ("name", "gender", "birth_year", "phone", "email", "home_dong_code")

router = APIRouter(dependencies=[Depends(get_web_user)])


def _person_form(
    request: Request,
    session: Session,
    *,
    user: UserAccount,
    values: dict[str, str],
    errors: dict[str, FieldError] | None = None,
    person: Person | None = None,
    resolution: Resolution | None = None,
    status_code: int = 200,
) -> Response:
    context: dict[str, Any] = {
        "values": values,
        "errors": errors or {},
        "person": person,
        "resolution": resolution,
        **choices.form_options(session, user=user),
    }
    return render(request, "logging/person_form.html", context, status_code=status_code)


@router.get("/people/new")
def new_person(request: Request, session: SessionDep, user: WebUser) -> Response:
    """The form to register a person."""
    return _person_form(request, session, user=user, values={})


@router.post("/people/new")
def create_person(request: Request, session: SessionDep, user: WebUser, form: FormDep) -> Response:
    """Register a person in the user's district (the city admin picks the district)."""
    values = text_values(form)
    # Staff have no district field; a district they post anyway is refused by the service.
    names = (*PERSON_FIELDS, "registered_district_code")
    try:
        data = build(PersonCreate, filled(values, names))
        with form_write(session):
            result = entry.register(
                session, user=user, candidate=data, attach=values.get("attach") == "yes"
            )
    except FormInvalid as exc:
        return _person_form(
            request, session, user=user, values=values, errors=exc.errors, status_code=422
        )
    if result.person is None or result.outcome == Outcome.existing:
        # Already registered here (a link to them), or known elsewhere (confirm to attach).
        return _person_form(
            request, session, user=user, values=values, resolution=result, status_code=409
        )
    saved = "person_review" if result.review_candidates else SAVED[result.outcome]
    return saved_redirect(f"/people/{result.person.id}?saved={saved}")


def _person_values(person: Person) -> dict[str, str]:
    return {
        name: "" if getattr(person, name) is None else str(getattr(person, name))
        for name in PERSON_FIELDS
    } | {"reason": "change"}


@router.get("/people/{person_id}/edit")
def edit_person(request: Request, session: SessionDep, user: WebUser, person_id: int) -> Response:
    """The form to change or correct a person's details."""
    person = participant_service.read_for_edit(session, user=user, person_id=person_id)
    return _person_form(request, session, user=user, values=_person_values(person), person=person)


@router.post("/people/{person_id}/edit")
def update_person(
    request: Request, session: SessionDep, user: WebUser, person_id: int, form: FormDep
) -> Response:
    """Save a change (the details changed) or a correction (they were wrong); history is kept."""
    values = text_values(form)
    # Blank optional fields clear the value; blank required ones are refused by the schema.
    data_in: dict[str, Any] = {name: values.get(name, "") for name in PERSON_FIELDS}
    for name in ("phone", "email", "home_dong_code"):
        data_in[name] = data_in[name] or None
    data_in["reason"] = values.get("reason") or "change"
    try:
        data = build(PersonUpdate, data_in)
        with form_write(session):
            participant_service.update(session, user=user, person_id=person_id, data=data)
    except FormInvalid as exc:
        person = participant_service.read_for_edit(session, user=user, person_id=person_id)
        return _person_form(
            request,
            session,
            user=user,
            values=values,
            errors=exc.errors,
            person=person,
            status_code=422,
        )
    return saved_redirect(f"/people/{person_id}?saved=person_updated")


router.include_router(logging_group_pages.router)
router.include_router(logging_project_pages.router)
router.include_router(logging_activity_pages.router)
router.include_router(logging_fact_pages.router)
router.include_router(logging_edit_pages.router)
