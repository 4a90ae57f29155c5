"""The generated rows, per table, as plain tuples in a fixed column order.

Tuples (not dicts or ORM objects) keep several million rows cheap in memory and feed PostgreSQL's
``COPY`` directly; the column order is stated here, not taken from the models, so a model that gains
a column cannot silently shift values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

Row = tuple[Any, ...]

# Data covers 2013-2024; anything that would end on or after END stays open (valid_to NULL).
FIRST_YEAR = 2013
LAST_YEAR = 2024
YEARS = tuple(range(FIRST_YEAR, LAST_YEAR + 1))
END = date(LAST_YEAR + 1, 1, 1)

_STAMP = ("id", "created_at", "updated_at")
_INTERVAL = ("valid_from", "valid_to")

COLUMNS: dict[str, tuple[str, ...]] = {
    "person": (
        *_STAMP,
        "name",
        "gender",
        "birth_year",
        "phone",
        "email",
        "home_dong_code",
        "registered_district_code",
        "consent_scopes",
        "consent_at",
        "consent_notice_version",
        "version",
    ),
    "person_version": (
        "id",
        "person_id",
        "version",
        "recorded_at",
        "reason",
        "name",
        "gender",
        "birth_year",
        "phone",
        "email",
        "home_dong_code",
    ),
    "community_group": (
        *_STAMP,
        "name",
        "district_code",
        "dong_code",
        "theme",
        "founded_on",
        "dissolved_on",
    ),
    "group_membership": (*_STAMP, *_INTERVAL, "group_id", "person_id", "role", "district_code"),
    "project": (
        *_STAMP,
        "name",
        "year",
        "district_code",
        "dong_code",
        "group_id",
        "programme",
        "stage",
        "grant_krw",
        "self_cash_krw",
        "self_noncash_krw",
        "starts_on",
        "ends_on",
        "botame_id",
    ),
    "participation": (*_STAMP, *_INTERVAL, "project_id", "person_id", "role", "district_code"),
    "activity": (
        *_STAMP,
        "title",
        "kind",
        "held_on",
        "hours",
        "district_code",
        "project_id",
        "group_id",
        "unnamed_count",
        "headcount",
    ),
    "attendance": ("activity_id", "person_id", "hours", "district_code"),
    "training_program": (
        *_STAMP,
        "code",
        "name",
        "stage",
        "min_attendance_percent",
        "min_hours",
        "district_code",
    ),
    "training_module": (*_STAMP, "program_id", "name", "hours", "sequence"),
    "training_prerequisite": ("program_id", "requires_program_id"),
    "enrolment": (
        *_STAMP,
        "program_id",
        "person_id",
        "district_code",
        "cohort",
        "enrolled_on",
        "withdrawn_on",
    ),
    "module_attendance": ("enrolment_id", "module_id", "hours_attended", "attended_on"),
    "training_completion": (
        *_STAMP,
        "enrolment_id",
        "person_id",
        "program_id",
        "completed_on",
        "hours",
    ),
    "council": (
        *_STAMP,
        "district_code",
        "dong_code",
        "founded_on",
        "replaced_committee",
        "term_years",
    ),
    "council_seat": (
        *_STAMP,
        *_INTERVAL,
        "person_id",
        "district_code",
        "dong_code",
        "role",
        "council_id",
        "chosen_by",
    ),
    "expert_placement": (*_STAMP, *_INTERVAL, "person_id", "district_code", "dong_code"),
    "career": (
        *_STAMP,
        *_INTERVAL,
        "person_id",
        "job_type",
        "employer",
        "district_code",
        "dong_code",
        "hours_per_week",
        "verified_at",
    ),
    # Issue 12: assemblies, plans, spaces (operators link careers, so after them), networks.
    "general_assembly": (
        *_STAMP,
        "district_code",
        "dong_code",
        "year",
        "held_on",
        "present",
        "onsite_voters",
        "prevoters",
        "adult_population",
        "population_basis",
    ),
    "autonomy_plan": (*_STAMP, "district_code", "dong_code", "year", "title", "assembly_id"),
    "agenda_item": (
        *_STAMP,
        "plan_id",
        "district_code",
        "title",
        "subcommittee",
        "votes_for",
        "votes_against",
        "votes_abstain",
        "budget_source",
        "budget_requested_krw",
        "budget_granted_krw",
        "project_id",
    ),
    "community_space": (
        *_STAMP,
        *_INTERVAL,
        "district_code",
        "dong_code",
        "name",
        "address",
        "kind",
    ),
    "space_operator": (*_STAMP, "space_id", "career_id", "district_code"),
    "village_network": (*_STAMP, "district_code", "name", "founded_on"),
    "network_member": (*_STAMP, *_INTERVAL, "network_id", "group_id", "district_code"),
    # Result reports and settlements (demo/settlements.py).
    "result_report": (
        *_STAMP,
        "project_id",
        "district_code",
        "state",
        "narrative",
        "due_on",
        "figures",
        "submitted_at",
        "decided_at",
        "decision_note",
    ),
    "settlement": (
        *_STAMP,
        "project_id",
        "district_code",
        "state",
        "interest_krw",
        "submitted_at",
        "settled_at",
        "decision_note",
    ),
    "settlement_budget_line": (*_STAMP, "settlement_id", "line", "planned_krw"),
    "stored_attachment": (
        *_STAMP,
        "project_id",
        "district_code",
        "purpose",
        "filename",
        "content_type",
        "size_bytes",
        "sha256",
        "data",
        "uploaded_by_id",
    ),
    "settlement_expense": (
        *_STAMP,
        "settlement_id",
        "district_code",
        "spent_on",
        "payee",
        "line",
        "amount_krw",
        "evidence",
        "attachment_id",
        "note",
    ),
    "noncash_contribution": (
        *_STAMP,
        "settlement_id",
        "district_code",
        "year",
        "kind",
        "description",
        "hours",
        "rate_krw",
        "appraised_krw",
        "value_krw",
        "rule_id",
        "rule_year",
    ),
    "settlement_event": (
        *_STAMP,
        "project_id",
        "district_code",
        "subject",
        "from_state",
        "to_state",
        "actor_id",
        "note",
    ),
}

# Parents before children, so foreign keys hold at every insert.
WRITE_ORDER: tuple[str, ...] = tuple(COLUMNS)


def stamp(day: date, minute: int = 0) -> datetime:
    """A deterministic aware UTC timestamp on ``day``, never the wall clock.

    00:00-08:00 UTC is 09:00-17:00 in Seoul: office hours, and the same calendar day in both zones.
    """
    return datetime.combine(day, time(0, 0), tzinfo=UTC) + timedelta(minutes=minute % 480)


def open_end(day: date) -> date | None:
    """``day`` as an exclusive interval end, or None (still open) when it falls after the data."""
    return day if day < END else None


@dataclass
class DemoData:
    """Rows per table plus a next-id counter per table (ids are assigned here, not by the database)."""

    rows: dict[str, list[Row]] = field(default_factory=lambda: {name: [] for name in COLUMNS})
    _next_id: dict[str, int] = field(default_factory=dict)

    def next_id(self, table: str) -> int:
        value = self._next_id.get(table, 1)
        self._next_id[table] = value + 1
        return value

    def add(self, table: str, row: Row) -> None:
        self.rows[table].append(row)

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.rows.items()}

    def as_dicts(self, table: str) -> list[dict[str, Any]]:
        """Rows as column → value mappings (for tests and checks, not for the bulk path)."""
        columns = COLUMNS[table]
        return [dict(zip(columns, row, strict=True)) for row in self.rows[table]]
