"""Issue 9, item 4: the access log cannot be rewritten quietly (keyed chain, checkpoints, TRUNCATE)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col, select

from maeul_db.access_log import chain, service
from maeul_db.config import get_settings
from maeul_db.models import AccessLog, Role
from tests.builders import DISTRICT_A, make_person, make_user


def _rows(session: Session) -> list[AccessLog]:
    return list(session.exec(select(AccessLog).order_by(col(AccessLog.id))).all())


def _record(session: Session, n: int) -> list[AccessLog]:
    """``n`` new rows; the whole log as detached copies (ids and hashes survive a delete)."""
    staff = make_user(session, role=Role.district_staff, district_code=DISTRICT_A)
    for _ in range(n):
        service.record(
            session, actor=staff, action="person.read", person_ids=[make_person(session).id]
        )
    return [AccessLog.model_validate(r) for r in _rows(session)]


def _bypass_append_only(session: Session) -> None:
    """What a DBA with direct access does first: switch the application's guards off."""
    if session.get_bind().dialect.name == "sqlite":
        session.exec(text("DROP TRIGGER access_log_no_update"))  # type: ignore[call-overload]
        session.exec(text("DROP TRIGGER access_log_no_delete"))  # type: ignore[call-overload]
    else:
        session.exec(text("ALTER TABLE access_log DISABLE TRIGGER USER"))  # type: ignore[call-overload]


def _rewrite(session: Session, rows: list[AccessLog], digest: object) -> None:
    """Recompute every hash from ``rows[0]`` on with ``digest`` and store them (a re-chain)."""
    prev = rows[0].prev_hash
    for row in rows:
        row.prev_hash = prev
        row.row_hash = digest(row, prev)  # type: ignore[operator]
        session.exec(
            text(  # type: ignore[call-overload]
                "UPDATE access_log SET person_ids = :p, prev_hash = :ph, row_hash = :rh "
                "WHERE id = :id"
            ).bindparams(p=row.person_ids, ph=row.prev_hash, rh=row.row_hash, id=row.id)
        )
        prev = row.row_hash
    session.expire_all()


def test_edit_and_rechain_without_the_key_is_detected(session: Session, tmp_path: Path) -> None:
    rows = _record(session, 4)
    assert chain.verify_chain(session, checkpoint_dir=tmp_path).ok
    _bypass_append_only(session)
    victim = rows[-3]
    victim.person_ids = ",999,"
    # The attacker rebuilds the chain from the edited row on, but has to guess the key.
    _rewrite(session, rows[-3:], lambda r, p: chain.row_digest(r, p, key=b"guessed-key"))
    check = chain.verify_chain(session, checkpoint_dir=tmp_path)
    assert not check.ok and check.first_bad_id == victim.id
    assert "keyed hash" in (check.reason or "")


def test_unkeyed_rechain_is_refused_after_keyed_rows(session: Session, tmp_path: Path) -> None:
    # The old, unkeyed digest is accepted for a legacy prefix only; rewriting the last rows with
    # it (what the unkeyed chain allowed) now fails at the first rewritten row.
    rows = _record(session, 3)
    _bypass_append_only(session)
    rows[-1].person_ids = ",12345,"
    _rewrite(session, rows[-1:], chain.legacy_digest)
    check = chain.verify_chain(session, checkpoint_dir=tmp_path)
    assert not check.ok and check.first_bad_id == rows[-1].id


def test_legacy_unkeyed_prefix_verifies_and_is_counted(session: Session, tmp_path: Path) -> None:
    rows = _record(session, 3)
    assert len(rows) == 3  # the whole log: each test starts from an empty one
    _bypass_append_only(session)
    # Rows written before the upgrade: the first two carry unkeyed digests ...
    _rewrite(session, rows[-3:-1], chain.legacy_digest)
    # ... and the first keyed row chains onto them.
    last = _rows(session)[-1]
    last.prev_hash = _rows(session)[-2].row_hash
    _rewrite(session, [last], chain.row_digest)
    check = chain.verify_chain(session, checkpoint_dir=tmp_path)
    assert check.ok and check.legacy_rows == 2


def test_deleted_tail_is_detected_against_the_checkpoint(session: Session, tmp_path: Path) -> None:
    rows = _record(session, 4)
    written = chain.checkpoint_now(session, tmp_path)
    assert written is not None and written.last_id == rows[-1].id and written.rows == len(rows)
    assert chain.verify_chain(session, checkpoint_dir=tmp_path).ok
    _bypass_append_only(session)
    session.exec(text("DELETE FROM access_log WHERE id >= :id").bindparams(id=rows[-2].id))  # type: ignore[call-overload]
    session.expire_all()
    check = chain.verify_chain(session, checkpoint_dir=tmp_path)
    assert not check.ok and check.first_bad_id == rows[-1].id
    assert "tail deleted" in (check.reason or "") and check.rows == len(rows) - 2


def test_tail_replaced_by_new_rows_is_detected(session: Session, tmp_path: Path) -> None:
    rows = _record(session, 3)
    chain.checkpoint_now(session, tmp_path)
    _bypass_append_only(session)
    session.exec(text("DELETE FROM access_log WHERE id = :id").bindparams(id=rows[-1].id))  # type: ignore[call-overload]
    session.expire_all()
    _record(session, 2)  # the log grows again past the checkpoint's count
    check = chain.verify_chain(session, checkpoint_dir=tmp_path)
    assert not check.ok and check.first_bad_id == rows[-1].id


def test_forged_checkpoint_is_reported(session: Session, tmp_path: Path) -> None:
    _record(session, 2)
    current = chain.head(session)
    assert current is not None
    path = chain.write_checkpoint(tmp_path, current)
    data = json.loads(path.read_text())
    data["rows"] = 1  # lowering the count to hide a deletion needs the key
    path.write_text(json.dumps(data))
    check = chain.verify_chain(session, checkpoint_dir=tmp_path)
    assert not check.ok and "checkpoint signature invalid" in (check.reason or "")


def test_truncate_is_refused(session: Session) -> None:
    _record(session, 1)
    if session.get_bind().dialect.name == "sqlite":
        statement = "DELETE FROM access_log"  # SQLite has no TRUNCATE; this is its spelling
    else:
        statement = "TRUNCATE access_log"
    with pytest.raises(DBAPIError, match="append-only"), session.begin_nested():
        session.exec(text(statement))  # type: ignore[call-overload]


def test_forced_truncate_is_reported(session: Session, tmp_path: Path) -> None:
    rows = _record(session, 3)
    chain.checkpoint_now(session, tmp_path)
    _bypass_append_only(session)
    if session.get_bind().dialect.name == "sqlite":
        session.exec(text("DELETE FROM access_log"))  # type: ignore[call-overload]
    else:  # a superuser with the guards disabled (ALTER TABLE ... DISABLE TRIGGER USER)
        session.exec(text("TRUNCATE access_log"))  # type: ignore[call-overload]
    session.expire_all()
    check = chain.verify_chain(session, checkpoint_dir=tmp_path)
    assert not check.ok and check.rows == 0 and check.first_bad_id == rows[-1].id
    assert "truncated" in (check.reason or "")


def test_a_checkpoint_is_written_after_the_nth_row_commits(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = get_settings()
    monkeypatch.setattr(settings, "access_log_checkpoint_dir", tmp_path)
    monkeypatch.setattr(settings, "access_log_checkpoint_every", 1)
    rows = _record(session, 1)
    assert not list(tmp_path.iterdir())  # not before the commit: the row could still roll back
    session.commit()
    written, forged = chain.read_checkpoints(tmp_path)
    assert not forged and [c.last_id for c in written] == [rows[-1].id]
    assert written[0].head == rows[-1].row_hash
