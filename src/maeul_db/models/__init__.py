"""Every table, one complete metadata for Alembic and the app, loaded on demand.

``from maeul_db.models import Person`` imports only the module that defines ``Person`` (and what it
needs): a command that touches a few tables (``maeul-db import``) does not pay for loading every
domain's models (issue 10: about 0.4 s of CPU at start). ``metadata`` (and ``load_all()``) load
every table first, so whatever reads the whole metadata (Alembic, the demo, undo's search for
rows that still refer to a record) sees all of it. The models carry no ORM relationships, so a
mapper never needs a model that was not imported.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from maeul_db.models.accounts import LoginFailure, Role, UserAccount
    from maeul_db.models.activities import Activity, ActivityKind, Attendance
    from maeul_db.models.analytics_summary import (
        AnalyticsDataVersion,
        AnalyticsLadderReach,
        AnalyticsPersonDong,
        AnalyticsPersonDongYear,
        AnalyticsPersonHours,
        AnalyticsPersonSeat,
        AnalyticsPersonYear,
        AnalyticsRungCount,
        AnalyticsSpanCount,
        AnalyticsYearCount,
    )
    from maeul_db.models.assemblies import (
        AgendaItem,
        AutonomyPlan,
        BudgetSource,
        GeneralAssembly,
        PopulationBasis,
    )
    from maeul_db.models.base import metadata
    from maeul_db.models.careers import (
        Career,
        CouncilRole,
        CouncilSeat,
        ExpertPlacement,
        ExpertTarget,
        JobType,
    )
    from maeul_db.models.certificates import Certificate, CertificateKind, CertificateStatus
    from maeul_db.models.councils import (
        Council,
        CouncilApplicant,
        CouncilDraw,
        CouncilDrawResult,
        CouncilMeeting,
        CouncilMeetingAttendance,
        DrawOutcome,
        SelectionMethod,
        Subcommittee,
        SubcommitteeMember,
    )
    from maeul_db.models.geography import District, Dong, DongChangeKind, DongSuccession
    from maeul_db.models.groups import Group, GroupMembership, GroupTheme, MembershipRole
    from maeul_db.models.identity import MatchStatus, PersonDistrictLink, PersonMatchCandidate
    from maeul_db.models.import_wizard import ImportMapping, ImportUpload
    from maeul_db.models.imports import ImportBatch, ImportStatus
    from maeul_db.models.jobs import (
        AnalyticsJob,
        AnalyticsPseudonym,
        JobAudience,
        JobKind,
        JobStatus,
    )
    from maeul_db.models.logs import AccessLog, AuditLog
    from maeul_db.models.paperwork import (
        Application,
        ApplicationBudgetLine,
        ApplicationEvent,
        ApplicationPerson,
        ApplicationStatus,
        Call,
        CallSpec,
        CallSpecKind,
        GroupRepLink,
        ReviewScore,
    )
    from maeul_db.models.people import ConsentScope, Gender, Person, PersonVersion
    from maeul_db.models.privacy import (
        AccessReview,
        Consent,
        ConsentMethod,
        ConsentPurpose,
        DestructionEntry,
        ProcessingRecord,
        RequestDecision,
        RequestKind,
        RightsRequest,
    )
    from maeul_db.models.projects import (
        BotameStatus,
        Participation,
        ParticipationRole,
        Programme,
        Project,
        Stage,
    )
    from maeul_db.models.settlements import (
        AttachmentPurpose,
        EvidenceType,
        ExpenseLine,
        NoncashContribution,
        NoncashKind,
        NoncashRule,
        ReportState,
        ResultReport,
        Settlement,
        SettlementBudgetLine,
        SettlementEvent,
        SettlementExpense,
        SettlementState,
        SettlementSubject,
        StoredAttachment,
    )
    from maeul_db.models.spaces import (
        CommunitySpace,
        NetworkMember,
        SpaceKind,
        SpaceOperator,
        VillageNetwork,
    )
    from maeul_db.models.support_requests import (
        ConsultingRecord,
        ConsultingRequest,
        ConsultingStatus,
        SupportRequestEvent,
        SupportRequestKind,
        TrainingRequest,
        TrainingRequestStatus,
    )
    from maeul_db.models.training import (
        Enrolment,
        ModuleAttendance,
        TrainingCompletion,
        TrainingModule,
        TrainingPrerequisite,
        TrainingProgram,
        TrainingStage,
    )

# The module (under maeul_db.models) of every name this package offers.
_NAMES: dict[str, str] = {
    "accounts": "LoginFailure Role UserAccount",
    "activities": "Activity ActivityKind Attendance",
    "analytics_summary": (
        "AnalyticsDataVersion AnalyticsLadderReach AnalyticsPersonDong AnalyticsPersonDongYear"
        " AnalyticsPersonHours"
        " AnalyticsPersonSeat AnalyticsPersonYear"
        " AnalyticsRungCount AnalyticsSpanCount AnalyticsYearCount"
    ),
    "assemblies": "AgendaItem AutonomyPlan BudgetSource GeneralAssembly PopulationBasis",
    "base": "metadata",
    "careers": "Career CouncilRole CouncilSeat ExpertPlacement ExpertTarget JobType",
    "certificates": "Certificate CertificateKind CertificateStatus",
    "councils": (
        "Council CouncilApplicant CouncilDraw CouncilDrawResult CouncilMeeting "
        "CouncilMeetingAttendance DrawOutcome SelectionMethod Subcommittee "
        "SubcommitteeMember"
    ),
    "geography": "District Dong DongChangeKind DongSuccession",
    "groups": "Group GroupMembership GroupTheme MembershipRole",
    "identity": "MatchStatus PersonDistrictLink PersonMatchCandidate",
    "import_wizard": "ImportMapping ImportUpload",
    "imports": "ImportBatch ImportStatus",
    "jobs": "AnalyticsJob AnalyticsPseudonym JobAudience JobKind JobStatus",
    "logs": "AccessLog AuditLog",
    "paperwork": (
        "Application ApplicationBudgetLine ApplicationEvent ApplicationPerson "
        "ApplicationStatus Call CallSpec CallSpecKind GroupRepLink ReviewScore"
    ),
    "people": "ConsentScope Gender Person PersonVersion",
    "privacy": (
        "AccessReview Consent ConsentMethod ConsentPurpose DestructionEntry "
        "ProcessingRecord RequestDecision RequestKind RightsRequest"
    ),
    "projects": "BotameStatus Participation ParticipationRole Programme Project Stage",
    "settlements": (
        "AttachmentPurpose EvidenceType ExpenseLine NoncashContribution NoncashKind "
        "NoncashRule ReportState ResultReport Settlement SettlementBudgetLine "
        "SettlementEvent SettlementExpense SettlementState SettlementSubject "
        "StoredAttachment"
    ),
    "spaces": "CommunitySpace NetworkMember SpaceKind SpaceOperator VillageNetwork",
    "support_requests": (
        "ConsultingRecord ConsultingRequest ConsultingStatus SupportRequestEvent "
        "SupportRequestKind TrainingRequest TrainingRequestStatus"
    ),
    "training": (
        "Enrolment ModuleAttendance TrainingCompletion TrainingModule "
        "TrainingPrerequisite TrainingProgram TrainingStage"
    ),
}
_WHERE = {name: module for module, names in _NAMES.items() for name in names.split()}

MODULES = tuple(_NAMES)


def load_all() -> None:
    """Import every model module: the metadata then holds every table."""
    for module in MODULES:
        importlib.import_module(f"maeul_db.models.{module}")


def __getattr__(name: str) -> Any:
    """A model (or enum, or ``metadata``) imported the first time it is asked for."""
    if name == "metadata":
        load_all()
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"maeul_db.models.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "AccessLog",
    "AccessReview",
    "Activity",
    "ActivityKind",
    "AgendaItem",
    "AnalyticsDataVersion",
    "AnalyticsJob",
    "AnalyticsLadderReach",
    "AnalyticsPersonDong",
    "AnalyticsPersonDongYear",
    "AnalyticsPersonHours",
    "AnalyticsPersonSeat",
    "AnalyticsPersonYear",
    "AnalyticsPseudonym",
    "AnalyticsRungCount",
    "AnalyticsSpanCount",
    "AnalyticsYearCount",
    "Application",
    "ApplicationBudgetLine",
    "ApplicationEvent",
    "ApplicationPerson",
    "ApplicationStatus",
    "AttachmentPurpose",
    "Attendance",
    "AuditLog",
    "AutonomyPlan",
    "BotameStatus",
    "BudgetSource",
    "Call",
    "CallSpec",
    "CallSpecKind",
    "Career",
    "Certificate",
    "CertificateKind",
    "CertificateStatus",
    "CommunitySpace",
    "Consent",
    "ConsentMethod",
    "ConsentPurpose",
    "ConsentScope",
    "ConsultingRecord",
    "ConsultingRequest",
    "ConsultingStatus",
    "Council",
    "CouncilApplicant",
    "CouncilDraw",
    "CouncilDrawResult",
    "CouncilMeeting",
    "CouncilMeetingAttendance",
    "CouncilRole",
    "CouncilSeat",
    "DestructionEntry",
    "District",
    "Dong",
    "DongChangeKind",
    "DongSuccession",
    "DrawOutcome",
    "Enrolment",
    "EvidenceType",
    "ExpenseLine",
    "ExpertPlacement",
    "ExpertTarget",
    "Gender",
    "GeneralAssembly",
    "Group",
    "GroupMembership",
    "GroupRepLink",
    "GroupTheme",
    "ImportBatch",
    "ImportMapping",
    "ImportStatus",
    "ImportUpload",
    "JobAudience",
    "JobKind",
    "JobStatus",
    "JobType",
    "LoginFailure",
    "MatchStatus",
    "MembershipRole",
    "ModuleAttendance",
    "NetworkMember",
    "NoncashContribution",
    "NoncashKind",
    "NoncashRule",
    "Participation",
    "ParticipationRole",
    "Person",
    "PersonDistrictLink",
    "PersonMatchCandidate",
    "PersonVersion",
    "PopulationBasis",
    "ProcessingRecord",
    "Programme",
    "Project",
    "ReportState",
    "RequestDecision",
    "RequestKind",
    "ResultReport",
    "ReviewScore",
    "RightsRequest",
    "Role",
    "SelectionMethod",
    "Settlement",
    "SettlementBudgetLine",
    "SettlementEvent",
    "SettlementExpense",
    "SettlementState",
    "SettlementSubject",
    "SpaceKind",
    "SpaceOperator",
    "Stage",
    "StoredAttachment",
    "Subcommittee",
    "SubcommitteeMember",
    "SupportRequestEvent",
    "SupportRequestKind",
    "TrainingCompletion",
    "TrainingModule",
    "TrainingPrerequisite",
    "TrainingProgram",
    "TrainingRequest",
    "TrainingRequestStatus",
    "TrainingStage",
    "UserAccount",
    "VillageNetwork",
    "metadata",
]
