"""Every job is doable in the Korean web pages: each state-changing API route (read from the app's
route table) calls a core service function that some web page module also calls. The API and the
command line are for machines and operators, never the only way.

The check is structural, read from the source (ast): an API endpoint's calls into a domain's
service modules are its "jobs"; a route is covered when at least one of them is also called from
``web/``. ``API_ONLY`` names the routes that are deliberately API-only, each with why; it must equal
the findings exactly, so a new API-only job fails the suite and a job that gains a page must leave
the list.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from fastapi.routing import APIRoute

from maeul_db.app import create_app

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "maeul_db"
STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}

# (method, path) → why it has no page. Keep each reason honest: a reason that no longer holds is a
# page to build.
API_ONLY: dict[tuple[str, str], str] = {
    ("POST", "/api/auth/logout"): "ends a bearer token; pages log out through /logout",
    ("POST", "/api/identity/match"): (
        "a probe for machines; the page runs the same match inside registration (entry.register)"
    ),
}

# Core functions that do the same job for the API as another does for the pages (the API's
# answer needs more than the page's), each with why.
SAME_JOB: dict[str, str] = {
    # register, then the person as the caller may see them (the API answers with the person).
    "maeul_db.identity.entry.register_shown": "maeul_db.identity.entry.register",
    # one enrolment's hours; the page's session checklist records them through this per person.
    "maeul_db.training.service.record_attendance": "maeul_db.training.sessions.record_session",
    # the wizard's import; the page's 가져오기 runs it at once, or in the background with a
    # progress page for a large file (upload_jobs.commit calls commit_upload).
    "maeul_db.imports.wizard.commit_upload": "maeul_db.imports.upload_jobs.commit",
}


def _module_aliases(tree: ast.Module) -> tuple[dict[str, str], dict[str, str]]:
    """Local names for maeul_db modules, and local names for functions imported from them."""
    modules: dict[str, str] = {}
    functions: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("maeul_db."):
                    modules[alias.asname or alias.name.rsplit(".", 1)[-1]] = alias.name
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("maeul_db"):
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                local = alias.asname or alias.name
                if (PACKAGE / Path(*full.split(".")[1:])).with_suffix(".py").exists():
                    modules[local] = full
                else:
                    functions[local] = full
    return modules, functions


def _is_core(dotted: str) -> bool:
    """A call into the core: a domain module that is not itself a door or a schema."""
    parts = dotted.split(".")
    door = {"router", "cli", "schemas", "deps"}
    return len(parts) >= 3 and parts[1] not in {"web", "kit", "wording"} and parts[-2] not in door


def _core_calls(
    node: ast.AST, tree: ast.Module, seen: frozenset[str] = frozenset()
) -> Iterator[str]:
    """References to maeul_db functions (called, or kept in a table such as an action map),
    following the door module's own helper functions."""
    modules, functions = _module_aliases(tree)
    helpers = {f.name: f for f in tree.body if isinstance(f, ast.FunctionDef)}
    for ref in ast.walk(node):
        if isinstance(ref, ast.Attribute) and isinstance(ref.value, ast.Name):
            module = modules.get(ref.value.id)
            if module:
                yield f"{module}.{ref.attr}"
        elif isinstance(ref, ast.Name) and ref.id in functions:
            yield functions[ref.id]
        elif isinstance(ref, ast.Name) and ref.id in helpers and ref.id not in seen:
            yield from _core_calls(helpers[ref.id], tree, seen | {ref.id})


def _web_jobs() -> set[str]:
    jobs: set[str] = set()
    for path in (PACKAGE / "web").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        jobs |= {c for c in _core_calls(tree, tree) if _is_core(c)}
    return jobs


def _endpoints(routes: Iterable[Any]) -> Iterator[tuple[frozenset[str], str, Callable[..., Any]]]:
    """(methods, path, endpoint) of every route, through included routers (as tests/doors/routes)."""
    for route in routes:
        if hasattr(route, "effective_route_contexts"):
            for context in route.effective_route_contexts():
                yield frozenset(context.methods or ()), context.path, context.endpoint
        elif isinstance(route, APIRoute):
            yield frozenset(route.methods), route.path, route.endpoint
        elif hasattr(route, "routes"):
            yield from _endpoints(route.routes)


def _api_jobs() -> dict[tuple[str, str], set[str]]:
    found: dict[tuple[str, str], set[str]] = {}
    for methods, path, endpoint in _endpoints(create_app().routes):
        if not path.startswith("/api"):
            continue
        module_tree = ast.parse(Path(inspect.getfile(endpoint)).read_text(encoding="utf-8"))
        body = ast.parse(textwrap.dedent(inspect.getsource(endpoint)))
        calls = {c for c in _core_calls(body, module_tree) if _is_core(c)}
        calls |= {SAME_JOB[c] for c in calls if c in SAME_JOB}
        for method in methods & STATE_CHANGING:
            found[(method, path)] = calls
    return found


def test_every_state_changing_api_route_has_a_page() -> None:
    web = _web_jobs()
    api = _api_jobs()
    assert api, "no state-changing API route found: the route table was not read"
    without_page = {route for route, calls in api.items() if not calls & web}
    assert without_page == set(API_ONLY), (
        "API-only jobs (build the page, or name the route in API_ONLY with why):\n"
        + "\n".join(
            f"  {m} {p}: {sorted(api[(m, p)])}" for m, p in sorted(without_page - set(API_ONLY))
        )
        + "\nno longer API-only (remove from API_ONLY):\n"
        + "\n".join(f"  {m} {p}" for m, p in sorted(set(API_ONLY) - without_page))
    )


def test_the_check_sees_a_page_calling_the_same_service() -> None:
    # The check must be able to pass for a real pair: logging a group is done by page and API alike.
    api = _api_jobs()
    web = _web_jobs()
    group_create = api[("POST", "/api/groups")]
    assert group_create & web, f"POST /api/groups calls {group_create}; the web calls none of them"
