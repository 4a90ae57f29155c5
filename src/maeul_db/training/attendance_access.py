"""Who imports (and undoes) a training programme's attendance sheet: the city admin any
programme's, matching people in any district or the whole city; district staff their own
district's programmes, matching their district's people, as they record attendance one by one
(``training.service``). The wizard, the API and the CLI reach these rules through the import."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, select

from maeul_db.auth import policies
from maeul_db.errors import Forbidden, InvalidInput, NotFound
from maeul_db.models import District, TrainingProgram, UserAccount


def check_importer(user: UserAccount, program: TrainingProgram, district_code: str | None) -> None:
    """The city admin imports any programme's attendance, matching people in any district or the
    whole city; district staff their own district's programmes, matching their district's people
    (as they record attendance one by one, ``training.service``)."""
    if policies.is_city_admin(user):
        return
    if (
        not policies.can_log_facts(user)
        or district_code is None
        or user.district_code != district_code
        or program.district_code != district_code
    ):
        raise Forbidden("training.attendance_import_forbidden")


def find_program(
    session: Session, *, user: UserAccount, program_code: str, district_code: str | None
) -> TrainingProgram:
    """The programme a sheet is for, once the user may import its attendance into the district."""
    if not policies.can_log_facts(user):  # analysts and experts import nothing
        raise Forbidden("training.attendance_import_forbidden")
    program = session.exec(
        select(TrainingProgram).where(TrainingProgram.code == program_code)
    ).first()
    if program is None:
        raise NotFound("attendance.programme_not_found", code=program_code)
    check_importer(user, program, district_code)
    if district_code is not None and program.district_code not in (None, district_code):
        raise InvalidInput("attendance.other_district_programme", field="district")
    if district_code is not None and session.get(District, district_code) is None:
        raise InvalidInput(
            "attendance.unknown_district", field="district", district_code=district_code
        )
    return program


def check_undo(session: Session, user: UserAccount, stored: dict[str, Any]) -> None:
    """Undo an attendance batch: whoever may import that programme's attendance into the batch's
    district (the batch itself is already scoped to the user's district)."""
    if policies.is_city_admin(user):
        return
    program = session.get(TrainingProgram, stored.get("program_id") or 0)
    if program is None:
        raise Forbidden("training.attendance_import_forbidden")
    check_importer(user, program, user.district_code)
