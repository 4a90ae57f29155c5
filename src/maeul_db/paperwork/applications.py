"""Applications by a group to a call: entered by district staff or by the group's own
representative. An application names its proposers and members (no one twice) and a budget by
the call's allowed lines, within their ceilings, the grant ceiling and the required
self-contribution share."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, delete, select

from maeul_db.auth import policies
from maeul_db.core.scope import district_scoped, get_visible
from maeul_db.errors import Forbidden, InvalidInput
from maeul_db.kit import time as clock
from maeul_db.kit.pagination import Page, paginate
from maeul_db.models import (
    Application,
    ApplicationBudgetLine,
    ApplicationPerson,
    ApplicationStatus,
    Call,
    Group,
    ParticipationRole,
    Person,
    Role,
    UserAccount,
)
from maeul_db.paperwork import calls
from maeul_db.paperwork import status as status_
from maeul_db.paperwork.schemas import (
    ApplicantIn,
    ApplicationCreate,
    ApplicationUpdate,
    BudgetLineIn,
)
from maeul_db.participants import service as participant_service
from maeul_db.wording import label


def visible_applications(user: UserAccount) -> Any:
    return district_scoped(Application, user, group_column=Application.group_id)


def visible_applicant_groups(user: UserAccount) -> Any:
    """Groups the user may apply for: staff their district's, a representative their own."""
    return district_scoped(Group, user, group_column=Group.id)


def get(session: Session, *, user: UserAccount, application_id: int) -> Application:
    policies.require_paperwork_user(user)
    return get_visible(  # type: ignore[no-any-return]
        session,
        visible_applications(user),
        Application,
        application_id,
        missing="paperwork.application_not_found",
    )


def list_(
    session: Session,
    *,
    user: UserAccount,
    page: Page,
    call_id: int | None = None,
    status: ApplicationStatus | None = None,
) -> tuple[list[Application], int]:
    """Applications in scope (a representative: their groups' only), the newest first."""
    policies.require_paperwork_user(user)
    stmt = visible_applications(user)
    if call_id is not None:
        stmt = stmt.where(Application.call_id == call_id)
    if status is not None:
        stmt = stmt.where(Application.status == status)
    return paginate(session, stmt, page=page, order_by=col(Application.id).desc())


def applicant_groups(session: Session, *, user: UserAccount) -> list[Group]:
    """The groups offered on the application form."""
    policies.require_paperwork_user(user)
    stmt = visible_applicant_groups(user).order_by(col(Group.name))
    return list(session.exec(stmt.limit(500)).all())


def _group(session: Session, user: UserAccount, group_id: int) -> Group:
    return get_visible(  # type: ignore[no-any-return]
        session, visible_applicant_groups(user), Group, group_id, missing="group.not_found"
    )


def _check_call_open(user: UserAccount, call: Call, group: Group) -> None:
    if call.district_code is not None and call.district_code != group.district_code:
        raise InvalidInput("paperwork.call_other_district", field="group_id")
    # Staff may enter a paper application after the deadline; a representative may not.
    if user.role == Role.group_rep and not call.opens_on <= clock.today() <= call.closes_on:
        raise InvalidInput(
            "paperwork.call_closed",
            field="call_id",
            opens=call.opens_on.isoformat(),
            closes=call.closes_on.isoformat(),
        )


def create(session: Session, *, user: UserAccount, data: ApplicationCreate) -> Application:
    """A new application (a draft, submitted at once when ``data.submit``)."""
    policies.require_paperwork_user(user)
    call = calls.get(session, user=user, call_id=data.call_id)
    group = _group(session, user, data.group_id)
    _check_call_open(user, call, group)
    application = Application(
        call_id=data.call_id,
        group_id=data.group_id,
        district_code=group.district_code,
        title=data.title,
        partner_group_ids=[],
        entered_by_user_id=user.id,
    )
    session.add(application)
    session.flush()
    status_.start(session, user=user, application=application)
    _fill(session, user=user, application=application, call=call, data=data)
    if data.submit:
        status_.move(session, user=user, application=application, to=ApplicationStatus.submitted)
    return application


def update(
    session: Session, *, user: UserAccount, application_id: int, data: ApplicationUpdate
) -> Application:
    """New content for a draft or an application returned for changes (not after that)."""
    application = get(session, user=user, application_id=application_id)
    if status_.actor_of(session, user=user, application=application) is None:
        raise Forbidden("paperwork.application_forbidden")
    if ApplicationStatus(application.status) not in status_.EDITABLE:
        raise InvalidInput(
            "paperwork.not_editable", status=label("application_status", application.status)
        )
    call = session.get(Call, application.call_id)
    assert call is not None
    _fill(session, user=user, application=application, call=call, data=data)
    return application


def _fill(
    session: Session,
    *,
    user: UserAccount,
    application: Application,
    call: Call,
    data: ApplicationCreate | ApplicationUpdate,
) -> None:
    """Check and write the content; the people and budget lists replace earlier ones."""
    assert application.id is not None
    people = _people(session, user=user, entries=data.people)
    _check_budget(call, data)
    partners = _partners(session, group_id=application.group_id, ids=data.partner_group_ids)
    application.title = data.title
    application.summary = data.summary
    application.self_cash_krw = data.self_cash_krw
    application.self_noncash_krw = data.self_noncash_krw
    application.partner_group_ids = partners
    application.requested_grant_krw = sum(b.amount_krw for b in data.budget)
    session.add(application)
    for model in (ApplicationPerson, ApplicationBudgetLine):
        session.exec(delete(model).where(col(model.application_id) == application.id))
    session.add_all(
        [ApplicationPerson(application_id=application.id, **p) for p in people]
        + [
            ApplicationBudgetLine(application_id=application.id, **b.model_dump())
            for b in data.budget
        ]
    )
    session.flush()


def _person_row(session: Session, user: UserAccount, entry: ApplicantIn) -> dict[str, Any]:
    if entry.person_id is not None:
        if user.role == Role.group_rep:  # representatives type details; staff resolve them
            raise InvalidInput("paperwork.rep_person_id", field="people")
        person: Person = participant_service.get(session, user=user, person_id=entry.person_id)
        return {
            "person_id": person.id,
            "name": person.name,
            "birth_year": person.birth_year,
            "gender": person.gender,
            "phone": None,
            "home_dong_code": person.home_dong_code,
            "role": entry.role,
        }
    if not entry.name.strip() or entry.birth_year is None or entry.gender is None:
        raise InvalidInput("paperwork.person_incomplete", field="people", name=entry.name or "?")
    return {
        "person_id": None,
        "name": entry.name.strip(),
        "birth_year": entry.birth_year,
        "gender": entry.gender,
        "phone": entry.phone,
        "home_dong_code": entry.home_dong_code,
        "role": entry.role,
    }


def person_key(row: dict[str, Any] | ApplicationPerson) -> str:
    """Who an entry is: the person's id, or name + birth year for one typed in."""
    get_ = row.get if isinstance(row, dict) else lambda k: getattr(row, k)
    if get_("person_id") is not None:
        return f"id:{get_('person_id')}"
    return f"{str(get_('name')).replace(' ', '')}:{get_('birth_year')}"


def _people(
    session: Session, *, user: UserAccount, entries: list[ApplicantIn]
) -> list[dict[str, Any]]:
    rows, seen = [], set()
    for entry in entries:
        row = _person_row(session, user, entry)
        key = person_key(row)
        if key in seen:
            raise InvalidInput("paperwork.person_twice", field="people", name=row["name"])
        seen.add(key)
        rows.append(row)
    if not any(r["role"] == ParticipationRole.lead_proposer for r in rows):
        raise InvalidInput("paperwork.lead_required", field="people")
    return rows


def _check_budget(call: Call, data: ApplicationCreate | ApplicationUpdate) -> None:
    lines: dict[str, int] = {}
    for item in data.budget:
        _check_line(call, item, lines)
    grant = sum(lines.values())
    if call.grant_ceiling_krw and grant > call.grant_ceiling_krw:
        raise InvalidInput(
            "paperwork.over_grant_ceiling",
            field="budget",
            total=f"{grant:,}",
            ceiling=f"{call.grant_ceiling_krw:,}",
        )
    own = data.self_cash_krw + data.self_noncash_krw
    if own * 100 < call.self_share_percent * grant:
        need = -(-call.self_share_percent * grant // 100)
        raise InvalidInput(
            "paperwork.self_share_short",
            field="self_cash_krw",
            own=f"{own:,}",
            need=f"{need:,}",
            percent=call.self_share_percent,
        )


def _check_line(call: Call, item: BudgetLineIn, lines: dict[str, int]) -> None:
    name = label("budget_line", item.line)
    if item.line not in call.budget_lines:
        raise InvalidInput("paperwork.line_not_allowed", field="budget", line=name)
    if item.line in lines:
        raise InvalidInput("paperwork.line_twice", field="budget", line=name)
    ceiling = call.budget_lines[item.line]
    if ceiling and item.amount_krw > ceiling:
        raise InvalidInput(
            "paperwork.over_line_ceiling",
            field="budget",
            line=name,
            amount=f"{item.amount_krw:,}",
            ceiling=f"{ceiling:,}",
        )
    lines[item.line] = item.amount_krw


def _partners(session: Session, *, group_id: int, ids: list[int]) -> list[int]:
    unique = sorted(set(ids) - {group_id})
    for partner in unique:
        if session.get(Group, partner) is None:
            raise InvalidInput(
                "paperwork.unknown_partner", field="partner_group_ids", group_id=partner
            )
    return unique


def people_of(session: Session, *, application_id: int) -> list[ApplicationPerson]:
    stmt = select(ApplicationPerson).where(ApplicationPerson.application_id == application_id)
    return list(session.exec(stmt.order_by(col(ApplicationPerson.id))).all())


def budget_of(session: Session, *, application_id: int) -> list[ApplicationBudgetLine]:
    stmt = select(ApplicationBudgetLine).where(
        ApplicationBudgetLine.application_id == application_id
    )
    return list(session.exec(stmt.order_by(col(ApplicationBudgetLine.id))).all())
