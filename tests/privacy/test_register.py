"""The pseudonymised-processing register: an analyst's export appears with its purpose, recipient,
period and data set; analysts see their own entries, staff none."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from sqlmodel import Session

from maeul_db.analytics import network_service
from maeul_db.analytics.exports import ExportFormat
from maeul_db.errors import Forbidden
from maeul_db.kit.pagination import Page
from maeul_db.models import Role
from maeul_db.privacy import register
from tests.builders import make_participation, make_person, make_project, make_user


def _export(session: Session, user: object, **kw: object) -> bytes:
    return network_service.export(
        session,
        user=user,  # type: ignore[arg-type]
        fmt=ExportFormat.csv,
        start=date(2019, 2, 10),
        end=date(2019, 11, 5),
        **kw,  # type: ignore[arg-type]
    )


def test_analyst_export_appears_in_the_register(session: Session) -> None:
    project = make_project(session)
    for _ in range(2):
        make_participation(session, project=project, person=make_person(session))
    analyst = make_user(session, role=Role.analyst)
    body = _export(session, analyst, purpose="관계망 연구", recipient="서울연구원")
    rows, count = register.list_(session, user=analyst, page=Page(50, 0))
    assert count == 1
    entry = rows[0]
    assert (entry.purpose, entry.recipient) == ("관계망 연구", "서울연구원")
    # The analyst's period snaps to whole quarters: that is the data set's period.
    assert (entry.period_start, entry.period_end) == (date(2019, 1, 1), date(2019, 12, 31))
    assert entry.dataset_sha256 == hashlib.sha256(body).hexdigest()
    assert "person network csv" in entry.dataset and "2 people" in entry.dataset


def test_register_shows_analysts_their_own_entries_only(session: Session) -> None:
    first = make_user(session, role=Role.analyst)
    second = make_user(session, role=Role.analyst)
    _export(session, first)
    _export(session, second)
    _export(session, make_user(session, role=Role.city_admin))  # staff work on records: no entry
    rows, count = register.list_(session, user=first, page=Page(50, 0))
    assert count == 1 and rows[0].user_id == first.id and rows[0].recipient == first.username
    _, everyone = register.list_(
        session, user=make_user(session, role=Role.city_admin), page=Page(50, 0)
    )
    assert everyone == 2
    with pytest.raises(Forbidden):
        register.list_(session, user=make_user(session), page=Page(50, 0))


def test_mark_destroyed_keeps_the_entry_three_more_years(session: Session) -> None:
    analyst = make_user(session, role=Role.analyst)
    _export(session, analyst)
    rows, _ = register.list_(session, user=analyst, page=Page(50, 0))
    entry = register.mark_destroyed(
        session, user=analyst, record_id=rows[0].id, on=date(2099, 1, 31)
    )
    assert register.keep_until(entry) == date(2102, 1, 31)
