"""Look-ups over the catalogue's two tables (``messages.MESSAGES``, ``labels.LABELS``)."""

from __future__ import annotations

import string
from typing import Literal

from maeul_db.wording.labels import LABELS
from maeul_db.wording.messages import MESSAGES

Lang = Literal["ko", "en"]
LANGS: tuple[Lang, ...] = ("ko", "en")
_FORMATTER = string.Formatter()


def is_code(text: str) -> bool:
    """Whether ``text`` is a catalogue key (during the move to codes, anything else is a literal
    message raised by a module not converted yet)."""
    return text in MESSAGES


def placeholders(template: str) -> set[str]:
    """The ``{name}`` fields a message needs."""
    return {name for _, name, _, _ in _FORMATTER.parse(template) if name}


def message(code: str, lang: Lang = "ko", /, **params: object) -> str:
    """The message for ``code`` with ``params`` filled in. A missing parameter raises KeyError:
    a raise site that forgets one is a bug the wording tests catch."""
    ko, en = MESSAGES[code]
    return (ko if lang == "ko" else en).format(**params)


def label(kind: str, value: object, lang: Lang = "ko") -> str:
    """The word for an enum code (``label("role", "district_staff")`` → "자치구 담당자"); an
    unknown code shows as itself rather than failing a page."""
    key = str(getattr(value, "value", value))
    pair = LABELS.get(kind, {}).get(key)
    if pair is None:
        return key
    return pair[0] if lang == "ko" else pair[1]


def template_globals() -> dict[str, object]:
    """What every Jinja environment (web pages, PDFs) gets: ``label(kind, value)``,
    ``labels(kind)`` and ``msg(code, **params)``."""
    return {"label": label, "labels": labels, "msg": message}


def labels(kind: str, lang: Lang = "ko") -> dict[str, str]:
    """Every code of ``kind`` with its word, in catalogue order (for select options)."""
    index = 0 if lang == "ko" else 1
    return {code: pair[index] for code, pair in LABELS[kind].items()}
