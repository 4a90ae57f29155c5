"""Pages for issue 4: an expert's record with certificate downloads (login), the placement
coverage of a district's dongs (staff, city admin), and the public certificate verification pages
(no login, rate-limited, masked name, no contact data)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import Response

from maeul_db.access_log import service as access_log
from maeul_db.access_log.deps import source_address
from maeul_db.auth.deps import SessionDep
from maeul_db.careers import service as career_service
from maeul_db.certificates import router as certificate_api
from maeul_db.certificates import service as certificate_service
from maeul_db.certificates import verification
from maeul_db.errors import Forbidden, NotFound
from maeul_db.experts import service as expert_service
from maeul_db.kit import time as clock
from maeul_db.models import CertificateKind, Role
from maeul_db.refdata import queries as refdata_queries
from maeul_db.training import service as training_service
from maeul_db.web.deps import WebUser, get_web_user
from maeul_db.web.templating import render

public_router = APIRouter()
protected_router = APIRouter(dependencies=[Depends(get_web_user)])


def _own_person(user: WebUser) -> int:
    if user.role != Role.expert or user.person_id is None:
        raise Forbidden("전문가 계정만 사용할 수 있습니다 (experts only)")
    return user.person_id


@protected_router.get("/me/record")
def show_my_record(request: Request, session: SessionDep, user: WebUser) -> Response:
    """The expert's training, pool eligibility, careers and certificates."""
    person_id = _own_person(user)
    context = {
        "training": training_service.list_progress(session, user=user, person_id=person_id),
        "eligibility": expert_service.eligibility(session, user=user, person_id=person_id),
        "careers": [
            career_service.public(c)
            for c in career_service.list_(session, user=user, person_id=person_id)
        ],
        "certificates": certificate_service.list_(session, user=user, person_id=person_id),
    }
    access_log.record(
        session,
        actor=user,
        action="web_read_own_record",
        person_ids=[person_id],
        source_address=source_address(request),
    )
    return render(request, "certificates/my_record.html", context)


@protected_router.post("/me/certificates")
def issue_my_certificate(
    request: Request, session: SessionDep, user: WebUser, kind: Annotated[CertificateKind, Form()]
) -> Response:
    """Issue a certificate for oneself and download it."""
    person_id = _own_person(user)
    row, data = certificate_service.issue(session, user=user, kind=kind, person_id=person_id)
    return certificate_api.pdf_response(row, data)


@protected_router.get("/me/certificates/{certificate_id}.pdf")
def download_my_certificate(session: SessionDep, user: WebUser, certificate_id: int) -> Response:
    """Download an earlier certificate again (same bytes)."""
    row, data = certificate_service.pdf(session, user=user, certificate_id=certificate_id)
    return certificate_api.pdf_response(row, data)


COVERAGE_WITHIN_DAYS = 60


@protected_router.get("/experts/coverage")
def show_coverage(
    request: Request,
    session: SessionDep,
    user: WebUser,
    district: Annotated[str | None, Query(max_length=5)] = None,
) -> Response:
    """Every dong of a district against the 2-per-dong target: gaps, placements ending soon."""
    if user.role == Role.district_staff and user.district_code:
        district = user.district_code
    elif user.role != Role.city_admin:
        raise Forbidden("자치구 담당자와 서울시 관리자만 볼 수 있습니다 (staff only)")
    context: dict[str, object] = {
        "district": district or "",
        "coverage": None,
        "within_days": COVERAGE_WITHIN_DAYS,
        "districts": (refdata_queries.districts(session) if user.role == Role.city_admin else []),
    }
    if district:
        context["coverage"] = expert_service.coverage(
            session,
            user=user,
            district_code=district,
            as_of=clock.today(),
            within_days=COVERAGE_WITHIN_DAYS,
        )
    return render(request, "experts/coverage.html", context)


@public_router.get("/verify")
def show_verify(
    request: Request,
    session: SessionDep,
    number: Annotated[str | None, Query(max_length=40)] = None,
    birth_year: Annotated[int | None, Query(ge=1900, le=2100)] = None,
) -> Response:
    """The verification form; with a number and birth year, the result."""
    context: dict[str, object] = {"number": number or "", "birth_year": birth_year or ""}
    if number and birth_year:
        certificate_api.limit(request)
        try:
            context["result"] = verification.by_number(
                session, number=number, birth_year=birth_year
            )
        except NotFound:
            context["not_found"] = True
    return render(request, "certificates/verify.html", context)


@public_router.get("/verify/{token}")
def show_verify_token(request: Request, session: SessionDep, token: str) -> Response:
    """The QR code's target."""
    certificate_api.limit(request)
    context: dict[str, object] = {"number": "", "birth_year": ""}
    try:
        context["result"] = verification.by_token(session, token=token)
    except NotFound:
        context["not_found"] = True
    return render(request, "certificates/verify.html", context)


router = APIRouter()
router.include_router(public_router)
router.include_router(protected_router)
