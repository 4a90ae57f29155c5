"""Consulting requests: a group asks, staff of its district assign an expert of the pool (one
pool: the experts' rule), record meetings with hours and close it; a representative cannot
assign or record; another district's staff cannot see or act."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlmodel import Session

from maeul_db.errors import Forbidden, InvalidInput, NotFound
from maeul_db.kit.pagination import Page
from maeul_db.support_requests import consulting, records, views
from maeul_db.support_requests.schemas import Assignment, ConsultingRecordIn
from tests.builders import DISTRICT_B, make_person, make_user
from tests.support_requests.helpers import consulting_request, group_with_rep, make_pool_expert


def test_request_assign_record_and_finish(session: Session) -> None:
    staff = make_user(session)
    group, rep, _ = group_with_rep(session)
    expert = make_pool_expert(session)
    request = consulting_request(session, rep, group)
    with pytest.raises(InvalidInput) as not_pool:
        consulting.assign(
            session, user=staff, request_id=request.id,
            data=Assignment(expert_person_id=make_person(session).id),
        )  # fmt: skip
    assert not_pool.value.field == "expert_person_id" and request.status == "requested"
    with pytest.raises(Forbidden):
        consulting.assign(
            session, user=rep, request_id=request.id, data=Assignment(expert_person_id=expert.id)
        )
    consulting.assign(
        session, user=staff, request_id=request.id, data=Assignment(expert_person_id=expert.id)
    )
    assert request.status == "assigned" and request.expert_person_id == expert.id
    with pytest.raises(InvalidInput):
        consulting.change_status(session, user=staff, request_id=request.id, to="done")
    with pytest.raises(Forbidden):
        consulting.record(
            session, user=rep, request_id=request.id,
            data=ConsultingRecordIn(held_on=date(2025, 5, 2), hours=Decimal(2)),
        )  # fmt: skip
    for day, hours in ((date(2025, 5, 2), "2"), (date(2025, 5, 9), "1.5")):
        consulting.record(
            session, user=staff, request_id=request.id,
            data=ConsultingRecordIn(held_on=day, hours=Decimal(hours)),
        )  # fmt: skip
    consulting.change_status(session, user=staff, request_id=request.id, to="done")
    detail = views.read_consulting(session, user=rep, request_id=request.id)
    assert detail.status == "done" and detail.expert_name == expert.name
    assert detail.total_hours == Decimal("3.5") and len(detail.records) == 2
    assert [e.to_status for e in detail.events] == ["requested", "assigned", "done"]
    mine = records.of_expert(session, person_id=expert.id)
    assert sum(c.hours for c in mine) == Decimal("3.5") and mine[0].topic == request.topic
    with pytest.raises(InvalidInput):
        consulting.record(
            session, user=staff, request_id=request.id,
            data=ConsultingRecordIn(held_on=date(2025, 5, 20), hours=Decimal(1)),
        )  # fmt: skip


def test_another_districts_staff_cannot_see_or_act(session: Session) -> None:
    group, rep, _ = group_with_rep(session)
    outsider = make_user(session, district_code=DISTRICT_B)
    expert = make_pool_expert(session)
    request = consulting_request(session, rep, group)
    with pytest.raises(NotFound):
        consulting.get(session, user=outsider, request_id=request.id)
    with pytest.raises(NotFound):
        consulting.assign(
            session, user=outsider, request_id=request.id,
            data=Assignment(expert_person_id=expert.id),
        )  # fmt: skip
    assert consulting.list_(session, user=outsider, page=Page(50))[1] == 0
    with pytest.raises(NotFound):
        consulting_request(session, outsider, group)
    other_rep_group, other_rep, _ = group_with_rep(session)
    assert consulting.list_(session, user=other_rep, page=Page(50))[1] == 0
    with pytest.raises(NotFound):
        consulting.get(session, user=other_rep, request_id=request.id)
    assert request.status == "requested" and other_rep_group.id != group.id


def test_the_representative_withdraws_and_staff_refuse_with_a_reason(session: Session) -> None:
    staff = make_user(session)
    group, rep, _ = group_with_rep(session)
    first = consulting_request(session, rep, group)
    consulting.change_status(session, user=rep, request_id=first.id, to="withdrawn")
    second = consulting_request(session, staff, group)
    with pytest.raises(InvalidInput):
        consulting.change_status(session, user=staff, request_id=second.id, to="assigned")
    consulting.change_status(
        session, user=staff, request_id=second.id, to="refused", reason="다른 지원과 중복"
    )
    assert (first.status, second.status) == ("withdrawn", "refused")
