"""What the paperwork pages and the API show: an application with its people, budget, history
and scores (the people's names are personal data: the read is access-logged); rows for the
downloadable lists."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlmodel import Session, col, select

from maeul_db.access_log import service as access_log
from maeul_db.kit.pagination import Page
from maeul_db.models import (
    ApplicationStatus,
    Call,
    Dong,
    Group,
    UserAccount,
)
from maeul_db.paperwork import applications, calls, review
from maeul_db.paperwork import status as status_
from maeul_db.paperwork.schemas import ApplicationDetail, CallPublic
from maeul_db.refdata import queries as refdata_queries
from maeul_db.wording import label

PAGE = 500
T = TypeVar("T")


@dataclass(frozen=True)
class ApplicationPage:
    detail: ApplicationDetail
    call: CallPublic
    group_name: str
    summary: list[review.ScoreSummary]
    # The moves this user may make from here (for the page's buttons; the service still decides).
    moves: list[ApplicationStatus]
    editable: bool
    can_score: bool
    actor_names: dict[int, str]


def read_application(
    session: Session, *, user: UserAccount, application_id: int
) -> ApplicationDetail:
    """An application in full; the known people among its names are access-logged."""
    application = applications.get(session, user=user, application_id=application_id)
    assert application.id is not None
    people = applications.people_of(session, application_id=application.id)
    access_log.record(
        session,
        actor=user,
        action="paperwork.application",
        person_ids=[p.person_id for p in people if p.person_id is not None],
    )
    return ApplicationDetail.model_validate(
        {
            **_fields(application),
            "people": [_fields(p) for p in people],
            "budget": [
                _fields(b) for b in applications.budget_of(session, application_id=application.id)
            ],
            "events": [_fields(e) for e in status_.history(session, application_id=application.id)],
            "scores": [
                _fields(s) for s in review.scores_of(session, application_id=application.id)
            ],
        }
    )


def _fields(row: Any) -> dict[str, Any]:
    # Read as attributes: a dump would warn about enum columns loaded as plain text.
    return {name: getattr(row, name) for name in type(row).model_fields}


def application_page(
    session: Session, *, user: UserAccount, application_id: int
) -> ApplicationPage:
    """The application page: the detail, its call, the totals per sheet version and what the user
    may do next."""
    detail = read_application(session, user=user, application_id=application_id)
    application = applications.get(session, user=user, application_id=application_id)
    actor = status_.actor_of(session, user=user, application=application)
    current = ApplicationStatus(application.status)
    moves = [
        to
        for (start, to) in status_.TRANSITIONS
        if start == current and status_.allowed(current, to, actor) and to not in _OWN_USE_CASE
    ]
    group = session.get(Group, application.group_id)
    actors = {e.actor_user_id for e in detail.events if e.actor_user_id is not None}
    names = {
        u.id: (u.display_name or u.username)
        for u in session.exec(select(UserAccount).where(col(UserAccount.id).in_(actors))).all()
        if u.id is not None
    }
    return ApplicationPage(
        detail=detail,
        call=calls.read(session, user=user, call_id=application.call_id),
        group_name=group.name if group else "",
        summary=review.score_summary(session, application_id=application_id),
        moves=moves,
        editable=actor is not None and current in status_.EDITABLE,
        can_score=actor == "staff"
        and current in (ApplicationStatus.eligible, ApplicationStatus.scored),
        actor_names=names,
    )


_OWN_USE_CASE = {ApplicationStatus.eligible, ApplicationStatus.ineligible, ApplicationStatus.scored}


def application_rows(
    session: Session, *, user: UserAccount, call_id: int | None = None
) -> list[list[Any]]:
    """The applications in scope as spreadsheet rows (headers first); no personal names."""
    rows = _every(lambda page: applications.list_(session, user=user, page=page, call_id=call_id))
    call_titles = _titles(session, Call, {r.call_id for r in rows}, "title")
    groups = _titles(session, Group, {r.group_id for r in rows}, "name")
    header = _header(
        "id", "call", "group", "title", "status", "grant", "self_cash", "self_noncash", "project"
    )
    body = [
        [
            r.id,
            call_titles.get(r.call_id, ""),
            groups.get(r.group_id, ""),
            r.title,
            label("application_status", r.status),
            r.requested_grant_krw,
            r.self_cash_krw,
            r.self_noncash_krw,
            r.project_id,
        ]
        for r in rows
    ]
    return [header, *body]


def call_rows(session: Session, *, user: UserAccount) -> list[list[Any]]:
    """The calls in scope as spreadsheet rows (headers first)."""
    rows = _every(lambda page: calls.list_(session, user=user, page=page))
    header = _header(
        "id",
        "call_title",
        "district",
        "programme",
        "stage",
        "year",
        "opens_on",
        "closes_on",
        "budget",
        "ceiling",
        "self_share",
    )
    body = [
        [
            c.id,
            c.title,
            c.district_code or label("paperwork_column", "citywide"),
            label("programme", c.programme),
            label("stage", c.stage),
            c.year,
            c.opens_on.isoformat(),
            c.closes_on.isoformat(),
            c.budget_krw,
            c.grant_ceiling_krw,
            c.self_share_percent,
        ]
        for c in rows
    ]
    return [header, *body]


def _header(*codes: str) -> list[str]:
    return [label("paperwork_column", code) for code in codes]


def _every(fetch: Callable[[Page], tuple[list[T], int]]) -> list[T]:
    """Every row of a paged list, page by page (exports are not cut at one page)."""
    rows, total = fetch(Page(PAGE))
    while len(rows) < total:
        more, _ = fetch(Page(PAGE, len(rows)))
        if not more:
            break
        rows += more
    return rows


def _titles(session: Session, model: Any, ids: set[int], attribute: str) -> dict[int, str]:
    if not ids:
        return {}
    found = session.exec(select(model).where(col(model.id).in_(ids))).all()
    return {row.id: getattr(row, attribute) for row in found}


@dataclass(frozen=True)
class ApplyForm:
    """What the application form offers: the call, the groups the user may apply for, the dongs
    people may live in, and the call's budget lines with their ceilings."""

    call: CallPublic
    groups: list[Group]
    dongs: list[Dong]
    lines: dict[str, int]


def apply_form(session: Session, *, user: UserAccount, call_id: int) -> ApplyForm:
    call = calls.read(session, user=user, call_id=call_id)
    groups = applications.applicant_groups(session, user=user)
    if call.district_code:
        groups = [g for g in groups if g.district_code == call.district_code]
    districts = {call.district_code} if call.district_code else {g.district_code for g in groups}
    dongs = [
        d
        for code in sorted(districts)
        for d in refdata_queries.current_dongs(session, district_code=code)
    ]
    return ApplyForm(call=call, groups=groups, dongs=dongs, lines=dict(call.budget_lines))
