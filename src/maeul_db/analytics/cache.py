"""Analytics results cached until the data changes (issue 11): keyed on the summaries' data
version, which every summary refresh bumps in the same transaction as the writes behind it, so a
result computed before a committed change is never served after it (in any process: the version
lives in the database)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from threading import Lock
from typing import TypeVar

from sqlmodel import Session

from maeul_db.analytics import summary, summary_hook

T = TypeVar("T")
SIZE = 256
_entries: OrderedDict[tuple[Hashable, ...], object] = OrderedDict()
_lock = Lock()


def cached(session: Session, key: tuple[Hashable, ...], compute: Callable[[], T]) -> T:
    """``compute()`` once per ``key`` and data version. A session with writes of its own not yet
    committed, or summaries never built, bypasses the cache (nothing would invalidate it)."""
    pending = session.info.get(summary_hook.TOUCHED) or session.info.get(
        summary_hook.TOUCHED_ENROLMENTS
    )
    if pending or session.new or session.dirty or session.deleted:
        return compute()
    stamp = summary.data_stamp(session)
    if stamp is None:
        return compute()
    full = (*stamp, *key)
    with _lock:
        if full in _entries:
            _entries.move_to_end(full)
            return _entries[full]  # type: ignore[return-value]
    value = compute()
    with _lock:
        _entries[full] = value
        while len(_entries) > SIZE:
            _entries.popitem(last=False)
    return value


def clear() -> None:
    with _lock:
        _entries.clear()
