"""The fast network paths equal the slow ones: growth in one union–find pass against rebuilding the
person network of every prefix of years; an ego network found a hop at a time through the indexes
against the one cut from the whole network; the pseudonym table against hashing."""

from __future__ import annotations

import random
from datetime import date

import networkx as nx
import pytest
from sqlmodel import Session

from maeul_db.analytics import ego_queries, ego_service, graphs, pseudonym_index, queries
from maeul_db.analytics.pseudonym import pseudonym
from maeul_db.analytics.queries import PartRow
from maeul_db.config import get_settings
from maeul_db.models import Role
from tests.analytics.world import build_world
from tests.builders import make_participation, make_person, make_project, make_user


def _slow_growth(parts: list[PartRow], years: list[int]) -> list[tuple[int, int, int, int, float]]:
    """The definition: the person network of all projects up to each year, built afresh."""
    out, previous = [], set[tuple[int, int]]()
    for year in years:
        graph = graphs.person_network([r for r in parts if r.year <= year])
        edges = {(min(u, v), max(u, v)) for u, v in graph.edges}
        giant = max((len(c) for c in nx.connected_components(graph)), default=0)
        share = giant / graph.number_of_nodes() if graph.number_of_nodes() else 0.0
        out.append((year, graph.number_of_nodes(), len(edges), len(edges - previous), share))
        previous = edges
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_growth_one_pass_equals_rebuilding_every_year(seed: int) -> None:
    rng = random.Random(seed)
    parts = []
    for project in range(60):
        year = rng.randint(2011, 2016)
        for person in rng.sample(range(80), rng.randint(1, 6)):
            on = date(year, 5, 1)
            parts.append(PartRow(person, project, "participant", "11110", on, "F", 1980, "s", year))
    years = [2012, 2013, 2014, 2016]
    fast = graphs.yearly_growth(parts, years)
    got = [
        (r["year"], r["nodes"], r["edges"], r["new_ties"], r["giant_component_share"]) for r in fast
    ]
    slow = _slow_growth(parts, years)
    assert [row[:4] for row in got] == [row[:4] for row in slow]
    assert [row[4] for row in got] == pytest.approx([row[4] for row in slow])
    for row in fast:
        assert row["density"] == pytest.approx(
            2 * row["edges"] / (row["nodes"] * (row["nodes"] - 1))
        )


def test_growth_by_hand() -> None:
    # 2019: {1,2,3} in one project (3 ties); 2020: {3,4} (1 new tie), 5 alone.
    def part(person: int, project: int, year: int) -> PartRow:
        return PartRow(
            person, project, "participant", "11110", date(year, 1, 1), "F", 1980, "s", year
        )

    parts = [part(1, 1, 2019), part(2, 1, 2019), part(3, 1, 2019), part(3, 2, 2020)]
    parts += [part(4, 2, 2020), part(5, 3, 2020)]
    rows = graphs.yearly_growth(parts, [2019, 2020])
    assert [(r["year"], r["nodes"], r["edges"], r["new_ties"]) for r in rows] == [
        (2019, 3, 3, 3),
        (2020, 5, 4, 1),
    ]
    assert rows[1]["giant_component_share"] == pytest.approx(4 / 5)


def _chain_world(session: Session) -> list[int]:
    """People 0–6 along a path of two-person projects in 2019, plus a team {0, 7, 8}; 9
    took part only in 2015, ended that year (outside the period)."""
    people = [make_person(session) for _ in range(10)]
    ids = [int(p.id or 0) for p in people]
    for i in range(6):
        project = make_project(session, year=2019)
        make_participation(session, person=people[i], project=project, valid_from=date(2019, 3, 1))
        make_participation(
            session, person=people[i + 1], project=project, valid_from=date(2019, 3, 1)
        )
    team = make_project(session, year=2019)
    for index in (0, 7, 8):
        make_participation(session, person=people[index], project=team, valid_from=date(2019, 4, 1))
    old = make_project(session, year=2015)
    make_participation(
        session,
        person=people[9],
        project=old,
        valid_from=date(2015, 4, 1),
        valid_to=date(2016, 1, 1),
    )
    make_participation(
        session,
        person=people[0],
        project=old,
        valid_from=date(2015, 4, 1),
        valid_to=date(2016, 1, 1),
    )
    session.flush()
    return ids


@pytest.mark.parametrize("radius", [1, 2])
def test_ego_hop_by_hop_equals_whole_network(session: Session, radius: int) -> None:
    ids = _chain_world(session)
    admin = make_user(session, role=Role.city_admin)
    start, end = date(2019, 1, 1), date(2019, 12, 31)
    whole = graphs.person_network(
        queries.participations(session, start=start, end=end, consented=True)
    )
    for center in (ids[0], ids[3], ids[8]):
        expected = nx.ego_graph(whole, center, radius=radius)
        got = ego_service.ego_network(
            session, user=admin, person=str(center), radius=radius, start=start, end=end
        )
        assert {int(n.id) for n in got.nodes} == set(expected.nodes)
        assert {tuple(sorted((int(e.source), int(e.target)))) for e in got.edges} == {
            tuple(sorted(e)) for e in expected.edges
        }
        weights = {tuple(sorted((int(e.source), int(e.target)))): e.weight for e in got.edges}
        for u, v, data in expected.edges(data=True):
            assert weights[tuple(sorted((u, v)))] == pytest.approx(data["weight"])
    # by hand: around person 0 at radius 1 are 1 (path), 7 and 8 (team); 9 only met 0 in 2015
    one = ego_service.ego_network(session, user=admin, person=str(ids[0]), start=start, end=end)
    assert {int(n.id) for n in one.nodes} == {ids[0], ids[1], ids[7], ids[8]}


def test_pseudonym_table_finds_what_hashing_finds(session: Session) -> None:
    world = build_world(session)
    key = get_settings().analytics_key
    p4 = int(world.people["p4"].id or 0)
    ref = pseudonym(key, "person", p4)
    assert ego_queries.person_by_pseudonym(session, ref, key=key) is None  # not stored yet
    assert ego_queries.person_by_hashing(session, ref, key=key) == p4
    added = pseudonym_index.refresh(session)
    assert added >= len(world.people)
    assert ego_queries.person_by_pseudonym(session, ref, key=key) == p4
    assert pseudonym_index.refresh(session) == 0  # nothing new: nothing added


def test_analyst_ego_by_pseudonym_through_the_table(session: Session) -> None:
    world = build_world(session)
    pseudonym_index.refresh(session)
    analyst = make_user(session, role=Role.analyst)
    key = get_settings().analytics_key
    ref = pseudonym(key, "person", int(world.people["p4"].id or 0))
    got = ego_service.ego_network(
        session, user=analyst, person=ref, start=date(2019, 1, 1), end=date(2019, 12, 31)
    )
    p1 = pseudonym(key, "person", int(world.people["p1"].id or 0))
    assert got.center == ref and {n.id for n in got.nodes} == {ref, p1}
    assert all(n.label.startswith("p_") for n in got.nodes)


def test_map_draws_the_district_outlines(session: Session) -> None:
    from maeul_db.analytics import map_service

    build_world(session)
    admin = make_user(session, role=Role.city_admin)
    city = map_service.dong_map(session, user=admin, start=date(2019, 1, 1), end=date(2019, 12, 31))
    assert len(city.borders) == 25 and all(d.startswith("M") for d in city.borders.values())
    one = map_service.dong_map(
        session, user=admin, start=date(2019, 1, 1), end=date(2019, 12, 31), district_code="11110"
    )
    assert list(one.borders) == ["11110"]


def test_growth_rows_leave_out_withdrawn_research_consent(session: Session) -> None:
    from maeul_db.analytics import ego_queries
    from maeul_db.models import ConsentMethod
    from maeul_db.privacy import consent

    world = build_world(session)
    admin = make_user(session, role=Role.city_admin)
    p2 = world.people["p2"]
    given = consent.give(
        session,
        user=admin,
        person_id=int(p2.id or 0),
        purpose="research",
        method=ConsentMethod.paper,
        given_on=date(2018, 1, 1),
    )
    consent.withdraw(session, user=admin, person_id=int(p2.id or 0), consent_id=int(given.id or 0))
    period = {"start": date(2015, 1, 1), "end": date(2019, 12, 31)}
    full = queries.participations(session, consented=True, **period)
    lean = ego_queries.team_rows(session, district_code=None, **period)
    assert sorted((r.person_id, r.project_id, r.year) for r in full) == sorted(lean)
    assert p2.id not in {r.person_id for r in lean} and lean  # p2 left out, the rest kept
    assert graphs.yearly_growth(full, range(2015, 2020)) == graphs.yearly_growth(
        lean, range(2015, 2020)
    )


def test_ego_with_merged_duplicate_and_withdrawn_consent_equals_whole_network(
    session: Session,
) -> None:
    """The ego queries apply merges and withdrawn research consent in Python (not joined to
    ``person``): a duplicate merged into c counts as c, and w, who withdrew, is left out with
    the ties through them, as the whole network built by ``participations`` has it."""
    from maeul_db.models import ConsentMethod
    from maeul_db.privacy import consent

    a, b, c, dup, d, w, e = (make_person(session) for _ in range(7))
    dup.merged_into_id = c.id
    admin = make_user(session, role=Role.city_admin)
    on = date(2019, 3, 1)
    for team in ((a, b, dup), (c, d), (d, w, e), (w, a), (e, b, c)):
        project = make_project(session, year=2019)
        for person in team:
            make_participation(session, person=person, project=project, valid_from=on)
    given = consent.give(
        session,
        user=admin,
        person_id=int(w.id or 0),
        purpose="research",
        method=ConsentMethod.paper,
        given_on=date(2018, 1, 1),
    )
    consent.withdraw(session, user=admin, person_id=int(w.id or 0), consent_id=int(given.id or 0))
    session.flush()
    start, end = date(2019, 1, 1), date(2019, 12, 31)
    whole = graphs.person_network(
        queries.participations(session, start=start, end=end, consented=True)
    )
    assert int(w.id or 0) not in whole and int(dup.id or 0) not in whole
    for center, radius in ((a, 1), (a, 2), (c, 2), (dup, 1)):
        key = int(c.id or 0) if center is dup else int(center.id or 0)
        expected = nx.ego_graph(whole, key, radius=radius)
        got = ego_service.ego_network(
            session, user=admin, person=str(key), radius=radius, start=start, end=end
        )
        assert {int(n.id) for n in got.nodes} == set(expected.nodes)
        weights = {tuple(sorted((int(x.source), int(x.target)))): x.weight for x in got.edges}
        assert weights == pytest.approx(
            {tuple(sorted((u, v))): data["weight"] for u, v, data in expected.edges(data=True)}
        )
    # by hand: a's ties are b and c (the duplicate's project; k = 3 gives 1/2 each), not w
    one = ego_service.ego_network(session, user=admin, person=str(a.id), start=start, end=end)
    assert {int(n.id) for n in one.nodes} == {int(a.id or 0), int(b.id or 0), int(c.id or 0)}
    # Only a's own ties: the ego network also holds the tie between b and c (0.5 + 0.5).
    ties = {
        int(x.target) if int(x.source) == a.id else int(x.source): x.weight
        for x in one.edges
        if a.id in (int(x.source), int(x.target))
    }
    assert ties[int(c.id or 0)] == pytest.approx(0.5)
