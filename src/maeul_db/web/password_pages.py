"""The password page every logged-in user has: current password, then the new one twice. The
service checks the policy and ends every other session and token of the account; this session
carries on with the account's new session version."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from maeul_db.auth import service as auth_service
from maeul_db.auth.deps import SessionDep
from maeul_db.errors import InvalidInput
from maeul_db.web.deps import WEB_SESSION_VERSION_KEY, WebUser, get_web_user
from maeul_db.web.logging_forms import FORM_ERROR, FieldError, FormDep, saved_redirect
from maeul_db.web.templating import render

router = APIRouter(prefix="/me/password", dependencies=[Depends(get_web_user)])


@router.get("")
def show_password_form(request: Request, user: WebUser) -> Response:
    """The form to change one's own password."""
    return render(request, "me/password.html", {"errors": {}})


def _text(form: FormDep, name: str) -> str:
    # Passwords are taken exactly as typed: no stripping.
    value = form.get(name, "")
    return value if isinstance(value, str) else ""


@router.post("")
def change_password(
    request: Request, session: SessionDep, user: WebUser, form: FormDep
) -> Response:
    """Change the password; other devices' sessions and tokens end, this one stays."""
    # No savepoint around the call: a wrong current password is counted by the login throttle,
    # and that count must be committed with the refusal. The service writes nothing else before
    # every check has passed.
    try:
        auth_service.change_own_password(
            session,
            user=user,
            current=_text(form, "current_password"),
            new=_text(form, "new_password"),
            confirm=_text(form, "new_password_confirm"),
        )
    except InvalidInput as exc:
        errors = {exc.field or FORM_ERROR: FieldError(code=exc.code, message=exc.message)}
        return render(request, "me/password.html", {"errors": errors}, status_code=422)
    request.session[WEB_SESSION_VERSION_KEY] = user.session_version
    return saved_redirect("/me/password?saved=password")
