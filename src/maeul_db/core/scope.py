"""District scoping, once: which rows of a district-owned table a user may see, and loading one.

Every domain's ``get`` and ``list_`` starts from ``district_scoped`` (or, for people, from
``participants.visibility.visible_people``, which adds "people with a fact in my district"), so a
row outside the user's district is a 404 and never appears in a list or a count.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import false, or_
from sqlmodel import Session, col, select

from maeul_db.errors import NotFound
from maeul_db.models import Group, GroupRepLink, Project, Role, UserAccount

T = TypeVar("T")


def district_scoped(
    model: Any,
    user: UserAccount,
    *,
    experts_see_own: bool = False,
    query: Any = None,
    district_column: Any = None,
    group_column: Any = None,
    reps_by_district: bool = False,
    citywide: bool = False,
) -> Any:
    """``SELECT model`` limited to ``user``: the city admin all, district staff their district's
    rows, experts their own rows where the table has them (``experts_see_own``), group
    representatives the rows of their own groups (``group_column``, e.g. an application's or a
    project's ``group_id``) or, with ``reps_by_district``, the rows of their groups' districts;
    nobody else any.

    ``query`` starts from an existing select (e.g. one that already hides voided rows);
    ``district_column`` names the owning column when it is not ``model.district_code``;
    ``citywide`` also shows every reader the rows with no district (a city-wide call).
    """
    stmt = query if query is not None else select(model)
    column = district_column if district_column is not None else model.district_code
    if user.role == Role.city_admin:
        return stmt
    city = [col(column).is_(None)] if citywide else []
    if user.role == Role.district_staff and user.district_code:
        return stmt.where(or_(column == user.district_code, *city))
    if experts_see_own and user.role == Role.expert and user.person_id is not None:
        return stmt.where(model.person_id == user.person_id)
    if user.role == Role.group_rep and group_column is not None:
        return stmt.where(col(group_column).in_(represented_groups(user)))
    if user.role == Role.group_rep and reps_by_district:
        districts = select(Group.district_code).where(col(Group.id).in_(represented_groups(user)))
        return stmt.where(or_(col(column).in_(districts), *city))
    return stmt.where(false())


def represented_groups(user: UserAccount) -> Any:
    """``SELECT group_id`` of the groups a representative's account speaks for (none for anyone
    else): the one definition of "their own groups" every paperwork scope uses."""
    if user.role != Role.group_rep or user.id is None:
        return select(GroupRepLink.group_id).where(false())
    return select(GroupRepLink.group_id).where(GroupRepLink.account_id == user.id)


def represented_group_ids(session: Session, user: UserAccount) -> list[int]:
    """The ids of :func:`represented_groups`, for forms that offer a choice of group."""
    return sorted(session.exec(represented_groups(user)).all())


def visible_group_projects(user: UserAccount) -> Any:
    """Projects in scope, representatives included (their groups' projects): the scope of
    project-level paperwork (reports, settlements). Staff and the admin as ``district_scoped``."""
    return district_scoped(Project, user, group_column=Project.group_id)


def get_visible(session: Session, query: Any, model: Any, object_id: int, *, missing: str) -> Any:
    """The row with ``object_id`` among ``query``'s rows, or NotFound with ``missing`` as the
    message: an object outside the user's scope is indistinguishable from one that does not exist."""
    row = session.exec(query.where(model.id == object_id)).first()
    if row is None:
        raise NotFound(missing)
    return row
