"""The doors make no decisions: every API router, web page module and command module is parsed
(ast) and may not check a role, call a policy, write SQL, write the access log, import an API router
into a web page, or apply small-cell suppression. Those rules live in the services.

``KNOWN_VIOLATIONS`` is empty since issue 8 moved every such decision into the services; it must
equal the findings exactly, so a door that makes a decision fails the suite.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "maeul_db"

# Web modules that only render or authenticate, so they are not doors of their own:
RENDER_ONLY = {
    "web/__init__.py": "empty package marker",
    "web/templating.py": "the Jinja environment and its display filters (phone, dates)",
    "web/csrf.py": "the web door's CSRF token: authentication of the form, no authorization",
}

POLICY_MODULES = {"maeul_db.auth.policies", "maeul_db.analytics.access"}
SUPPRESSION_MODULES = {"maeul_db.analytics.suppression"}
ACCESS_LOG_MODULES = {"maeul_db.access_log.service", "maeul_db.access_log.deps"}
SESSION_CALLS = {"exec", "execute", "get", "add", "add_all", "delete", "scalar", "scalars"}

# Kinds: role_check, policy_call, require_roles, sql, access_log_write, imports_api_router,
# suppression. Module paths are relative to src/maeul_db.
KNOWN_VIOLATIONS: dict[str, set[str]] = {}


def door_modules() -> list[str]:
    found = {p for p in PACKAGE.glob("*/router.py")}
    found |= {p for p in PACKAGE.glob("web/*.py")}
    found |= {p for p in PACKAGE.glob("*/cli.py")} | {PACKAGE / "cli.py"}
    names = {p.relative_to(PACKAGE).as_posix() for p in found}
    return sorted(names - set(RENDER_ONLY))


class _Aliases:
    """Local names bound to the policy, suppression and access-log modules (or their members)."""

    def __init__(self, tree: ast.Module) -> None:
        self.modules: dict[str, str] = {}  # local name → module it stands for
        self.members: dict[str, str] = {}  # local name → module it was imported from
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    self.modules[alias.asname or alias.name] = alias.name
            elif isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    local = alias.asname or alias.name
                    if full in _WATCHED:
                        self.modules[local] = full
                    else:
                        self.members[local] = node.module

    def kind_of(self, name: str) -> str | None:
        module = self.modules.get(name) or self.members.get(name)
        for kind, watched in _KINDS.items():
            if module in watched:
                return kind
        return None


_KINDS = {
    "policy_call": POLICY_MODULES,
    "suppression": SUPPRESSION_MODULES,
    "access_log_write": ACCESS_LOG_MODULES,
}
_WATCHED = POLICY_MODULES | SUPPRESSION_MODULES | ACCESS_LOG_MODULES


def _is_role(node: ast.expr) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "role"


def _call_kind(node: ast.Call, aliases: _Aliases) -> str | None:
    func = node.func
    if isinstance(func, ast.Name):
        if func.id in ("select", "text"):
            return "sql"
        if func.id == "log_read":  # the web helper that writes the access log
            return "access_log_write"
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        owner = func.value.id
        if owner == "session" and func.attr in SESSION_CALLS:
            return "sql"
        if func.attr == "record" and (
            owner == "recorder" or aliases.kind_of(owner) == "access_log_write"
        ):
            return "access_log_write"
    return None


def _node_kinds(node: ast.AST, aliases: _Aliases, *, web: bool) -> Iterator[str]:
    if isinstance(node, ast.Compare) and any(_is_role(n) for n in [node.left, *node.comparators]):
        yield "role_check"
    elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        if node.value.id == "Role":
            yield "role_check"
        elif (kind := aliases.kind_of(node.value.id)) in ("policy_call", "suppression"):
            yield kind
    elif isinstance(node, ast.Name):
        if node.id == "require_roles":
            yield "require_roles"
        elif node.id == "RecorderDep":
            yield "access_log_write"
        elif aliases.kind_of(node.id) in ("policy_call", "suppression") and (
            node.id not in aliases.modules
        ):
            yield str(aliases.kind_of(node.id))
    elif isinstance(node, ast.Call):
        if kind := _call_kind(node, aliases):
            yield kind
    elif web and isinstance(node, ast.ImportFrom) and node.module:
        parts = node.module.split(".")
        names = {a.name for a in node.names}
        if (parts[-1] == "router" and parts[1] != "web") or (
            "router" in names and parts[:2] == ["maeul_db", parts[1]] and parts[1] != "web"
        ):
            yield "imports_api_router"


def violations_in(source: str, *, web: bool) -> set[str]:
    tree = ast.parse(source)
    aliases = _Aliases(tree)
    return {kind for node in ast.walk(tree) for kind in _node_kinds(node, aliases, web=web)}


def violations(relative: str) -> set[str]:
    source = (PACKAGE / relative).read_text(encoding="utf-8")
    return violations_in(source, web=relative.startswith("web/"))


def test_render_only_web_modules_exist() -> None:
    missing = [name for name in RENDER_ONLY if not (PACKAGE / name).is_file()]
    assert not missing, f"RENDER_ONLY names modules that are gone: {missing}"


def test_the_checker_sees_each_kind_of_decision() -> None:
    sample = """
from maeul_db.auth import policies
from maeul_db.analytics.suppression import is_small
from maeul_db.access_log import service as access_log
from maeul_db.groups.router import router as groups_api
def page(session, user, recorder):
    if user.role == Role.city_admin or policies.can_read(user) or is_small(3):
        require_roles(user)
    session.exec(select(X))
    access_log.record(session)
"""
    assert violations_in(sample, web=False) == {
        "role_check",
        "policy_call",
        "suppression",
        "access_log_write",
        "require_roles",
        "sql",
    }
    assert violations_in(sample, web=True) == {
        "role_check",
        "policy_call",
        "suppression",
        "access_log_write",
        "imports_api_router",
        "require_roles",
        "sql",
    }


def test_doors_make_no_decisions_beyond_the_known_ones() -> None:
    found = {name: kinds for name in door_modules() if (kinds := violations(name))}
    new = {m: sorted(k - KNOWN_VIOLATIONS.get(m, set())) for m, k in found.items()}
    fixed = {m: sorted(k - found.get(m, set())) for m, k in KNOWN_VIOLATIONS.items()}
    assert found == KNOWN_VIOLATIONS, (
        f"new decisions in doors (move them into the services): "
        f"{ {m: k for m, k in new.items() if k} }; "
        f"fixed (strike them from KNOWN_VIOLATIONS): { {m: k for m, k in fixed.items() if k} }"
    )
