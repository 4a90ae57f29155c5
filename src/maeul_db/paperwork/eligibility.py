"""Eligibility computed from the record: the application's history (its groups' and proposers'
earlier projects) is read here, the call's rules (the version in force) evaluated by the pure
engine in ``rules``, and the result stored with an explanation per rule and the rule version.
The application then moves to eligible or ineligible (staff only, like every decision)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from maeul_db.kit import time as clock
from maeul_db.models import (
    Application,
    ApplicationStatus,
    Call,
    CallSpecKind,
    Participation,
    Project,
    UserAccount,
)
from maeul_db.paperwork import applications, calls
from maeul_db.paperwork import status as status_
from maeul_db.paperwork.rules import PROPOSERS, Entry, History, PastProject, evaluate
from maeul_db.refdata import queries as refdata_queries
from maeul_db.wording import label, message


def _past(rows: list[Project]) -> list[PastProject]:
    return [PastProject(p.name, p.stage, p.year, p.ends_on) for p in rows]


def history_of(session: Session, *, application: Application, call: Call) -> History:
    """What the rules see; projects of the applying group, its partners and its proposers."""
    assert application.id is not None
    people = applications.people_of(session, application_id=application.id)
    groups = [application.group_id, *application.partner_group_ids]
    projects = session.exec(select(Project).where(col(Project.group_id).in_(groups))).all()
    proposer_ids = [p.person_id for p in people if p.role in PROPOSERS and p.person_id]
    led = session.exec(
        select(Project)
        .join(Participation, col(Participation.project_id) == col(Project.id))
        .where(
            col(Participation.person_id).in_(proposer_ids),
            col(Participation.role).in_([r.value for r in PROPOSERS]),
            col(Participation.voided_at).is_(None),
        )
    ).all()
    dongs = {p.home_dong_code for p in people if p.home_dong_code}
    return History(
        year=call.year,
        district_code=application.district_code,
        stage=call.stage,
        today=clock.today(),
        people=[
            Entry(p.name, p.role, p.home_dong_code, applications.person_key(p)) for p in people
        ],
        group_count=len(set(groups)),
        projects=_past(list(projects)),
        proposer_projects=_past(list(led)),
        dong_names=refdata_queries.dong_names(session, codes=dongs),
    )


def check(session: Session, *, user: UserAccount, application_id: int) -> Application:
    """Evaluate the call's current rules on a submitted application, store the explained result
    and move it to eligible or ineligible (the reason names the rules that failed)."""
    application = applications.get(session, user=user, application_id=application_id)
    call = session.get(Call, application.call_id)
    assert call is not None and call.id is not None
    rules = calls.spec(session, call_id=call.id, kind=CallSpecKind.rules)
    results = evaluate(rules.spec, history_of(session, application=application, call=call))
    stored = [
        {
            "kind": kind,
            "passed": outcome.passed,
            "code": outcome.code,
            "params": outcome.params,
            "explanation": explain(outcome.code, outcome.params),
        }
        for kind, outcome in results
    ]
    passed = all(r["passed"] for r in stored)
    to = ApplicationStatus.eligible if passed else ApplicationStatus.ineligible
    failed = "; ".join(str(r["explanation"]) for r in stored if not r["passed"])
    reason = failed or message("paperwork.all_rules_passed", version=rules.version)
    status_.move(session, user=user, application=application, to=to, reason=reason[:1000])
    application.eligibility = stored
    application.eligibility_version = rules.version
    session.add(application)
    session.flush()
    return application


def explain(code: str, params: dict[str, object]) -> str:
    """A rule outcome in Korean; stage codes in the parameters shown by their names."""
    shown = {k: label("stage", v) if k == "stage" else v for k, v in params.items()}
    return message(code, **shown)
