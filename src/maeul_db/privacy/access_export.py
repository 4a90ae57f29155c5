"""The access export (열람, PIPA 제35조): everything held about one person — details and their
history, facts per district, training, careers, certificates, consents and who read their record —
as a JSON document and a PDF for the person. Residents have no accounts: staff who can see the
person produce it, and producing it is itself logged (``person.access_export``).

Every district's facts are included, not only the producing district's: the person's right covers
all the city holds about them. Duplicates merged into the person are included with them.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlmodel import Session, SQLModel, col, select
from weasyprint import HTML

from maeul_db.access_log import service as access_log
from maeul_db.auth import policies
from maeul_db.core.scope import get_visible
from maeul_db.kit import pdf as pdf_kit
from maeul_db.kit import time as clock
from maeul_db.kit.resources import package_dir
from maeul_db.models import (
    AccessLog,
    Activity,
    Attendance,
    Career,
    Certificate,
    Consent,
    CouncilApplicant,
    CouncilSeat,
    Enrolment,
    ExpertPlacement,
    Group,
    GroupMembership,
    Participation,
    Person,
    PersonVersion,
    Project,
    RightsRequest,
    Subcommittee,
    SubcommitteeMember,
    TrainingCompletion,
    TrainingProgram,
    UserAccount,
)
from maeul_db.participants.visibility import visible_people

TEMPLATES_DIR = package_dir("maeul_db.privacy", "templates")
CITY = "city"  # the key for facts no district owns (city-run training)

# Section → (model, the model its title comes from, the foreign key to it, the title attribute).
FACTS: dict[str, tuple[Any, Any, str, str]] = {
    "participations": (Participation, Project, "project_id", "name"),
    "memberships": (GroupMembership, Group, "group_id", "name"),
    "attendance": (Attendance, Activity, "activity_id", "title"),
    "enrolments": (Enrolment, TrainingProgram, "program_id", "name"),
    "completions": (TrainingCompletion, TrainingProgram, "program_id", "name"),
    "careers": (Career, None, "", ""),
    "placements": (ExpertPlacement, None, "", ""),
    "council_seats": (CouncilSeat, None, "", ""),
    "council_applications": (CouncilApplicant, None, "", ""),
    "subcommittee_seats": (SubcommitteeMember, Subcommittee, "subcommittee_id", "name"),
}
PERSON_FIELDS = (
    "id",
    "name",
    "gender",
    "birth_year",
    "phone",
    "email",
    "home_dong_code",
    "registered_district_code",
    "created_at",
    "anonymised_at",
)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    return value


def _row(obj: SQLModel, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: _plain(v) for k, v in obj.model_dump(warnings=False).items() if k not in skip}


def _ids(session: Session, person_id: int) -> list[int]:
    merged = session.exec(select(Person.id).where(Person.merged_into_id == person_id)).all()
    return [person_id, *[int(i) for i in merged if i is not None]]


def _facts(session: Session, ids: list[int]) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Per district (or ``CITY``), per section, every row about the person, voided ones too (the
    person may see what was recorded and corrected)."""
    by_district: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for section, (model, title_model, fk, attr) in FACTS.items():
        rows = session.exec(select(model).where(col(model.person_id).in_(ids))).all()
        for obj in rows:
            row = _row(obj)
            if title_model is not None:
                target = session.get(title_model, getattr(obj, fk))
                row["title"] = getattr(target, attr) if target else None
                if title_model is Activity and target is not None:
                    row["held_on"] = _plain(target.held_on)
            district = row.get("district_code") or _owner(session, obj) or CITY
            by_district.setdefault(district, {}).setdefault(section, []).append(row)
    return dict(sorted(by_district.items()))


def _owner(session: Session, obj: SQLModel) -> str | None:
    """A completion belongs to the district that ran the enrolment."""
    if isinstance(obj, TrainingCompletion):
        enrolment = session.get(Enrolment, obj.enrolment_id)
        return enrolment.district_code if enrolment else None
    return None


def _reads(session: Session, ids: list[int]) -> list[dict[str, Any]]:
    """Every access-log row naming the person: when, which account, what, from which district."""
    found: dict[int, AccessLog] = {}
    for pid in ids:
        stmt = select(AccessLog).where(col(AccessLog.person_ids).contains(f",{pid},"))
        for row in session.exec(stmt).all():
            assert row.id is not None
            found[row.id] = row
    return [
        {
            "at": _plain(r.at),
            "actor": r.actor_username,
            "action": r.action,
            "district_code": r.district_code,
            "purpose": r.purpose,
        }
        for r in sorted(found.values(), key=lambda r: r.id or 0)
    ]


def _rows(session: Session, model: Any, ids: list[int], skip: tuple[str, ...] = ()) -> list[Any]:
    stmt = select(model).where(col(model.person_id).in_(ids)).order_by(col(model.id))
    return [_row(r, skip) for r in session.exec(stmt).all()]


def build(session: Session, *, user: UserAccount, person_id: int) -> dict[str, Any]:
    """The export's content (staff who can see the person), logged as produced."""
    policies.require_fact_logger(user)
    person = get_visible(
        session, visible_people(user), Person, person_id, missing="person.not_found"
    )
    ids = _ids(session, person_id)
    document = {
        "produced_at": clock.now().isoformat(),
        "produced_by": user.username,
        "person": {k: _plain(getattr(person, k)) for k in PERSON_FIELDS},
        "history": _rows(session, PersonVersion, ids),
        "facts_by_district": _facts(session, ids),
        "certificates": _rows(session, Certificate, ids, skip=("payload", "signature")),
        "consents": _rows(session, Consent, ids),
        "requests": _rows(session, RightsRequest, ids),
        "reads": _reads(session, ids),
    }
    access_log.record(session, actor=user, action="person.access_export", person_ids=ids)
    return document


def to_json(document: dict[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True).encode()


def render_pdf(document: dict[str, Any]) -> bytes:
    """The document as a PDF for the person (pure: reads ``privacy/templates`` only)."""
    fonts, css = pdf_kit.fonts_and_css(TEMPLATES_DIR / "export.css")
    html = pdf_kit.environment(TEMPLATES_DIR).get_template("access_export.html").render(d=document)
    pdf = HTML(string=html, base_url=str(TEMPLATES_DIR)).write_pdf(
        stylesheets=[css], font_config=fonts
    )
    assert isinstance(pdf, bytes)
    return pdf


def pdf(session: Session, *, user: UserAccount, person_id: int) -> bytes:
    """The export as PDF (produced and logged)."""
    return render_pdf(build(session, user=user, person_id=person_id))


def json_file(session: Session, *, user: UserAccount, person_id: int) -> bytes:
    """The export as JSON (produced and logged)."""
    return to_json(build(session, user=user, person_id=person_id))
