"""Messages of logins, sessions, password policy and production start-up checks (issue 9)."""

from __future__ import annotations

MESSAGES_AUTH: dict[str, tuple[str, str]] = {
    "auth.too_many_attempts": (
        "로그인 실패가 너무 많습니다. {minutes}분 뒤에 다시 시도하세요",
        "too many failed logins; try again in {minutes} minutes",
    ),
    "auth.demo_login_refused": (
        "운영 환경에서는 데모 비밀번호로 로그인할 수 없습니다",
        "the demo password cannot log in in production",
    ),
    "auth.demo_accounts_in_production": (
        "운영 환경에 데모 계정이 남아 있습니다: {usernames} (삭제하거나 비밀번호를 바꾼 뒤 시작하세요)",
        "demo accounts exist in production: {usernames} (remove them or change their passwords)",
    ),
    "password.too_short": (
        "비밀번호는 {minimum}자 이상이어야 합니다",
        "the password must have at least {minimum} characters",
    ),
    "password.too_common": (
        "너무 흔한 비밀번호입니다. 추측하기 어려운 비밀번호를 쓰세요",
        "this password is too common; choose one that is hard to guess",
    ),
    "password.contains_username": (
        "비밀번호에 사용자 이름을 넣을 수 없습니다",
        "the password must not contain the username",
    ),
    "password.too_simple": (
        "같은 글자나 이어지는 글자만으로 된 비밀번호는 쓸 수 없습니다",
        "the password must not be one repeated or consecutive run of characters",
    ),
}
