"""The schema itself refuses a second imported copy of a group or project (the backstop behind the
import lock); since issue 14 no two groups of a district share a name, however they were made."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from maeul_db.models import ImportBatch
from tests.builders import DISTRICT_A, DISTRICT_B, make_group, make_project


def _batch(session: Session) -> int:
    batch = ImportBatch(
        district_code=DISTRICT_A,
        filename="roster.csv",
        file_sha256="0" * 64,
        rows_read=1,
        committed=1,
        rejected=0,
    )
    session.add(batch)
    session.flush()
    assert batch.id is not None
    return batch.id


def test_a_second_imported_group_with_the_same_name_is_refused(session: Session) -> None:
    batch = _batch(session)
    make_group(session, name="같은모임", import_batch_id=batch)
    make_group(session, name="같은모임", district_code=DISTRICT_B, import_batch_id=batch)
    with pytest.raises(IntegrityError), session.begin_nested():
        make_group(session, name="같은모임", import_batch_id=batch)


def test_a_second_imported_project_with_the_same_year_and_name_is_refused(
    session: Session,
) -> None:
    batch = _batch(session)
    make_project(session, name="같은사업", year=2024, import_batch_id=batch)
    make_project(session, name="같은사업", year=2025, import_batch_id=batch)
    with pytest.raises(IntegrityError), session.begin_nested():
        make_project(session, name="같은사업", year=2024, import_batch_id=batch)


def test_groups_made_by_hand_may_not_share_a_name_in_a_district(session: Session) -> None:
    make_group(session, name="동명모임")
    make_group(session, name="동명모임", district_code=DISTRICT_B)
    with pytest.raises(IntegrityError), session.begin_nested():
        make_group(session, name="동명모임")
