"""Rights requests: the clock per kind, overdue first, an extension with its reason, a decision
with its reason and how to object, district scoping, and what a granted request carries out."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlmodel import Session, select

from maeul_db.errors import Conflict, InvalidInput, NotFound
from maeul_db.kit import time as clock
from maeul_db.kit.pagination import Page
from maeul_db.models import (
    AccessLog,
    Consent,
    ConsentMethod,
    DestructionEntry,
    Person,
    RequestDecision,
    RequestKind,
    RightsRequest,
    UserAccount,
)
from maeul_db.privacy import consent
from maeul_db.privacy import requests as rights
from tests.builders import DISTRICT_B, make_person, make_user

# 10:00 in Seoul on Monday 2 March 2026.
RECEIVED = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def _request(
    session: Session,
    kind: RequestKind,
    *,
    staff: UserAccount | None = None,
    person: Person | None = None,
) -> RightsRequest:
    staff = staff or make_user(session)
    person = person or make_person(session)
    with clock.frozen_at(RECEIVED):
        return rights.create(
            session,
            user=staff,
            person_id=person.id,
            kind=kind,
            requester="본인",
            verification="신분증 확인",
        )


@pytest.mark.parametrize(
    ("kind", "due"),
    [
        (RequestKind.access, date(2026, 3, 12)),
        (RequestKind.stop_processing, date(2026, 3, 12)),
        (RequestKind.correction, date(2026, 3, 2)),
        (RequestKind.deletion, date(2026, 3, 2)),
    ],
)
def test_create_sets_the_deadline_by_kind(session: Session, kind: RequestKind, due: date) -> None:
    request = _request(session, kind)
    assert request.due_on == due


def test_list_shows_a_request_past_its_deadline_as_overdue_and_first(session: Session) -> None:
    staff = make_user(session)
    access = _request(session, RequestKind.access, staff=staff)
    deletion = _request(session, RequestKind.deletion, staff=staff)
    with clock.frozen_at(datetime(2026, 3, 5, 1, 0, tzinfo=UTC)):
        views, count = rights.list_(session, user=staff, page=Page(50, 0))
    assert count == 2
    assert [(v.request.id, v.overdue) for v in views] == [
        (deletion.id, True),
        (access.id, False),
    ]


def test_list_logs_the_requesters_it_names(session: Session) -> None:
    staff = make_user(session)
    request = _request(session, RequestKind.access, staff=staff)
    rights.list_(session, user=staff, page=Page(50, 0))
    log = session.exec(select(AccessLog).where(AccessLog.action == "privacy.requests")).one()
    assert log.person_ids == f",{request.person_id},"


def test_extend_moves_the_deadline_once_with_a_reason(session: Session) -> None:
    staff = make_user(session)
    request = _request(session, RequestKind.access, staff=staff)
    with pytest.raises(InvalidInput):
        rights.extend(
            session, user=staff, request_id=request.id, until=date(2026, 3, 20), reason=" "
        )
    rights.extend(
        session,
        user=staff,
        request_id=request.id,
        until=date(2026, 3, 20),
        reason="자료 취합",
    )
    assert rights.deadline(request) == date(2026, 3, 20)
    with clock.frozen_at(datetime(2026, 3, 15, 1, 0, tzinfo=UTC)):
        assert not rights.is_overdue(request, clock.today())
    with pytest.raises(Conflict):
        rights.extend(
            session,
            user=staff,
            request_id=request.id,
            until=date(2026, 3, 21),
            reason="또",
        )


def test_refusal_needs_how_to_object(session: Session) -> None:
    staff = make_user(session)
    request = _request(session, RequestKind.correction, staff=staff)
    with pytest.raises(InvalidInput) as caught:
        rights.decide(
            session,
            user=staff,
            request_id=request.id,
            decision=RequestDecision.refused,
            reason="근거 없음",
        )
    assert caught.value.field == "how_to_object"
    decided = rights.decide(
        session,
        user=staff,
        request_id=request.id,
        decision=RequestDecision.refused,
        reason="근거 없음",
        how_to_object="개인정보 분쟁조정위원회에 조정 신청",
    )
    assert decided.decided_at is not None and decided.decided_by_user_id == staff.id
    with pytest.raises(Conflict):
        rights.decide(
            session,
            user=staff,
            request_id=request.id,
            decision=RequestDecision.granted,
            reason="재검토",
        )


def test_granted_deletion_anonymises_the_person_and_writes_the_ledger(session: Session) -> None:
    staff = make_user(session)
    person = make_person(session, name="지울사람", email="x@example.kr")
    request = _request(session, RequestKind.deletion, staff=staff, person=person)
    rights.decide(
        session,
        user=staff,
        request_id=request.id,
        decision=RequestDecision.granted,
        reason="요청대로",
    )
    stored = session.get(Person, person.id)
    assert stored is not None
    assert (stored.name, stored.phone, stored.email) == ("***", None, None)
    assert stored.anonymised_at is not None
    entry = session.exec(select(DestructionEntry)).one()
    assert (entry.rule, entry.count, entry.person_ids) == ("deletion_request", 1, f",{person.id},")


def test_granted_stop_processing_withdraws_research_consent(session: Session) -> None:
    staff = make_user(session)
    person = make_person(session)
    consent.give(
        session,
        user=staff,
        person_id=person.id,
        purpose="research",
        method=ConsentMethod.paper,
        given_on=date(2020, 1, 1),
    )
    request = _request(session, RequestKind.stop_processing, staff=staff, person=person)
    rights.decide(
        session,
        user=staff,
        request_id=request.id,
        decision=RequestDecision.granted,
        reason="요청대로",
    )
    row = session.exec(select(Consent).where(Consent.person_id == person.id)).one()
    assert row.withdrawn_on is not None


def test_another_districts_staff_cannot_see_the_request(session: Session) -> None:
    request = _request(session, RequestKind.access)
    outsider = make_user(session, district_code=DISTRICT_B)
    with pytest.raises(NotFound):
        rights.view(session, user=outsider, request_id=request.id)
    views, count = rights.list_(session, user=outsider, page=Page(50, 0))
    assert (views, count) == ([], 0)


def test_an_anonymised_person_cannot_be_edited_back(session: Session) -> None:
    from maeul_db.participants import service as participant_service
    from maeul_db.participants.schemas import PersonUpdate

    staff = make_user(session)
    person = make_person(session)
    request = _request(session, RequestKind.deletion, staff=staff, person=person)
    rights.decide(
        session,
        user=staff,
        request_id=request.id,
        decision=RequestDecision.granted,
        reason="요청대로",
    )
    with pytest.raises(Conflict):
        participant_service.update(
            session, user=staff, person_id=person.id, data=PersonUpdate(name="되살린이름")
        )
