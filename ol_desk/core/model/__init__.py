"""The domain model: SQLAlchemy 2.0 typed ORM classes and the enums of the domain."""
from .actions import Action, ActionRecommendation
from .base import Base, utcnow
from .chases import Chase, ChaseItem
from .documents import SourceDocument
from .enums import (
                    ACTIVE_REC_STATUSES,
                    FINISHED_REC_STATUSES,
                    OPEN_ACTION_STATUSES,
                    OPEN_REC_STATUSES,
                    ActionStatus,
                    Entity,
                    EvidenceKind,
                    FindingType,
                    HubKind,
                    LabelledEnum,
                    RecStatus,
                    ResponsePosition,
                    Role,
                    SourceKind,
                    TriageOutcome,
)
from .recommendations import Recommendation, RecommendationHub, RecommendationTheme
from .records import DateChange, Evidence, LearningEntry, ProgressUpdate
from .reference import Hub, Person, Theme
from .related import RelatedLink
from .system import AuditEvent, ImportBatch, ImportProfile, Meta, OutboxEntry

__all__ = [
    "ACTIVE_REC_STATUSES",
    "Action", "ActionRecommendation", "ActionStatus", "AuditEvent", "Base", "Chase", "ChaseItem", "DateChange",
    "Entity", "Evidence", "EvidenceKind", "FINISHED_REC_STATUSES", "FindingType", "Hub", "HubKind", "ImportBatch",
    "ImportProfile",
    "LabelledEnum", "LearningEntry", "Meta", "OPEN_ACTION_STATUSES", "OPEN_REC_STATUSES", "OutboxEntry", "Person",
    "ProgressUpdate", "RecStatus", "Recommendation", "RecommendationHub", "RecommendationTheme", "RelatedLink",
    "ResponsePosition", "Role", "SourceDocument", "SourceKind", "Theme", "TriageOutcome", "utcnow",
]
