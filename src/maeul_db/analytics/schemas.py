"""Output shapes of analytics. The JSON keys are documented in docs/indicators.md and kept stable."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, Field, WithJsonSchema

GENDER_KEYS = ("female", "male", "unstated")
GENDER_BY_CODE = {"F": "female", "M": "male", "X": "unstated"}
AGE_BANDS = ("under_20", "20s", "30s", "40s", "50s", "60s", "70_plus")


def _fixed_arrays(*types: str) -> dict[str, Any]:
    """JSON Schema for a list of fixed-length arrays, spelled without ``prefixItems``: OpenAPI tools
    (schemathesis among them) read tuple schemas in the older array form and reject the document."""
    item = {"anyOf": [{"type": t} for t in dict.fromkeys(types)]}
    row = {"type": "array", "items": item, "minItems": len(types), "maxItems": len(types)}
    return {"type": "array", "items": row}


# (pseudonym, score) pairs, best first.
Ranking = Annotated[list[tuple[str, float]], WithJsonSchema(_fixed_arrays("string", "number"))]


class Count(BaseModel):
    """A count of people split by gender. ``None`` means suppressed (see ``suppressed``)."""

    total: int | None = 0
    female: int | None = 0
    male: int | None = 0
    unstated: int | None = 0
    suppressed: bool = False


class Hours(BaseModel):
    """Hours split by the gender of the people who spent them; ``None`` means suppressed."""

    total: float | None = 0.0
    female: float | None = 0.0
    male: float | None = 0.0
    unstated: float | None = 0.0
    suppressed: bool = False


class Indicators(BaseModel):
    participants: Count = Field(default_factory=Count)
    participant_share_of_population: float | None = None
    participants_by_age_band: dict[str, Count] = Field(default_factory=dict)
    repeat_participants: Count = Field(default_factory=Count)
    lead_proposers: Count = Field(default_factory=Count)
    projects: int = 0
    projects_by_stage: dict[str, int] = Field(default_factory=dict)
    projects_by_programme: dict[str, int] = Field(default_factory=dict)
    council_members: Count = Field(default_factory=Count)
    council_members_with_project_experience: Count = Field(default_factory=Count)
    council_experience_share: float | None = None
    experts_trained: Count = Field(default_factory=Count)
    experts_pool: Count = Field(default_factory=Count)
    experts_placed: Count = Field(default_factory=Count)
    expert_target: int = 0
    experts_placed_share_of_target: float | None = None
    training_hours: Hours = Field(default_factory=Hours)
    # Issue 11 (the plan's figures): repeat participants counting every project up to the period's
    # end, group members, people in a project or a group, and the plan's shares of participants.
    repeat_participants_ever: Count = Field(default_factory=Count)
    group_members: Count = Field(default_factory=Count)
    people_engaged: Count = Field(default_factory=Count)
    women_share: float | None = None
    ages_30s_40s_share: float | None = None


class DistrictIndicators(Indicators):
    district_code: str
    district_name: str
    population_korean: int | None = None


class Spread(BaseModel):
    """Highest vs lowest district for one metric; ``ratio`` is None when a value is hidden or 0."""

    metric: str
    max_district: str | None = None
    max_value: int | None = None
    min_district: str | None = None
    min_value: int | None = None
    ratio: float | None = None


class KpiReport(BaseModel):
    period_from: date
    period_to: date
    district_code: str | None = None
    population_korean: int | None = None
    suppression_threshold: int | None = None
    city: Indicators
    districts: list[DistrictIndicators]
    spread: list[Spread]


class TransitionMatrix(BaseModel):
    """``counts[from_rung][to_rung]``: people by rung at the end of ``year`` and of ``year + 1``."""

    year: int
    rungs: list[str]
    counts: dict[str, dict[str, int | None]]
    suppressed: bool = False


class Cohort(BaseModel):
    year: int
    size: int | None
    # retention[k]: share of the cohort taking part again in year + k (k = 0 is 1.0).
    retention: list[float | None]
    median_days_to_first_lead: float | None = None
    leads: int | None = None


class Stalls(BaseModel):
    """People whose highest rung has not changed for at least ``years`` years before ``as_of``;
    each table is rung → district / gender / age band → people (``None`` = suppressed)."""

    years: int
    by_rung: dict[str, int | None] = Field(default_factory=dict)
    by_district: dict[str, dict[str, int | None]] = Field(default_factory=dict)
    by_gender: dict[str, dict[str, int | None]] = Field(default_factory=dict)
    by_age_band: dict[str, dict[str, int | None]] = Field(default_factory=dict)
    suppressed: bool = False


class LadderReport(BaseModel):
    as_of: date
    district_code: str | None = None
    rungs: list[str]
    people_by_rung: dict[str, Count]
    transitions: list[TransitionMatrix]
    cohorts: list[Cohort]
    stalls: Stalls | None = None
    suppression_threshold: int | None = None


class GraphSummary(BaseModel):
    """A network's size and shape; for analysts the counts are published like every count (``None``
    when 1 to threshold - 1, else rounded; docs/indicators.md "Small cells")."""

    kind: str
    nodes: int | None
    edges: int | None
    density: float | None
    components: int | None
    giant_component_share: float | None
    max_core: int
    communities: int | None
    modularity: float | None = None
    top_pagerank: Ranking
    top_betweenness: Ranking
    # Bipartite graphs only: people who alone join pairs of their projects/groups (graphs.brokers).
    top_brokers: Ranking = []


class YearGrowth(BaseModel):
    """One year of network growth; ``None`` = suppressed for analysts (``suppressed`` marks it)."""

    year: int
    nodes: int | None
    edges: int | None
    new_ties: int | None
    density: float | None
    giant_component_share: float | None
    suppressed: bool = False


class EgoNode(BaseModel):
    """A person in an ego network: ``id`` is the pseudonym for analysts, else the person id;
    ``x``/``y`` are a seeded spring layout in the unit square."""

    id: str
    label: str
    distance: int
    degree: int
    x: float
    y: float


class EgoEdge(BaseModel):
    source: str
    target: str
    weight: float


class EgoNetwork(BaseModel):
    center: str
    radius: int
    nodes: list[EgoNode]
    edges: list[EgoEdge]


class Chain(BaseModel):
    """The fewest-hops chain of people between two people; ``path`` is null when unconnected."""

    source: str
    target: str
    path: list[str] | None
    hops: int | None


class Tie(BaseModel):
    person: str
    label: str
    weight: float


class TiesBeforeLead(BaseModel):
    """Ties from participations that started before the first lead role (all ties if none)."""

    person: str
    first_lead_on: date | None
    ties: list[Tie]


class DongCell(BaseModel):
    """One dong on the map: distinct participants in projects placed there, per 1,000 residents;
    ``None`` when suppressed (then ``suppressed`` is true and the dong is drawn hatched)."""

    code: str
    name: str
    district_code: str
    participants: int | None
    population_korean: int | None
    per_thousand: float | None
    shade: int
    suppressed: bool = False
    path: str


class DongMap(BaseModel):
    period_from: date
    period_to: date
    district_code: str | None = None
    width: float
    height: float
    top_per_thousand: float
    legend: Annotated[
        list[tuple[int, float, float]],
        WithJsonSchema(_fixed_arrays("integer", "number", "number")),
    ]
    suppression_threshold: int | None = None
    dongs: list[DongCell]
    # District outlines (code → SVG path) drawn over the dongs, from the reference GeoJSON.
    borders: dict[str, str] = Field(default_factory=dict)
