"""Certificate settings (prefix ``MAEUL_CERT_``), kept beside the domain that reads them."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

from maeul_db.wording import message


class CertificateSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MAEUL_CERT_", env_file=".env", extra="ignore")

    # Signing keys, relative to the working directory like the default database (var/ is
    # git-ignored, never inside site-packages); production points this at a directory of its own.
    key_dir: Path = Path("var") / "keys"
    # Printed in the QR code and on the certificate: where a stranger verifies it.
    public_base_url: str = "http://127.0.0.1:8000"
    # Public verification lookups per client address per minute (in-process limiter).
    verify_per_minute: int = 10
    city_issuer: str = message("certificate.city_issuer")


@lru_cache
def get_cert_settings() -> CertificateSettings:
    return CertificateSettings()
