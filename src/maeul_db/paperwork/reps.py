"""Group representatives' accounts: which groups an account speaks for (set by the city admin on
the accounts page). The scope itself lives in ``core.scope.represented_groups``."""

from __future__ import annotations

from sqlmodel import Session, col, delete, select

from maeul_db.accounts import service as account_service
from maeul_db.audit import service as audit
from maeul_db.errors import InvalidInput
from maeul_db.models import Group, GroupRepLink, Role, UserAccount


def linked_groups(session: Session, *, user: UserAccount, account_id: int) -> list[Group]:
    """The groups a representative's account is linked to (for the accounts page)."""
    account_service.get(session, user=user, account_id=account_id)
    stmt = (
        select(Group)
        .join(GroupRepLink, col(GroupRepLink.group_id) == col(Group.id))
        .where(GroupRepLink.account_id == account_id)
    )
    return list(session.exec(stmt.order_by(col(Group.name))).all())


def link_groups(
    session: Session, *, user: UserAccount, account_id: int, group_ids: list[int]
) -> list[int]:
    """Replace the account's groups (city admin only; representatives only)."""
    account = account_service.get(session, user=user, account_id=account_id)
    wanted = sorted(set(group_ids))
    if wanted and account.role != Role.group_rep:
        raise InvalidInput("account.groups_rep_only", field="group_ids")
    for group_id in wanted:
        if session.get(Group, group_id) is None:
            raise InvalidInput("account.unknown_group", field="group_ids", group_id=group_id)
    before = sorted(
        session.exec(
            select(GroupRepLink.group_id).where(GroupRepLink.account_id == account_id)
        ).all()
    )
    if before == wanted:
        return wanted
    session.exec(delete(GroupRepLink).where(col(GroupRepLink.account_id) == account_id))
    session.add_all([GroupRepLink(account_id=account_id, group_id=g) for g in wanted])
    session.flush()
    audit.record(
        session,
        actor=user,
        action="update",
        entity="group_rep_link",
        entity_id=account_id,
        before={"group_ids": before},
        after={"group_ids": wanted},
    )
    return wanted
