"""The JSON API: a flat list of routers. Authentication is attached here, once."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from maeul_db.access_log import router as access_log_router
from maeul_db.accounts import router as accounts_router
from maeul_db.activities import router as activities_router
from maeul_db.analytics import router as analytics_router
from maeul_db.assemblies import router as assemblies_router
from maeul_db.audit import router as audit_router
from maeul_db.auth import router as auth_router
from maeul_db.auth.deps import get_current_user
from maeul_db.careers import router as careers_router
from maeul_db.certificates import router as certificates_router
from maeul_db.councils import router as councils_router
from maeul_db.experts import router as experts_router
from maeul_db.groups import router as groups_router
from maeul_db.identity import router as identity_router
from maeul_db.imports import router as imports_router
from maeul_db.paperwork import router as paperwork_router
from maeul_db.participants import router as participants_router
from maeul_db.projects import router as projects_router
from maeul_db.settlements import router as settlements_router
from maeul_db.spaces import router as spaces_router
from maeul_db.support_requests import router as support_requests_router
from maeul_db.timeline import router as timeline_router
from maeul_db.training import router as training_router

public_router = APIRouter()
public_router.include_router(auth_router.public_router)
public_router.include_router(certificates_router.public_router)

protected_router = APIRouter(dependencies=[Depends(get_current_user)])
protected_router.include_router(auth_router.router)
protected_router.include_router(participants_router.router)
protected_router.include_router(groups_router.router)
protected_router.include_router(projects_router.router)
protected_router.include_router(identity_router.router)
protected_router.include_router(imports_router.router)
protected_router.include_router(analytics_router.router)
protected_router.include_router(access_log_router.router)
protected_router.include_router(audit_router.router)
protected_router.include_router(accounts_router.router)
protected_router.include_router(timeline_router.router)
protected_router.include_router(timeline_router.project_router)
protected_router.include_router(activities_router.router)
protected_router.include_router(training_router.router)
protected_router.include_router(experts_router.router)
protected_router.include_router(careers_router.router)
protected_router.include_router(certificates_router.router)
protected_router.include_router(councils_router.router)
protected_router.include_router(assemblies_router.router)
protected_router.include_router(spaces_router.router)
protected_router.include_router(spaces_router.network_router)
protected_router.include_router(paperwork_router.router)
protected_router.include_router(support_requests_router.router)
protected_router.include_router(settlements_router.router)

api_router = APIRouter()
api_router.include_router(public_router)
api_router.include_router(protected_router)
