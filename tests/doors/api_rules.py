"""Who may use each API route, and how the role matrix calls it. Every route in the OpenAPI
document needs an entry: ``test_every_api_route_declares_its_roles`` fails for one without.

``roles``: who may use the route on district A's objects (the staff account is district A's).
``own``: roles that may call it but get only their own rows (an expert's certificates).
Bodies name district A's objects as ``"{person_id}"`` and so on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from maeul_db.models import Role
from tests.builders import DISTRICT_A, DONG_A, PASSWORD
from tests.doors.world import SECRET_NAME

STAFF = frozenset({Role.city_admin, Role.district_staff})
ANALYTICS = frozenset({Role.city_admin, Role.district_staff, Role.analyst})
EXPERT = frozenset({Role.expert})
EVERYONE = frozenset(Role)
CITY = frozenset({Role.city_admin})
# Placing an expert is the district's choice (DOMAIN.md: districts select from the pool).
DISTRICT = frozenset({Role.district_staff})
# Paperwork (issue 15): staff, the admin, and group representatives (their own groups' rows).
PAPERWORK = frozenset({Role.city_admin, Role.district_staff, Role.group_rep})
PAPERWORK_CALL = {
    "title": "새공모",
    "year": 2020,
    "opens_on": "2020-01-01",
    "closes_on": "2020-02-01",
    "budget_lines": {"operating": 0},
}
PAPERWORK_APPLICATION = {
    "call_id": "{call_id}",
    "group_id": "{group_id}",
    "title": "새신청",
    "people": [{"name": "새인물", "birth_year": 1980, "gender": "F", "role": "lead_proposer"}],
    "budget": [{"line": "operating", "amount_krw": 1000}],
}


@dataclass(frozen=True)
class ApiRule:
    roles: frozenset[Role]
    body: Any = None
    query: dict[str, str] = field(default_factory=dict)
    own: frozenset[Role] = frozenset()
    public: bool = False
    # Sends a one-row roster as multipart ``file`` with ``district_code`` = district A.
    upload: bool = False
    form: dict[str, str] | None = None
    # What an allowed caller gets for the positive cell (reads only).
    positive: int = 200


PERIOD_A = {"from": "2015-01-01", "to": "2024-12-31", "district": DISTRICT_A}
NEW_PERSON = {
    "name": "새인물",
    "gender": "F",
    "birth_year": 1980,
    "registered_district_code": DISTRICT_A,
}
JOIN = {"person_id": "{person_id}", "valid_from": "2020-01-01"}
CLOSE = {"valid_to": "2024-01-01"}
ASSEMBLY = {
    "dong_code": DONG_A,
    "held_on": "2023-06-01",
    "present": 10,
    "onsite_voters": 10,
    "prevoters": 0,
    "adult_population": 5000,
}
SPACE = {
    "dong_code": DONG_A,
    "name": "새공간",
    "address": "종로구",
    "kind": "hub",
    "valid_from": "2020-01-01",
}
VOTES = {"votes_for": 1, "votes_against": 0, "votes_abstain": 0}

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

API_RULES: dict[tuple[str, str], ApiRule] = {
    ("POST", "/api/auth/token"): ApiRule(
        EVERYONE, public=True, form={"username": "nobody", "password": "wrong-password"}
    ),
    ("GET", "/api/public/certificates/verify"): ApiRule(EVERYONE, public=True),
    ("GET", "/api/public/certificates/verify/{token}"): ApiRule(EVERYONE, public=True),
    ("GET", "/api/auth/me"): ApiRule(EVERYONE),
    ("POST", "/api/auth/logout"): ApiRule(EVERYONE, positive=204),
    ("POST", "/api/auth/password"): ApiRule(
        EVERYONE,
        {
            "current_password": PASSWORD,
            "new_password": "a-new-long-passphrase",
            "new_password_confirm": "a-new-long-passphrase",
        },
    ),
    # People: staff; an expert finds only their own record; analysts never read person rows.
    ("GET", "/api/people"): ApiRule(STAFF, own=EXPERT),
    ("POST", "/api/people"): ApiRule(STAFF, NEW_PERSON),
    ("GET", "/api/people/{person_id}"): ApiRule(STAFF),
    ("PATCH", "/api/people/{person_id}"): ApiRule(STAFF, {"name": "바뀐이름"}),
    ("GET", "/api/people/{person_id}/history"): ApiRule(STAFF),
    ("GET", "/api/people/{person_id}/timeline"): ApiRule(STAFF),
    # Logging (groups, projects, activities) is the district staff's work, as on the web pages.
    ("GET", "/api/groups"): ApiRule(STAFF),
    ("POST", "/api/groups"): ApiRule(
        STAFF, {"name": "새모임", "district_code": DISTRICT_A, "founded_on": "2020-01-01"}
    ),
    ("GET", "/api/groups/{group_id}"): ApiRule(STAFF),
    ("PATCH", "/api/groups/{group_id}"): ApiRule(STAFF, {"name": "바뀐모임"}),
    ("POST", "/api/groups/{group_id}/members"): ApiRule(STAFF, JOIN),
    ("GET", "/api/groups/{group_id}/members"): ApiRule(STAFF),
    ("POST", "/api/groups/memberships/{membership_id}/close"): ApiRule(STAFF, CLOSE),
    ("POST", "/api/groups/memberships/{membership_id}/void"): ApiRule(
        STAFF, {"reason": "잘못 입력"}
    ),
    ("POST", "/api/groups/memberships/{membership_id}/role"): ApiRule(
        STAFF, {"role": "secretary", "on": "2020-01-01"}
    ),
    ("GET", "/api/projects"): ApiRule(STAFF),
    ("POST", "/api/projects"): ApiRule(
        STAFF, {"name": "새사업", "year": 2020, "district_code": DISTRICT_A}
    ),
    ("GET", "/api/projects/{project_id}"): ApiRule(STAFF),
    ("PATCH", "/api/projects/{project_id}"): ApiRule(STAFF, {"name": "바뀐사업"}),
    ("POST", "/api/projects/{project_id}/participants"): ApiRule(STAFF, JOIN),
    ("GET", "/api/projects/{project_id}/participants"): ApiRule(STAFF),
    ("POST", "/api/projects/participations/{participation_id}/close"): ApiRule(STAFF, CLOSE),
    ("POST", "/api/projects/participations/{participation_id}/void"): ApiRule(
        STAFF, {"reason": "잘못 입력"}
    ),
    ("POST", "/api/projects/participations/{participation_id}/role"): ApiRule(
        STAFF, {"role": "lead_proposer", "on": "2020-01-01"}
    ),
    ("GET", "/api/activities"): ApiRule(STAFF),
    ("POST", "/api/activities"): ApiRule(
        STAFF, {"title": "새활동", "held_on": "2020-01-01", "project_id": "{project_id}"}
    ),
    ("GET", "/api/activities/{activity_id}"): ApiRule(STAFF),
    ("POST", "/api/activities/{activity_id}/attendance"): ApiRule(
        STAFF, {"person_ids": ["{person_id}"]}
    ),
    ("GET", "/api/activities/{activity_id}/attendance"): ApiRule(STAFF),
    ("PATCH", "/api/activities/{activity_id}"): ApiRule(STAFF, {"unnamed_count": 3}),
    ("PATCH", "/api/activities/{activity_id}/attendance/{person_id}"): ApiRule(
        STAFF, {"hours": "1.5"}
    ),
    ("POST", "/api/activities/{activity_id}/attendance/{person_id}/void"): ApiRule(
        STAFF, {"reason": "결석"}
    ),
    # Identity review and imports: the district staff's.
    ("POST", "/api/identity/match"): ApiRule(
        STAFF, {"name": "새인물", "birth_year": 1980, "phone": "010-1234-0000"}
    ),
    ("POST", "/api/identity/register"): ApiRule(STAFF, NEW_PERSON),
    ("GET", "/api/identity/candidates"): ApiRule(STAFF),
    ("POST", "/api/identity/candidates/{candidate_id}/merge"): ApiRule(STAFF),
    ("POST", "/api/identity/candidates/{candidate_id}/dismiss"): ApiRule(STAFF),
    ("POST", "/api/identity/candidates/{candidate_id}/unmerge"): ApiRule(STAFF),
    ("GET", "/api/identity/people/{person_id}/elsewhere"): ApiRule(STAFF),
    ("POST", "/api/imports/preview"): ApiRule(STAFF, upload=True),
    ("POST", "/api/imports"): ApiRule(STAFF, upload=True),
    ("GET", "/api/imports/template.xlsx"): ApiRule(STAFF),
    ("GET", "/api/imports/batches"): ApiRule(STAFF),
    ("GET", "/api/imports/batches/{batch_id}"): ApiRule(STAFF),
    ("POST", "/api/imports/batches/{batch_id}/undo"): ApiRule(STAFF),
    # The seeded batch refused no rows: its owner is told so (404), which proves the call reached
    # the batch.
    ("GET", "/api/imports/batches/{batch_id}/rejected"): ApiRule(STAFF, positive=404),
    # The import wizard (issue 10).
    ("POST", "/api/imports/uploads"): ApiRule(STAFF, upload=True),
    ("GET", "/api/imports/uploads/{upload_id}"): ApiRule(STAFF),
    ("PATCH", "/api/imports/uploads/{upload_id}"): ApiRule(STAFF, {"header_row": 2}),
    ("POST", "/api/imports/uploads/{upload_id}/commit"): ApiRule(STAFF),
    ("GET", "/api/imports/uploads/{upload_id}/mapping"): ApiRule(STAFF),
    ("GET", "/api/imports/uploads/{upload_id}/progress"): ApiRule(STAFF),
    # Analytics: analysts city-wide (pseudonymised), staff their district, the city admin all.
    ("GET", "/api/analytics/kpi"): ApiRule(ANALYTICS, query=PERIOD_A),
    ("GET", "/api/analytics/ladder"): ApiRule(
        ANALYTICS, query={"as_of": "2020-01-01", "district": DISTRICT_A}
    ),
    ("GET", "/api/analytics/graph/summary"): ApiRule(ANALYTICS, query=PERIOD_A),
    ("GET", "/api/analytics/graph/growth"): ApiRule(ANALYTICS, query=PERIOD_A),
    ("GET", "/api/analytics/graph/export"): ApiRule(ANALYTICS, query=PERIOD_A),
    ("GET", "/api/analytics/people/{person_id}/ego"): ApiRule(ANALYTICS),
    ("GET", "/api/analytics/people/{person_id}/chain"): ApiRule(
        ANALYTICS, query={"other": "{person_id}"}
    ),
    ("GET", "/api/analytics/people/{person_id}/ties-before-lead"): ApiRule(ANALYTICS),
    # Who read personal data: staff for their district, an expert about themselves.
    ("GET", "/api/access-log"): ApiRule(STAFF, own=EXPERT),
    ("GET", "/api/access-log/verify"): ApiRule(STAFF),
    ("GET", "/api/audit"): ApiRule(STAFF),
    # Accounts: the city admin only.
    ("GET", "/api/accounts"): ApiRule(CITY),
    ("POST", "/api/accounts"): ApiRule(CITY, {"username": "new.analyst", "role": "analyst"}),
    ("GET", "/api/accounts/{account_id}"): ApiRule(CITY),
    ("PUT", "/api/accounts/{account_id}"): ApiRule(CITY, {"role": "analyst"}),
    ("POST", "/api/accounts/{account_id}/disable"): ApiRule(CITY),
    ("POST", "/api/accounts/{account_id}/enable"): ApiRule(CITY),
    ("POST", "/api/accounts/{account_id}/reset-password"): ApiRule(CITY),
    # Training: the catalogue is public knowledge inside the system; records are the staff's.
    ("GET", "/api/training/programs"): ApiRule(EVERYONE),
    ("POST", "/api/training/programs"): ApiRule(
        STAFF,
        {
            "code": "X1",
            "name": "새교육",
            "stage": "basic",
            "district_code": DISTRICT_A,
            "modules": [{"name": "m", "hours": "2"}],
        },
    ),
    ("POST", "/api/training/enrolments"): ApiRule(
        STAFF,
        {"program_id": "{program_id}", "person_id": "{person_id}", "enrolled_on": "2024-01-01"},
    ),
    ("PUT", "/api/training/enrolments/{enrolment_id}/attendance"): ApiRule(
        STAFF, [{"module_id": 1, "hours_attended": "1"}]
    ),
    ("POST", "/api/training/enrolments/{enrolment_id}/withdraw"): ApiRule(
        STAFF, {"on": "2024-01-01"}
    ),
    ("GET", "/api/training/people/{person_id}"): ApiRule(STAFF),
    ("GET", "/api/training/people/{person_id}/council-school"): ApiRule(STAFF),
    # Experts: the pool and placements are the districts' (and the city's) tools.
    ("GET", "/api/experts/pool"): ApiRule(STAFF),
    ("GET", "/api/experts/eligibility/{person_id}"): ApiRule(STAFF),
    ("GET", "/api/experts/placements"): ApiRule(STAFF, own=EXPERT),
    ("POST", "/api/experts/placements"): ApiRule(
        DISTRICT, {"person_id": "{person_id}", "dong_code": DONG_A, "valid_from": "2024-01-01"}
    ),
    ("POST", "/api/experts/placements/{placement_id}/close"): ApiRule(
        STAFF, {"valid_to": "2025-01-01"}
    ),
    ("POST", "/api/experts/placements/{placement_id}/void"): ApiRule(
        STAFF, {"reason": "잘못 입력"}
    ),
    ("GET", "/api/experts/coverage/{district_code}"): ApiRule(STAFF),
    ("PUT", "/api/experts/targets/{district_code}"): ApiRule(STAFF, {"per_dong": 3}),
    # Careers and certificates: an expert only about themselves, never district A's person.
    ("POST", "/api/careers"): ApiRule(
        STAFF,
        {
            "person_id": "{person_id}",
            "job_type": "field_activist",
            "employer": "새센터",
            "valid_from": "2020-01-01",
        },
    ),
    ("GET", "/api/careers/people/{person_id}"): ApiRule(STAFF),
    ("POST", "/api/careers/{career_id}/verify"): ApiRule(STAFF),
    ("GET", "/api/careers"): ApiRule(STAFF),
    ("POST", "/api/careers/{career_id}/correct"): ApiRule(STAFF, {"employer": "새", "why": "정정"}),
    ("POST", "/api/careers/{career_id}/close"): ApiRule(
        STAFF, {"valid_to": "2024-01-01", "why": "종료"}
    ),
    ("POST", "/api/careers/{career_id}/void"): ApiRule(STAFF, {"why": "무효"}),
    ("POST", "/api/certificates"): ApiRule(STAFF, {"kind": "training", "person_id": "{person_id}"}),
    ("GET", "/api/certificates"): ApiRule(STAFF, own=EXPERT),
    ("GET", "/api/certificates/{certificate_id}"): ApiRule(STAFF),
    ("GET", "/api/certificates/{certificate_id}/pdf"): ApiRule(STAFF),
    ("POST", "/api/certificates/{certificate_id}/reissue"): ApiRule(STAFF),
    ("POST", "/api/certificates/{certificate_id}/revoke"): ApiRule(STAFF, {"reason": "잘못 발급"}),
    # Resident councils (issue 12): the district's staff and the city admin.
    ("GET", "/api/councils"): ApiRule(STAFF),
    ("POST", "/api/councils"): ApiRule(
        STAFF, {"dong_code": "1111053000", "founded_on": "2020-01-01"}
    ),
    ("GET", "/api/councils/{council_id}"): ApiRule(STAFF),
    ("POST", "/api/councils/{council_id}/seats"): ApiRule(
        STAFF, {"person_id": "{person_id}", "chosen_by": "open_call", "valid_from": "2024-01-01"}
    ),
    ("POST", "/api/councils/{council_id}/roster"): ApiRule(STAFF, upload=True),
    ("POST", "/api/councils/{council_id}/seats/{seat_id}/close"): ApiRule(
        STAFF, {"valid_to": "2024-01-01"}
    ),
    ("POST", "/api/councils/{council_id}/applicants"): ApiRule(
        STAFF, {"person_id": "{person_id}", "applied_on": "2022-01-01", "term_start": "2023-04-01"}
    ),
    ("POST", "/api/councils/{council_id}/draws"): ApiRule(
        STAFF,
        {"term_start": "2021-04-01", "drawn_on": "2021-03-01", "women_seats": 1, "men_seats": 1},
    ),
    ("POST", "/api/councils/{council_id}/subcommittees"): ApiRule(STAFF, {"name": "새분과"}),
    ("POST", "/api/councils/{council_id}/subcommittees/{subcommittee_id}/members"): ApiRule(
        STAFF, {"person_id": "{person_id}", "valid_from": "2020-01-01"}
    ),
    ("POST", "/api/councils/{council_id}/meetings"): ApiRule(
        STAFF, {"held_on": "2020-06-01", "title": "정기회의", "present_person_ids": ["{person_id}"]}
    ),
    # Assemblies, plans, spaces and networks (issue 12).
    ("GET", "/api/assemblies"): ApiRule(STAFF, query={"year": "2021"}),
    ("POST", "/api/assemblies"): ApiRule(STAFF, ASSEMBLY),
    ("GET", "/api/assemblies/turnout"): ApiRule(ANALYTICS, query={"year": "2021"}),
    ("GET", "/api/assemblies/{assembly_id}"): ApiRule(STAFF),
    ("POST", "/api/assemblies/plans"): ApiRule(
        STAFF, {"dong_code": DONG_A, "year": 2023, "title": "새", "assembly_id": "{assembly_id}"}
    ),
    ("GET", "/api/assemblies/plans/{plan_id}"): ApiRule(STAFF),
    ("POST", "/api/assemblies/plans/{plan_id}/items"): ApiRule(STAFF, {"title": "새의제"}),
    ("POST", "/api/assemblies/items/{item_id}/votes"): ApiRule(STAFF, VOTES),
    ("POST", "/api/assemblies/items/{item_id}/project"): ApiRule(
        STAFF, {"project_id": "{project_id}"}
    ),
    ("GET", "/api/assemblies/projects/{project_id}/items"): ApiRule(STAFF),
    ("GET", "/api/spaces"): ApiRule(STAFF),
    ("POST", "/api/spaces"): ApiRule(STAFF, SPACE),
    ("GET", "/api/spaces/{space_id}"): ApiRule(STAFF),
    ("POST", "/api/spaces/{space_id}/operators"): ApiRule(
        STAFF, {"person_id": "{person_id}", "valid_from": "2020-01-01"}
    ),
    ("GET", "/api/networks"): ApiRule(STAFF),
    ("POST", "/api/networks"): ApiRule(STAFF, {"name": "새마을넷", "district_code": DISTRICT_A}),
    ("GET", "/api/networks/{network_id}"): ApiRule(STAFF),
    ("POST", "/api/networks/{network_id}/members"): ApiRule(
        STAFF, {"group_id": "{group_id}", "valid_from": "2023-01-01"}
    ),
    ("POST", "/api/networks/members/{member_id}/close"): ApiRule(STAFF, {"valid_to": "2024-01-01"}),
    ("GET", "/api/paperwork/calls"): ApiRule(PAPERWORK),
    ("POST", "/api/paperwork/calls"): ApiRule(STAFF, PAPERWORK_CALL),
    ("GET", "/api/paperwork/calls/{call_id}"): ApiRule(PAPERWORK),
    ("GET", "/api/paperwork/applications"): ApiRule(PAPERWORK),
    ("POST", "/api/paperwork/applications"): ApiRule(PAPERWORK, PAPERWORK_APPLICATION),
    ("GET", "/api/paperwork/applications/{application_id}"): ApiRule(PAPERWORK),
    ("PUT", "/api/paperwork/applications/{application_id}"): ApiRule(
        PAPERWORK,
        {k: v for k, v in PAPERWORK_APPLICATION.items() if k not in ("call_id", "group_id")},
    ),
    ("POST", "/api/paperwork/applications/{application_id}/status"): ApiRule(
        PAPERWORK, {"to": "returned", "reason": "보완"}
    ),
    ("POST", "/api/paperwork/applications/{application_id}/eligibility"): ApiRule(STAFF),
    ("POST", "/api/paperwork/applications/{application_id}/scores"): ApiRule(
        STAFF, {"points": {"plan": 5}}
    ),
    ("GET", "/api/requests/training"): ApiRule(PAPERWORK),
    # Staff name the person; the representative names a member of their group by name and
    # birth year (the door world's person is the group's one member): both fields are sent.
    ("POST", "/api/requests/training"): ApiRule(
        PAPERWORK,
        {
            "program_id": "{program_id}",
            "person_id": "{person_id}",
            "group_id": "{group_id}",
            "name": SECRET_NAME,
            "birth_year": 1975,
        },
    ),
    ("GET", "/api/requests/training/{training_request_id}"): ApiRule(PAPERWORK),
    ("POST", "/api/requests/training/{training_request_id}/status"): ApiRule(
        PAPERWORK, {"to": "withdrawn"}
    ),
    ("GET", "/api/requests/consulting"): ApiRule(PAPERWORK),
    ("POST", "/api/requests/consulting"): ApiRule(
        PAPERWORK, {"group_id": "{group_id}", "topic": "새 상담"}
    ),
    ("GET", "/api/requests/consulting/{consulting_request_id}"): ApiRule(PAPERWORK),
    ("POST", "/api/requests/consulting/{consulting_request_id}/assign"): ApiRule(
        STAFF, {"expert_person_id": "{person_id}"}
    ),
    ("POST", "/api/requests/consulting/{consulting_request_id}/records"): ApiRule(
        STAFF, {"held_on": "2024-01-01", "hours": "1"}
    ),
    ("POST", "/api/requests/consulting/{consulting_request_id}/status"): ApiRule(
        PAPERWORK, {"to": "withdrawn"}
    ),
    ("GET", "/api/projects/{project_id}/report"): ApiRule(PAPERWORK),
    ("PUT", "/api/projects/{project_id}/report"): ApiRule(PAPERWORK, {"narrative": "보고"}),
    ("POST", "/api/projects/{project_id}/report/attachments"): ApiRule(PAPERWORK, PDF_FILE),
    ("POST", "/api/projects/{project_id}/report/state"): ApiRule(PAPERWORK, {"action": "submit"}),
    ("GET", "/api/projects/{project_id}/settlement"): ApiRule(PAPERWORK),
    ("PUT", "/api/projects/{project_id}/settlement/plan"): ApiRule(PAPERWORK, PLAN),
    ("POST", "/api/projects/{project_id}/settlement/expenses"): ApiRule(PAPERWORK, EXPENSE),
    ("POST", "/api/projects/{project_id}/settlement/noncash"): ApiRule(PAPERWORK, NONCASH),
    ("POST", "/api/projects/{project_id}/settlement/state"): ApiRule(
        PAPERWORK, {"action": "submit"}
    ),
    ("GET", "/api/projects/{project_id}/timeline"): ApiRule(PAPERWORK),
}
