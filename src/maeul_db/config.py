"""Settings read from the environment (prefix ``MAEUL_``) and an optional ``.env`` file."""

from __future__ import annotations

import math
from collections import Counter
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
# Production secrets: at least this long and this many bits by a Shannon estimate over their own
# characters (``secrets.token_urlsafe(32)`` gives ~230; 32 hex digits ~115; "aaaa..." 0).
MIN_SECRET_LENGTH = 32
MIN_SECRET_BITS = 100.0


def secret_bits(value: str) -> float:
    """A rough entropy estimate: length x Shannon entropy of the value's character frequencies."""
    if not value:
        return 0.0
    counts = Counter(value)
    per_char = -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())
    return per_char * len(value)


def is_weak_secret(value: str) -> bool:
    return (
        value in PLACEHOLDER_SECRETS
        or "change-me" in value
        or len(value) < MIN_SECRET_LENGTH
        or secret_bits(value) < MIN_SECRET_BITS
    )


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
    # Wall-clock budget of one analytics request (KPI, ladder, networks, map, report; every door),
    # database work included; past it the request ends with a 503 (docs/operations.md).
    analytics_time_limit_s: float = Field(default=30.0, gt=0)
    # networkx backend for analytics algorithms (e.g. "parallel" after `pip install nx-parallel`);
    # None = plain networkx.
    networkx_backend: str | None = None
    refdata_dir: Path = Field(default_factory=default_refdata_dir)
    token_ttl_seconds: int = 8 * 3600
    sqlite_busy_timeout_ms: int = 5000
    # An import file (roster, attendance) with more rows than this is refused as a whole.
    import_max_rows: int = Field(default=200_000, ge=1)
    # HMAC key of the access log's hash chain. Kept out of the database so whoever can write the
    # table cannot recompute the chain; a key file (one line) wins over the variable.
    access_log_key: str = "dev-access-log-key-change-me"
    access_log_key_file: Path | None = None
    # Signed checkpoints of the log's head (count, last id, hash) go here, outside the database;
    # one is written every N rows (0 = only by `verify-access-log --checkpoint`).
    access_log_checkpoint_dir: Path = Path("var/access-log-checkpoints")
    access_log_checkpoint_every: int = 1000
    # Peers (addresses or CIDR networks, comma-separated) whose X-Forwarded-For is believed;
    # empty: the peer address is the source address, whatever the header says.
    trusted_proxies: str = ""
    # Login throttling: failures within the window after which even the right password is refused.
    login_window_seconds: int = 15 * 60
    login_max_failures_per_account: int = 5
    login_max_failures_per_address: int = 20
    # A report photo or an expense's evidence larger than this is refused (kept in the database).
    attachment_max_bytes: int = Field(default=10 * 1024 * 1024, ge=1)
    # Background jobs (huey, src/maeul_db/jobs/): "sqlite:///var/maeul-jobs.db" runs embedded (no
    # server), "redis://localhost:6379/0" in production; ``maeul-db jobs worker`` consumes them.
    jobs_url: str = "sqlite:///var/maeul-jobs.db"
    # Wall-clock budget of one background job (a request's analytics_time_limit_s is for pages).
    jobs_time_limit_s: float = Field(default=3600.0, gt=0)

    @model_validator(mode="after")
    def _refuse_placeholder_secrets(self) -> Settings:
        if self.environment == "production":
            names = ["secret_key", "analytics_key", "identity_key"]
            if self.access_log_key_file is None:
                names.append("access_log_key")
            for name in names:
                if is_weak_secret(getattr(self, name)):
                    raise ValueError(
                        f"MAEUL_{name.upper()} is a placeholder, too short or too regular; set a "
                        f"random secret of {MIN_SECRET_LENGTH}+ characters in production "
                        "(e.g. python -c 'import secrets; print(secrets.token_urlsafe(32))')"
                    )
        return self

    def access_log_secret(self) -> bytes:
        """The access log's HMAC key: the key file's first line when set, else the variable."""
        if self.access_log_key_file is not None:
            return self.access_log_key_file.read_text(encoding="utf-8").strip().encode()
        return self.access_log_key.encode()

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()
