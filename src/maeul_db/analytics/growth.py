"""Network growth per year in one pass over the participations, in arrays (issue 11 item 4).

A project's team is all in the project's year, so the network of all projects up to a year is the
previous year's plus that year's teams: each tie has a first year (the earliest project the pair
shared), each person a first year, and the counts per year are cumulative counts of those. The
pairs of every team are made at once per team size (numpy), the first year of each tie by one
sort, and the components of each year's network by scipy's C connected components over the ties
known by then. The union–find over Python dicts that this replaces spent most of the city-wide
job's time adding millions of pair keys one at a time (docs/benchmarks.md, slice i11-net).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple, Protocol

import numpy as np
import numpy.typing as npt
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from maeul_db.kit.deadline import check

Ints = npt.NDArray[np.int64]


class TeamMember(Protocol):
    """A participation as growth sees it (``PartRow`` and ``ego_queries.TeamRow`` both are)."""

    @property
    def person_id(self) -> int: ...
    @property
    def project_id(self) -> int: ...
    @property
    def year(self) -> int: ...


class Teams(NamedTuple):
    """Participations as three parallel arrays (person key, project, project year)."""

    person: Ints
    project: Ints
    year: Ints


def yearly_growth(parts: Iterable[TeamMember], years: Iterable[int]) -> list[dict[str, float]]:
    """``growth_of`` over rows (``PartRow``, ``ego_queries.TeamRow``)."""
    rows = np.array([(r.person_id, r.project_id, r.year) for r in parts], dtype=np.int64)
    rows = rows.reshape(-1, 3)
    return growth_of(Teams(rows[:, 0], rows[:, 1], rows[:, 2]), years)


def growth_of(teams: Teams, years: Iterable[int]) -> list[dict[str, float]]:
    """Per wanted year, the network of all projects up to that year: nodes, edges, new ties (since
    the previous wanted year), density and the giant component's share. Equal to building
    ``graphs.person_network`` of every prefix (tests/analytics/test_network_fast.py)."""
    wanted = sorted(set(years))
    if not wanted:
        return []
    upto = teams.year <= wanted[-1]
    project, person, year = _distinct(
        np.column_stack((teams.project[upto], teams.person[upto], teams.year[upto]))
    )
    people, index = np.unique(person, return_inverse=True)
    first_seen = np.full(len(people), np.iinfo(np.int64).max)
    np.minimum.at(first_seen, index, year)
    u, v, tie_year = _first_ties(*_pairs(project, index, year))
    result: list[dict[str, float]] = []
    shown = 0  # ties at the previous wanted year: a year's new ties are those since
    for wanted_year in wanted:
        check()
        nodes = int(np.count_nonzero(first_seen <= wanted_year))
        known = tie_year <= wanted_year
        edges = int(np.count_nonzero(known))
        largest = _largest(len(people), u[known], v[known], first_seen <= wanted_year)
        result.append(
            {
                "year": wanted_year,
                "nodes": nodes,
                "edges": edges,
                "new_ties": edges - shown,
                "density": 2 * edges / (nodes * (nodes - 1)) if nodes > 1 else 0.0,
                "giant_component_share": largest / nodes if nodes else 0.0,
            }
        )
        shown = edges
    return result


def _distinct(rows: Ints) -> tuple[Ints, Ints, Ints]:
    """Rows sorted by project then person, a person listed once per project (a role change or a
    merged duplicate gives the same pair twice; it is one team member)."""
    order = np.lexsort((rows[:, 1], rows[:, 0]))
    rows = rows[order]
    keep = np.ones(len(rows), dtype=bool)
    keep[1:] = (rows[1:, 0] != rows[:-1, 0]) | (rows[1:, 1] != rows[:-1, 1])
    rows = rows[keep]
    return rows[:, 0], rows[:, 1], rows[:, 2]


def _pairs(project: Ints, member: Ints, year: Ints) -> tuple[Ints, Ints, Ints]:
    """Every pair (u < v) of members of the same project, with the project's year; the teams of
    one size are stacked into a matrix so each size's pairs come from one fancy-indexing call."""
    starts = np.flatnonzero(np.r_[True, project[1:] != project[:-1]])
    sizes = np.diff(np.r_[starts, len(project)])
    none = np.empty(0, np.int64)
    found_u, found_v, found_y = [none], [none], [none]
    for size in np.unique(sizes[sizes >= 2]):
        check()  # a project of thousands adds millions of pairs
        first = starts[sizes == size]
        team = member[first[:, None] + np.arange(size)]  # persons sorted within a project
        i, j = np.triu_indices(int(size), 1)
        found_u.append(team[:, i].ravel())
        found_v.append(team[:, j].ravel())
        found_y.append(np.repeat(year[first], len(i)))
    return np.concatenate(found_u), np.concatenate(found_v), np.concatenate(found_y)


def _first_ties(u: Ints, v: Ints, year: Ints) -> tuple[Ints, Ints, Ints]:
    """Each tie once, with the first year its pair shared a project."""
    key = (u << 32) | v
    order = np.lexsort((year, key))
    key, year = key[order], year[order]
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    key, year = key[first], year[first]
    return key >> 32, key & 0xFFFFFFFF, year


def _largest(n: int, u: Ints, v: Ints, present: npt.NDArray[np.bool_]) -> int:
    """The size of the largest component among the people present (the others have no ties
    yet, so each is alone and does not change the labels of the present ones)."""
    if not present.any():
        return 0
    graph = coo_matrix((np.ones(len(u), dtype=np.int8), (u, v)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return int(np.bincount(labels[present]).max())
