"""The one wording catalogue: every Korean (and English) text the product shows.

Services raise errors with a catalogue key and parameters (``InvalidInput("text.bad_phone",
value=v, field="phone")``); pages, API error bodies, PDFs and exports turn keys and enum codes into
words here. Kit-level: imports no domain module, so anything may use it.
"""

from __future__ import annotations

from maeul_db.wording.catalogue import (
    LANGS,
    Lang,
    is_code,
    label,
    labels,
    message,
    placeholders,
    template_globals,
)

__all__ = [
    "LANGS",
    "Lang",
    "is_code",
    "label",
    "labels",
    "message",
    "placeholders",
    "template_globals",
]
