"""Builders for the request tests: a pool expert (the pool's three stages completed), a group with
its representative and a member, and requests filed through the services."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from maeul_db.models import ConsultingRequest, Group, Person, TrainingRequest, UserAccount
from maeul_db.support_requests import consulting, training
from maeul_db.support_requests.schemas import ConsultingRequestCreate, TrainingRequestCreate
from tests.builders import complete_program, make_group, make_membership, make_person, make_program
from tests.paperwork.helpers import make_rep

POOL_STAGES = ("basic", "lecture_practice", "expert_activist")


def make_pool_expert(session: Session, **overrides: Any) -> Person:
    person = make_person(session, **overrides)
    for stage in POOL_STAGES:
        complete_program(session, program=make_program(session, stage=stage), person=person)
    return person


def group_with_rep(session: Session, **overrides: Any) -> tuple[Group, UserAccount, Person]:
    group = make_group(session, **overrides)
    rep = make_rep(session, group)
    member = make_person(session, name="박회원", birth_year=1975)
    make_membership(session, group=group, person=member)
    return group, rep, member


def training_request(session: Session, user: UserAccount, **values: Any) -> TrainingRequest:
    return training.create(session, user=user, data=TrainingRequestCreate.model_validate(values))


def consulting_request(session: Session, user: UserAccount, group: Group) -> ConsultingRequest:
    data = ConsultingRequestCreate(group_id=group.id or 0, topic="마을 계획 세우기", detail="")
    return consulting.create(session, user=user, data=data)
