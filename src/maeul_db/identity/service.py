"""One person across districts: match a registration against the people the user already sees
(read-only; registering is ``identity.entry``), the review queue, merge and unmerge (both
audited; across districts the city admin's), and the "known elsewhere" marker.

Nothing here answers for another district beyond that marker: a probe never reveals or links a
person the user cannot already read (docs/security.md "Identity abuse").

Merging sets ``merged_into_id`` on the duplicate and moves nothing: its facts keep their
``person_id`` and count for the survivor through ``identity.merges``; unmerging clears the pointer.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from maeul_db.access_log import service as access_log
from maeul_db.audit import service as audit
from maeul_db.core.scope import district_scoped, get_visible
from maeul_db.errors import Conflict, Forbidden
from maeul_db.identity import entry, review
from maeul_db.identity.keys import IdentityKeys, keys_for
from maeul_db.identity.merges import merged_ids, survivor_id
from maeul_db.identity.schemas import MatchCandidatePublic, MatchQuery, PersonSummary
from maeul_db.kit.pagination import Page, paginate
from maeul_db.kit.time import utcnow
from maeul_db.models import MatchStatus, Person, PersonMatchCandidate, Role, UserAccount
from maeul_db.participants import service as participant_service
from maeul_db.participants.visibility import FACT_TABLES, readable_person
from maeul_db.wording import label


def _keys(query: MatchQuery) -> IdentityKeys:
    return keys_for(
        name=query.name, birth_year=query.birth_year, phone=query.phone, email=query.email
    )


def match(session: Session, *, user: UserAccount, query: MatchQuery) -> int | None:
    """Read-only probe: the id of the person an exact key names among the people ``user`` may
    already read, else None (also when only another district knows them). Writes nothing, not
    even an access-log row: it shows no detail the caller did not send."""
    _require_reviewer(user)
    person = entry.exact_in_view(session, user, _keys(query))
    return person.id if person is not None else None


def visible_candidates(user: UserAccount) -> Any:
    """Review-queue rows a user may see: staff their own district's, the city admin all."""
    return district_scoped(PersonMatchCandidate, user)


def list_candidates(
    session: Session,
    *,
    user: UserAccount,
    page: Page,
    status: MatchStatus | None = MatchStatus.open,
) -> tuple[list[PersonMatchCandidate], int]:
    """The queue's rows (no personal details; :func:`review_queue` shows them)."""
    stmt = visible_candidates(user)
    if status is not None:
        stmt = stmt.where(PersonMatchCandidate.status == status)
    return paginate(session, stmt, page=page, order_by=col(PersonMatchCandidate.id))


def get_candidate(
    session: Session, *, user: UserAccount, candidate_id: int
) -> PersonMatchCandidate:
    return get_visible(  # type: ignore[no-any-return]
        session,
        visible_candidates(user),
        PersonMatchCandidate,
        candidate_id,
        missing="identity.candidate_not_found",
    )


def _summary(session: Session, user: UserAccount, person: Person | None) -> PersonSummary | None:
    return review.summary(session, user=user, person=person) if person else None


def _view(session: Session, user: UserAccount, row: PersonMatchCandidate) -> MatchCandidatePublic:
    """The reviewed person in full; the other one only when the reviewer may read them."""
    person = readable_person(session, user=user, person_id=row.person_id)
    other = readable_person(session, user=user, person_id=row.candidate_person_id)
    summary = _summary(session, user, person)
    assert row.id is not None and summary is not None
    return MatchCandidatePublic(
        id=row.id,
        reason=row.reason,
        status=MatchStatus(row.status),
        created_at=row.created_at,
        decided_at=row.decided_at,
        person=summary,
        candidate=_summary(session, user, other),
        elsewhere=other is None,
    )


def _shown(views: list[MatchCandidatePublic]) -> list[int]:
    return [v.person.id for v in views] + [v.candidate.id for v in views if v.candidate]


def candidate_view(
    session: Session, *, user: UserAccount, row: PersonMatchCandidate
) -> MatchCandidatePublic:
    """One candidate with both people's details, shown: recorded in the access log."""
    view = _view(session, user, row)
    access_log.record(session, actor=user, action="identity.candidate", person_ids=_shown([view]))
    return view


def _require_reviewer(user: UserAccount) -> None:
    if user.role not in (Role.city_admin, Role.district_staff):
        raise Forbidden("identity.review_forbidden")


def review_queue(
    session: Session,
    *,
    user: UserAccount,
    page: Page,
    status: MatchStatus | None = MatchStatus.open,
) -> tuple[list[MatchCandidatePublic], int]:
    """The district's review queue with the people's details, logged once for the page."""
    _require_reviewer(user)
    rows, count = list_candidates(session, user=user, page=page, status=status)
    views = [_view(session, user, r) for r in rows]
    access_log.record(session, actor=user, action="identity.candidates", person_ids=_shown(views))
    return views, count


def _decide(
    session: Session,
    *,
    user: UserAccount,
    candidate_id: int,
    expect: MatchStatus,
    status: MatchStatus,
) -> PersonMatchCandidate:
    _require_reviewer(user)
    row = get_candidate(session, user=user, candidate_id=candidate_id)
    if row.status != expect:
        raise Conflict("identity.already_resolved", status=label("match_status", row.status))
    row.status = status
    row.decided_by_user_id = user.id
    row.decided_at = utcnow()
    session.add(row)
    return row


def _require_merger(
    session: Session, *, user: UserAccount, candidate_id: int, survivor: bool, refusal: str
) -> None:
    """Two people registered in different districts are merged (or unmerged) by the city admin
    only: a district merging its look-alike into another district's person would take that
    person over (checked before the candidate is touched)."""
    _require_reviewer(user)
    row = get_candidate(session, user=user, candidate_id=candidate_id)
    if user.role == Role.city_admin:
        return
    duplicate = session.get(Person, row.person_id)
    other_id = row.candidate_person_id
    if survivor:
        other_id = survivor_id(session, other_id)
    elif duplicate is not None and duplicate.merged_into_id is not None:
        other_id = duplicate.merged_into_id
    other = session.get(Person, other_id)
    districts = {p.registered_district_code for p in (duplicate, other) if p is not None}
    if districts != {user.district_code}:
        raise Forbidden(refusal)


def merge(session: Session, *, user: UserAccount, candidate_id: int) -> PersonMatchCandidate:
    """Merge the reviewed person into the candidate person (its survivor); facts stay in place.
    Across districts: the city admin only (403 for district staff, nothing merged)."""
    _require_merger(
        session,
        user=user,
        candidate_id=candidate_id,
        survivor=True,
        refusal="identity.merge_across_districts",
    )
    row = _decide(
        session,
        user=user,
        candidate_id=candidate_id,
        expect=MatchStatus.open,
        status=MatchStatus.merged,
    )
    duplicate = session.get(Person, row.person_id)
    assert duplicate is not None
    if duplicate.merged_into_id is not None:
        raise Conflict("identity.already_merged")
    target = survivor_id(session, row.candidate_person_id)
    if target == duplicate.id:
        raise Conflict("identity.self_merge")
    duplicate.merged_into_id = target
    session.add(duplicate)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="merge",
        entity="person",
        entity_id=duplicate.id,
        district_code=row.district_code,
        before={"merged_into_id": None},
        after={"merged_into_id": target, "candidate_id": row.id},
    )
    return row


def unmerge(session: Session, *, user: UserAccount, candidate_id: int) -> PersonMatchCandidate:
    """Undo a merge made from this candidate: the duplicate stands on its own again. Across
    districts: the city admin only, as for the merge."""
    _require_merger(
        session,
        user=user,
        candidate_id=candidate_id,
        survivor=False,
        refusal="identity.unmerge_across_districts",
    )
    row = _decide(
        session,
        user=user,
        candidate_id=candidate_id,
        expect=MatchStatus.merged,
        status=MatchStatus.unmerged,
    )
    duplicate = session.get(Person, row.person_id)
    assert duplicate is not None
    before = duplicate.merged_into_id
    duplicate.merged_into_id = None
    session.add(duplicate)
    session.flush()
    audit.record(
        session,
        actor=user,
        action="unmerge",
        entity="person",
        entity_id=duplicate.id,
        district_code=row.district_code,
        before={"merged_into_id": before},
        after={"merged_into_id": None, "candidate_id": row.id},
    )
    return row


def dismiss(session: Session, *, user: UserAccount, candidate_id: int) -> PersonMatchCandidate:
    """Different people after all: close the candidate without merging."""
    row = _decide(
        session,
        user=user,
        candidate_id=candidate_id,
        expect=MatchStatus.open,
        status=MatchStatus.dismissed,
    )
    audit.record(
        session,
        actor=user,
        action="dismiss",
        entity="person_match_candidate",
        entity_id=row.id,
        district_code=row.district_code,
        after={"status": MatchStatus.dismissed},
    )
    return row


def elsewhere(session: Session, *, user: UserAccount, person_id: int) -> tuple[bool, bool]:
    """(known elsewhere, possibly elsewhere) for a person the user may read, with no detail.

    Known: this person, or anyone merged into them, has a fact or a registration in another
    district. Possibly: another district registered a different person with the same name and
    birth year (the weak key), not merged with this one.
    """
    person = participant_service.get(session, user=user, person_id=person_id)
    own = user.district_code
    ids = merged_ids(session, person_id)
    if own is None:
        return False, False
    known = (
        session.exec(
            select(Person.id)
            .where(col(Person.id).in_(ids), Person.registered_district_code != own)
            .limit(1)
        ).first()
        is not None
    )
    for fact in FACT_TABLES:
        if known:
            break
        known = (
            session.exec(
                select(fact.person_id)
                .where(
                    col(fact.person_id).in_(ids),
                    fact.district_code != own,
                    fact.district_code.is_not(None),
                )
                .limit(1)
            ).first()
            is not None
        )
    if person.key_name_birth is None:
        return known, False
    possibly = (
        session.exec(
            select(Person.id)
            .where(
                Person.key_name_birth == person.key_name_birth,
                col(Person.id).not_in(ids),
                col(Person.merged_into_id).is_(None),
                Person.registered_district_code != own,
            )
            .limit(1)
        ).first()
        is not None
    )
    return known, possibly
