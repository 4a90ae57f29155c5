"""Who may use each web page, and how the matrix calls it. Every route of the web router needs an
entry here: ``test_every_web_route_has_a_rule`` fails for a page that ships without one.

``roles``: who may use the page on district A's objects (the staff account is district A's).
``own``: roles that may open it but see only their own rows (e.g. an expert's people list).
``cross``: what district B's staff get on it — ``"deny"`` (403/404, nothing shown or changed),
``"own"`` (their own district's page, none of district A's records) or ``None`` (the request names
no district-A object: it creates in the caller's own district).
``public``: no login needed (the login form, certificate verification).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from maeul_db.models import Role
from tests.builders import DISTRICT_A

STAFF = frozenset({Role.city_admin, Role.district_staff})
ANALYTICS = frozenset({Role.city_admin, Role.district_staff, Role.analyst})
EXPERT = frozenset({Role.expert})
EVERYONE = frozenset(Role)


@dataclass(frozen=True)
class WebRule:
    roles: frozenset[Role]
    form: dict[str, str] = field(default_factory=dict)
    query: dict[str, str] = field(default_factory=dict)
    own: frozenset[Role] = frozenset()
    cross: str | None = "deny"
    public: bool = False
    # Sends a one-row roster as multipart ``file``.
    upload: bool = False
    # What the first allowed role gets (the positive cell): 200 unless the seeded world makes
    # another answer the proof that the call reached the object.
    positive: int = 200


ROSTER = (
    "사업연도,자치구,행정동,사업명,사업단계,모임명,성명,성별,출생연도,역할\n"
    "2020,종로구,청운효자동,새사업,모임형성,새모임,홍길순,여,1980,참여자\n"
).encode()

PERSON_FORM = {"name": "새인물", "gender": "F", "birth_year": "1980"}
ACTIVITY_FORM = {"title": "새활동", "kind": "meeting", "held_on": "2020-05-01"}
JOIN_FORM = {"person": "{person_id}", "valid_from": "2020-01-01"}
CLOSE_FORM = {"last_day": "2023-12-31"}

WEB_RULES: dict[tuple[str, str], WebRule] = {
    ("GET", "/login"): WebRule(EVERYONE, public=True, cross="own"),
    ("POST", "/login"): WebRule(
        EVERYONE, {"username": "nobody", "password": "wrong-password"}, public=True, cross=None
    ),
    ("POST", "/logout"): WebRule(EVERYONE, public=True, cross=None),
    ("GET", "/"): WebRule(EVERYONE, cross="own"),
    # An expert's search finds their own record only; analysts never read person rows.
    ("GET", "/people"): WebRule(STAFF, own=EXPERT, cross="own", query={"q": "비밀"}),
    ("GET", "/people/{person_id}"): WebRule(STAFF),
    ("GET", "/people/new"): WebRule(STAFF, cross="own"),
    ("POST", "/people/new"): WebRule(
        STAFF, {**PERSON_FORM, "registered_district_code": DISTRICT_A}, cross=None
    ),
    ("GET", "/people/{person_id}/edit"): WebRule(STAFF),
    ("POST", "/people/{person_id}/edit"): WebRule(
        STAFF, {**PERSON_FORM, "name": "바뀐이름", "reason": "change"}
    ),
    ("GET", "/groups"): WebRule(STAFF, cross="own"),
    ("GET", "/groups/new"): WebRule(STAFF, cross="own"),
    ("POST", "/groups/new"): WebRule(
        STAFF,
        {"name": "새모임", "founded_on": "2020-01-01", "district_code": DISTRICT_A},
        cross=None,
    ),
    ("GET", "/groups/{group_id}"): WebRule(STAFF),
    ("POST", "/groups/{group_id}/members"): WebRule(STAFF, JOIN_FORM),
    ("POST", "/groups/{group_id}/members/{membership_id}/close"): WebRule(STAFF, CLOSE_FORM),
    ("POST", "/groups/{group_id}/members/{membership_id}/void"): WebRule(
        STAFF, {"reason": "잘못 입력"}
    ),
    ("POST", "/groups/{group_id}/members/{membership_id}/role"): WebRule(
        STAFF, {"role": "secretary", "on": "2020-01-01"}
    ),
    ("POST", "/groups/{group_id}/activities"): WebRule(STAFF, ACTIVITY_FORM),
    ("GET", "/projects"): WebRule(STAFF, cross="own"),
    ("GET", "/projects/new"): WebRule(STAFF, cross="own"),
    ("POST", "/projects/new"): WebRule(
        STAFF,
        {"name": "새사업", "year": "2020", "stage": "group_formation", "district_code": DISTRICT_A},
        cross=None,
    ),
    ("GET", "/projects/{project_id}"): WebRule(STAFF),
    ("POST", "/projects/{project_id}/participants"): WebRule(
        STAFF, {**JOIN_FORM, "role": "participant"}
    ),
    ("POST", "/projects/{project_id}/participants/{participation_id}/close"): WebRule(
        STAFF, CLOSE_FORM
    ),
    ("POST", "/projects/{project_id}/participants/{participation_id}/void"): WebRule(
        STAFF, {"reason": "잘못 입력"}
    ),
    ("POST", "/projects/{project_id}/participants/{participation_id}/role"): WebRule(
        STAFF, {"role": "lead_proposer", "on": "2020-01-01"}
    ),
    ("POST", "/projects/{project_id}/activities"): WebRule(STAFF, ACTIVITY_FORM),
    ("GET", "/activities/{activity_id}"): WebRule(STAFF),
    ("POST", "/activities/{activity_id}/attendance"): WebRule(STAFF, {"person_ids": "{person_id}"}),
    ("POST", "/activities/{activity_id}/attendance/{person_id}/void"): WebRule(
        STAFF, {"reason": "결석"}
    ),
    ("POST", "/activities/{activity_id}/attendance/{person_id}/hours"): WebRule(
        STAFF, {"hours": "1.5"}
    ),
    ("POST", "/activities/{activity_id}/unnamed"): WebRule(STAFF, {"unnamed_count": "3"}),
    # Analytics: staff see their own district only (asking for another is refused).
    ("GET", "/analytics"): WebRule(ANALYTICS, query={"district": DISTRICT_A}),
    ("GET", "/analytics/people/{person_id}/ego"): WebRule(ANALYTICS),
    ("GET", "/analytics/graph/export"): WebRule(
        ANALYTICS,
        query={"from": "2015-01-01", "to": "2024-12-31", "format": "json", "district": DISTRICT_A},
    ),
    # An expert's own record and certificates; nobody else's, and no other role's.
    ("GET", "/me/record"): WebRule(EXPERT),
    ("POST", "/me/certificates"): WebRule(EXPERT, {"kind": "training"}),
    ("GET", "/me/certificates/{certificate_id}.pdf"): WebRule(EXPERT),
    # Staff are always shown their own district, whatever they ask for.
    ("GET", "/experts/coverage"): WebRule(STAFF, query={"district": DISTRICT_A}, cross="own"),
    # FastAPI's Swagger UI helper page (static HTML, no data).
    ("GET", "/docs/oauth2-redirect"): WebRule(EVERYONE, public=True, cross="own"),
    ("GET", "/verify"): WebRule(EVERYONE, public=True, cross="own"),
    ("GET", "/verify/{token}"): WebRule(EVERYONE, public=True, cross="own"),
    ("GET", "/imports"): WebRule(STAFF, cross="own"),
    ("GET", "/imports/template.xlsx"): WebRule(STAFF, cross="own"),
    # The seeded batch refused no rows: its owner is told so (404), which proves the call reached
    # the batch.
    ("GET", "/imports/batches/{batch_id}/rejected"): WebRule(STAFF, positive=404),
    ("POST", "/imports"): WebRule(
        STAFF, {"action": "commit", "district_code": DISTRICT_A}, upload=True
    ),
    ("POST", "/imports/batches/{batch_id}/undo"): WebRule(STAFF),
    ("GET", "/identity/candidates"): WebRule(STAFF, cross="own"),
    ("POST", "/identity/candidates/{candidate_id}/{action}"): WebRule(STAFF),
}
