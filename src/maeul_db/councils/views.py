"""What the council page and the city page show: members as of a day with the composition check,
the council report, absences, subcommittees, applicants, draws and meetings; every dong's status."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from maeul_db.access_log import service as access_log
from maeul_db.assemblies import service as assembly_service
from maeul_db.auth import policies
from maeul_db.councils import draws, indicators, meetings, rules, seats
from maeul_db.councils import service as council_service
from maeul_db.councils.schemas import CouncilStatus, CouncilView, StatusPage
from maeul_db.kit.time import active_on
from maeul_db.models import Career, Council, District, JobType, Person, Role, UserAccount
from maeul_db.refdata import queries as refdata_queries


def _officers(session: Session, dong_code: str, day: date) -> list[tuple[int, str]]:
    """The dong autonomy officer(s) (동자치지원관) on ``day``: careers of that type in the dong."""
    stmt = (
        select(col(Person.id), col(Person.name))
        .join(Career, col(Career.person_id) == Person.id)
        .where(
            Career.job_type == JobType.dong_autonomy_officer,
            Career.dong_code == dong_code,
            active_on(Career, day),
        )
        .order_by(col(Person.name))
    )
    return [(pid, name) for pid, name in session.exec(stmt).all() if pid is not None]


def council_view(
    session: Session, *, user: UserAccount, council_id: int, as_of: date
) -> CouncilView:
    """The council on ``as_of``: its members, the composition check and everything recorded."""
    council = council_service.get(session, user=user, council_id=council_id)
    assert council.id is not None
    rows = seats.seats_of(session, council.id)
    seated = rules.seated_on(seats.members(rows), as_of)
    seated_ids = {m.person_id for m in seated}
    start, end = council_service.term_of(council, as_of)
    officers = _officers(session, council.dong_code, as_of)
    all_breaches = rules.breaches_between(
        seats.members(rows), council.founded_on, rules.shift_years(as_of, 10)
    )
    view = CouncilView(
        council=council_service.public(session, council),
        as_of=as_of,
        term_start=start,
        term_last_day=date.fromordinal(end.toordinal() - 1),
        officers=[name for _, name in officers],
        members=[
            seats.seat_public(s, p)
            for s, p in rows
            if s.person_id in seated_ids and rules.seated_on(seats.members([(s, p)]), as_of)
        ],
        breaches=[seats.breach_public(b) for b in rules.breaches_on(seats.members(rows), as_of)],
        report=[seats.breach_public(b) for b in all_breaches],
        absences=meetings.absences(session, council.id, as_of),
        subcommittees=meetings.subcommittees_of(session, council.id),
        applicants=draws.applicants_of(session, council.id),
        draws=draws.draws_of(session, council.id),
        meetings=meetings.meetings_of(session, council.id),
        assemblies=assembly_service.of_dong(session, council.dong_code),
        can_override=policies.is_city_admin(user),
    )
    shown = {m.person_id for m in view.members} | {a.person_id for a in view.applicants}
    shown |= {e.person_id for d in view.draws for e in d.selected + d.reserve}
    shown |= {m.person_id for s in view.subcommittees for m in s.members}
    shown |= {pid for pid, _ in officers}
    access_log.record(session, actor=user, action="councils.view", person_ids=sorted(shown))
    return view


def status_page(session: Session, *, user: UserAccount, as_of: date, year: int) -> StatusPage:
    """Every dong in the user's scope with its council's status on ``as_of`` (counts, no names)
    and the experience indicator for ``year``."""
    policies.require_fact_logger(user)
    scope = None if user.role == Role.city_admin else user.district_code
    councils = {c.dong_code: c for c in council_service.list_(session, user=user)}
    names = {d.code: d.name_ko for d in session.exec(select(District)).all()}
    rows: list[CouncilStatus] = []
    for dong in refdata_queries.current_dongs(session, district_code=scope):
        council = councils.get(dong.code)
        members = seats.members(seats.seats_of(session, council.id or 0)) if council else []
        rows.append(
            CouncilStatus(
                district_code=dong.district_code,
                district_name=names.get(dong.district_code, dong.district_code),
                dong_code=dong.code,
                dong_name=dong.name_ko,
                council_id=council.id if council else None,
                founded_on=council.founded_on if council else None,
                members=len(rules.seated_on(members, as_of)),
                breach=bool(rules.breaches_on(members, as_of)),
            )
        )
    experience = indicators.experience_share(session, year=year, district_code=scope)
    return StatusPage(as_of=as_of, district_code=scope, rows=rows, experience=experience)


def council_for_dong(session: Session, dong_code: str) -> Council | None:
    """For others (the assemblies' pages): the dong's council, if founded."""
    return session.exec(select(Council).where(Council.dong_code == dong_code)).first()
