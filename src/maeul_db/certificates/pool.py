"""Render and seal certificates, in this process or in a pool of worker processes.

One pool serves every batch (the pages' and the command's) and the benchmark: WeasyPrint is warm
in each worker after its first document, and a batch of N renders on all workers at once. The pool
is started on first use with the ``spawn`` method (a fork of a threaded web server could copy held
locks) and lives as long as the process.
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from maeul_db.certificates import keys, signing
from maeul_db.certificates.render import CertificateDocument, Stamp, render_pdf


@dataclass(frozen=True)
class RenderJob:
    """Everything a worker needs, explicitly (a worker reads no settings and no database)."""

    payload: dict[str, Any]
    kid: str
    signature: str
    key_dir: Path
    stamp: Stamp | None = None
    seal: str | None = None


def seal_and_render(job: RenderJob) -> bytes:
    """Render and seal one certificate with the key that signed it (Ed25519 is deterministic, so
    the same job always gives the same bytes)."""
    document = CertificateDocument(
        job.payload,
        job.kid,
        signing.envelope(job.payload, job.kid, job.signature),
        stamp=job.stamp,
        seal=job.seal,
    )
    seal_kid, private = keys.signing_key(job.key_dir)
    if seal_kid != job.kid:  # an older certificate after a rotation: seal with its own key
        private = keys.load_private(job.key_dir, job.kid)
    return signing.seal(render_pdf(document), job.kid, private)


_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_pool_size = 0


def _warm(_: int) -> None:
    """Import WeasyPrint and load the fonts in a fresh worker before real work arrives."""
    from maeul_db.certificates.render import TEMPLATES_DIR
    from maeul_db.kit import pdf as pdf_kit

    pdf_kit.fonts_and_css(TEMPLATES_DIR / "certificate.css")


def get_pool(workers: int) -> ProcessPoolExecutor:
    global _pool, _pool_size
    with _lock:
        if _pool is None or _pool_size != workers:
            if _pool is not None:
                _pool.shutdown()
            _pool = ProcessPoolExecutor(workers, mp_context=get_context("spawn"))
            _pool_size = workers
            list(_pool.map(_warm, range(workers)))
        return _pool


def shutdown() -> None:
    global _pool
    with _lock:
        if _pool is not None:
            _pool.shutdown()
            _pool = None


atexit.register(shutdown)


def render_all(
    jobs: Iterable[RenderJob], *, workers: int, on_done: Callable[[], None] | None = None
) -> Iterator[bytes]:
    """Each job's sealed PDF, in order: on the pool when there are several jobs and workers,
    else here. ``on_done`` hears each finished document (progress)."""
    items = list(jobs)
    if workers <= 1 or len(items) <= 1:
        results: Iterable[bytes] = map(seal_and_render, items)
    else:
        chunk = max(1, min(8, len(items) // (workers * 4)))
        results = get_pool(workers).map(seal_and_render, items, chunksize=chunk)
    for data in results:
        if on_done is not None:
            on_done()
        yield data
