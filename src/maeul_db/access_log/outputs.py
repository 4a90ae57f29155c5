"""The declared personal-data outputs: the service functions that return or export a person's name,
phone or e-mail, and the access-log action each one writes.

One action per output, whichever door called (API, page, command, job): the door is not part of the
action. This list documents what ``tests/access_log/test_personal_data_outputs.py`` proves over every
route and command (any response showing a stored person needs a log row naming them), and the
privacy notice in ``docs/privacy.md``. Deliberately not here: counts and indicators, pseudonymised
network summaries and graph exports (no name, contact, gender or birth year; docs/decisions.md), and
identity keys (keyed hashes). A function added here must exist (a test resolves every entry).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PersonalDataOutput:
    service: str  # "<module under maeul_db>:<function>"
    action: str  # the access_log.action it writes
    shows: str  # what of whom, in a few words


OUTPUTS: tuple[PersonalDataOutput, ...] = (
    PersonalDataOutput("participants.service:list_", "list_people", "people found: name, contact"),
    PersonalDataOutput("participants.service:get", "read_person", "one person's details"),
    PersonalDataOutput("participants.service:update", "update_person", "the edited person"),
    PersonalDataOutput("participants.service:history", "read_person_history", "past details"),
    PersonalDataOutput("timeline.service:timeline", "read_person_timeline", "a person's facts"),
    PersonalDataOutput("groups.service:members_as_of", "list_group_members", "members' names"),
    PersonalDataOutput(
        "projects.service:participants_as_of", "list_project_participants", "participants' names"
    ),
    PersonalDataOutput("activities.service:attendees", "list_attendance", "attendees' names"),
    PersonalDataOutput("training.service:list_progress", "read_training", "a person's training"),
    PersonalDataOutput("careers.service:list_", "read_careers", "a person's jobs"),
    PersonalDataOutput("experts.service:pool", "list_expert_pool", "pool members' names"),
    PersonalDataOutput("experts.service:list_placements", "list_placements", "experts' names"),
    PersonalDataOutput("experts.service:place", "place_expert", "the placed expert"),
    PersonalDataOutput(
        "experts.service:close", "close_placement", "the expert whose placement ended"
    ),
    PersonalDataOutput("certificates.service:issue", "issue_certificate", "holder's PDF"),
    PersonalDataOutput(
        "certificates.service:issue_as_operator", "issue_certificate", "holder's PDF"
    ),
    PersonalDataOutput("certificates.service:pdf", "download_certificate", "holder's PDF"),
    PersonalDataOutput("certificates.batch:write_zip", "issue_certificate_batch", "PDFs, manifest"),
    PersonalDataOutput(
        "identity.service:list_candidates", "list_match_candidates", "both people of each pair"
    ),
    PersonalDataOutput("identity.service:merge", "decide_match_candidate", "the pair decided"),
    PersonalDataOutput("identity.service:dismiss", "decide_match_candidate", "the pair decided"),
    PersonalDataOutput("identity.service:unmerge", "decide_match_candidate", "the pair decided"),
    PersonalDataOutput(
        "imports.service:batch_rejected_file", "download_rejected_rows", "names, phones as typed"
    ),
    PersonalDataOutput(
        "analytics.ego_service:ego_network", "read_ego_network", "neighbours' names"
    ),
    PersonalDataOutput(
        "analytics.ego_service:ties_before_lead", "read_ties_before_lead", "earlier ties' names"
    ),
)
