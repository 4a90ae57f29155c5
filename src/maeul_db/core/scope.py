"""District scoping, once: which rows of a district-owned table a user may see, and loading one.

Every domain's ``get`` and ``list_`` starts from ``district_scoped`` (or, for people, from
``participants.visibility.visible_people``, which adds "people with a fact in my district"), so a
row outside the user's district is a 404 and never appears in a list or a count.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import false
from sqlmodel import Session, select

from maeul_db.errors import NotFound
from maeul_db.models import Role, UserAccount

T = TypeVar("T")


def district_scoped(
    model: Any,
    user: UserAccount,
    *,
    experts_see_own: bool = False,
    query: Any = None,
    district_column: Any = None,
) -> Any:
    """``SELECT model`` limited to ``user``: the city admin all, district staff their district's
    rows, experts their own rows where the table has them (``experts_see_own``), nobody else any.

    ``query`` starts from an existing select (e.g. one that already hides voided rows);
    ``district_column`` names the owning column when it is not ``model.district_code``.
    """
    stmt = query if query is not None else select(model)
    column = district_column if district_column is not None else model.district_code
    if user.role == Role.city_admin:
        return stmt
    if user.role == Role.district_staff and user.district_code:
        return stmt.where(column == user.district_code)
    if experts_see_own and user.role == Role.expert and user.person_id is not None:
        return stmt.where(model.person_id == user.person_id)
    return stmt.where(false())


def get_visible(session: Session, query: Any, model: Any, object_id: int, *, missing: str) -> Any:
    """The row with ``object_id`` among ``query``'s rows, or NotFound with ``missing`` as the
    message: an object outside the user's scope is indistinguishable from one that does not exist."""
    row = session.exec(query.where(model.id == object_id)).first()
    if row is None:
        raise NotFound(missing)
    return row
