"""Accounts: create, authenticate, resolve a bearer token to its user."""

from __future__ import annotations

from sqlmodel import Session, select

from maeul_db.audit import service as audit
from maeul_db.auth.passwords import hash_password, verify_password
from maeul_db.auth.schemas import UserCreate
from maeul_db.auth.tokens import fingerprint, issue_token, read_token
from maeul_db.config import get_settings
from maeul_db.errors import Conflict, InvalidInput, Unauthorized
from maeul_db.models import District, Person, Role, UserAccount


def get_by_username(session: Session, *, username: str) -> UserAccount | None:
    return session.exec(select(UserAccount).where(UserAccount.username == username)).first()


def _check_scope(session: Session, data: UserCreate) -> None:
    if data.role == Role.district_staff:
        if not data.district_code:
            raise InvalidInput("account.district_required", field="district_code")
        if session.get(District, data.district_code) is None:
            raise InvalidInput(
                "account.unknown_district", field="district_code", district_code=data.district_code
            )
    elif data.district_code:
        raise InvalidInput("account.district_not_allowed", field="district_code")
    if data.role == Role.expert:
        if data.person_id is None:
            raise InvalidInput("account.person_required", field="person_id")
        if session.get(Person, data.person_id) is None:
            raise InvalidInput(
                "account.unknown_person", field="person_id", person_id=data.person_id
            )


def create(session: Session, *, data: UserCreate, actor: UserAccount | None = None) -> UserAccount:
    if get_by_username(session, username=data.username) is not None:
        raise Conflict("account.username_taken", field="username", username=data.username)
    _check_scope(session, data)
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


def authenticate(session: Session, *, username: str, password: str) -> UserAccount:
    user = get_by_username(session, username=username)
    valid = verify_password(user.password_hash if user else None, password)
    if user is None or not valid or not user.is_active:
        raise Unauthorized("auth.wrong_credentials")
    return user


def token_for(user: UserAccount) -> str:
    assert user.id is not None
    return issue_token(get_settings().secret_key, user_id=user.id, password_hash=user.password_hash)


def user_for_token(session: Session, *, token: str) -> UserAccount:
    settings = get_settings()
    user_id, fp = read_token(settings.secret_key, token, max_age=settings.token_ttl_seconds)
    user = session.get(UserAccount, user_id)
    if user is None or not user.is_active or fingerprint(user.password_hash) != fp:
        raise Unauthorized("auth.invalid_token")
    return user


def user_for_session(session: Session, *, user_id: object) -> UserAccount:
    """The active account a web session names (the cookie holds its id); Unauthorized otherwise."""
    user = session.get(UserAccount, user_id) if isinstance(user_id, int) else None
    if user is None or not user.is_active:
        raise Unauthorized("auth.login_required")
    return user


def district_name(session: Session, *, user: UserAccount) -> str | None:
    """The Korean name of the staff account's district, for the page header."""
    district = session.get(District, user.district_code) if user.district_code else None
    return district.name_ko if district else None
