"""Read-only look-ups of the reference geography for forms (select boxes of districts and dongs)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from maeul_db.models import District, Dong


def districts(session: Session) -> list[District]:
    """All districts, by official code."""
    return list(session.exec(select(District).order_by(col(District.code))).all())


def current_dongs(session: Session, *, district_code: str | None) -> list[Dong]:
    """Today's dongs (not ended) of one district, or of the whole city when ``district_code`` is
    None, ordered by district and name."""
    stmt = select(Dong).where(col(Dong.valid_to).is_(None))
    if district_code is not None:
        stmt = stmt.where(Dong.district_code == district_code)
    return list(session.exec(stmt.order_by(col(Dong.district_code), col(Dong.name_ko))).all())


def dong_names(session: Session, *, codes: set[str]) -> dict[str, str]:
    """Korean names of the given dongs (ended ones too: old records keep their dong)."""
    if not codes:
        return {}
    rows = session.exec(select(Dong.code, Dong.name_ko).where(col(Dong.code).in_(codes))).all()
    return dict(rows)
