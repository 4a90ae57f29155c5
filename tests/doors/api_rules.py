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

STAFF = frozenset({Role.city_admin, Role.district_staff})
ANALYTICS = frozenset({Role.city_admin, Role.district_staff, Role.analyst})
EXPERT = frozenset({Role.expert})
EVERYONE = frozenset(Role)
CITY = frozenset({Role.city_admin})
# Placing an expert is the district's choice (DOMAIN.md: districts select from the pool).
DISTRICT = frozenset({Role.district_staff})


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
}
