"""A kept wizard upload of district A, for the door matrices' worlds (issue 10)."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session

from maeul_db.kit.time import utcnow
from maeul_db.models import ImportUpload
from tests.builders import DISTRICT_A

# A title row above the headers, so the wizard's page has a header row to find.
UPLOAD = (
    "2020년 참여자 명단\n"
    "사업연도,자치구,행정동,사업명,사업단계,모임명,이름,성별,생년월일,구분\n"
    "2020,종로구,청운효자동,새사업,모임형성,새모임,홍길순,여,1980-02-03,회원\n"
).encode()


def make_upload(session: Session, *, user_id: int, content: bytes = UPLOAD) -> int:
    upload = ImportUpload(
        token=f"t{utcnow().timestamp()}{user_id}",
        district_code=DISTRICT_A,
        user_id=user_id,
        filename="wizard.csv",
        content=content,
        expires_at=utcnow() + timedelta(hours=2),
    )
    session.add(upload)
    session.flush()
    assert upload.id is not None
    return upload.id
