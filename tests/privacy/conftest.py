"""Privacy tests issue certificates (the retention run must keep them verifying): keys in a
temporary directory and a fresh verification rate limit per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from maeul_db.certificates import verification
from maeul_db.certificates.settings import get_cert_settings


@pytest.fixture(autouse=True)
def key_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    directory = tmp_path_factory.getbasetemp() / "cert-keys"
    monkeypatch.setenv("MAEUL_CERT_KEY_DIR", str(directory))
    get_cert_settings.cache_clear()
    verification.verify_limiter.reset()
    yield directory
    get_cert_settings.cache_clear()
    verification.verify_limiter.reset()
