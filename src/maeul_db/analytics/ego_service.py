"""One person's network use cases (ego network, chain, ties before the first lead role), scoped like
every analytics use case: analysts name and see people only by pseudonym; district staff only
within their district's projects (someone outside them is a 404).

Each use case logs the people it shows, whoever asks and through whichever door: by name for staff
and admins, by pseudonym for analysts (pseudonymised data is still personal data, PIPA 가명정보),
one action per use case."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, col

from maeul_db.access_log import service as access_log
from maeul_db.analytics import access, ego, ego_queries, graphs, queries
from maeul_db.analytics.pseudonym import pseudonym
from maeul_db.analytics.schemas import Chain, EgoEdge, EgoNetwork, EgoNode, Tie, TiesBeforeLead
from maeul_db.analytics.service import analysis_period
from maeul_db.config import get_settings
from maeul_db.errors import InvalidInput, NotFound
from maeul_db.kit import time as clock
from maeul_db.models import Person, Role, UserAccount
from maeul_db.participants.visibility import visible_people

SEED = 42


class _Scope:
    """The scoped participations, the person network over them and how people are named."""

    def __init__(
        self,
        session: Session,
        *,
        user: UserAccount,
        start: date | None,
        end: date | None,
        district_code: str | None,
    ) -> None:
        # Without a start: the longest period allowed (clock.PERIOD_MAX_YEARS) before the end.
        end = end or clock.today()
        self.start, self.end = analysis_period(
            user, start or clock.years_before(end, clock.PERIOD_MAX_YEARS), end
        )
        district = access.scope_district(user, district_code)
        self.parts = queries.participations(
            session, start=self.start, end=self.end, district_code=district, consented=True
        )
        self.graph = graphs.person_network(self.parts)
        self.analyst = user.role == Role.analyst
        self.key = get_settings().analytics_key
        self._session, self._user = session, user

    def ref(self, node: int) -> str:
        return pseudonym(self.key, "person", node) if self.analyst else str(node)

    def resolve(self, ref: str) -> int:
        """A person id (staff, admins) or pseudonym (analysts: raw ids would link the two)."""
        if not self.analyst and ref.isdigit() and int(ref) in self.graph:
            return int(ref)
        if ref.startswith("p_"):
            found = lookup(self._session, ref, key=self.key)
            if found is not None and found in self.graph:
                return found
        raise NotFound("analytics.person_not_in_scope")

    def labels(self, nodes: list[int]) -> dict[int, str]:
        """Names the user may read anyway; pseudonyms for the rest and always for analysts."""
        names: dict[int, str] = {}
        if not self.analyst and nodes:
            stmt = visible_people(self._user).where(col(Person.id).in_(nodes))
            names = {int(p.id): p.name for p in self._session.exec(stmt) if p.id is not None}
        return {n: names.get(n) or pseudonym(self.key, "person", n) for n in nodes}


class _Local:
    """The scope of one ego network without the whole network: the period and district of
    ``_Scope``, people found a hop at a time through the indexes (``ego_queries``)."""

    def __init__(
        self,
        session: Session,
        *,
        user: UserAccount,
        start: date | None,
        end: date | None,
        district_code: str | None,
    ) -> None:
        end = end or clock.today()
        self.start, self.end = analysis_period(
            user, start or clock.years_before(end, clock.PERIOD_MAX_YEARS), end
        )
        self.district = access.scope_district(user, district_code)
        self.analyst = user.role == Role.analyst
        self.key = get_settings().analytics_key
        self._session, self._user = session, user
        self._apart = ego_queries.people_apart(session)

    def projects_of(self, people: set[int]) -> set[int]:
        return ego_queries.projects_of(
            self._session,
            people,
            start=self.start,
            end=self.end,
            district_code=self.district,
            apart=self._apart,
        )

    def resolve(self, ref: str) -> int:
        """As ``_Scope.resolve``: someone with no participation in scope is not found."""
        found: int | None = None
        if not self.analyst and ref.isdigit():
            found = int(ref)
        elif ref.startswith("p_"):
            found = lookup(self._session, ref, key=self.key)
        if found is None or not self.projects_of({found}):
            raise NotFound("analytics.person_not_in_scope")
        return found

    def neighbourhood(self, center: int, radius: int) -> Any:
        """The ego network of ``radius``: everyone found within ``radius`` hops (whole teams of
        the projects of everyone nearer), and the ties among them from every project of theirs
        (the last hop's projects are fetched only for those ties, and their other members, the
        people at ``radius + 1``, are counted in the team sizes but not added to the graph).
        Equal to the ego network cut from the whole network (tests/analytics/test_network_fast.py)."""
        seen, frontier, done = {center}, {center}, set[int]()
        parts: list[ego_queries.TeamMemberRow] = []
        for hop in range(radius + 1):
            projects = self.projects_of(frontier) - done
            done |= projects
            rows = ego_queries.team_members(
                self._session,
                projects,
                start=self.start,
                end=self.end,
                district_code=self.district,
                apart=self._apart,
            )
            parts.extend(rows)
            if hop < radius:
                frontier = {row.person_id for row in rows} - seen
                seen |= frontier
        return graphs.person_network(parts, among=seen)


def lookup(session: Session, ref: str, *, key: str) -> int | None:
    """A pseudonym's person: the indexed table, else (added since its refresh) by hashing."""
    found = ego_queries.person_by_pseudonym(session, ref, key=key)
    return found if found is not None else ego_queries.person_by_hashing(session, ref, key=key)


@access.time_limited
def locate(session: Session, *, user: UserAccount, person: str) -> str:
    """The search box's answer: the reference of a person in the user's scope (over the longest
    period), for their ego network page; someone out of scope is a 404 like the page itself."""
    scope = _Local(session, user=user, start=None, end=None, district_code=None)
    return _Namer(session, user=user, analyst=scope.analyst, key=scope.key).ref(
        scope.resolve(person.strip())
    )


@access.time_limited
def ego_network(
    session: Session,
    *,
    user: UserAccount,
    person: str,
    radius: int = 1,
    start: date | None = None,
    end: date | None = None,
    district_code: str | None = None,
) -> EgoNetwork:
    """The people within ``radius`` (1 or 2) ties of a person, laid out for drawing."""
    if radius not in (1, 2):
        raise InvalidInput("analytics.bad_radius", field="radius")
    scope = _Local(session, user=user, start=start, end=end, district_code=district_code)
    center = scope.resolve(person)
    sub = scope.neighbourhood(center, radius)  # already the ego network: nothing to cut
    hops = ego.distances(sub, center, radius=radius)
    place = ego.ring_layout(sub, hops, seed=SEED)
    names = _Namer(session, user=user, analyst=scope.analyst, key=scope.key)
    people = sorted(sub.nodes)
    labels = names.labels(people)
    ref = {n: names.ref(n) for n in people}  # an analyst's pseudonym is a keyed hash: once each
    # Built without re-validating: every field is made here from typed values (a hub's radius 2
    # has over ten thousand ties, and validating each was a third of the answer's time).
    nodes = [
        EgoNode.model_construct(
            id=ref[n],
            label=labels[n],
            distance=hops[n],
            degree=len(sub[n]),
            x=round(place[n][0], 4),
            y=round(place[n][1], 4),
        )
        for n in people
    ]
    edges = [
        EgoEdge.model_construct(source=ref[u], target=ref[v], weight=round(float(d["weight"]), 6))
        for u, v, d in sorted(sub.edges(data=True), key=_edge_key)
    ]
    access_log.record(session, actor=user, action="network.ego", person_ids=people)
    return EgoNetwork(center=names.ref(center), radius=radius, nodes=nodes, edges=edges)


class _Namer:
    """How the people of a result are named: pseudonyms for analysts, names the user may read
    for staff and admins (pseudonyms for the rest)."""

    def __init__(self, session: Session, *, user: UserAccount, analyst: bool, key: str) -> None:
        self._session, self._user, self.analyst, self.key = session, user, analyst, key

    def ref(self, node: int) -> str:
        return pseudonym(self.key, "person", node) if self.analyst else str(node)

    def labels(self, nodes: list[int]) -> dict[int, str]:
        names: dict[int, str] = {}
        if not self.analyst and nodes:
            stmt = visible_people(self._user).where(col(Person.id).in_(nodes))
            names = {int(p.id): p.name for p in self._session.exec(stmt) if p.id is not None}
        return {n: names.get(n) or pseudonym(self.key, "person", n) for n in nodes}


def _edge_key(edge: tuple[Any, Any, Any]) -> tuple[int, int]:
    u, v = int(edge[0]), int(edge[1])
    return (min(u, v), max(u, v))


@access.time_limited
def chain(
    session: Session,
    *,
    user: UserAccount,
    source: str,
    target: str,
    start: date | None = None,
    end: date | None = None,
    district_code: str | None = None,
) -> Chain:
    """The shortest chain of co-participants between two people in scope."""
    scope = _Scope(session, user=user, start=start, end=end, district_code=district_code)
    a, b = scope.resolve(source), scope.resolve(target)
    path = ego.shortest_chain(scope.graph, a, b)
    access_log.record(session, actor=user, action="network.chain", person_ids=[a, b, *(path or [])])
    return Chain(
        source=scope.ref(a),
        target=scope.ref(b),
        path=None if path is None else [scope.ref(n) for n in path],
        hops=None if path is None else len(path) - 1,
    )


@access.time_limited
def ties_before_lead(
    session: Session, *, user: UserAccount, person: str, district_code: str | None = None
) -> TiesBeforeLead:
    """Whom a person had worked with before first proposing a project themselves."""
    scope = _Scope(session, user=user, start=None, end=None, district_code=district_code)
    center = scope.resolve(person)
    first = ego.first_lead(scope.parts, center)
    ties = ego.ties_before(scope.parts, center, first)
    labels = scope.labels(sorted(ties))
    access_log.record(
        session, actor=user, action="network.ties_before_lead", person_ids=[center, *ties]
    )
    return TiesBeforeLead(
        person=scope.ref(center),
        first_lead_on=first,
        ties=[
            Tie(person=scope.ref(n), label=labels[n], weight=round(w, 6))
            for n, w in sorted(ties.items())
        ],
    )
