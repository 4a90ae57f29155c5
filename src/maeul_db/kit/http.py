"""Response helpers shared by the doors (API routers and web pages); services never import this."""

from __future__ import annotations

from urllib.parse import quote

from fastapi.responses import Response


def attachment(content: bytes, filename: str, media_type: str) -> Response:
    """A download; the filename is percent-encoded (RFC 6266) so Korean names survive."""
    disposition = f"attachment; filename*=UTF-8''{quote(filename)}"
    return Response(content, media_type=media_type, headers={"Content-Disposition": disposition})
