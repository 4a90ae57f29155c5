"""Argon2id password hashing (argon2-cffi's defaults follow RFC 9106's recommendations) and the
password policy every new or changed password meets."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from maeul_db.errors import InvalidInput

_hasher = PasswordHasher()
# Verified against when a username is unknown, so timing does not reveal which usernames exist.
_DUMMY_HASH = _hasher.hash("not-a-real-password")

MIN_PASSWORD_LENGTH = 10
_KEYBOARD_RUNS = ("01234567890", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The shipped list (``common_passwords.txt``), lower case."""
    text = resources.files("maeul_db.auth").joinpath("common_passwords.txt").read_text("utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


def _is_one_run(password: str) -> bool:
    """One character repeated, or one stretch of a keyboard or alphabet row (either way)."""
    lowered = password.lower()
    if len(set(lowered)) <= 2:
        return True
    return any(lowered in run or lowered in run[::-1] for run in _KEYBOARD_RUNS)


def check_password_policy(password: str, *, username: str) -> None:
    """Refuse (422, Korean) a password that is short, common, trivial or holds the username."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput("password.too_short", field="password", minimum=MIN_PASSWORD_LENGTH)
    lowered = password.lower()
    if username and username.lower() in lowered:
        raise InvalidInput("password.contains_username", field="password")
    if _is_one_run(password):
        raise InvalidInput("password.too_simple", field="password")
    # "Password2026!" is as guessable as "password": strip trailing digits and symbols too.
    stem = lowered.rstrip("0123456789!@#$%^&*.-_ ")
    if lowered in common_passwords() or stem in common_passwords():
        raise InvalidInput("password.too_common", field="password")
