from __future__ import annotations

from datetime import timedelta

import pytest
from pydantic import ValidationError
from sqlmodel import Session, select

from maeul_db.errors import RRNRejected
from maeul_db.kit.text import looks_like_rrn, normalize_name, normalize_phone
from maeul_db.models import AuditLog, Gender, Person, Role, UserAccount
from maeul_db.participants import service
from maeul_db.participants.schemas import PersonCreate, PersonUpdate
from tests.builders import DISTRICT_A, DONG_A, make_user


def _create(session: Session, **overrides: object) -> tuple[UserAccount, Person]:
    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    values: dict[str, object] = {
        "name": "이 서 연",
        "gender": "F",
        "birth_year": 1984,
        "phone": "010-1234-5678",
        "email": "Seo@Example.KR",
    }
    values.update(overrides)
    return staff, service.create(session, user=staff, data=PersonCreate(**values))


def test_create_person_normalises_name_phone_email(session: Session) -> None:
    _, person = _create(session)
    assert person.name == "이서연"
    assert person.phone == "01012345678"
    assert person.email == "seo@example.kr"
    assert person.registered_district_code == DISTRICT_A


@pytest.mark.parametrize(
    "field,value",
    [
        ("name", "850101-2345678"),
        ("phone", "8501012345678"),
        ("email", "850101-2345678@x.kr"),
        ("consent_notice_version", "850101 2345678"),
    ],
)
def test_create_person_rejects_rrn_shaped_values(field: str, value: str) -> None:
    values: dict[str, object] = {"name": "박지훈", "gender": "M", "birth_year": 1990}
    values[field] = value
    with pytest.raises((RRNRejected, ValidationError)) as info:
        PersonCreate(**values)
    assert "주민등록번호" in str(info.value) or "resident registration" in str(info.value)


def test_rrn_detector_does_not_flag_phones_or_years() -> None:
    assert looks_like_rrn("900101-1234567")
    assert looks_like_rrn("9001011234567")
    assert not looks_like_rrn("01012345678")
    assert not looks_like_rrn("1984")
    assert not looks_like_rrn("901301-1234567")  # month 13 is no date
    assert normalize_phone("+82 10-9876-5432") == "01098765432"
    assert normalize_name(" 김\u1100 ") != ""  # decomposed jamo survive NFC without crashing


def test_update_person_keeps_every_earlier_version(session: Session) -> None:
    staff, person = _create(session)
    pid = person.id
    first_at = person.updated_at
    service.update(
        session,
        user=staff,
        person_id=pid,
        data=PersonUpdate(phone="010-2222-3333", home_dong_code=DONG_A),
    )
    service.update(
        session, user=staff, person_id=pid, data=PersonUpdate(name="이서윤", reason="correction")
    )
    versions = service.history(session, user=staff, person_id=pid)
    assert [v.version for v in versions] == [1, 2, 3]
    assert [v.reason for v in versions] == ["create", "change", "correction"]
    assert versions[0].phone == "01012345678" and versions[1].phone == "01022223333"
    assert versions[2].name == "이서윤" and versions[1].name == "이서연"
    as_of_first = service.details_as_of(session, person_id=pid, at=first_at)
    assert as_of_first.phone == "01012345678"
    audits = session.exec(
        select(AuditLog).where(AuditLog.entity == "person", AuditLog.entity_id == str(pid))
    ).all()
    assert [a.action for a in audits] == ["create", "change", "correction"]
    assert '"01012345678"' in (audits[1].before or "") and '"01022223333"' in (
        audits[1].after or ""
    )


def test_update_person_without_changes_adds_no_version(session: Session) -> None:
    staff, person = _create(session)
    service.update(
        session,
        user=staff,
        person_id=person.id,
        data=PersonUpdate(gender=Gender.female, birth_year=1984),
    )
    assert len(service.history(session, user=staff, person_id=person.id)) == 1


def test_details_as_of_before_creation_is_not_found(session: Session) -> None:
    _, person = _create(session)
    from maeul_db.errors import NotFound

    with pytest.raises(NotFound):
        service.details_as_of(
            session, person_id=person.id, at=person.created_at - timedelta(days=1)
        )
