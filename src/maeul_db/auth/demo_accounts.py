"""Demo logins, one per role, for the README's first command. Refused outside development."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from maeul_db.auth import service as auth_service
from maeul_db.auth.passwords import verify_password
from maeul_db.auth.schemas import UserCreate
from maeul_db.config import get_settings
from maeul_db.errors import Forbidden
from maeul_db.models import (
    Application,
    ApplicationStatus,
    ExpertPlacement,
    Group,
    GroupRepLink,
    Person,
    Role,
)
from maeul_db.wording import message

DEMO_PASSWORD = "maeul-demo-2026"
DEMO_DISTRICT = "11110"  # 종로구
DEMO_USERNAMES = ("admin", "staff", "analyst", "expert", "rep")


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: Role
    note: str


def _expert_person_id(session: Session) -> int | None:
    placed = session.exec(
        select(ExpertPlacement.person_id).order_by(col(ExpertPlacement.id))
    ).first()
    if placed is not None:
        return placed
    return session.exec(select(Person.id).order_by(col(Person.id))).first()


def ensure_demo_accounts(session: Session) -> list[DemoLogin]:
    """Create the demo accounts that do not exist yet; return all of them."""
    if get_settings().environment == "production":
        raise Forbidden("account.demo_in_production")
    district = DEMO_DISTRICT
    staff_district = session.exec(select(Person.registered_district_code).limit(1)).first()
    if staff_district:
        district = staff_district
    wanted: list[tuple[str, Role, str | None, int | None, str]] = [
        ("admin", Role.city_admin, None, None, message("account.demo_admin")),
        (
            "staff",
            Role.district_staff,
            district,
            None,
            message("account.demo_staff", district=district),
        ),
        ("analyst", Role.analyst, None, None, message("account.demo_analyst")),
    ]
    expert_person = _expert_person_id(session)
    if expert_person is not None:
        wanted.append(
            (
                "expert",
                Role.expert,
                None,
                expert_person,
                message("account.demo_expert", person_id=expert_person),
            )
        )
    rep_group = _rep_group(session, district)
    if rep_group is not None:
        wanted.append(
            (
                "rep",
                Role.group_rep,
                None,
                None,
                message("account.demo_group_rep", group=rep_group.name),
            )
        )
    logins = []
    for username, role, district_code, person_id, note in wanted:
        if auth_service.get_by_username(session, username=username) is None:
            auth_service.create(
                session,
                data=UserCreate(
                    username=username,
                    password=DEMO_PASSWORD,
                    role=role,
                    district_code=district_code,
                    person_id=person_id,
                    display_name=note,
                ),
            )
        logins.append(DemoLogin(username, role, note))
    if rep_group is not None:
        _link_rep(session, rep_group)
    return logins


def _rep_group(session: Session, district: str) -> Group | None:
    """The group the demo representative speaks for: the one whose demo application was returned
    for changes (so the first thing they can do is fix and resubmit it), else any group."""
    returned = session.exec(
        select(Application.group_id)
        .where(
            Application.district_code == district,
            Application.status == ApplicationStatus.returned,
        )
        .order_by(col(Application.id))
    ).first()
    if returned is not None:
        return session.get(Group, returned)
    return session.exec(
        select(Group).where(Group.district_code == district).order_by(col(Group.id))
    ).first()


def _link_rep(session: Session, group: Group) -> None:
    rep = auth_service.get_by_username(session, username="rep")
    if rep is None or rep.role != Role.group_rep or rep.id is None or group.id is None:
        return
    linked = session.exec(select(GroupRepLink).where(GroupRepLink.account_id == rep.id)).first()
    if linked is None:
        session.add(GroupRepLink(account_id=rep.id, group_id=group.id))
        session.flush()


def demo_accounts_present(session: Session) -> list[str]:
    """Demo usernames that still open with the demo password (a renamed or re-passworded
    account is no longer a demo account)."""
    present = []
    for username in DEMO_USERNAMES:
        user = auth_service.get_by_username(session, username=username)
        if (
            user is not None
            and user.is_active
            and verify_password(user.password_hash, DEMO_PASSWORD)
        ):
            present.append(username)
    return present


def refuse_demo_accounts_in_production(session: Session) -> None:
    """Start-up check (app lifespan and ``serve``): production does not run with demo logins."""
    if get_settings().environment != "production":
        return
    present = demo_accounts_present(session)
    if present:
        raise Forbidden("auth.demo_accounts_in_production", usernames=", ".join(present))
