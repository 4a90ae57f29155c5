"""The demo has a training and a consulting request in every state, the representative's group
among the requesters, and the consulting that went ahead with a pool expert and hours."""

from __future__ import annotations

from sqlmodel import Session, select

from maeul_db.demo.service import generate_demo
from maeul_db.models import (
    ConsultingRecord,
    ConsultingRequest,
    ConsultingStatus,
    TrainingRequest,
    TrainingRequestStatus,
)
from tests.paperwork.test_demo_paperwork import demo_session  # noqa: F401


def test_the_demo_has_requests_in_every_state(demo_session: Session) -> None:  # noqa: F811
    session = demo_session
    summary = generate_demo(session.connection(), scale="small", seed=1)
    session.expire_all()
    training = session.exec(select(TrainingRequest)).all()
    consulting = session.exec(select(ConsultingRequest)).all()
    assert {r.status for r in training} == {s.value for s in TrainingRequestStatus}
    assert {r.status for r in consulting} == {s.value for s in ConsultingStatus}
    assert summary.rows["training_request"] == len(training)
    assert summary.rows["consulting_request"] == len(consulting)
    accepted = next(r for r in training if r.status == "accepted")
    assert accepted.enrolment_id is not None
    done = next(r for r in consulting if r.status == "done")
    assert done.expert_person_id is not None
    hours = session.exec(
        select(ConsultingRecord).where(ConsultingRecord.request_id == done.id)
    ).all()
    assert hours and all(h.hours > 0 for h in hours)
