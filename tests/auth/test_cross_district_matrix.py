"""Generated from the app's route table: every API route, called as staff of another district,
leaks nothing and changes nothing.

Each route needs an entry in ``RULES`` saying how it is called; a new route without one fails
``test_every_route_has_an_access_rule``, so no route can ship without being checked here.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlmodel import Session

from maeul_db.app import create_app
from maeul_db.certificates import service as certificate_service
from maeul_db.models import (
    Activity,
    Attendance,
    CertificateKind,
    ImportBatch,
    PersonMatchCandidate,
    Role,
    metadata,
)
from maeul_db.paperwork import applications as paperwork_applications
from maeul_db.paperwork import calls as paperwork_calls
from maeul_db.paperwork.schemas import ApplicationCreate, CallCreate
from tests.builders import (
    DISTRICT_A,
    DISTRICT_B,
    DONG_A,
    bearer,
    complete_program,
    make_career,
    make_council_world,
    make_group,
    make_membership,
    make_participation,
    make_person,
    make_placement,
    make_program,
    make_project,
    make_user,
)
from tests.builders_autonomy import seed_autonomy
from tests.imports.wizard_world import make_upload

SECRET_NAME = "비밀인물가"
SECRET_GROUP = "비밀모임나"
SECRET_PROJECT = "비밀사업다"


@dataclass(frozen=True)
class Rule:
    """``deny``: must answer 403/404 (or 422 for a body naming district A).
    ``own``: answers about the caller alone (must not contain district A's data).
    ``public``: needs no login; may answer anything but must not show district A's data."""

    kind: str
    body: Any = field(default_factory=dict)
    query: dict[str, str] = field(default_factory=dict)
    # Sends a one-row roster as multipart ``file`` with ``district_code`` = district A.
    upload: bool = False
    form: dict[str, str] | None = None


PERIOD_A = {"from": "2015-01-01", "to": "2024-12-31", "district": DISTRICT_A}

# Result reports and settlements (issue 15, i15-settle).
PDF_FILE = {"filename": "receipt.pdf", "content_base64": "JVBERi0xLjQKJSVFT0YK"}
EXPENSE = {
    "spent_on": "2019-05-02",
    "payee": "가게",
    "line": "materials",
    "amount_krw": 1000,
    "evidence": "card",
    "file": PDF_FILE,
}
NONCASH = {"kind": "in_kind", "description": "물품", "appraised_krw": 1000}
PLAN = {"planned": {"materials": 1000}, "interest_krw": 5}

RULES: dict[tuple[str, str], Rule] = {
    ("POST", "/api/auth/token"): Rule(
        "own", form={"username": "nobody", "password": "wrong-password"}
    ),
    ("GET", "/api/auth/me"): Rule("own"),
    # The caller's own password, never another's (the route names no account). Called with a
    # wrong current password: a 422 that changes nothing but the throttle's count.
    ("POST", "/api/auth/password"): Rule(
        "public",
        {
            "current_password": "wrong-password",
            "new_password": "a-new-long-passphrase",
            "new_password_confirm": "a-new-long-passphrase",
        },
    ),
    # Called last (see the loop): it ends the caller's own token.
    ("POST", "/api/auth/logout"): Rule("own"),
    ("GET", "/api/people"): Rule("own"),
    ("POST", "/api/people"): Rule(
        "deny",
        {
            "name": "새인물",
            "gender": "F",
            "birth_year": 1980,
            "registered_district_code": DISTRICT_A,
        },
    ),
    ("GET", "/api/people/{person_id}"): Rule("deny"),
    ("PATCH", "/api/people/{person_id}"): Rule("deny", {"name": "바뀐이름"}),
    ("GET", "/api/people/{person_id}/history"): Rule("deny"),
    ("GET", "/api/people/{person_id}/timeline"): Rule("deny"),
    ("GET", "/api/groups"): Rule("own"),
    ("POST", "/api/groups"): Rule(
        "deny", {"name": "남의모임", "district_code": DISTRICT_A, "founded_on": "2020-01-01"}
    ),
    ("GET", "/api/groups/{group_id}"): Rule("deny"),
    ("PATCH", "/api/groups/{group_id}"): Rule("deny", {"name": "바뀐모임"}),
    ("POST", "/api/groups/{group_id}/members"): Rule(
        "deny", {"person_id": "{person_id}", "valid_from": "2020-01-01"}
    ),
    ("GET", "/api/groups/{group_id}/members"): Rule("deny"),
    ("POST", "/api/groups/memberships/{membership_id}/close"): Rule(
        "deny", {"valid_to": "2024-01-01"}
    ),
    ("GET", "/api/projects"): Rule("own"),
    ("POST", "/api/projects"): Rule(
        "deny", {"name": "남의사업", "year": 2020, "district_code": DISTRICT_A}
    ),
    ("GET", "/api/projects/{project_id}"): Rule("deny"),
    ("PATCH", "/api/projects/{project_id}"): Rule("deny", {"name": "바뀐사업"}),
    ("POST", "/api/projects/{project_id}/participants"): Rule(
        "deny", {"person_id": "{person_id}", "valid_from": "2020-01-01"}
    ),
    ("GET", "/api/projects/{project_id}/participants"): Rule("deny"),
    ("POST", "/api/projects/participations/{participation_id}/close"): Rule(
        "deny", {"valid_to": "2024-01-01"}
    ),
    ("POST", "/api/projects/participations/{participation_id}/void"): Rule("deny", {"reason": "x"}),
    ("GET", "/api/activities"): Rule("own"),
    ("POST", "/api/activities"): Rule(
        "deny", {"title": "남의활동", "held_on": "2020-01-01", "project_id": "{project_id}"}
    ),
    ("GET", "/api/activities/{activity_id}"): Rule("deny"),
    ("POST", "/api/activities/{activity_id}/attendance"): Rule(
        "deny", {"person_ids": ["{person_id}"]}
    ),
    ("GET", "/api/activities/{activity_id}/attendance"): Rule("deny"),
    ("GET", "/api/access-log"): Rule("own"),
    # Staff may check the chain: the answer holds no row's content.
    ("GET", "/api/access-log/verify"): Rule("own"),
    ("GET", "/api/audit"): Rule("own"),
    # Accounts: the city admin's; district staff are refused whatever the account.
    ("GET", "/api/accounts"): Rule("deny"),
    ("POST", "/api/accounts"): Rule("deny", {"username": "b.made", "role": "city_admin"}),
    ("GET", "/api/accounts/{account_id}"): Rule("deny"),
    ("PUT", "/api/accounts/{account_id}"): Rule("deny", {"role": "analyst"}),
    ("POST", "/api/accounts/{account_id}/disable"): Rule("deny"),
    ("POST", "/api/accounts/{account_id}/enable"): Rule("deny"),
    ("POST", "/api/accounts/{account_id}/reset-password"): Rule("deny"),
    # Training, experts, careers, certificates (issue 4)
    ("GET", "/api/training/programs"): Rule("own"),
    ("POST", "/api/training/programs"): Rule(
        "deny",
        {
            "code": "X1",
            "name": "남의교육",
            "stage": "basic",
            "district_code": DISTRICT_A,
            "modules": [{"name": "m", "hours": "2"}],
        },
    ),
    ("POST", "/api/training/enrolments"): Rule(
        "deny",
        {"program_id": "{program_id}", "person_id": "{person_id}", "enrolled_on": "2024-01-01"},
    ),
    ("PUT", "/api/training/enrolments/{enrolment_id}/attendance"): Rule(
        "deny", [{"module_id": 1, "hours_attended": "1"}]
    ),
    ("POST", "/api/training/enrolments/{enrolment_id}/withdraw"): Rule(
        "deny", {"on": "2024-01-01"}
    ),
    ("GET", "/api/training/people/{person_id}"): Rule("deny"),
    ("GET", "/api/training/people/{person_id}/council-school"): Rule("deny"),
    ("GET", "/api/experts/pool"): Rule("own"),
    ("GET", "/api/experts/eligibility/{person_id}"): Rule("deny"),
    ("GET", "/api/experts/placements"): Rule("own"),
    ("POST", "/api/experts/placements"): Rule(
        "deny", {"person_id": "{person_id}", "dong_code": DONG_A, "valid_from": "2024-01-01"}
    ),
    ("POST", "/api/experts/placements/{placement_id}/close"): Rule(
        "deny", {"valid_to": "2025-01-01"}
    ),
    ("GET", "/api/experts/coverage/{district_code}"): Rule("deny"),
    ("POST", "/api/careers"): Rule(
        "deny",
        {
            "person_id": "{person_id}",
            "job_type": "field_activist",
            "employer": "남의센터",
            "valid_from": "2020-01-01",
        },
    ),
    ("GET", "/api/careers/people/{person_id}"): Rule("deny"),
    ("GET", "/api/careers"): Rule("own"),
    ("POST", "/api/careers/{career_id}/close"): Rule(
        "deny", {"valid_to": "2024-01-01", "why": "x"}
    ),
    ("POST", "/api/careers/{career_id}/correct"): Rule("deny", {"employer": "x", "why": "x"}),
    ("POST", "/api/careers/{career_id}/void"): Rule("deny", {"why": "x"}),
    ("POST", "/api/experts/placements/{placement_id}/void"): Rule("deny", {"reason": "x"}),
    ("PUT", "/api/experts/targets/{district_code}"): Rule("deny", {"per_dong": 3}),
    ("PATCH", "/api/activities/{activity_id}"): Rule("deny", {"unnamed_count": 1}),
    ("PATCH", "/api/activities/{activity_id}/attendance/{person_id}"): Rule("deny", {"hours": 1}),
    ("POST", "/api/activities/{activity_id}/attendance/{person_id}/void"): Rule(
        "deny", {"reason": "x"}
    ),
    ("POST", "/api/groups/memberships/{membership_id}/void"): Rule("deny", {"reason": "x"}),
    ("POST", "/api/groups/memberships/{membership_id}/role"): Rule(
        "deny", {"role": "secretary", "on": "2021-01-01"}
    ),
    ("POST", "/api/projects/participations/{participation_id}/role"): Rule(
        "deny", {"role": "lead_proposer", "on": "2021-01-01"}
    ),
    ("POST", "/api/careers/{career_id}/verify"): Rule("deny"),
    ("POST", "/api/certificates"): Rule("deny", {"kind": "training", "person_id": "{person_id}"}),
    ("GET", "/api/certificates"): Rule("own"),
    ("GET", "/api/certificates/{certificate_id}"): Rule("deny"),
    ("GET", "/api/certificates/{certificate_id}/pdf"): Rule("deny"),
    ("POST", "/api/certificates/{certificate_id}/reissue"): Rule("deny"),
    ("POST", "/api/certificates/{certificate_id}/revoke"): Rule("deny", {"reason": "남의 취소"}),
    ("GET", "/api/public/certificates/verify"): Rule("public"),
    ("GET", "/api/public/certificates/verify/{token}"): Rule("public"),
    # Analytics (issue 5): another district's figures are refused outright.
    ("GET", "/api/analytics/kpi"): Rule("deny", query=PERIOD_A),
    ("GET", "/api/analytics/ladder"): Rule(
        "deny", query={"as_of": "2020-01-01", "district": DISTRICT_A}
    ),
    ("GET", "/api/analytics/graph/summary"): Rule("deny", query=PERIOD_A),
    ("GET", "/api/analytics/graph/growth"): Rule("deny", query=PERIOD_A),
    ("GET", "/api/analytics/graph/export"): Rule("deny", query=PERIOD_A),
    ("GET", "/api/analytics/people/{person_id}/ego"): Rule("deny"),
    ("GET", "/api/analytics/people/{person_id}/chain"): Rule("deny", query={"other": "1"}),
    ("GET", "/api/analytics/people/{person_id}/ties-before-lead"): Rule("deny"),
    # Assemblies, plans, spaces and networks (issue 12)
    ("GET", "/api/assemblies"): Rule("own"),
    ("POST", "/api/assemblies"): Rule(
        "deny",
        {
            "dong_code": DONG_A,
            "held_on": "2023-06-01",
            "present": 10,
            "onsite_voters": 10,
            "prevoters": 0,
            "adult_population": 5000,
        },
    ),
    ("GET", "/api/assemblies/turnout"): Rule("own", query={"year": "2021"}),
    ("GET", "/api/assemblies/{assembly_id}"): Rule("deny"),
    ("POST", "/api/assemblies/plans"): Rule(
        "deny", {"dong_code": DONG_A, "year": 2023, "title": "x", "assembly_id": "{assembly_id}"}
    ),
    ("GET", "/api/assemblies/plans/{plan_id}"): Rule("deny"),
    ("POST", "/api/assemblies/plans/{plan_id}/items"): Rule("deny", {"title": "x"}),
    ("POST", "/api/assemblies/items/{item_id}/votes"): Rule(
        "deny", {"votes_for": 1, "votes_against": 0, "votes_abstain": 0}
    ),
    ("POST", "/api/assemblies/items/{item_id}/project"): Rule(
        "deny", {"project_id": "{project_id}"}
    ),
    ("GET", "/api/assemblies/projects/{project_id}/items"): Rule("deny"),
    ("GET", "/api/spaces"): Rule("own"),
    ("POST", "/api/spaces"): Rule(
        "deny",
        {
            "dong_code": DONG_A,
            "name": "x",
            "address": "x",
            "kind": "hub",
            "valid_from": "2020-01-01",
        },
    ),
    ("GET", "/api/spaces/{space_id}"): Rule("deny"),
    ("POST", "/api/spaces/{space_id}/operators"): Rule(
        "deny", {"person_id": "{person_id}", "valid_from": "2020-01-01"}
    ),
    ("GET", "/api/networks"): Rule("own"),
    ("POST", "/api/networks"): Rule("deny", {"name": "x", "district_code": DISTRICT_A}),
    ("GET", "/api/networks/{network_id}"): Rule("deny"),
    ("POST", "/api/networks/{network_id}/members"): Rule(
        "deny", {"group_id": "{group_id}", "valid_from": "2023-01-01"}
    ),
    ("POST", "/api/networks/members/{member_id}/close"): Rule("deny", {"valid_to": "2024-01-01"}),
    # Identity and imports (issue 3)
    ("POST", "/api/identity/match"): Rule(
        "own", {"name": "새인물", "birth_year": 1980, "phone": "010-1234-0000"}
    ),
    ("POST", "/api/identity/register"): Rule(
        "deny",
        {
            "name": "새인물",
            "gender": "F",
            "birth_year": 1980,
            "registered_district_code": DISTRICT_A,
        },
    ),
    ("GET", "/api/identity/candidates"): Rule("own"),
    ("POST", "/api/identity/candidates/{candidate_id}/merge"): Rule("deny"),
    ("POST", "/api/identity/candidates/{candidate_id}/dismiss"): Rule("deny"),
    ("POST", "/api/identity/candidates/{candidate_id}/unmerge"): Rule("deny"),
    ("GET", "/api/identity/people/{person_id}/elsewhere"): Rule("deny"),
    ("GET", "/api/imports/template.xlsx"): Rule("own"),
    ("GET", "/api/imports/batches"): Rule("own"),
    ("GET", "/api/imports/batches/{batch_id}"): Rule("deny"),
    ("GET", "/api/imports/batches/{batch_id}/rejected"): Rule("deny"),
    ("POST", "/api/imports/batches/{batch_id}/undo"): Rule("deny"),
    ("POST", "/api/imports/preview"): Rule("deny", upload=True),
    ("POST", "/api/imports"): Rule("deny", upload=True),
    # Resident councils (issue 12)
    ("GET", "/api/councils"): Rule("own"),
    ("POST", "/api/councils"): Rule(
        "deny", {"dong_code": "1111053000", "founded_on": "2020-01-01"}
    ),
    ("GET", "/api/councils/{council_id}"): Rule("deny"),
    ("POST", "/api/councils/{council_id}/seats"): Rule(
        "deny", {"person_id": "{person_id}", "chosen_by": "open_call", "valid_from": "2024-01-01"}
    ),
    ("POST", "/api/councils/{council_id}/roster"): Rule("deny", upload=True),
    ("POST", "/api/councils/{council_id}/seats/{seat_id}/close"): Rule(
        "deny", {"valid_to": "2024-01-01"}
    ),
    ("POST", "/api/councils/{council_id}/applicants"): Rule(
        "deny", {"person_id": "{person_id}", "applied_on": "2022-01-01", "term_start": "2023-04-01"}
    ),
    ("POST", "/api/councils/{council_id}/draws"): Rule(
        "deny",
        {"term_start": "2021-04-01", "drawn_on": "2021-03-01", "women_seats": 1, "men_seats": 1},
    ),
    ("POST", "/api/councils/{council_id}/subcommittees"): Rule("deny", {"name": "새분과"}),
    ("POST", "/api/councils/{council_id}/subcommittees/{subcommittee_id}/members"): Rule(
        "deny", {"person_id": "{person_id}", "valid_from": "2020-01-01"}
    ),
    ("POST", "/api/councils/{council_id}/meetings"): Rule(
        "deny", {"held_on": "2020-06-01", "title": "회의", "present_person_ids": ["{person_id}"]}
    ),
    # Paperwork (issue 15)
    ("GET", "/api/paperwork/calls"): Rule("own"),
    ("POST", "/api/paperwork/calls"): Rule(
        "deny",
        {
            "title": "남의공모",
            "district_code": DISTRICT_A,
            "year": 2020,
            "opens_on": "2020-01-01",
            "closes_on": "2020-02-01",
        },
    ),
    ("GET", "/api/paperwork/calls/{call_id}"): Rule("deny"),
    ("GET", "/api/paperwork/applications"): Rule("own"),
    ("POST", "/api/paperwork/applications"): Rule(
        "deny",
        {
            "call_id": "{call_id}",
            "group_id": "{group_id}",
            "title": "남의신청",
            "people": [{"name": "가", "birth_year": 1980, "gender": "F", "role": "lead_proposer"}],
        },
    ),
    ("GET", "/api/paperwork/applications/{application_id}"): Rule("deny"),
    ("PUT", "/api/paperwork/applications/{application_id}"): Rule(
        "deny",
        {
            "title": "남의신청",
            "people": [{"name": "가", "birth_year": 1980, "gender": "F", "role": "lead_proposer"}],
        },
    ),
    ("POST", "/api/paperwork/applications/{application_id}/status"): Rule(
        "deny", {"to": "returned", "reason": "r"}
    ),
    ("POST", "/api/paperwork/applications/{application_id}/eligibility"): Rule("deny"),
    ("POST", "/api/paperwork/applications/{application_id}/scores"): Rule(
        "deny", {"points": {"plan": 1}}
    ),
    # Training and consulting requests (issue 15, item 9)
    ("GET", "/api/requests/training"): Rule("own"),
    ("POST", "/api/requests/training"): Rule(
        "deny", {"program_id": "{program_id}", "person_id": "{person_id}"}
    ),
    ("GET", "/api/requests/training/{training_request_id}"): Rule("deny"),
    ("POST", "/api/requests/training/{training_request_id}/status"): Rule(
        "deny", {"to": "accepted"}
    ),
    ("GET", "/api/requests/consulting"): Rule("own"),
    ("POST", "/api/requests/consulting"): Rule("deny", {"group_id": "{group_id}", "topic": "t"}),
    ("GET", "/api/requests/consulting/{consulting_request_id}"): Rule("deny"),
    ("POST", "/api/requests/consulting/{consulting_request_id}/assign"): Rule(
        "deny", {"expert_person_id": "{person_id}"}
    ),
    ("POST", "/api/requests/consulting/{consulting_request_id}/records"): Rule(
        "deny", {"held_on": "2024-01-01", "hours": "1"}
    ),
    ("POST", "/api/requests/consulting/{consulting_request_id}/status"): Rule(
        "deny", {"to": "withdrawn"}
    ),
    # Result reports and settlements (issue 15, i15-settle).
    ("GET", "/api/projects/{project_id}/report"): Rule("deny"),
    ("PUT", "/api/projects/{project_id}/report"): Rule("deny", {"narrative": "보고"}),
    ("POST", "/api/projects/{project_id}/report/attachments"): Rule("deny", PDF_FILE),
    ("POST", "/api/projects/{project_id}/report/state"): Rule("deny", {"action": "submit"}),
    ("GET", "/api/projects/{project_id}/settlement"): Rule("deny"),
    ("PUT", "/api/projects/{project_id}/settlement/plan"): Rule("deny", PLAN),
    ("POST", "/api/projects/{project_id}/settlement/expenses"): Rule("deny", EXPENSE),
    ("POST", "/api/projects/{project_id}/settlement/noncash"): Rule("deny", NONCASH),
    ("POST", "/api/projects/{project_id}/settlement/state"): Rule("deny", {"action": "submit"}),
    ("GET", "/api/projects/{project_id}/timeline"): Rule("deny"),
    # The import wizard (issue 10): district A's kept upload is not district B's.
    ("POST", "/api/imports/uploads"): Rule("deny", upload=True),
    ("GET", "/api/imports/uploads/{upload_id}"): Rule("deny"),
    ("PATCH", "/api/imports/uploads/{upload_id}"): Rule("deny", body={"header_row": 2}),
    ("POST", "/api/imports/uploads/{upload_id}/commit"): Rule("deny"),
    ("GET", "/api/imports/uploads/{upload_id}/mapping"): Rule("deny"),
    ("GET", "/api/imports/uploads/{upload_id}/progress"): Rule("deny"),
}

ROSTER = (
    "사업연도,자치구,행정동,사업명,사업단계,모임명,성명,성별,출생연도,역할\n"
    "2020,종로구,청운효자동,남의사업,모임형성,남의모임,홍길순,여,1980,참여자\n"
).encode()


def _routes() -> list[tuple[str, str]]:
    spec = create_app().openapi()
    return sorted((m.upper(), p) for p, item in spec["paths"].items() for m in item)


def test_every_route_has_an_access_rule() -> None:
    missing = [route for route in _routes() if route not in RULES]
    assert not missing, f"routes without an access rule in {__name__}.RULES: {missing}"


def _world(session: Session) -> dict[str, Any]:
    person = make_person(session, name=SECRET_NAME, registered_district_code=DISTRICT_A)
    group = make_group(session, name=SECRET_GROUP, district_code=DISTRICT_A)
    project = make_project(session, name=SECRET_PROJECT, district_code=DISTRICT_A)
    membership = make_membership(session, group=group, person=person)
    participation = make_participation(session, project=project, person=person)
    activity = Activity(
        title="비밀활동", held_on=date(2019, 5, 1), district_code=DISTRICT_A, project_id=project.id
    )
    session.add(activity)
    session.flush()
    session.add(Attendance(activity_id=activity.id, person_id=person.id, district_code=DISTRICT_A))
    session.flush()
    program = make_program(session, district_code=DISTRICT_A)
    enrolment = complete_program(session, program=program, person=person)
    placement = make_placement(session, person=person)
    career = make_career(session, person=person, verified=False)
    admin = make_user(session, role=Role.city_admin)
    assert person.id is not None
    certificate, _ = certificate_service.issue(
        session, user=admin, kind=CertificateKind.training, person_id=person.id
    )
    twin = make_person(session, name=SECRET_NAME, registered_district_code=DISTRICT_A)
    candidate = PersonMatchCandidate(
        person_id=twin.id,
        candidate_person_id=person.id,
        district_code=DISTRICT_A,
        reason="같은 이름과 출생연도",
    )
    batch = ImportBatch(district_code=DISTRICT_A, filename="비밀명단.csv", file_sha256="0" * 64)
    session.add_all([candidate, batch])
    session.flush()
    paperwork = _paperwork(session, group=group, person=person)
    return {
        **paperwork,
        "candidate_id": candidate.id,
        "batch_id": batch.id,
        "upload_id": make_upload(session, user_id=int(admin.id or 0)),
        "person_id": person.id,
        "group_id": group.id,
        "project_id": project.id,
        "membership_id": membership.id,
        "participation_id": participation.id,
        "activity_id": activity.id,
        "program_id": program.id,
        "enrolment_id": enrolment.id,
        "placement_id": placement.id,
        "career_id": career.id,
        "certificate_id": certificate.id,
        "district_code": DISTRICT_A,
        "token": certificate.verification_id,
        "account_id": admin.id,
        **make_council_world(session, person=person),
        **seed_autonomy(session, person_id=person.id, group_id=group.id, label=SECRET_GROUP),
    }


def _paperwork(session: Session, *, group: Any, person: Any) -> dict[str, Any]:
    """District A's call and an application naming the secret person (issue 15)."""
    staff = make_user(session, district_code=DISTRICT_A)
    call = paperwork_calls.create(
        session,
        user=staff,
        data=CallCreate.model_validate(
            {
                "title": "비밀공모",
                "year": 2020,
                "opens_on": "2020-01-01",
                "closes_on": "2020-02-01",
                "budget_lines": {"operating": 0},
                "sheet": [{"key": "plan", "label": "계획", "max": 10}],
            }
        ),
    )
    application = paperwork_applications.create(
        session,
        user=staff,
        data=ApplicationCreate.model_validate(
            {
                "call_id": call.id,
                "group_id": group.id,
                "title": SECRET_PROJECT + " 신청",
                "people": [{"person_id": person.id, "role": "lead_proposer"}],
            }
        ),
    )
    from maeul_db.support_requests import consulting, training
    from maeul_db.support_requests.schemas import ConsultingRequestCreate, TrainingRequestCreate

    asked = training.create(
        session,
        user=staff,
        data=TrainingRequestCreate(
            program_id=make_program(session, district_code=DISTRICT_A).id, person_id=person.id
        ),
    )
    consult = consulting.create(
        session, user=staff, data=ConsultingRequestCreate(group_id=group.id, topic=SECRET_PROJECT)
    )
    return {
        "call_id": call.id,
        "application_id": application.id,
        "training_request_id": asked.id,
        "consulting_request_id": consult.id,
    }


def _snapshot(session: Session) -> str:
    """A digest of every row of every table, to prove a denied call changed nothing. The caller's
    own doings are left out: failed logins are counted by design (throttling), and logging out
    bumps the caller's own session version (and so its account row's ``updated_at``)."""
    digest = hashlib.sha256()
    for table in metadata.sorted_tables:
        if table.name == "login_failure":
            continue
        order = ", ".join(c.name for c in table.primary_key.columns) or "1"
        own = {"session_version", "updated_at"} if table.name == "user_account" else set()
        names = ", ".join(c.name for c in table.columns if c.name not in own)
        rows = session.exec(text(f"SELECT {names} FROM {table.name} ORDER BY {order}")).all()  # type: ignore[call-overload]
        digest.update(f"{table.name}:{len(rows)}:{rows!r}".encode())
    return digest.hexdigest()


def _fill(value: Any, ids: dict[str, Any]) -> Any:
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        return ids[value[1:-1]]
    if isinstance(value, list):
        return [_fill(v, ids) for v in value]
    if isinstance(value, dict):
        return {k: _fill(v, ids) for k, v in value.items()}
    return value


@pytest.mark.parametrize("role", [Role.district_staff])
def test_other_district_staff_see_and_change_nothing(
    client: TestClient, session: Session, role: Role
) -> None:
    ids = _world(session)
    outsider = make_user(session, role=role, district_code=DISTRICT_B)
    headers = bearer(client, outsider.username)
    session.flush()
    before = _snapshot(session)
    secrets = (SECRET_NAME, SECRET_GROUP, SECRET_PROJECT, "비밀활동", "비밀명단")
    # Routes without a rule fail test_every_route_has_an_access_rule; here they are called as listed.
    last = ("POST", "/api/auth/logout")
    routes = sorted((r for r in _routes() if r in RULES), key=lambda r: r == last)
    for method, path in routes:
        rule = RULES[(method, path)]
        params = re.findall(r"\{([^}]+)\}", path)
        unknown = [p for p in params if p not in ids]
        assert not unknown, f"{method} {path}: no district-A object for {unknown}"
        url = re.sub(r"\{([^}]+)\}", lambda m: str(ids[m.group(1)]), path)
        if rule.form is not None:
            response = client.request(method, url, data=rule.form)
        elif rule.upload:
            response = client.request(
                method,
                url,
                headers=headers,
                files={"file": ("roster.csv", ROSTER, "text/csv")},
                data={"district_code": DISTRICT_A},
            )
        else:
            body = _fill(rule.body, ids) if method in ("POST", "PATCH", "PUT") else None
            response = client.request(
                method, url, headers=headers, json=body, params=rule.query or None
            )
        where = f"{method} {path} -> {response.status_code}"
        if rule.kind == "deny":
            assert response.status_code in (403, 404), where
        elif rule.kind == "own":
            assert response.status_code in (200, 204, 401), where  # 204: the caller's own logout
        else:  # public: anyone may call it; it must still show nothing it should not
            assert response.status_code < 500, where
        leaked = [s for s in secrets if s in response.text]
        assert not leaked, f"{where} leaked {leaked}"
        session.flush()
    session.expire_all()
    assert _snapshot(session) == before, "a denied call changed the database"
