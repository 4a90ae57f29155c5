"""Every table, imported here so Alembic and the app see one complete metadata."""

from maeul_db.models.accounts import LoginFailure, Role, UserAccount
from maeul_db.models.activities import Activity, ActivityKind, Attendance
from maeul_db.models.analytics_summary import (
    AnalyticsDataVersion,
    AnalyticsPersonYear,
    AnalyticsYearCount,
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
from maeul_db.models.geography import District, Dong, DongChangeKind, DongSuccession
from maeul_db.models.groups import Group, GroupMembership, GroupTheme, MembershipRole
from maeul_db.models.identity import MatchStatus, PersonDistrictLink, PersonMatchCandidate
from maeul_db.models.imports import ImportBatch, ImportStatus
from maeul_db.models.logs import AccessLog, AuditLog
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
    Participation,
    ParticipationRole,
    Programme,
    Project,
    Stage,
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

__all__ = [
    "AccessLog",
    "AccessReview",
    "Activity",
    "ActivityKind",
    "AnalyticsDataVersion",
    "AnalyticsPersonYear",
    "AnalyticsYearCount",
    "Attendance",
    "AuditLog",
    "Career",
    "Certificate",
    "CertificateKind",
    "CertificateStatus",
    "Consent",
    "ConsentMethod",
    "ConsentPurpose",
    "ConsentScope",
    "CouncilRole",
    "CouncilSeat",
    "DestructionEntry",
    "District",
    "Dong",
    "DongChangeKind",
    "DongSuccession",
    "Enrolment",
    "ExpertPlacement",
    "ExpertTarget",
    "Gender",
    "Group",
    "GroupMembership",
    "GroupTheme",
    "ImportBatch",
    "ImportStatus",
    "JobType",
    "LoginFailure",
    "MatchStatus",
    "MembershipRole",
    "ModuleAttendance",
    "Participation",
    "ParticipationRole",
    "Person",
    "PersonDistrictLink",
    "PersonMatchCandidate",
    "PersonVersion",
    "ProcessingRecord",
    "Programme",
    "Project",
    "RequestDecision",
    "RequestKind",
    "RightsRequest",
    "Role",
    "Stage",
    "TrainingCompletion",
    "TrainingModule",
    "TrainingPrerequisite",
    "TrainingProgram",
    "TrainingStage",
    "UserAccount",
    "metadata",
]
