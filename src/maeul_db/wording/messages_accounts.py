"""Messages of account administration, self-service password changes and the log pages
(issue 16: accounts, access log and audit)."""

from __future__ import annotations

MESSAGES_ACCOUNTS: dict[str, tuple[str, str]] = {
    "account.manage_forbidden": (
        "계정 관리는 시 관리자만 할 수 있습니다",
        "only the city admin manages accounts",
    ),
    "account.username_characters": (
        "아이디에는 영문, 숫자, 점(.), 밑줄(_), 하이픈(-)만 쓸 수 있습니다",
        "a username holds only letters, digits, '.', '_' and '-'",
    ),
    "account.id_not_found": ("계정을 찾을 수 없습니다", "account not found"),
    "account.cannot_disable_self": (
        "지금 로그인한 자신의 계정은 정지할 수 없습니다",
        "you cannot disable the account you are logged in with",
    ),
    "account.cannot_change_own_role": (
        "자신의 역할은 바꿀 수 없습니다. 다른 시 관리자에게 요청하세요",
        "you cannot change your own role; ask another city admin",
    ),
    "account.disabled": ("정지된 계정입니다", "the account is disabled"),
    "password.current_wrong": (
        "현재 비밀번호가 맞지 않습니다",
        "the current password is wrong",
    ),
    "password.mismatch": (
        "새 비밀번호와 확인 입력이 서로 다릅니다",
        "the new password and its confirmation differ",
    ),
    "password.unchanged": (
        "새 비밀번호가 현재 비밀번호와 같습니다",
        "the new password is the same as the current one",
    ),
    "audit.forbidden": (
        "변경 이력은 자치구 담당자와 시 관리자만 볼 수 있습니다",
        "only district staff and the city admin read the audit trail",
    ),
    "access_log.verify_forbidden": (
        "접근 기록 검증은 자치구 담당자와 시 관리자만 할 수 있습니다",
        "only district staff and the city admin verify the access log",
    ),
    "log.period_reversed": (
        "기간의 끝이 시작보다 앞섭니다",
        "the end of the period is before its start",
    ),
}
