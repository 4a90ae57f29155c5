"""``render_pdf(document) -> bytes``: pure. Reads ``certificates/templates/`` and nothing else
(no database, no keys); the service builds the document and seals the result."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import segno
from weasyprint import HTML, Attachment

from maeul_db.certificates.signing import ATTACHMENT_NAME
from maeul_db.kit import pdf as pdf_kit
from maeul_db.kit.resources import package_dir
from maeul_db.wording import message

TEMPLATES_DIR = package_dir("maeul_db.certificates", "templates")


@dataclass(frozen=True)
class Stamp:
    """Printed across a revoked or superseded certificate downloaded after the fact."""

    word: str  # 취소됨 / 대체됨
    note: str  # the reason, or the successor's number


@dataclass(frozen=True)
class CertificateDocument:
    payload: dict[str, Any]  # the signed facts (see payload.build)
    kid: str
    attachment: bytes  # signing.envelope(...): embedded so the PDF verifies offline
    stamp: Stamp | None = None
    seal: str | None = None  # the seal image as a data URI (settings), printed over the title


def qr_data_uri(url: str) -> str:
    """A one-pixel-per-module PNG, scaled up crisply by the stylesheet: a raster image costs
    WeasyPrint nearly nothing to draw, where the SVG of the same code took ~10 ms. The mask is
    fixed (any of the eight reads equally well) to skip segno's 3 ms mask evaluation."""
    return str(segno.make(url, error="m", micro=False, mask=1).png_data_uri(scale=1, border=2))


def render_html(document: CertificateDocument) -> str:
    payload = document.payload
    template = pdf_kit.environment(TEMPLATES_DIR).get_template(f"{payload['kind']}.html")
    return template.render(
        p=payload,
        kid=document.kid,
        qr=qr_data_uri(payload["verify_url"]),
        stamp=document.stamp,
        seal=document.seal,
    )


def render_pdf(document: CertificateDocument) -> bytes:
    """The certificate as PDF bytes; the same document always gives the same bytes."""
    fonts, css = pdf_kit.fonts_and_css(TEMPLATES_DIR / "certificate.css")
    issued = datetime.fromisoformat(document.payload["issued_at"])
    attachment = Attachment(
        string=document.attachment,
        name=ATTACHMENT_NAME,
        description=f"{message('certificate.attachment')} ({message('certificate.attachment', 'en')})",
        created=issued,
        modified=issued,
        relationship="Data",
    )
    html = HTML(string=render_html(document), base_url=str(TEMPLATES_DIR))
    number = str(document.payload["number"]).encode()
    pdf = html.write_pdf(
        stylesheets=[css],
        font_config=fonts,
        attachments=[attachment],
        pdf_identifier=number,
        uncompressed_pdf=False,
    )
    assert isinstance(pdf, bytes)
    return pdf
