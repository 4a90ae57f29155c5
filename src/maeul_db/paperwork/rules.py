"""The eligibility rule engine, pure: a call's rules are data (``{"kind": ..., parameters}``,
versioned per call) and each kind is one small function of the application's history. A result
names the rule, whether it passed, and why (a wording key and its parameters), so the page and
the stored result explain every decision."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from maeul_db.models import ParticipationRole, Stage

PROPOSERS = (ParticipationRole.lead_proposer, ParticipationRole.co_proposer)


@dataclass(frozen=True)
class Entry:
    """A person the application names."""

    name: str
    role: ParticipationRole
    home_dong_code: str | None
    key: str  # the person's id, or name + birth year for one not resolved yet


@dataclass(frozen=True)
class PastProject:
    name: str
    stage: Stage
    year: int
    ends_on: date | None


@dataclass(frozen=True)
class History:
    """What the rules look at: the application's people and groups and the earlier projects of
    its groups (``projects``) and of its proposers (``proposer_projects``)."""

    year: int
    district_code: str
    stage: Stage
    today: date
    people: list[Entry]
    group_count: int
    projects: list[PastProject] = field(default_factory=list)
    proposer_projects: list[PastProject] = field(default_factory=list)
    dong_names: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Outcome:
    passed: bool
    code: str  # a wording key: paperwork.rule.<kind>.<pass|fail...>
    params: dict[str, Any]


Rule = Callable[[dict[str, Any], History], Outcome]


def _out(passed: bool, code: str, /, **params: Any) -> Outcome:
    # Keyword parameters, so the wording tests see each message get its placeholders.
    return Outcome(passed, code, params)


def _stage(params: dict[str, Any], history: History) -> Stage:
    return Stage(params["stage"]) if params.get("stage") else history.stage


def _listed(projects: list[PastProject]) -> str:
    return ", ".join(f"{p.name}({p.year})" for p in projects)


def min_residents(params: dict[str, Any], history: History) -> Outcome:
    """At least ``min`` distinct people living in the call's district."""
    need = int(params.get("min") or 0)
    residents = {
        e.key
        for e in history.people
        if e.home_dong_code and e.home_dong_code.startswith(history.district_code)
    }
    passed = len(residents) >= need
    code = "paperwork.rule.min_residents." + ("pass" if passed else "fail")
    return _out(passed, code, count=len(residents), min=need)


def proposers_same_dong(params: dict[str, Any], history: History) -> Outcome:
    """Every proposer lives in one and the same dong."""
    proposers = [e for e in history.people if e.role in PROPOSERS]
    if not proposers:
        return _out(False, "paperwork.rule.proposers_same_dong.none")
    unknown = [e.name for e in proposers if not e.home_dong_code]
    if unknown:
        return _out(False, "paperwork.rule.proposers_same_dong.unknown", names=", ".join(unknown))
    dongs = sorted({e.home_dong_code or "" for e in proposers})
    names = ", ".join(history.dong_names.get(d, d) for d in dongs)
    if len(dongs) == 1:
        return _out(
            True, "paperwork.rule.proposers_same_dong.pass", count=len(proposers), dong=names
        )
    return _out(False, "paperwork.rule.proposers_same_dong.fail", dongs=names)


def no_earlier_support(params: dict[str, Any], history: History) -> Outcome:
    """Neither the group nor a proposer had a project of the stage in an earlier year."""
    stage = _stage(params, history)
    earlier = [
        p
        for p in history.projects + history.proposer_projects
        if p.stage == stage and p.year < history.year
    ]
    unique = sorted(set(earlier), key=lambda p: (p.year, p.name))
    if not unique:
        return _out(True, "paperwork.rule.no_earlier_support.pass", stage=stage.value)
    return _out(
        False,
        "paperwork.rule.no_earlier_support.fail",
        stage=stage.value,
        projects=_listed(unique),
    )


def finished_project(params: dict[str, Any], history: History) -> Outcome:
    """The group finished a project of the (earlier) stage: it ended before today."""
    stage = _stage(params, history)
    done = [
        p
        for p in history.projects
        if p.stage == stage and p.ends_on is not None and p.ends_on <= history.today
    ]
    if done:
        return _out(
            True,
            "paperwork.rule.finished_project.pass",
            stage=stage.value,
            projects=_listed(done),
        )
    return _out(False, "paperwork.rule.finished_project.fail", stage=stage.value)


def min_groups(params: dict[str, Any], history: History) -> Outcome:
    """At least ``min`` groups take part (the applying group and its partners)."""
    need = int(params.get("min") or 0)
    passed = history.group_count >= need
    code = "paperwork.rule.min_groups." + ("pass" if passed else "fail")
    return _out(passed, code, count=history.group_count, min=need)


def previous_year_project(params: dict[str, Any], history: History) -> Outcome:
    """One of the groups ran a project of the stage the year before the call's."""
    stage = _stage(params, history)
    year = history.year - 1
    found = [p for p in history.projects if p.stage == stage and p.year == year]
    if found:
        return _out(
            True,
            "paperwork.rule.previous_year_project.pass",
            stage=stage.value,
            year=year,
            projects=_listed(found),
        )
    return _out(False, "paperwork.rule.previous_year_project.fail", stage=stage.value, year=year)


RULE_KINDS: dict[str, Rule] = {
    "min_residents": min_residents,
    "proposers_same_dong": proposers_same_dong,
    "no_earlier_support": no_earlier_support,
    "finished_project": finished_project,
    "min_groups": min_groups,
    "previous_year_project": previous_year_project,
}


def evaluate(rules: list[dict[str, Any]], history: History) -> list[tuple[str, Outcome]]:
    """Each rule's outcome, in the call's order."""
    return [(rule["kind"], RULE_KINDS[rule["kind"]](rule, history)) for rule in rules]


def default_rules(stage: Stage) -> list[dict[str, Any]]:
    """The plan's rules for a stage, offered when a call is opened (staff may change them):
    group formation 3+ residents, proposers in one dong, no earlier support of the stage;
    activity support a finished group-formation project; village network 3+ groups (an
    agenda-finding call sets 4); agenda execution a network project the year before."""
    if stage == Stage.group_formation:
        return [
            {"kind": "min_residents", "min": 3},
            {"kind": "proposers_same_dong"},
            {"kind": "no_earlier_support", "stage": Stage.group_formation.value},
        ]
    if stage == Stage.activity_support:
        return [{"kind": "finished_project", "stage": Stage.group_formation.value}]
    if stage == Stage.village_network:
        return [{"kind": "min_groups", "min": 3}]
    return [{"kind": "previous_year_project", "stage": Stage.village_network.value}]
