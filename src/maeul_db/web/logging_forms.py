"""Shared pieces of the logging pages: reading a form, turning service and schema errors into
per-field errors the templates show in Korean. Who may log and what is access-logged is decided
by the services the pages call.

An error carries its code (pydantic's error type or the MaeulError code), the service's own
message when there is one, and pydantic's limits; the words for pydantic's codes are the
catalogue's ``form.*`` messages (``FieldError.key``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, ValidationError
from sqlmodel import Session

from maeul_db.errors import Conflict, InvalidInput, NotFound
from maeul_db.kit import time as clock
from maeul_db.kit.pagination import Page
from maeul_db.kit.schemas import InputSchema
from maeul_db.models import UserAccount
from maeul_db.participants import service as participant_service
from maeul_db.wording import is_code

SchemaT = TypeVar("SchemaT", bound=BaseModel)

FORM_ERROR = "_form"
# Services name a few fields differently from the forms that feed them.
_FIELD_ALIASES = {"dong": "dong_code", "valid_to": "last_day", "person_id": "person"}
# A duplicate names the record that already exists; the page links to it.
_EXISTING_LINKS = {
    "group.duplicate": "/groups/{existing_id}",
    "project.duplicate": "/projects/{existing_id}",
    "participation.duplicate": "/projects/{project_id}?as_of={since}#participation-{existing_id}",
    "membership.duplicate": "/groups/{group_id}?as_of={since}#membership-{existing_id}",
}


# Pydantic error types that read the same to someone filling in a form.
_NUMBER_ERRORS = frozenset(
    {
        "int_parsing",
        "int_type",
        "int_from_float",
        "decimal_parsing",
        "decimal_type",
        "float_parsing",
    }
)
_CHOICE_ERRORS = frozenset({"enum", "literal_error"})


def form_error_key(code: str) -> str:
    """The catalogue key (``form.*``) for a pydantic error type or a page's own check."""
    if code in _NUMBER_ERRORS:
        return "form.not_a_number"
    if code in _CHOICE_ERRORS:
        return "form.choose_from_list"
    if code.startswith("date"):
        return "form.bad_date"
    key = f"form.{code}"
    return key if is_code(key) else "form.invalid"


@dataclass(frozen=True)
class FieldError:
    code: str
    message: str = ""
    limits: dict[str, Any] = field(default_factory=dict)
    # Where the record this error names (an existing duplicate) is shown.
    link: str = ""

    @property
    def key(self) -> str:
        """What the template looks up when the error brings no service message of its own."""
        return form_error_key(self.code)


class FormInvalid(Exception):
    """Raised by a page to re-render its form with these errors (status 422)."""

    def __init__(self, errors: dict[str, FieldError]) -> None:
        super().__init__(", ".join(errors))
        self.errors = errors


async def read_form(request: Request) -> dict[str, str | list[str]]:
    """The posted form as text: one value per name, or a list for names sent more than once
    (ticked boxes). Async only to await the body, which FastAPI has already cached."""
    form = await request.form()
    values: dict[str, str | list[str]] = {}
    for name in form:
        texts = [v for v in form.getlist(name) if isinstance(v, str)]
        values[name] = texts if len(texts) > 1 else (texts[0] if texts else "")
    return values


FormDep = Annotated[dict[str, str | list[str]], Depends(read_form)]


def text_values(form: Mapping[str, str | list[str]]) -> dict[str, str]:
    """The single-valued fields, stripped, to show back in the form."""
    return {k: v.strip() for k, v in form.items() if isinstance(v, str) and k != "csrf_token"}


def filled(values: Mapping[str, str], names: Iterable[str]) -> dict[str, str]:
    """Only the non-blank fields: a blank optional field takes the schema default, a blank
    required one reports "missing" rather than a parse error."""
    return {name: values[name] for name in names if values.get(name)}


def list_values(form: Mapping[str, str | list[str]], name: str) -> list[str]:
    value = form.get(name, [])
    return [value] if isinstance(value, str) else list(value)


def errors_from_validation(exc: ValidationError) -> dict[str, FieldError]:
    errors: dict[str, FieldError] = {}
    for error in exc.errors():
        name = str(error["loc"][0]) if error["loc"] else FORM_ERROR
        errors.setdefault(
            _FIELD_ALIASES.get(name, name),
            FieldError(code=error["type"], limits=dict(error.get("ctx") or {})),
        )
    return errors


def build(schema: type[SchemaT], data: dict[str, Any]) -> SchemaT:
    """Validate form input into a service schema; errors become a FormInvalid."""
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        raise FormInvalid(errors_from_validation(exc)) from exc
    except InvalidInput as exc:  # normalisers and the RRN guard raise the domain error directly
        raise FormInvalid(_error_of(exc)) from exc


def _error_of(exc: InvalidInput | Conflict) -> dict[str, FieldError]:
    name = _FIELD_ALIASES.get(exc.field or "", exc.field) or FORM_ERROR
    link = _EXISTING_LINKS.get(exc.code, "")
    if link and "existing_id" in exc.params:
        link = link.format(**exc.params)
    return {name: FieldError(code=exc.code, message=exc.message, link=link)}


@contextmanager
def form_write(session: Session) -> Iterator[None]:
    """Run a service write in a savepoint: a refused write leaves nothing behind (the request
    still commits, since it answers with the re-rendered form), and becomes a FormInvalid."""
    try:
        with session.begin_nested():
            yield
    except (InvalidInput, Conflict) as exc:
        raise FormInvalid(_error_of(exc)) from exc


def parse_day(value: str | None) -> date:
    """``?as_of=`` as a date; today when blank or unreadable."""
    try:
        return date.fromisoformat(value) if value else clock.today()
    except ValueError:
        return clock.today()


class LastDayForm(InputSchema):
    """종료일 as the close forms take it: the last day counted (inclusive)."""

    last_day: date


def closing_valid_to(values: Mapping[str, str]) -> date:
    """A close form's 종료일 as the exclusive ``valid_to`` the services store."""
    last_day = build(LastDayForm, filled(values, ("last_day",))).last_day
    try:
        return clock.valid_to_from_last_day(last_day)
    except InvalidInput as exc:
        raise FormInvalid(_error_of(exc)) from exc


def resolve_person(
    session: Session, *, user: UserAccount, person: str, pick: str, field_name: str = "person"
) -> int:
    """A person chosen by number or by (part of) a name among the people the user may see.

    Several matches are refused with the candidates, which the form offers as choices (``pick``).
    """
    choice = (pick or person).strip()
    if not choice:
        raise FormInvalid({field_name: FieldError(code="missing")})
    if choice.isdigit():
        try:
            found = participant_service.get(session, user=user, person_id=int(choice))
        except NotFound:
            raise FormInvalid({field_name: FieldError(code="person_not_found")}) from None
        assert found.id is not None
        return found.id
    rows, count = participant_service.list_(session, user=user, query=choice, page=Page(limit=10))
    if count == 1 and rows[0].id is not None:
        return rows[0].id
    if count == 0:
        raise FormInvalid({field_name: FieldError(code="person_not_found")})
    raise FormInvalid(
        {
            field_name: FieldError(
                code="person_ambiguous", limits={"count": count, "candidates": rows}
            )
        }
    )


def page_count(count: int, per_page: int) -> int:
    return max(1, -(-count // per_page))


def saved_redirect(url: str) -> RedirectResponse:
    """The 303 after a saved form. ``SessionDep`` commits before the response goes out
    (``scope="function"``), so the page the browser is sent to always finds the new row."""
    return RedirectResponse(url, status_code=303)
