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
from tests.builders import DISTRICT_A, DONG_A, PASSWORD
from tests.doors.world import SECRET_NAME

STAFF = frozenset({Role.city_admin, Role.district_staff})
OFFICER = frozenset({Role.city_admin})
REGISTER = frozenset({Role.city_admin, Role.analyst})
ANALYTICS = frozenset({Role.city_admin, Role.district_staff, Role.analyst})
EXPERT = frozenset({Role.expert})
DISTRICT = frozenset({Role.district_staff})
EVERYONE = frozenset(Role)
CITY = frozenset({Role.city_admin})
# Paperwork (issue 15): staff, the admin, and group representatives (their own groups' rows).
PAPERWORK = frozenset({Role.city_admin, Role.district_staff, Role.group_rep})


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
REQUEST_FORM = {
    "person_id": "{person_id}",
    "kind": "access",
    "requester": "r",
    "verification": "v",
}
ASSEMBLY_FORM = {
    "dong_code": DONG_A,
    "held_on": "2023-06-01",
    "present": "10",
    "onsite_voters": "10",
    "prevoters": "0",
    "adult_population": "5000",
}
SPACE_FORM = {
    "dong_code": DONG_A,
    "name": "새공간",
    "address": "종로구",
    "kind": "hub",
    "valid_from": "2020-01-01",
}
EXPENSE_FORM = {
    "spent_on": "2019-05-02",
    "payee": "가게",
    "line": "materials",
    "amount_krw": "1000",
    "evidence": "card",
}
NONCASH_FORM = {"kind": "in_kind", "description": "물품", "appraised_krw": "1000"}
CONSENT_FORM = {"purpose": "research", "method": "paper", "given_on": "2020-01-01"}

PAPERWORK_CALL_FORM = {
    "title": "새공모",
    "year": "2020",
    "opens_on": "2020-01-01",
    "closes_on": "2020-02-01",
    "line_operating": "0",
}
PAPERWORK_APPLY_FORM = {
    "group_id": "{group_id}",
    "title": "새신청",
    "name_1": "새인물",
    "birth_year_1": "1980",
    "gender_1": "F",
    "role_1": "lead_proposer",
    "line_operating": "1000",
}

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
    ("GET", "/groups/{group_id}/edit"): WebRule(STAFF),
    ("POST", "/groups/{group_id}/edit"): WebRule(STAFF, {"name": "고친모임"}),
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
    ("GET", "/projects/{project_id}/edit"): WebRule(STAFF),
    ("POST", "/projects/{project_id}/edit"): WebRule(STAFF, {"name": "고친사업"}),
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
    # Issue 11: background jobs (staff: their district's; analysts: those computed for analysts),
    # the network page, the ego search (a redirect once the person is found in scope), downloads.
    ("GET", "/analytics/jobs"): WebRule(ANALYTICS, cross="own"),
    ("POST", "/analytics/jobs"): WebRule(
        ANALYTICS,
        {
            "kind": "network_growth",
            "from": "2019-01-01",
            "to": "2019-12-31",
            "district": DISTRICT_A,
        },
        positive=303,
    ),
    ("GET", "/analytics/jobs/{job_id}"): WebRule(STAFF),
    ("GET", "/analytics/jobs/{job_id}/file"): WebRule(STAFF),
    ("GET", "/analytics/network"): WebRule(ANALYTICS, query={"district": DISTRICT_A}),
    ("GET", "/analytics/ego"): WebRule(ANALYTICS, query={"person": "{person_id}"}, positive=303),
    ("GET", "/analytics/indicators.{fmt}"): WebRule(
        ANALYTICS, query={"from": "2019-01-01", "to": "2019-12-31", "district": DISTRICT_A}
    ),
    # An expert's own record and certificates; nobody else's, and no other role's.
    ("GET", "/me/record"): WebRule(EXPERT),
    ("POST", "/me/certificates"): WebRule(EXPERT, {"kind": "training"}),
    ("GET", "/me/certificates/{certificate_id}.pdf"): WebRule(EXPERT),
    # Staff are always shown their own district, whatever they ask for.
    ("GET", "/experts/coverage"): WebRule(STAFF, query={"district": DISTRICT_A}, cross="own"),
    # Training (issue 16): the catalogue holds no personal data; a class list shows another
    # district's staff none of district A's people; only the course's district records in it.
    ("GET", "/training"): WebRule(EVERYONE, cross="own"),
    ("GET", "/training/new"): WebRule(STAFF, cross="own"),
    ("POST", "/training/new"): WebRule(
        STAFF,
        {
            "code": "NEW1",
            "name": "새교육",
            "stage": "basic",
            "module_name_1": "1회",
            "module_hours_1": "2",
            "district_code": DISTRICT_A,
        },
        cross=None,
    ),
    ("GET", "/training/programs/{program_id}"): WebRule(STAFF, cross="own"),
    ("POST", "/training/programs/{program_id}/enrolments"): WebRule(
        STAFF, {"person": "{person_id}", "enrolled_on": "2020-01-01"}
    ),
    ("GET", "/training/programs/{program_id}/sessions/{module_id}"): WebRule(STAFF, cross="own"),
    ("POST", "/training/programs/{program_id}/sessions/{module_id}"): WebRule(
        STAFF, {"held_on": "2020-01-01"}
    ),
    ("POST", "/training/enrolments/{enrolment_id}/withdraw"): WebRule(STAFF, {"on": "2024-01-01"}),
    # The pool: eligible members are a city resource; only district staff place, in their dongs.
    ("GET", "/experts/pool"): WebRule(STAFF, cross="own"),
    ("POST", "/experts/placements"): WebRule(
        DISTRICT, {"person_id": "{person_id}", "dong_code": DONG_A, "valid_from": "2024-01-01"}
    ),
    ("POST", "/experts/placements/{placement_id}/close"): WebRule(STAFF, CLOSE_FORM),
    ("POST", "/experts/placements/{placement_id}/void"): WebRule(STAFF, {"reason": "착오"}),
    ("POST", "/experts/targets"): WebRule(STAFF, {"district_code": DISTRICT_A, "per_dong": "3"}),
    # Careers: an expert adds their own; staff review their district's.
    ("POST", "/me/careers"): WebRule(
        EXPERT,
        {
            "job_type": "field_activist",
            "employer": "새센터",
            "district_code": DISTRICT_A,
            "valid_from": "2020-01-01",
        },
        cross=None,
    ),
    ("GET", "/careers"): WebRule(STAFF, cross="own"),
    ("POST", "/careers/{career_id}/verify"): WebRule(STAFF),
    ("POST", "/careers/{career_id}/correct"): WebRule(STAFF, {"employer": "새센터", "why": "정정"}),
    ("POST", "/careers/{career_id}/close"): WebRule(STAFF, {**CLOSE_FORM, "why": "종료"}),
    ("POST", "/careers/{career_id}/void"): WebRule(STAFF, {"why": "무효"}),
    ("GET", "/verify"): WebRule(EVERYONE, public=True, cross="own"),
    ("GET", "/verify/{token}"): WebRule(EVERYONE, public=True, cross="own"),
    # The certificate ledger, issue, batch, reissue and revoke (issue 16): staff and the admin.
    ("GET", "/certificates"): WebRule(STAFF, cross="own"),
    ("POST", "/certificates"): WebRule(STAFF, {"kind": "training", "person_id": "{person_id}"}),
    ("GET", "/certificates/batch"): WebRule(STAFF, cross="own"),
    # District B's staff asking for district A's cohort find none of its people: nothing issued.
    ("POST", "/certificates/batch"): WebRule(
        STAFF,
        {
            "kind": "training",
            "program_id": "{program_id}",
            "completed_from": "2019-01-01",
            "completed_to": "2019-12-31",
        },
        cross="own",
    ),
    ("GET", "/certificates/{certificate_id}"): WebRule(STAFF),
    ("GET", "/certificates/{certificate_id}/pdf"): WebRule(STAFF),
    ("POST", "/certificates/{certificate_id}/reissue"): WebRule(STAFF),
    ("POST", "/certificates/{certificate_id}/revoke"): WebRule(STAFF, {"reason": "오기재 정정"}),
    # Reference geography changes: the city admin only.
    ("GET", "/admin/dong-changes"): WebRule(frozenset({Role.city_admin}), cross="deny"),
    ("POST", "/admin/dong-changes"): WebRule(
        frozenset({Role.city_admin}),
        {
            "kind": "rename",
            "effective_on": "2030-01-01",
            "predecessor": "1111051500",
            "successor_code": "1111051599",
            "successor_name": "새이름동",
            "action": "preview",
        },
        cross="deny",
    ),
    ("GET", "/imports"): WebRule(STAFF, cross="own"),
    ("GET", "/imports/template.xlsx"): WebRule(STAFF, cross="own"),
    # The seeded batch refused no rows: its owner is told so (404), which proves the call reached
    # the batch.
    ("GET", "/imports/batches/{batch_id}/rejected"): WebRule(STAFF, positive=404),
    ("POST", "/imports"): WebRule(
        STAFF, {"action": "commit", "district_code": DISTRICT_A}, upload=True
    ),
    ("POST", "/imports/batches/{batch_id}/undo"): WebRule(STAFF),
    # The import wizard (issue 10): the seeded upload is district A's.
    ("POST", "/imports/uploads"): WebRule(STAFF, {"district_code": DISTRICT_A}, upload=True),
    ("GET", "/imports/uploads/{upload_id}"): WebRule(STAFF),
    ("POST", "/imports/uploads/{upload_id}"): WebRule(STAFF, {"header_row": "2"}),
    ("POST", "/imports/uploads/{upload_id}/commit"): WebRule(STAFF),
    ("GET", "/imports/uploads/{upload_id}/mapping.json"): WebRule(STAFF),
    ("GET", "/imports/uploads/{upload_id}/progress"): WebRule(STAFF),
    ("GET", "/identity/candidates"): WebRule(STAFF, cross="own"),
    # The staff home's work-queue lists: each district sees its own rows.
    ("GET", "/work/{kind}"): WebRule(STAFF, cross="own"),
    ("POST", "/identity/candidates/{candidate_id}/{action}"): WebRule(STAFF),
    # Privacy (issue 13): requests and consents are district staff's work on people they can see;
    # the register is the analysts' (their own entries); retention and the review the officer's.
    ("GET", "/privacy/requests"): WebRule(STAFF, cross="own"),
    ("POST", "/privacy/requests"): WebRule(STAFF, REQUEST_FORM),
    ("GET", "/privacy/requests/{request_id}"): WebRule(STAFF),
    ("POST", "/privacy/requests/{request_id}/extend"): WebRule(
        STAFF, {"until": "2024-03-20", "reason": "r"}
    ),
    ("POST", "/privacy/requests/{request_id}/decide"): WebRule(
        STAFF, {"decision": "granted", "reason": "r"}
    ),
    ("GET", "/privacy/people/{person_id}/consents"): WebRule(STAFF),
    ("POST", "/privacy/people/{person_id}/consents"): WebRule(STAFF, CONSENT_FORM),
    ("POST", "/privacy/people/{person_id}/consents/{consent_id}/withdraw"): WebRule(STAFF),
    ("GET", "/privacy/people/{person_id}/export.pdf"): WebRule(STAFF),
    ("GET", "/privacy/people/{person_id}/export.json"): WebRule(STAFF),
    ("GET", "/privacy/register"): WebRule(REGISTER),
    ("POST", "/privacy/register/{record_id}/destroyed"): WebRule(REGISTER),
    ("GET", "/privacy/retention"): WebRule(OFFICER),
    ("POST", "/privacy/retention/run"): WebRule(OFFICER, cross=None),
    ("GET", "/privacy/review"): WebRule(OFFICER, query={"month": "2024-03"}),
    ("POST", "/privacy/review"): WebRule(OFFICER, {"month": "2024-03", "note": "n"}, cross=None),
    # Accounts: the city admin only (other district's staff are refused like any non-admin).
    ("GET", "/admin/accounts"): WebRule(CITY, query={"q": "user"}),
    ("GET", "/admin/accounts/new"): WebRule(CITY),
    ("POST", "/admin/accounts/new"): WebRule(CITY, {"username": "new.staff", "role": "analyst"}),
    ("GET", "/admin/accounts/{account_id}"): WebRule(CITY),
    ("POST", "/admin/accounts/{account_id}"): WebRule(CITY, {"role": "analyst"}),
    ("POST", "/admin/accounts/{account_id}/disable"): WebRule(CITY),
    ("POST", "/admin/accounts/{account_id}/enable"): WebRule(CITY),
    ("POST", "/admin/accounts/{account_id}/reset-password"): WebRule(CITY),
    # Everyone changes their own password (nobody else's: the page names no account).
    ("GET", "/me/password"): WebRule(EVERYONE, cross="own"),
    ("POST", "/me/password"): WebRule(
        EVERYONE,
        {
            "current_password": PASSWORD,
            "new_password": "a-new-long-passphrase",
            "new_password_confirm": "a-new-long-passphrase",
        },
        cross=None,
    ),
    # Logs: staff read their district's, the admin all, an expert who read their record;
    # analysts are refused.
    ("GET", "/logs/access"): WebRule(STAFF, own=EXPERT, cross="own"),
    ("GET", "/logs/access/verify"): WebRule(STAFF, cross="own"),
    ("GET", "/logs/audit"): WebRule(STAFF, cross="own"),
    # Resident councils (issue 12): the district's staff and the city admin.
    ("GET", "/councils"): WebRule(STAFF, cross="own"),
    ("POST", "/councils"): WebRule(STAFF, {"dong_code": "1111053000", "founded_on": "2020-01-01"}),
    ("GET", "/councils/{council_id}"): WebRule(STAFF, query={"as_of": "2020-01-01"}),
    ("POST", "/councils/{council_id}/seats"): WebRule(
        STAFF, {"person_id": "{person_id}", "chosen_by": "open_call", "valid_from": "2024-01-01"}
    ),
    ("POST", "/councils/{council_id}/seats/{seat_id}/close"): WebRule(STAFF, CLOSE_FORM),
    ("POST", "/councils/{council_id}/roster"): WebRule(STAFF, upload=True),
    ("POST", "/councils/{council_id}/applicants"): WebRule(
        STAFF, {"person_id": "{person_id}", "applied_on": "2022-01-01", "term_start": "2023-04-01"}
    ),
    ("POST", "/councils/{council_id}/draws"): WebRule(
        STAFF,
        {
            "term_start": "2021-04-01",
            "drawn_on": "2021-03-01",
            "women_seats": "1",
            "men_seats": "1",
        },
    ),
    ("POST", "/councils/{council_id}/subcommittees"): WebRule(STAFF, {"name": "새분과"}),
    ("POST", "/councils/{council_id}/subcommittees/{subcommittee_id}/members"): WebRule(
        STAFF, {"person_id": "{person_id}", "valid_from": "2020-01-01"}
    ),
    ("POST", "/councils/{council_id}/meetings"): WebRule(
        STAFF, {"held_on": "2020-06-01", "title": "정기회의", "present": "{person_id}"}
    ),
    # Assemblies, plans, spaces and networks (issue 12): district staff manage their district's;
    # the city turnout page is aggregates (analysts too; staff see their own district's dongs).
    ("GET", "/assemblies"): WebRule(STAFF, cross="own"),
    ("POST", "/assemblies"): WebRule(STAFF, ASSEMBLY_FORM),
    ("GET", "/assemblies/turnout"): WebRule(ANALYTICS, cross="own", query={"year": "2021"}),
    ("GET", "/assemblies/{assembly_id}"): WebRule(STAFF),
    ("POST", "/assemblies/{assembly_id}/plans"): WebRule(STAFF, {"year": "2023", "title": "새"}),
    ("GET", "/assemblies/plans/{plan_id}"): WebRule(STAFF),
    ("POST", "/assemblies/plans/{plan_id}/items"): WebRule(STAFF, {"title": "새의제"}),
    ("POST", "/assemblies/items/{item_id}/votes"): WebRule(
        STAFF, {"votes_for": "1", "votes_against": "0", "votes_abstain": "0"}
    ),
    ("POST", "/assemblies/items/{item_id}/project"): WebRule(STAFF, {"project_id": "{project_id}"}),
    ("GET", "/spaces"): WebRule(STAFF, cross="own"),
    ("POST", "/spaces"): WebRule(STAFF, SPACE_FORM),
    ("GET", "/spaces/{space_id}"): WebRule(STAFF),
    ("POST", "/spaces/{space_id}/operators"): WebRule(
        STAFF, {"person": "{person_id}", "valid_from": "2020-01-01"}
    ),
    ("GET", "/networks"): WebRule(STAFF, cross="own"),
    ("POST", "/networks"): WebRule(STAFF, {"name": "새마을넷", "district_code": DISTRICT_A}),
    ("GET", "/networks/{network_id}"): WebRule(STAFF),
    ("POST", "/networks/{network_id}/members"): WebRule(
        STAFF, {"group_id": "{group_id}", "valid_from": "2023-01-01"}
    ),
    ("POST", "/networks/members/{member_id}/close"): WebRule(STAFF, {"last_day": "2023-12-31"}),
    # Paperwork (issue 15). Representatives are not in the door world; their scope is proved in
    # tests/paperwork/test_rep_scope.py.
    ("GET", "/paperwork/calls"): WebRule(PAPERWORK, cross="own"),
    ("GET", "/paperwork/calls.xlsx"): WebRule(PAPERWORK, cross="own"),
    ("GET", "/paperwork/calls/new"): WebRule(STAFF, cross="own"),
    ("POST", "/paperwork/calls/new"): WebRule(STAFF, PAPERWORK_CALL_FORM, cross=None),
    ("GET", "/paperwork/calls/{call_id}"): WebRule(PAPERWORK),
    ("GET", "/paperwork/calls/{call_id}/apply"): WebRule(PAPERWORK),
    ("POST", "/paperwork/calls/{call_id}/apply"): WebRule(PAPERWORK, PAPERWORK_APPLY_FORM),
    ("GET", "/paperwork/applications"): WebRule(PAPERWORK, cross="own"),
    ("GET", "/paperwork/applications.xlsx"): WebRule(PAPERWORK, cross="own"),
    ("GET", "/paperwork/applications/{application_id}"): WebRule(PAPERWORK),
    ("GET", "/paperwork/applications/{application_id}/application.pdf"): WebRule(PAPERWORK),
    ("GET", "/paperwork/applications/{application_id}/edit"): WebRule(PAPERWORK),
    ("POST", "/paperwork/applications/{application_id}/edit"): WebRule(
        PAPERWORK, PAPERWORK_APPLY_FORM
    ),
    ("POST", "/paperwork/applications/{application_id}/status"): WebRule(
        PAPERWORK, {"to": "returned", "reason": "보완"}
    ),
    ("POST", "/paperwork/applications/{application_id}/eligibility"): WebRule(STAFF),
    ("POST", "/paperwork/applications/{application_id}/scores"): WebRule(
        STAFF, {"points_plan": "5"}
    ),
    # Training and consulting requests (issue 15, item 9); representatives' scope is proved in
    # tests/support_requests.
    ("GET", "/requests/training"): WebRule(PAPERWORK, cross="own"),
    ("GET", "/requests/training.xlsx"): WebRule(PAPERWORK, cross="own"),
    ("GET", "/requests/training/new"): WebRule(PAPERWORK, cross="own"),
    # Another district's person is "not found" on the re-rendered form (422): the scope is
    # proved in tests/support_requests/test_training_requests.py.
    ("POST", "/requests/training/new"): WebRule(
        PAPERWORK,
        {
            "program_id": "{program_id}",
            "person": "{person_id}",
            "group_id": "{group_id}",
            "name": SECRET_NAME,
            "birth_year": "1975",
        },
        cross=None,
    ),
    ("GET", "/requests/training/{training_request_id}"): WebRule(PAPERWORK),
    ("POST", "/requests/training/{training_request_id}/status"): WebRule(
        PAPERWORK, {"to": "withdrawn"}
    ),
    ("GET", "/requests/consulting"): WebRule(PAPERWORK, cross="own"),
    ("GET", "/requests/consulting.xlsx"): WebRule(PAPERWORK, cross="own"),
    ("GET", "/requests/consulting/new"): WebRule(PAPERWORK, cross="own"),
    ("POST", "/requests/consulting/new"): WebRule(
        PAPERWORK, {"group_id": "{group_id}", "topic": "새 상담"}
    ),
    ("GET", "/requests/consulting/{consulting_request_id}"): WebRule(PAPERWORK),
    ("POST", "/requests/consulting/{consulting_request_id}/assign"): WebRule(
        STAFF, {"expert_person_id": "{person_id}"}
    ),
    ("POST", "/requests/consulting/{consulting_request_id}/records"): WebRule(
        STAFF, {"held_on": "2024-01-01", "hours": "1"}
    ),
    ("POST", "/requests/consulting/{consulting_request_id}/status"): WebRule(
        PAPERWORK, {"to": "withdrawn"}
    ),
    # Result reports and settlements (issue 15): staff, and the representative of the project's
    # group (the door world's rep speaks for district A's group; tests/settlements/test_rep.py
    # has the decisions they may not take).
    ("GET", "/projects/{project_id}/report"): WebRule(PAPERWORK),
    ("POST", "/projects/{project_id}/report"): WebRule(PAPERWORK, {"narrative": "보고"}),
    ("POST", "/projects/{project_id}/report/attachments"): WebRule(PAPERWORK, upload=True),
    ("POST", "/projects/{project_id}/report/state"): WebRule(PAPERWORK, {"action": "submit"}),
    ("GET", "/projects/{project_id}/report.pdf"): WebRule(PAPERWORK),
    ("GET", "/projects/{project_id}/attachments/{attachment_id}"): WebRule(PAPERWORK),
    ("GET", "/projects/{project_id}/settlement"): WebRule(PAPERWORK),
    ("POST", "/projects/{project_id}/settlement/plan"): WebRule(PAPERWORK, {"interest_krw": "10"}),
    ("POST", "/projects/{project_id}/settlement/expenses"): WebRule(PAPERWORK, EXPENSE_FORM),
    ("POST", "/projects/{project_id}/settlement/expenses/{expense_id}/evidence"): WebRule(
        PAPERWORK, upload=True
    ),
    ("POST", "/projects/{project_id}/settlement/noncash"): WebRule(PAPERWORK, NONCASH_FORM),
    ("POST", "/projects/{project_id}/settlement/state"): WebRule(PAPERWORK, {"action": "submit"}),
    ("GET", "/projects/{project_id}/settlement.pdf"): WebRule(PAPERWORK),
    ("GET", "/projects/{project_id}/settlement.xlsx"): WebRule(PAPERWORK),
    ("GET", "/projects/{project_id}/settlement.csv"): WebRule(PAPERWORK),
    # The project's timeline (issue 15), the representative's too.
    ("GET", "/projects/{project_id}/timeline"): WebRule(PAPERWORK),
    ("GET", "/settlements"): WebRule(PAPERWORK, cross="own"),
    ("GET", "/settlements.xlsx"): WebRule(PAPERWORK, cross="own"),
    # The non-cash rates (city-wide): staff read them, the city admin adds a version.
    ("GET", "/settlements/noncash-rules"): WebRule(STAFF, cross="own"),
    ("POST", "/settlements/noncash-rules"): WebRule(
        CITY,
        {
            "effective_year": "2099",
            "volunteer_hourly_krw": "10000",
            "professional_hourly_cap_krw": "50000",
            "recognised_share_pct": "50",
        },
    ),
}
