"""The wording catalogue: complete in both languages, every placeholder supplied, every enum code
named, and used by errors, API bodies and templates."""

from __future__ import annotations

import ast
import enum
import inspect
import re
from pathlib import Path

import pytest
from fastapi import Request
from fastapi.testclient import TestClient

import maeul_db
from maeul_db import models, wording
from maeul_db.errors import InvalidInput, MaeulError, NotFound
from maeul_db.imports.lookups import Lookups
from maeul_db.imports.parse import parse
from maeul_db.imports.validate import validate
from maeul_db.kit import pdf
from maeul_db.kit.text import normalize_phone
from maeul_db.web.logging_forms import FieldError
from maeul_db.web.templating import templates
from maeul_db.wording.labels import LABELS
from maeul_db.wording.messages import MESSAGES

SRC = Path(maeul_db.__file__).resolve().parent
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Callers whose row-error code stands for the key "import_row.<code>" when no key is given.
_IMPLICIT_ROW_KEY = {"RowProblem": 0, "RowError": 2}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_message_has_korean_and_english_with_the_same_placeholders(code: str) -> None:
    ko, en = MESSAGES[code]
    assert HANGUL.search(ko), f"{code}: the Korean text has no Korean"
    assert en.strip() and not HANGUL.search(en), f"{code}: the English text is missing or Korean"
    assert wording.placeholders(ko) == wording.placeholders(en)


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_message_formats_with_its_declared_params(code: str) -> None:
    params = {name: f"<{name}>" for name in wording.placeholders(MESSAGES[code][0])}
    for lang in wording.LANGS:
        text = wording.message(code, lang, **params)
        assert "{" not in text and all(value in text for value in params.values())


def test_a_missing_param_is_an_error_not_a_hole_in_the_text() -> None:
    with pytest.raises(KeyError):
        wording.message("text.bad_phone")


def _enums() -> list[type[enum.Enum]]:
    # The models load lazily (models/__init__.py): ask for every exported name, or the scan sees
    # only the ones some earlier test happened to use.
    exported = [getattr(models, name) for name in models.__all__]
    return [
        obj
        for obj in exported
        if inspect.isclass(obj)
        and issubclass(obj, enum.Enum)
        and obj.__module__.startswith("maeul_db.models")
    ]


def _kind(enum_class: type[enum.Enum]) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", enum_class.__name__).lower()


def test_every_enum_value_in_the_models_has_a_label_in_both_languages() -> None:
    enums = _enums()
    assert len(enums) >= 15  # the scan finds the models' enums at all
    missing = [
        f"{_kind(e)}.{member.value}"
        for e in enums
        for member in e
        if str(member.value) not in LABELS.get(_kind(e), {})
    ]
    assert not missing
    for kind, pairs in LABELS.items():
        for code, (ko, en) in pairs.items():
            assert ko.strip() and en.strip(), f"{kind}.{code}"


def test_label_names_a_code_and_shows_an_unknown_code_as_itself() -> None:
    assert wording.label("role", "district_staff") == "자치구 담당자"
    assert wording.label("role", models.Role.analyst, "en") == "analyst"
    assert wording.label("role", "no_such_role") == "no_such_role"
    assert list(wording.labels("stage")) == [stage.value for stage in models.Stage]


def _call_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _keys_of(call: ast.Call) -> list[str]:
    keys = [
        arg.value
        for arg in call.args
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value in MESSAGES
    ]
    at = _IMPLICIT_ROW_KEY.get(_call_name(call))
    if at is not None and not keys and len(call.args) > at:
        code = call.args[at]
        if isinstance(code, ast.Constant) and f"import_row.{code.value}" in MESSAGES:
            keys.append(f"import_row.{code.value}")
    return keys


def _dict_literal_keys(call: ast.Call) -> set[str | None]:
    """Placeholders passed as a dict literal beside the key (``Outcome(ok, key, {"n": 1})``)."""
    return {
        key.value
        for arg in call.args
        if isinstance(arg, ast.Dict)
        for key in arg.keys
        if isinstance(key, ast.Constant) and isinstance(key.value, str)
    }


def test_every_raise_site_supplies_the_placeholders_of_its_message() -> None:
    short: list[str] = []
    sites = 0
    for path in sorted(SRC.rglob("*.py")):
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(call, ast.Call):
                continue
            given = {kw.arg for kw in call.keywords} | _dict_literal_keys(call)
            for key in _keys_of(call):
                sites += 1
                if None in given:  # **params: checked by the caller's own tests
                    continue
                needed = wording.placeholders(MESSAGES[key][0])
                if not needed <= given:
                    short.append(f"{path.name}:{call.lineno} {key} lacks {needed - given}")
    assert sites > 50  # the scan sees the raise sites
    assert not short


def _domain_errors(trees: list[ast.Module]) -> set[str]:
    """The names of MaeulError and every class deriving from it, found in ``trees``."""
    names = {"MaeulError"}
    classes = [node for tree in trees for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    grown = True
    while grown:
        before = len(names)
        for node in classes:
            bases = {
                b.attr if isinstance(b, ast.Attribute) else getattr(b, "id", "") for b in node.bases
            }
            if bases & names:
                names.add(node.name)
        grown = len(names) > before
    return names


def _literal_messages(tree: ast.AST, errors: set[str]) -> list[tuple[int, str]]:
    """``raise X("words")`` / ``raise X(f"...")`` for a domain error ``X``, and ``missing="words"``:
    a message given as text where a catalogue key belongs."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        texts: list[ast.expr] = []
        if (
            isinstance(node, ast.Raise)
            and isinstance(node.exc, ast.Call)
            and _call_name(node.exc) in errors
            and node.exc.args
        ):
            texts.append(node.exc.args[0])
        if isinstance(node, ast.Call):
            texts += [kw.value for kw in node.keywords if kw.arg == "missing"]
        for text in texts:
            if isinstance(text, ast.JoinedStr):
                found.append((text.lineno, "an f-string"))
            elif (
                isinstance(text, ast.Constant)
                and isinstance(text.value, str)
                and text.value not in MESSAGES
            ):
                found.append((text.lineno, text.value))
    return found


def test_the_literal_message_scan_sees_text_and_f_strings_but_not_keys() -> None:
    source = (
        'raise NotFound("group.not_found")\n'
        'raise ValueError("not a domain error")\n'
        'raise NotFound("no such group")\n'
        'raise Conflict(f"already {x}")\n'
        'get_visible(s, q, m, 1, missing="gone")\n'
    )
    assert _literal_messages(ast.parse(source), {"NotFound", "Conflict"}) == [
        (3, "no such group"),
        (4, "an f-string"),
        (5, "gone"),
    ]


def test_every_error_raised_in_the_source_names_a_catalogue_key() -> None:
    trees = {
        path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(SRC.rglob("*.py"))
    }
    errors = _domain_errors(list(trees.values()))
    assert {"NotFound", "CsrfRejected", "TooManyRequests"} <= errors  # the scan finds subclasses
    literals = [
        f"{path.relative_to(SRC)}:{line} {text}"
        for path, tree in trees.items()
        for line, text in _literal_messages(tree, errors)
    ]
    assert not literals, "raise with a wording key (maeul_db.wording), not words"


def test_an_error_raised_with_a_key_carries_code_params_and_both_texts() -> None:
    with pytest.raises(InvalidInput) as refused:
        normalize_phone("12")
    error = refused.value
    assert (error.code, error.params, error.field) == ("text.bad_phone", {"value": "12"}, "phone")
    assert error.message == wording.message("text.bad_phone", value="12")
    assert error.message_en == wording.message("text.bad_phone", "en", value="12")
    assert error.error == "invalid" and str(error) == error.message


def test_a_literal_message_still_works_during_the_transition() -> None:
    error = NotFound("아직 바꾸지 않은 메시지 (not converted yet)", field="x")
    assert error.message == error.message_en == "아직 바꾸지 않은 메시지 (not converted yet)"
    assert (error.code, error.error, error.params, error.field) == (
        "not_found",
        "not_found",
        {},
        "x",
    )


def test_a_subclass_naming_its_kind_code_keeps_it_as_the_error_kind() -> None:
    class Legacy(MaeulError):
        code = "legacy_kind"

    assert Legacy.error == "legacy_kind"
    assert Legacy("literal").code == "legacy_kind"
    assert Legacy("interval.already_voided").code == "interval.already_voided"


def test_api_error_body_has_code_and_both_languages(client: TestClient) -> None:
    response = client.post("/api/auth/token", data={"username": "nobody", "password": "x" * 12})
    assert response.status_code == 401
    assert response.json() == {
        "error": "unauthorized",
        "code": "auth.wrong_credentials",
        "message": wording.message("auth.wrong_credentials"),
        "message_en": wording.message("auth.wrong_credentials", "en"),
        "field": None,
    }


def test_web_error_page_shows_the_catalogue_text(client: TestClient) -> None:
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert wording.message("error.page_not_found") in response.text
    assert wording.label("error_heading", "404") in response.text
    assert wording.label("error_hint", "404") in response.text


@pytest.mark.parametrize(
    ("status", "kind"), [(403, "403"), (409, "409"), (500, "500"), (503, "500"), (418, "other")]
)
def test_error_page_heading_comes_from_the_catalogue_by_status(
    client: TestClient, status: int, kind: str
) -> None:
    app = client.app
    scope = {"type": "http", "method": "GET", "path": "/", "query_string": b"", "headers": []}
    request = Request({**scope, "app": app, "router": getattr(app, "router", None)})
    page = templates.env.get_template("error.html").render(
        status=status, code="x", message="m", request=request, viewer=None
    )
    assert f"<h1>{wording.label('error_heading', kind)}</h1>" in page
    others = {k for k in wording.labels("error_heading") if k != kind}
    assert not any(f"<h1>{wording.label('error_heading', k)}</h1>" in page for k in others)


@pytest.mark.parametrize(
    ("code", "key"),
    [
        ("missing", "form.missing"),
        ("int_parsing", "form.not_a_number"),
        ("float_parsing", "form.not_a_number"),
        ("date_from_datetime_parsing", "form.bad_date"),
        ("literal_error", "form.choose_from_list"),
        ("person_ambiguous", "form.person_ambiguous"),
        ("no_such_pydantic_type", "form.invalid"),
    ],
)
def test_a_form_error_code_reads_its_catalogue_message(code: str, key: str) -> None:
    assert FieldError(code=code).key == key


def test_templates_and_pdfs_get_the_catalogue_as_globals(tmp_path: Path) -> None:
    source = '{{ label("role", "expert") }}|{{ msg("text.too_long", max_length=5) }}|{{ labels("gender")["F"] }}'
    expected = "마을자치전문가|" + wording.message("text.too_long", max_length=5) + "|여성"
    assert templates.env.from_string(source).render() == expected
    (tmp_path / "t.html").write_text(source, encoding="utf-8")
    assert pdf.environment(tmp_path).get_template("t.html").render() == expected


def test_a_rejected_import_row_keeps_its_code_and_shows_the_catalogue_reason() -> None:
    header = "사업연도,자치구,행정동,사업명,사업단계,모임명,성명,성별,출생연도,역할\n"
    row = "2024,없는구,없는동,책모임,모임형성,이웃,김민지,외계,1985,참여자\n"
    parsed = parse((header + row).encode(), "roster.csv")
    result = validate(parsed, Lookups({}, {}, {}, {}), district_code="11110")
    errors = {e.code: e for e in result.rejected[0].errors}
    assert errors["unknown_district"].reason == wording.message(
        "import_row.unknown_district", value="없는구"
    )
    assert errors["unknown_gender"].text("en") == "unknown gender: 외계"
