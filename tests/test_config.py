from __future__ import annotations

import pytest
from pydantic import ValidationError

from maeul_db.config import DEV_SECRET, Settings, secret_bits

# Random-looking 43-character secrets, as `secrets.token_urlsafe(32)` prints them.
STRONG = {
    "secret_key": "mQ7v1Xr0bT9kLp2sWc8ZyH4nJd6fGe3aRu5iOq-_VxE",
    "analytics_key": "Tz4Kc9pN2wB7xQe1LrV6hYs3mJf8Gd5aUi0oPk-_WnZ",
    "identity_key": "Ha3Lq8Vm1Zc6Xw9Rt2Ny5Bp7Ks4Df0Gj-_EuIoWsQrT",
    "access_log_key": "Pw6Nd1Kx9Fb3Vq8Mz2Ht5Lr7Cj4Gs0Ye-_AoUiEnRkS",
}


def test_production_refuses_placeholder_secret() -> None:
    with pytest.raises(ValidationError, match="MAEUL_SECRET_KEY"):
        Settings(**{**STRONG, "secret_key": DEV_SECRET}, environment="production")
    with pytest.raises(ValidationError, match="MAEUL_ANALYTICS_KEY"):
        Settings(
            **{**STRONG, "analytics_key": "dev-analytics-key-change-me"}, environment="production"
        )


@pytest.mark.parametrize(
    "weak",
    [
        "s" * 40,  # long but one character
        "Xk3!pQ9zLm2@vB7w",  # 16 random-looking characters: too short
        "abcdabcdabcdabcdabcdabcdabcdabcd",  # 32 characters, 2 bits each
    ],
)
def test_production_refuses_short_or_low_entropy_secrets(weak: str) -> None:
    for name in STRONG:
        with pytest.raises(ValidationError, match=f"MAEUL_{name.upper()}"):
            Settings(**{**STRONG, name: weak}, environment="production")


def test_production_accepts_real_secrets_and_development_allows_placeholder() -> None:
    assert Settings(**STRONG, environment="production")
    assert all(secret_bits(value) >= 100 for value in STRONG.values())
    assert Settings(environment="development").secret_key == DEV_SECRET


def test_settings_read_maeul_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAEUL_DATABASE_URL", "sqlite:///elsewhere.db")
    monkeypatch.setenv("MAEUL_REFDATA_DIR", "/data/ref")
    settings = Settings()
    assert settings.database_url == "sqlite:///elsewhere.db"
    assert str(settings.refdata_dir) == "/data/ref"
