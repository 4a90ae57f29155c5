"""Normalisation of names and contacts, and refusal of resident registration numbers.

Matching people across districts (DESIGN-NOTES "Identity") needs every key normalised the same way,
so all writers go through these functions.
"""

from __future__ import annotations

import re
import unicodedata

from maeul_db.errors import InvalidInput, RRNRejected

# YYMMDD then G (1-8: 1900s-2000s, foreigners 5-8) and six digits, matched on ``rrn_canonical``
# text, where separators between digits are already gone: exactly 13 digits in a row.
_RRN = re.compile(r"(?<!\d)(\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[1-8]\d{6}(?!\d)")
_MOBILE = re.compile(r"^(01[016789])(\d{3,4})(\d{4})$")
_LANDLINE = re.compile(r"^0(2|[3-6][1-5]|70)\d{7,8}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Minus signs that are not in Unicode's dash category (Pd), but read as one.
_MINUSES = "\u2212\u2796\ufe63\uff0d\u02d7\u207b\u208b\u2043\u2e3a\u2e3b"
# Whatever someone may type between the digits of a number: dashes, minus signs, spaces, dots,
# slashes, underscores (after ``_fold`` turned them all into "-").
_SEPARATED = re.compile(r"(?<=\d)[-\s._/\\]+(?=\d)")
# C0 controls, DEL and C1 controls; tab, newline and carriage return are allowed in text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _fold(ch: str) -> str:
    """One character as the RRN check sees it: any digit as ASCII, any dash or minus as "-",
    invisible format characters (zero-width space, soft hyphen, joiners, BOM) as nothing."""
    if ch.isascii():
        return ch
    category = unicodedata.category(ch)
    if category == "Nd":
        return str(unicodedata.digit(ch))
    if category == "Pd" or ch in _MINUSES:
        return "-"
    if category == "Cf":
        return ""
    if ch.isspace():
        return " "
    return ch


def rrn_canonical(value: str) -> str:
    """``value`` with every look-alike of "900101-1234567" turned into "9001011234567": NFKC
    (full-width and circled digits), digits of any script as ASCII, format characters dropped,
    and dashes, minus signs, spaces, dots and slashes between digits removed."""
    folded = "".join(_fold(ch) for ch in unicodedata.normalize("NFKC", value))
    return _SEPARATED.sub("", folded)


def looks_like_rrn(value: str) -> bool:
    # Cheap first (imports check every cell): fewer than 13 digits cannot hold one.
    if not value.isascii():
        value = unicodedata.normalize("NFKC", value)
    if len(value) < 13 or sum(map(str.isdigit, value)) < 13:
        return False
    return bool(_RRN.search(rrn_canonical(value)))


def reject_rrn(value: str | None, *, field: str) -> None:
    """Raise if ``value`` contains anything shaped like a resident registration number."""
    if value and looks_like_rrn(value):
        raise RRNRejected("text.rrn_rejected", field=field)


def reject_control(value: str, *, field: str) -> None:
    """Refuse NUL and other control characters (PostgreSQL cannot store NUL; the others only
    hide text); tab and line breaks stay allowed."""
    if _CONTROL.search(value):
        raise InvalidInput("input.control_character", field=field)


def normalize_name(value: str) -> str:
    """NFC, trimmed; Korean names lose inner spaces, other names keep single spaces."""
    text = unicodedata.normalize("NFC", value).strip()
    reject_rrn(text, field="name")
    if not text:
        raise InvalidInput("text.name_empty", field="name")
    if any(0xAC00 <= ord(ch) <= 0xD7A3 for ch in text):  # Hangul syllables
        text = re.sub(r"\s+", "", text)
    else:
        text = re.sub(r"\s+", " ", text)
    if len(text) > 100:
        raise InvalidInput("text.name_too_long", field="name", max_length=100)
    return text


def normalize_phone(value: str | None) -> str | None:
    """Digits only (``01012345678``); a +82 prefix becomes a leading 0."""
    if value is None or not value.strip():
        return None
    reject_rrn(value, field="phone")
    digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", value))
    if digits.startswith("82") and len(digits) >= 11:
        digits = "0" + digits[2:]
    if not (_MOBILE.match(digits) or _LANDLINE.match(digits)):
        raise InvalidInput("text.bad_phone", field="phone", value=value)
    return digits


def normalize_email(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    text = unicodedata.normalize("NFKC", value).strip().lower()
    if not _EMAIL.match(text) or len(text) > 254:
        raise InvalidInput("text.bad_email", field="email", value=value)
    return text


def normalize_text(value: str | None, *, field: str, max_length: int = 200) -> str | None:
    """Free text fields: NFC, trimmed, RRN-checked."""
    if value is None:
        return None
    text = unicodedata.normalize("NFC", value).strip()
    reject_rrn(text, field=field)
    if len(text) > max_length:
        raise InvalidInput("text.too_long", field=field, max_length=max_length)
    return text or None


def mask_phone(value: str | None) -> str | None:
    """A stored phone (digits) as lists show it: the middle digits hidden, ``010-****-5678``."""
    if not value:
        return None
    if len(value) < 8:
        return "*" * len(value)
    head = value[:2] if value.startswith("02") else value[:3]
    return f"{head}-{'*' * len(value[len(head) : -4])}-{value[-4:]}"


def mask_email(value: str | None) -> str | None:
    """An e-mail with its local part hidden but its first letter: ``s*****@example.kr``."""
    if not value:
        return None
    local, _, domain = value.partition("@")
    return f"{local[:1]}{'*' * max(len(local) - 1, 1)}@{domain}"
