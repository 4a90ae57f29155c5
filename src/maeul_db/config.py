"""Settings read from the environment (prefix ``MAEUL_``) and an optional ``.env`` file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Only a source checkout has a repository root (src/maeul_db/config.py → parents[2]); an installed
# package lives in site-packages, where nothing may be written and no reference data sits beside it.
_CHECKOUT = Path(__file__).resolve().parents[2]
# Relative to the working directory, never to the package: the same default for a checkout
# (scripts/dev runs from the repository root) and an installed wheel.
DEFAULT_DATABASE_URL = "sqlite:///var/maeul.db"
PLACEHOLDER_SECRETS = frozenset({"", "changeme", "change-me", "secret", "dev-secret-change-me"})
DEV_SECRET = "dev-secret-change-me"


def default_refdata_dir() -> Path:
    """``../shared/refdata`` beside a source checkout when it exists (development), else ``./refdata``."""
    beside_checkout = _CHECKOUT.parent / "shared" / "refdata"
    if (_CHECKOUT / "pyproject.toml").is_file() and beside_checkout.is_dir():
        return beside_checkout
    return Path("refdata")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MAEUL_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    database_url: str = DEFAULT_DATABASE_URL
    secret_key: str = DEV_SECRET
    # HMAC key for analysts' pseudonyms; kept apart from secret_key (PIPA art. 28-2).
    analytics_key: str = "dev-analytics-key-change-me"
    # HMAC key for cross-district identity keys (identity/keys.py); changing it needs a re-key.
    identity_key: str = "dev-identity-key-change-me"
    # Analysts see any count of 1 to (this - 1) people suppressed (small-cell rule).
    analytics_min_cell: int = 5
    # networkx backend for analytics algorithms (e.g. "parallel" after `pip install nx-parallel`);
    # None = plain networkx.
    networkx_backend: str | None = None
    refdata_dir: Path = Field(default_factory=default_refdata_dir)
    token_ttl_seconds: int = 8 * 3600
    sqlite_busy_timeout_ms: int = 5000
    # An import file (roster, attendance) with more rows than this is refused as a whole.
    import_max_rows: int = Field(default=200_000, ge=1)

    @model_validator(mode="after")
    def _refuse_placeholder_secrets(self) -> Settings:
        if self.environment == "production":
            for name in ("secret_key", "analytics_key", "identity_key"):
                value = getattr(self, name)
                if value in PLACEHOLDER_SECRETS or "change-me" in value or len(value) < 16:
                    raise ValueError(
                        f"MAEUL_{name.upper()} is a placeholder or too short; "
                        "set a real secret (32+ random characters) in production"
                    )
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()
