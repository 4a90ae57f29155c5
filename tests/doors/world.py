"""District A's world for the door matrices: one object of every kind a route can name, the
personal data that must never reach an outsider, and a cheap fingerprint of every table.

Shared by the web and the API matrices (tests must not import from each other's test modules).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import text
from sqlmodel import Session, select

from maeul_db.certificates import service as certificate_service
from maeul_db.models import (
    Activity,
    Attendance,
    CertificateKind,
    Consent,
    ConsentMethod,
    ConsentPurpose,
    GroupRepLink,
    ImportBatch,
    PersonMatchCandidate,
    ProcessingRecord,
    RequestKind,
    RightsRequest,
    Role,
    UserAccount,
    metadata,
)
from maeul_db.paperwork import applications as paperwork_applications
from maeul_db.paperwork import calls as paperwork_calls
from maeul_db.paperwork.schemas import ApplicationCreate, CallCreate
from maeul_db.training import service as training_service
from tests.builders import (
    DISTRICT_A,
    DISTRICT_B,
    complete_program,
    make_career,
    make_council_world,
    make_group,
    make_membership,
    make_paperwork,
    make_participation,
    make_person,
    make_placement,
    make_program,
    make_project,
    make_user,
)
from tests.builders_autonomy import seed_autonomy
from tests.imports.wizard_world import make_upload
from tests.jobs.job_builders import make_done_job

SECRET_NAME = "비밀인물가"
SECRET_PHONE = "01098765432"
SECRET_EMAIL = "secret.person@example.kr"
# Personal data: what no wrong role and no outsider may ever see.
PERSONAL = (SECRET_NAME, SECRET_PHONE, SECRET_EMAIL)
# District A's records: what staff of another district must not see either.
DISTRICT_RECORDS = ("비밀모임나", "비밀사업다", "비밀활동라", "비밀명단마")
# The group representative (issue 15) speaks for district A's group: they reach its paperwork
# (applications, report, settlement, timeline) and nothing else.
ROLES = (Role.city_admin, Role.district_staff, Role.expert, Role.analyst, Role.group_rep)
# Never written by a request; a row count is enough, and keeps the fingerprint cheap.
REFERENCE_TABLES = frozenset({"district", "dong", "dong_succession"})


@dataclass(frozen=True)
class World:
    ids: dict[str, Any]
    # One account per role (staff of district A; the representative of district A's group), and
    # staff of district B.
    users: dict[Role, UserAccount]
    outsider: UserAccount
    # The expert's own objects, for the calls an expert may make about themselves.
    own_ids: dict[str, Any]

    def url(self, path: str, *, own: bool = False) -> str:
        """``path`` with every ``{name}`` replaced by district A's object of that name (with
        ``own``, by the expert's own object where there is one)."""
        ids = self.ids | self.own_ids if own else self.ids
        unknown = [n for n in re.findall(r"\{([^}]+)\}", path) if n not in ids]
        assert not unknown, f"{path}: no district-A object for {unknown}"
        return re.sub(r"\{([^}]+)\}", lambda m: str(ids[m.group(1)]), path)

    def fill(self, value: Any) -> Any:
        """A request body with ``"{name}"`` strings replaced by district A's ids."""
        if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
            return self.ids[value[1:-1]]
        if isinstance(value, list):
            return [self.fill(v) for v in value]
        if isinstance(value, dict):
            return {k: self.fill(v) for k, v in value.items()}
        return value


def seed(session: Session) -> World:
    """District A's objects, all about one person whose name, phone and e-mail are secret."""
    person = make_person(
        session, name=SECRET_NAME, phone=SECRET_PHONE, email=SECRET_EMAIL, birth_year=1975
    )
    group = make_group(session, name=DISTRICT_RECORDS[0])
    project = make_project(session, name=DISTRICT_RECORDS[1], group_id=group.id)
    membership = make_membership(session, group=group, person=person)
    participation = make_participation(session, project=project, person=person)
    activity = Activity(
        title=DISTRICT_RECORDS[2],
        held_on=date(2019, 5, 1),
        district_code=DISTRICT_A,
        project_id=project.id,
    )
    session.add(activity)
    session.flush()
    session.add(Attendance(activity_id=activity.id, person_id=person.id, district_code=DISTRICT_A))
    program = make_program(session, district_code=DISTRICT_A)
    enrolment = complete_program(session, program=program, person=person)
    placement = make_placement(session, person=person)
    career = make_career(session, person=person, verified=False)
    users = _users(session)
    session.add(GroupRepLink(account_id=users[Role.group_rep].id, group_id=group.id))
    assert person.id is not None
    # Issued by district A's staff, so the certificate is district A's.
    certificate, _ = certificate_service.issue(
        session, user=users[Role.district_staff], kind=CertificateKind.training, person_id=person.id
    )
    twin = make_person(session, name=SECRET_NAME, birth_year=1975)
    candidate = PersonMatchCandidate(
        person_id=twin.id,
        candidate_person_id=person.id,
        district_code=DISTRICT_A,
        reason="같은 이름과 출생연도",
    )
    batch = ImportBatch(
        district_code=DISTRICT_A, filename=f"{DISTRICT_RECORDS[3]}.csv", file_sha256="0" * 64
    )
    session.add_all([candidate, batch])
    session.flush()
    privacy = _privacy(session, person_id=person.id, analyst=users[Role.analyst])
    session.flush()  # the representative's link, which files the world's training request
    paperwork = _paperwork(session, staff=users[Role.district_staff], group=group, person=person)
    ids = {
        **privacy,
        **paperwork,
        "person_id": person.id,
        "group_id": group.id,
        "project_id": project.id,
        "membership_id": membership.id,
        "participation_id": participation.id,
        "activity_id": activity.id,
        "program_id": program.id,
        "module_id": training_service.modules_of(session, program_id=program.id)[0].id,
        "enrolment_id": enrolment.id,
        "placement_id": placement.id,
        "career_id": career.id,
        "certificate_id": certificate.id,
        "candidate_id": candidate.id,
        "batch_id": batch.id,
        "upload_id": make_upload(session, user_id=int(users[Role.district_staff].id or 0)),
        "kind": "careers_unverified",
        "district_code": DISTRICT_A,
        "token": certificate.verification_id,
        "action": "merge",
        # An account for the admin pages: district A's staff member's own.
        "account_id": users[Role.district_staff].id,
        **make_council_world(session, person=person),
        **seed_autonomy(session, person_id=person.id, group_id=group.id, label=DISTRICT_RECORDS[0]),
        **make_paperwork(session, project=project),
        "fmt": "csv",
        "job_id": make_done_job(
            session, requested_by=users[Role.district_staff], district_code=DISTRICT_A
        ).id,
    }
    expert = users[Role.expert]
    assert expert.person_id is not None
    own_certificate, _ = certificate_service.issue(
        session, user=expert, kind=CertificateKind.training, person_id=expert.person_id
    )
    return World(
        ids=ids,
        users=users,
        outsider=make_user(session, district_code=DISTRICT_B),
        own_ids={"person_id": expert.person_id, "certificate_id": own_certificate.id},
    )


def _privacy(session: Session, *, person_id: int, analyst: UserAccount) -> dict[str, Any]:
    """District A's rights request and consent about the person, and the analyst's register entry."""
    request = RightsRequest(
        person_id=person_id,
        district_code=DISTRICT_A,
        kind=RequestKind.access,
        received_at=datetime(2024, 3, 4, 1, 0, tzinfo=UTC),
        due_on=date(2024, 3, 14),
        requester=SECRET_NAME,
        verification="ID",
    )
    consent = Consent(
        person_id=person_id,
        purpose=ConsentPurpose.contact,
        method=ConsentMethod.paper,
        given_on=date(2020, 1, 1),
        district_code=DISTRICT_A,
    )
    assert analyst.id is not None
    record = ProcessingRecord(
        user_id=analyst.id,
        purpose="research",
        recipient="lab",
        period_start=date(2019, 1, 1),
        period_end=date(2019, 12, 31),
        dataset="person network json",
        dataset_sha256="0" * 64,
    )
    session.add_all([request, consent, record])
    session.flush()
    return {"request_id": request.id, "consent_id": consent.id, "record_id": record.id}


def _paperwork(session: Session, *, staff: UserAccount, group: Any, person: Any) -> dict[str, Any]:
    """District A's call and a submitted application naming the secret person (issue 15)."""
    call = paperwork_calls.create(
        session,
        user=staff,
        data=CallCreate.model_validate(
            {
                "title": "공모",
                "district_code": DISTRICT_A,
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
                "title": DISTRICT_RECORDS[1] + " 신청",
                "people": [{"person_id": person.id, "role": "lead_proposer"}],
                "budget": [{"line": "operating", "amount_krw": 1000}],
            }
        ),
    )
    return {
        "call_id": call.id,
        "application_id": application.id,
        **_requests(session, staff, group, person),
    }


def _requests(session: Session, staff: UserAccount, group: Any, person: Any) -> dict[str, Any]:
    """District A's training request for the secret person, filed by the group's representative
    (so it is the representative's too), and a consulting request of the group (issue 15, item 9)."""
    from maeul_db.support_requests import consulting, training
    from maeul_db.support_requests.schemas import ConsultingRequestCreate, TrainingRequestCreate

    program = make_program(session, district_code=DISTRICT_A)
    link = session.exec(select(GroupRepLink).where(GroupRepLink.group_id == group.id)).one()
    rep = session.get(UserAccount, link.account_id)
    assert rep is not None
    asked = training.create(
        session,
        user=rep,
        data=TrainingRequestCreate(
            program_id=program.id,
            group_id=group.id,
            name=person.name,
            birth_year=person.birth_year,
        ),
    )
    consult = consulting.create(
        session, user=staff, data=ConsultingRequestCreate(group_id=group.id, topic="상담")
    )
    return {"training_request_id": asked.id, "consulting_request_id": consult.id}


def _users(session: Session) -> dict[Role, UserAccount]:
    # The expert is somebody else: district A's person is never the expert's own record.
    expert_self = make_person(session, registered_district_code=DISTRICT_B)
    # A city-run course, so the expert has a certificate of their own to download.
    complete_program(session, program=make_program(session), person=expert_self)
    return {
        role: make_user(
            session,
            role=role,
            district_code=DISTRICT_A,
            person_id=expert_self.id if role == Role.expert else None,
        )
        for role in ROLES
    }


def fingerprint(session: Session, *, ignore: frozenset[str] = frozenset()) -> dict[str, str]:
    """Per table, a digest of its rows (reference tables: the row count), so a cell that changed
    anything is caught and named by table."""
    session.flush()
    prints: dict[str, str] = {}
    for table in metadata.sorted_tables:
        if table.name in ignore:
            continue
        if table.name in REFERENCE_TABLES:
            count = session.exec(text(f"SELECT count(*) FROM {table.name}")).one()  # type: ignore[call-overload]
            prints[table.name] = str(count[0])
            continue
        order = ", ".join(c.name for c in table.primary_key.columns)
        rows = session.exec(text(f"SELECT * FROM {table.name} ORDER BY {order}")).all()  # type: ignore[call-overload]
        prints[table.name] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return prints


def changed_tables(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """Tables fingerprinted in both whose rows differ."""
    return sorted(name for name in before.keys() & after.keys() if before[name] != after[name])


def leaked(body: str, secrets: tuple[str, ...]) -> list[str]:
    return [s for s in secrets if s in body]


def cell_report(failures: dict[Any, str], known: set[Any]) -> str:
    """Which cells fail that are not known door bugs, and which known bugs no longer fail."""
    new = [f"  {cell}: {failures[cell]}" for cell in sorted(failures.keys() - known)]
    fixed = [f"  {cell}" for cell in sorted(known - failures.keys())]
    return (
        "\nfailing cells not in KNOWN_DOOR_BUGS:\n"
        + "\n".join(new)
        + ("\nKNOWN_DOOR_BUGS entries that pass now (remove them):\n" + "\n".join(fixed))
    )
