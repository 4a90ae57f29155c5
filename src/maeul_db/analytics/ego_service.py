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
from maeul_db.analytics import access, ego, graphs, queries
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
            for node in self.graph:
                if pseudonym(self.key, "person", node) == ref:
                    return int(node)
        raise NotFound("analytics.person_not_in_scope")

    def labels(self, nodes: list[int]) -> dict[int, str]:
        """Names the user may read anyway; pseudonyms for the rest and always for analysts."""
        names: dict[int, str] = {}
        if not self.analyst and nodes:
            stmt = visible_people(self._user).where(col(Person.id).in_(nodes))
            names = {int(p.id): p.name for p in self._session.exec(stmt) if p.id is not None}
        return {n: names.get(n) or pseudonym(self.key, "person", n) for n in nodes}


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
    scope = _Scope(session, user=user, start=start, end=end, district_code=district_code)
    center = scope.resolve(person)
    sub = ego.ego_network(scope.graph, center, radius=radius)
    hops = ego.distances(scope.graph, center, radius=radius)
    place = ego.spring_layout(sub, seed=SEED)
    labels = scope.labels(sorted(sub.nodes))
    nodes = [
        EgoNode(
            id=scope.ref(n),
            label=labels[n],
            distance=hops[n],
            degree=sub.degree(n),
            x=round(place[n][0], 4),
            y=round(place[n][1], 4),
        )
        for n in sorted(sub.nodes)
    ]
    edges = [
        EgoEdge(source=scope.ref(u), target=scope.ref(v), weight=round(float(d["weight"]), 6))
        for u, v, d in sorted(sub.edges(data=True), key=_edge_key)
    ]
    access_log.record(
        session, actor=user, action="network.ego", person_ids=[int(n) for n in sub.nodes]
    )
    return EgoNetwork(center=scope.ref(center), radius=radius, nodes=nodes, edges=edges)


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
