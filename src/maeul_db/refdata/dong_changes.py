"""Record a dong split, merge or rename (city admin), with a preview of what changes.

A change never rewrites a record: a dong code never changes meaning, so projects, groups, people,
careers and placements recorded against an old dong keep it, and reports roll old dongs up to
today's through the successor links (``service.current_successors``). The preview says which dongs
close and open, and how many records point at each old dong (they stay), including placements
still running after the change, which staff should end and place again in a new dong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, col, func, or_, select

from maeul_db.audit import service as audit
from maeul_db.auth import policies
from maeul_db.errors import Forbidden, InvalidInput, NotFound
from maeul_db.models import (
    Career,
    CouncilSeat,
    Dong,
    DongChangeKind,
    DongSuccession,
    ExpertPlacement,
    Group,
    Person,
    Project,
    UserAccount,
)
from maeul_db.refdata.service import NewDong, record_dong_change
from maeul_db.wording import label

CODE = re.compile(r"^\d{10}$")
# Tables whose rows name a dong: they keep it across a change (label key, model, column).
REFERRING = (
    ("projects", Project, Project.dong_code),
    ("groups", Group, Group.dong_code),
    ("people", Person, Person.home_dong_code),
    ("careers", Career, Career.dong_code),
    ("placements", ExpertPlacement, ExpertPlacement.dong_code),
    ("council_seats", CouncilSeat, CouncilSeat.dong_code),
)


@dataclass(frozen=True)
class DongChange:
    kind: DongChangeKind
    effective_on: date
    predecessor_codes: tuple[str, ...]
    # A successor whose code is a predecessor's continues that dong (e.g. 오류2동 kept its code
    # after giving part of its area to 항동); the others are new dongs opening on the date.
    successors: tuple[NewDong, ...]


@dataclass
class ClosingDong:
    dong: Dong
    continues: bool  # keeps its code (and stays open)
    records: dict[str, int] = field(default_factory=dict)  # records that keep pointing at it
    running_placements: int = 0  # placements still open on the change date


@dataclass
class DongChangePreview:
    change: DongChange
    district_code: str
    old: list[ClosingDong]
    new: list[NewDong]  # dongs that open on the change date


def _require_admin(user: UserAccount) -> None:
    if not policies.is_city_admin(user):
        raise Forbidden("dong.change_forbidden")


def _check_shape(change: DongChange) -> None:
    n_old, n_new = len(change.predecessor_codes), len(change.successors)
    kind = label("dong_change_kind", change.kind)
    if change.kind == DongChangeKind.merge and n_old < 2:
        raise InvalidInput("dong.merge_needs_two", field="predecessor_codes")
    expected = {
        DongChangeKind.split_into: (n_new >= 2 and n_old == 1, "2+"),
        DongChangeKind.merge: (n_new == 1, "1"),
        DongChangeKind.rename: (n_new == 1 and n_old == 1, "1"),
        DongChangeKind.boundary: (n_old == 1 and n_new >= 1, "1+"),
    }[change.kind]
    if not expected[0]:
        raise InvalidInput(
            "dong.successor_count", field="successors", kind=kind, expected=expected[1]
        )


def _predecessors(session: Session, change: DongChange) -> list[Dong]:
    olds = []
    for code in change.predecessor_codes:
        dong = session.get(Dong, code)
        if dong is None:
            raise NotFound("dong.not_found", code=code)
        if dong.valid_to is not None:
            raise InvalidInput("dong.already_ended", name=dong.name_ko, valid_to=dong.valid_to)
        if dong.valid_from is not None and change.effective_on <= dong.valid_from:
            raise InvalidInput(
                "dong.effective_before_start", name=dong.name_ko, valid_from=dong.valid_from
            )
        olds.append(dong)
    if len({d.district_code for d in olds}) != 1:
        raise InvalidInput("dong.predecessor_other_district", field="predecessor_codes")
    return olds


def _check_successors(session: Session, change: DongChange) -> list[NewDong]:
    new = []
    for s in change.successors:
        if not CODE.match(s.code):
            raise InvalidInput("dong.code_invalid", field="successors", code=s.code)
        if s.code in change.predecessor_codes:
            continue
        if not s.name_ko.strip():
            raise InvalidInput("dong.name_required", field="successors")
        taken = session.get(Dong, s.code)
        if taken is not None:
            raise InvalidInput(
                "dong.code_taken", field="successors", code=s.code, name=taken.name_ko
            )
        new.append(NewDong(s.code, s.name_ko.strip(), s.name_en))
    return new


def _records(session: Session, dong: Dong, on: date) -> tuple[dict[str, int], int]:
    counts = {}
    for key, model, column in REFERRING:
        counts[key] = session.exec(
            select(func.count()).select_from(model).where(column == dong.code)
        ).one()
    running = session.exec(
        select(func.count())
        .select_from(ExpertPlacement)
        .where(
            ExpertPlacement.dong_code == dong.code,
            col(ExpertPlacement.voided_at).is_(None),
            or_(col(ExpertPlacement.valid_to).is_(None), col(ExpertPlacement.valid_to) > on),
        )
    ).one()
    return counts, running


def preview(session: Session, *, user: UserAccount, change: DongChange) -> DongChangePreview:
    """Check the change and say what it would do; writes nothing."""
    _require_admin(user)
    _check_shape(change)
    olds = _predecessors(session, change)
    new = _check_successors(session, change)
    successor_codes = {s.code for s in change.successors}
    closing = []
    for dong in olds:
        records, running = _records(session, dong, change.effective_on)
        closing.append(ClosingDong(dong, dong.code in successor_codes, records, running))
    return DongChangePreview(change, olds[0].district_code, closing, new)


def apply(session: Session, *, user: UserAccount, change: DongChange) -> DongChangePreview:
    """Record the change (old dongs close unless they continue, new ones open, successor links
    join them) with an audit entry; records made before keep their dong."""
    result = preview(session, user=user, change=change)
    for old in result.old:
        record_dong_change(
            session,
            predecessor_code=old.dong.code,
            successors=list(change.successors),
            effective_on=change.effective_on,
            kind=change.kind,
            keeps_code=old.continues,
        )
    audit.record(
        session,
        actor=user,
        action=f"dong_{change.kind.value}",
        entity="dong",
        entity_id=",".join(change.predecessor_codes),
        district_code=result.district_code,
        after={
            "effective_on": change.effective_on.isoformat(),
            "predecessors": list(change.predecessor_codes),
            "successors": [{"code": s.code, "name_ko": s.name_ko} for s in change.successors],
        },
    )
    return result


@dataclass(frozen=True)
class RecordedChange:
    predecessor: Dong
    successor: Dong
    effective_on: date
    kind: DongChangeKind


@dataclass(frozen=True)
class ChangeForm:
    dongs: list[Dong]  # today's dongs, by district and name
    history: list[RecordedChange]  # every recorded change, newest first


def form(session: Session, *, user: UserAccount) -> ChangeForm:
    """What the change page offers: today's dongs to pick from and the changes recorded so far."""
    _require_admin(user)
    dongs = session.exec(
        select(Dong)
        .where(col(Dong.valid_to).is_(None))
        .order_by(col(Dong.district_code), col(Dong.name_ko))
    ).all()
    rows = session.exec(
        select(DongSuccession).order_by(
            col(DongSuccession.effective_on).desc(), col(DongSuccession.predecessor_code)
        )
    ).all()
    history = []
    for r in rows:
        old, new = session.get(Dong, r.predecessor_code), session.get(Dong, r.successor_code)
        if old is not None and new is not None:
            history.append(RecordedChange(old, new, r.effective_on, DongChangeKind(r.kind)))
    return ChangeForm(list(dongs), history)
