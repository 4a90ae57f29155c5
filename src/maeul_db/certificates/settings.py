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
    # The signatory's title printed above the seal, as real certificates carry it; the district
    # form takes ``{district}``.
    city_issuer_title: str = message("certificate.city_issuer_title")
    district_issuer_title: str = message("certificate.district_issuer_title", district="{district}")
    # Optional seal (직인) image, PNG or SVG, printed over the title; none prints the title alone.
    seal_image: Path | None = None
    # Worker processes that render a batch (the pages' and the command's batch share the pool).
    workers: int = 2


@lru_cache
def get_cert_settings() -> CertificateSettings:
    return CertificateSettings()
