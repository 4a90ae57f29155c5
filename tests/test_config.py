from __future__ import annotations

import pytest
from pydantic import ValidationError

from maeul_db.config import DEV_SECRET, Settings


def test_production_refuses_placeholder_secret() -> None:
    with pytest.raises(ValidationError, match="MAEUL_SECRET_KEY"):
        Settings(environment="production", secret_key=DEV_SECRET, analytics_key="a" * 40)
    with pytest.raises(ValidationError, match="MAEUL_ANALYTICS_KEY"):
        Settings(environment="production", secret_key="s" * 40)


def test_production_accepts_real_secrets_and_development_allows_placeholder() -> None:
    assert Settings(
        environment="production", secret_key="s" * 40, analytics_key="a" * 40, identity_key="i" * 40
    )
    assert Settings(environment="development").secret_key == DEV_SECRET


def test_settings_read_maeul_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAEUL_DATABASE_URL", "sqlite:///elsewhere.db")
    monkeypatch.setenv("MAEUL_REFDATA_DIR", "/data/ref")
    settings = Settings()
    assert settings.database_url == "sqlite:///elsewhere.db"
    assert str(settings.refdata_dir) == "/data/ref"
