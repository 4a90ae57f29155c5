"""Accounts: create, authenticate (throttled), resolve a bearer token or web session to its user,
end every session of an account, change a password."""

from __future__ import annotations

from sqlmodel import Session, select

from maeul_db.audit import service as audit
from maeul_db.auth import policies, throttle
from maeul_db.auth.passwords import check_password_policy, hash_password, verify_password
from maeul_db.auth.schemas import UserCreate
from maeul_db.auth.tokens import fingerprint, issue_token, read_token
from maeul_db.config import get_settings
from maeul_db.core.context import current_origin
from maeul_db.errors import Conflict, InvalidInput, NotFound, Unauthorized
from maeul_db.kit.time import utcnow
from maeul_db.models import District, Person, Role, UserAccount


def get_by_username(session: Session, *, username: str) -> UserAccount | None:
    return session.exec(select(UserAccount).where(UserAccount.username == username)).first()


def check_scope(
    session: Session, *, role: Role, district_code: str | None, person_id: int | None
) -> None:
    """What a role needs: staff exactly one known district, an expert a known person, nobody
    else a district (the table's check constraints, said in Korean before the database does)."""
    if role == Role.district_staff:
        if not district_code:
            raise InvalidInput("account.district_required", field="district_code")
        if session.get(District, district_code) is None:
            raise InvalidInput(
                "account.unknown_district", field="district_code", district_code=district_code
            )
    elif district_code:
        raise InvalidInput("account.district_not_allowed", field="district_code")
    if role == Role.expert:
        if person_id is None:
            raise InvalidInput("account.person_required", field="person_id")
        if session.get(Person, person_id) is None:
            raise InvalidInput("account.unknown_person", field="person_id", person_id=person_id)


def create(session: Session, *, data: UserCreate, actor: UserAccount | None = None) -> UserAccount:
    if get_by_username(session, username=data.username) is not None:
        raise Conflict("account.username_taken", field="username", username=data.username)
    check_scope(session, role=data.role, district_code=data.district_code, person_id=data.person_id)
    check_password_policy(data.password, username=data.username)
    user = UserAccount(
        username=data.username,
        password_hash=hash_password(data.password),
        role=data.role,
        district_code=data.district_code,
        person_id=data.person_id,
        display_name=data.display_name,
    )
    session.add(user)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="create",
        entity="user_account",
        entity_id=user.id,
        district_code=user.district_code,
        after={
            "username": user.username,
            "role": user.role,
            "district_code": user.district_code,
            "person_id": user.person_id,
        },
    )
    return user


def _is_demo_password(password: str) -> bool:
    from maeul_db.auth.demo_accounts import DEMO_PASSWORD

    return password == DEMO_PASSWORD


def authenticate(session: Session, *, username: str, password: str) -> UserAccount:
    """The account for a username and password. Throttled per account and per source address
    (``auth.throttle``): a locked-out login is refused (429) before the password is checked."""
    address = current_origin().source_address or current_origin().door.value
    throttle.check(session, username=username, address=address)
    user = get_by_username(session, username=username)
    valid = verify_password(user.password_hash if user else None, password)
    if user is None or not valid or not user.is_active:
        throttle.record_failure(session, username=username, address=address)
        raise throttle.WrongCredentials("auth.wrong_credentials")
    if get_settings().environment == "production" and _is_demo_password(password):
        raise Unauthorized("auth.demo_login_refused")
    throttle.clear(session, username=username)
    user.last_login_at = utcnow()
    session.add(user)
    return user


def token_for(user: UserAccount) -> str:
    assert user.id is not None
    return issue_token(
        get_settings().secret_key,
        user_id=user.id,
        password_hash=user.password_hash,
        version=user.session_version,
    )


def user_for_token(session: Session, *, token: str) -> UserAccount:
    settings = get_settings()
    user_id, fp, version = read_token(
        settings.secret_key, token, max_age=settings.token_ttl_seconds
    )
    user = session.get(UserAccount, user_id)
    if (
        user is None
        or not user.is_active
        or fingerprint(user.password_hash) != fp
        or user.session_version != version
    ):
        raise Unauthorized("auth.invalid_token")
    return user


def user_for_session(session: Session, *, user_id: object, version: object = 0) -> UserAccount:
    """The active account a web session names (the cookie holds its id and session version);
    Unauthorized otherwise, e.g. a cookie kept from before a logout."""
    user = session.get(UserAccount, user_id) if isinstance(user_id, int) else None
    if user is None or not user.is_active or user.session_version != version:
        raise Unauthorized("auth.login_required")
    return user


def end_sessions(session: Session, *, user: UserAccount) -> None:
    """Logout: every web session and bearer token of the account stops working (all devices)."""
    user.session_version += 1
    session.add(user)
    session.flush()


def log_out_session(session: Session, *, user_id: object, version: object) -> None:
    """The web logout: ends every session of the account the cookie names, if it still names a
    live session (a stale cookie has nothing left to end)."""
    try:
        user = user_for_session(session, user_id=user_id, version=version)
    except Unauthorized:
        return
    end_sessions(session, user=user)


def set_password(
    session: Session,
    *,
    user: UserAccount,
    password: str,
    actor: UserAccount | None = None,
    action: str = "password_change",
) -> None:
    """A new password (policy-checked); every session and token of the account ends. ``action``
    names it in the audit trail: a change by the holder, or ``password_reset`` by the admin."""
    check_password_policy(password, username=user.username)
    user.password_hash = hash_password(password)
    end_sessions(session, user=user)
    audit.record(
        session,
        actor=actor,
        action=action,
        entity="user_account",
        entity_id=user.id,
        district_code=user.district_code,
    )


def set_password_by_username(session: Session, *, username: str, password: str) -> None:
    """The operator's door (``maeul-db user passwd``): no current password, no actor account;
    the audit row names no actor, which is how the trail shows a command at the server."""
    user = get_by_username(session, username=username)
    if user is None:
        raise NotFound("account.not_found", field="username", username=username)
    set_password(session, user=user, password=password)


class WrongCurrentPassword(InvalidInput):
    """A wrong current password on a change: counted like a failed login (a stolen session must
    not be a way round the login throttle), and the count survives the refused request."""

    keep_writes = True


def change_own_password(
    session: Session, *, user: UserAccount, current: str, new: str, confirm: str
) -> None:
    """Self-service: the current password, then the new one twice (policy-checked). Every other
    session and token of the account ends; the caller re-issues its own (``user.session_version``
    is the new version)."""
    address = current_origin().source_address or current_origin().door.value
    throttle.check(session, username=user.username, address=address)
    if not verify_password(user.password_hash, current):
        throttle.record_failure(session, username=user.username, address=address)
        raise WrongCurrentPassword("password.current_wrong", field="current_password")
    if new != confirm:
        raise InvalidInput("password.mismatch", field="new_password_confirm")
    if new == current:
        raise InvalidInput("password.unchanged", field="new_password")
    set_password(session, user=user, password=new, actor=user)


def district_name(session: Session, *, user: UserAccount) -> str | None:
    """The Korean name of the staff account's district, for the page header."""
    district = session.get(District, user.district_code) if user.district_code else None
    return district.name_ko if district else None


def logs_facts(user: UserAccount) -> bool:
    """Whether pages offer this account the logging actions (register, edit, networks): the same
    policy the logging services enforce, asked once for the page header."""
    return policies.can_log_facts(user)
