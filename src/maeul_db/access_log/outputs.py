"""The declared personal-data outputs: the service functions that return or export a person's name,
phone or e-mail, and the access-log action each one writes.

One action per output, whichever door called (API, page, command, job): the door is not part of the
action. This list documents what ``tests/access_log/test_personal_data_outputs.py`` proves over every
route and command (any response showing a stored person needs a log row naming them), and the
privacy notice in ``docs/privacy.md``. Deliberately not here: counts and indicators, pseudonymised
network summaries and graph exports (no name, contact, gender or birth year; docs/decisions.md), and
identity keys (keyed hashes). The list is exactly the service functions that call ``access_log.record`` and their actions:
``tests/access_log/test_declared_outputs.py`` reads the source and fails when they differ.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PersonalDataOutput:
    service: str  # "<module under maeul_db>:<function>"
    action: str  # the access_log.action it writes
    shows: str  # what of whom, in a few words


OUTPUTS: tuple[PersonalDataOutput, ...] = (
    PersonalDataOutput(
        "audit.service:list_for", "audit.read", "a person's details before and after a change"
    ),
    PersonalDataOutput("home.queue:items", "work.items", "names behind a work-queue entry"),
    PersonalDataOutput(
        "activities.attendance:attendees", "activity.attendance", "attendees' names"
    ),
    PersonalDataOutput(
        "activities.attendance:attendance_sheet", "activity.attendance", "the attendance checklist"
    ),
    PersonalDataOutput(
        "analytics.ego_service:ego_network",
        "network.ego",
        "neighbours (names, or pseudonyms for analysts)",
    ),
    PersonalDataOutput(
        "analytics.ego_service:chain", "network.chain", "the people on a path between two people"
    ),
    PersonalDataOutput(
        "analytics.ego_service:ties_before_lead", "network.ties_before_lead", "earlier ties' names"
    ),
    PersonalDataOutput(
        "analytics.network_service:read_summary", "network.summary", "the most central people"
    ),
    PersonalDataOutput(
        "analytics.network_service:export", "network.export", "everyone in the exported network"
    ),
    PersonalDataOutput(
        "jobs.service:get", "jobs.result", "the people a stored job result names (pseudonyms)"
    ),
    PersonalDataOutput("careers.service:list_", "careers.read", "a person's jobs"),
    PersonalDataOutput(
        "certificates.admin:entry", "certificate.read", "the holder on a ledger entry"
    ),
    PersonalDataOutput(
        "careers.review:list_for_review", "careers.review", "the people whose jobs are listed"
    ),
    PersonalDataOutput(
        "experts.pool_view:candidates", "experts.pool", "pool candidates' names and training"
    ),
    PersonalDataOutput(
        "training.sessions:program_page", "training.roster", "a programme's class list"
    ),
    PersonalDataOutput(
        "certificates.batch:run", "certificates.batch", "PDFs and the manifest's names"
    ),
    PersonalDataOutput("certificates.service:issue", "certificate.issue", "the holder's PDF"),
    PersonalDataOutput(
        "certificates.service:list_", "certificates.list", "holders of the certificates listed"
    ),
    PersonalDataOutput("certificates.service:pdf", "certificate.download", "the holder's PDF"),
    PersonalDataOutput("experts.service:pool", "experts.pool", "pool members' names"),
    PersonalDataOutput(
        "experts.service:list_placements", "experts.placements", "placed experts' names"
    ),
    PersonalDataOutput("experts.service:place", "experts.placement", "the placed expert"),
    PersonalDataOutput(
        "experts.service:close", "experts.placement", "the expert whose placement ended"
    ),
    PersonalDataOutput(
        "experts.service:void", "experts.placement", "the expert whose placement was voided"
    ),
    PersonalDataOutput(
        "participants.service:update", "person.update", "the edited person's details"
    ),
    PersonalDataOutput(
        "experts.service:coverage", "experts.coverage", "experts whose placement ends soon"
    ),
    PersonalDataOutput(
        "experts.service:own_record", "expert.own_record", "the expert's own record"
    ),
    PersonalDataOutput("groups.service:members_as_of", "group.members", "members' names"),
    PersonalDataOutput("groups.service:roster_page", "group.members", "one page of members' names"),
    PersonalDataOutput(
        "identity.service:candidate_view", "identity.candidate", "both people of a decided pair"
    ),
    PersonalDataOutput(
        "identity.service:review_queue", "identity.candidates", "both people of each pair"
    ),
    PersonalDataOutput(
        "imports.service:batch_rejected_file", "import.rejected_rows", "names and phones as typed"
    ),
    PersonalDataOutput(
        "imports.wizard:log_preview", "import.preview", "an uploaded file's cells in the wizard"
    ),
    PersonalDataOutput("participants.service:read", "person.read", "one person's details"),
    PersonalDataOutput(
        "participants.service:read_for_edit", "person.read", "the details the edit form holds"
    ),
    PersonalDataOutput("participants.service:list_", "people.list", "people found: name, contact"),
    PersonalDataOutput(
        "participants.service:history", "person.history", "a person's earlier details"
    ),
    PersonalDataOutput(
        "projects.service:participants_as_of", "project.participants", "participants' names"
    ),
    PersonalDataOutput(
        "timeline.service:person_timeline", "timeline.read", "a person's facts over time"
    ),
    PersonalDataOutput(
        "timeline.service:person_page", "timeline.read", "the person page: details and timeline"
    ),
    PersonalDataOutput(
        "timeline.project:project_timeline",
        "project.timeline",
        "the names of the people joining and leaving a project",
    ),
    PersonalDataOutput("training.service:list_progress", "training.read", "a person's training"),
    PersonalDataOutput(
        "privacy.access_export:build", "person.access_export", "everything held about a person"
    ),
    PersonalDataOutput("privacy.consent:list_for_person", "person.consents", "a person's consents"),
    PersonalDataOutput("privacy.requests:list_", "privacy.requests", "requesters' names"),
    PersonalDataOutput("privacy.requests:view", "privacy.requests", "the requester's name"),
    PersonalDataOutput("spaces.service:detail", "spaces.operators", "a space's operators' names"),
    PersonalDataOutput(
        "paperwork.views:read_application",
        "paperwork.application",
        "the proposers' and members' names on an application",
    ),
    PersonalDataOutput(
        "support_requests.views:training_rows",
        "support.training_requests",
        "the names of the residents applying for training",
    ),
    PersonalDataOutput(
        "support_requests.views:read_training",
        "support.training_request",
        "the name of the resident applying for training",
    ),
    PersonalDataOutput(
        "support_requests.views:read_consulting",
        "support.consulting_request",
        "the name of the expert assigned to a consulting request",
    ),
    PersonalDataOutput(
        "councils.views:council_view",
        "councils.view",
        "council members, applicants, draw results, subcommittee members, the dong officer",
    ),
    PersonalDataOutput("councils.seats:appoint", "councils.appoint", "the member seated"),
    PersonalDataOutput(
        "councils.seats:close", "councils.close_seat", "the member whose seat ended"
    ),
    PersonalDataOutput("councils.draws:add_applicant", "councils.applicant", "the applicant"),
    PersonalDataOutput("councils.draws:run_draw", "councils.draw", "winners and the reserve list"),
    PersonalDataOutput(
        "councils.meetings:add_subcommittee_member", "councils.subcommittee", "the new member"
    ),
)
