"""The RRN refusal cannot be bypassed with look-alike characters (issue 9, item 3): text is
normalised first (NFKC, dashes and minus signs, spaces, zero-width characters and soft hyphens,
dots and slashes, digits of any script) and then checked, in every field of every input,
lists such as consent scopes included, through the API, the web form and the import."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import Session, select

from maeul_db.errors import RRNRejected
from maeul_db.kit.text import looks_like_rrn
from maeul_db.models import Person
from maeul_db.participants.schemas import PersonCreate
from tests.builders import bearer, make_user
from tests.imports.roster import COL, csv_bytes, roster_rows
from tests.web_login import csrf_token, log_in

# The finding's characters, and their relatives: what may sit between the two halves (or inside).
SEPARATORS = [
    "-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\ufe63",
    "\uff0d", "\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", " ", "\u3000",
    "\u00a0", ".", "/", "\uff0e", "\uff0f", " - ", "",
]  # fmt: skip
# Zero digits of other scripts: ASCII, Arabic-Indic, extended Arabic-Indic, Devanagari,
# Bengali, full-width, mathematical bold.
DIGIT_ZEROS = [0x30, 0x660, 0x6F0, 0x966, 0x9E6, 0xFF10, 0x1D7CE]
# Inside the digits only what is invisible or typed as grouping.
INSIDE = ["", "", "", "\u200b", "\u00ad", "\u2060", "\ufeff"]

FINDING = [
    "900101\u20101234567",  # U+2010 hyphen
    "900101\u22121234567",  # U+2212 minus sign
    "900101\u20141234567",  # em dash
    "900101\u200b1234567",  # zero-width space
    "900101\u00ad1234567",  # soft hyphen
    "900101.1234567",
    "900101/1234567",
    "\u0669\u0660\u0660\u0661\u0660\u0661-\u0661\u0662\u0663\u0664\u0665\u0666\u0667",
    "９００１０１－１２３４５６７",
    "9\u200b00101-12\u00ad34567",
]


@st.composite
def rrn_lookalikes(draw: st.DrawFn) -> str:
    """An RRN-shaped value (valid date, gender digit 1-8) written with look-alike characters and
    embedded in ordinary text."""
    year = draw(st.integers(0, 99))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    tail = draw(st.integers(1, 8)) * 1_000_000 + draw(st.integers(0, 999_999))
    digits = f"{year:02d}{month:02d}{day:02d}{tail:07d}"
    zero = draw(st.sampled_from(DIGIT_ZEROS))
    written = [chr(zero + int(d)) for d in digits]
    pieces = []
    for index, char in enumerate(written):
        pieces.append(char)
        if index == 5:
            pieces.append(draw(st.sampled_from(SEPARATORS)))
        elif index < 12:
            pieces.append(draw(st.sampled_from(INSIDE)))
    around = st.text(alphabet="가나다라 abcXYZ:()", max_size=8)
    return draw(around) + "".join(pieces) + draw(around)


@settings(max_examples=300, deadline=None, database=None)
@given(rrn_lookalikes())
def test_every_lookalike_of_an_rrn_is_recognised(value: str) -> None:
    assert looks_like_rrn(value), repr(value)


@settings(max_examples=100, deadline=None, database=None)
@given(rrn_lookalikes(), st.sampled_from(["name", "consent_notice_version", "scope"]))
def test_every_lookalike_is_refused_by_the_input_schema(value: str, field: str) -> None:
    data: dict[str, object] = {"name": "박지훈", "gender": "M", "birth_year": 1990}
    if field == "scope":
        data["consent_scopes"] = ["participation", value]
    else:
        data[field] = value
    with pytest.raises(RRNRejected):
        PersonCreate.model_validate(data)


@pytest.mark.parametrize("value", FINDING)
def test_the_findings_lookalikes_are_recognised(value: str) -> None:
    assert looks_like_rrn(value)


@pytest.mark.parametrize(
    "value",
    ["010-1234-5678", "02-123-4567", "2024-03-01", "2020.01.01-2020.12.31", "1984", "사업 2024"],
)
def test_ordinary_numbers_are_not_taken_for_an_rrn(value: str) -> None:
    assert not looks_like_rrn(value)


def test_consent_scopes_refuse_an_rrn_through_the_api(client: TestClient, session: Session) -> None:
    headers = bearer(client, make_user(session).username)
    body = {"name": "박지훈", "gender": "M", "birth_year": 1990}
    for scopes in (["900101-1234567"], ["participation", "900101\u22121234567"]):
        response = client.post(
            "/api/people", headers=headers, json={**body, "consent_scopes": scopes}
        )
        assert response.status_code == 422 and response.json()["error"] == "rrn_rejected"
    assert session.exec(select(Person).where(Person.name == "박지훈")).first() is None


@pytest.mark.parametrize("value", FINDING[:5])
def test_lookalike_in_a_free_text_field_is_refused_on_the_api(
    client: TestClient, session: Session, value: str
) -> None:
    headers = bearer(client, make_user(session).username)
    body = {"name": "박지훈", "gender": "M", "birth_year": 1990, "consent_notice_version": value}
    response = client.post("/api/people", headers=headers, json=body)
    assert response.status_code == 422 and response.json()["error"] == "rrn_rejected"


def test_lookalike_in_the_web_form_is_refused(client: TestClient, session: Session) -> None:
    assert log_in(client, make_user(session).username).status_code == 303
    token = csrf_token(client.get("/people/new").text)
    form = {"name": "정새봄", "gender": "F", "birth_year": "1985", "csrf_token": token}
    response = client.post(
        "/people/new", data={**form, "email": "900101\u20101234567@x.kr"}, follow_redirects=False
    )
    assert response.status_code == 422
    assert session.exec(select(Person).where(Person.name == "정새봄")).first() is None


def test_lookalike_in_an_import_cell_rejects_the_row(client: TestClient, session: Session) -> None:
    headers = bearer(client, make_user(session).username)
    rows = roster_rows(3)
    rows[1][COL["email"]] = "900101\u2212 1234567"
    files = {"file": ("명단.csv", csv_bytes(rows), "text/csv")}
    report = client.post("/api/imports/preview", headers=headers, files=files).json()
    assert [(r["row"], r["code"]) for r in report["rejected"]] == [(3, "rrn")]
