"""Generated from the app's route table: no API route answers an anonymous caller except the
explicitly public ones. A new route is covered the moment it exists."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlmodel import Session

from maeul_db.app import create_app

PUBLIC_API_ROUTES = {
    ("POST", "/api/auth/token"),
    ("GET", "/api/public/certificates/verify"),
    ("GET", "/api/public/certificates/verify/{token}"),
}


def _api_paths_from_openapi() -> set[tuple[str, str]]:
    spec = create_app().openapi()
    return {(method.upper(), path) for path, item in spec["paths"].items() for method in item}


def test_every_api_route_requires_login_unless_public(client: TestClient, session: Session) -> None:
    routes = _api_paths_from_openapi()
    assert len(routes) >= 10
    for method, path in sorted(routes):
        url = re.sub(r"\{[^}]+\}", "1", path)
        response = client.request(method, url, json={})
        if (method, path) in PUBLIC_API_ROUTES:
            assert response.status_code != 401, (method, path)
        else:
            assert response.status_code == 401, (method, path, response.status_code)
