"""The plan's indicator "council members with village-project experience" (14.6% in 2017 → 30% in
2022), computed from histories: a member of year Y is anyone seated on a council on any day of Y;
they count as experienced when their first project participation began before their first seat
ever (someone whose first project started after their first seat does not count)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from maeul_db.councils import rules
from maeul_db.councils.schemas import ExperienceShare
from maeul_db.models import CouncilSeat, Participation, Person


def _first_days(
    session: Session, model: type[CouncilSeat] | type[Participation], ids: list[int]
) -> dict[int, date]:
    stmt = (
        select(model.person_id, func.min(model.valid_from))
        .where(col(model.person_id).in_(ids), col(model.voided_at).is_(None))
        .group_by(col(model.person_id))
    )
    return {pid: day for pid, day in session.exec(stmt).all()}


def experience_share(session: Session, *, year: int, district_code: str | None) -> ExperienceShare:
    """The share for ``year``, city-wide or for one district's councils, split by gender."""
    first, after = date(year, 1, 1), date(year + 1, 1, 1)
    stmt = (
        select(CouncilSeat.person_id, Person.gender)
        .join(Person, col(Person.id) == CouncilSeat.person_id)
        .where(
            col(CouncilSeat.voided_at).is_(None),
            CouncilSeat.valid_from < after,
            (col(CouncilSeat.valid_to).is_(None)) | (col(CouncilSeat.valid_to) > first),
        )
    )
    if district_code is not None:
        stmt = stmt.where(CouncilSeat.district_code == district_code)
    genders = {pid: str(g) for pid, g in session.exec(stmt.distinct()).all()}
    ids = sorted(genders)
    seat_days = _first_days(session, CouncilSeat, ids) if ids else {}
    project_days = _first_days(session, Participation, ids) if ids else {}
    by_gender: dict[str, tuple[int, int]] = {}
    experienced = 0
    for pid in ids:
        yes = rules.experienced(project_days.get(pid), seat_days[pid])
        experienced += yes
        members_, exp_ = by_gender.get(genders[pid], (0, 0))
        by_gender[genders[pid]] = (members_ + 1, exp_ + yes)
    return ExperienceShare(
        year=year,
        district_code=district_code,
        members=len(ids),
        experienced=experienced,
        share_percent=round(experienced * 100 / len(ids), 1) if ids else 0.0,
        by_gender=by_gender,
    )
