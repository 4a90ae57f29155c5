"""Files for the settlement tests: real minimal PDF, JPEG and PNG bytes, and bad ones."""

from __future__ import annotations

import io

from PIL import Image

from maeul_db.settlements.attachments import Upload

# A minimal one-page PDF (no scripts): enough for the sniffing, which reads the first bytes.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
SCRIPTED_PDF = PDF.replace(b"/Type/Catalog", b"/Type/Catalog/OpenAction<</S/JavaScript/JS(x)>>")
EXE = b"MZ\x90\x00" + b"\x00" * 60 + b"This program cannot be run in DOS mode"


def image(kind: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, format=kind)
    return out.getvalue()


def receipt(name: str = "receipt.pdf", data: bytes = PDF) -> Upload:
    return Upload(filename=name, data=data)
