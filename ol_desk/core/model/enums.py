"""The words of the domain. Values are stored; labels are shown."""
from __future__ import annotations

import enum
from typing import Self


class LabelledEnum(str, enum.Enum):
    """A string enum whose members carry a human label as well as the stored value."""

    label: str  # set on each member by __new__; annotated only, so it is not itself a member

    # The default for ``label`` is only for the type checker: after the class is built, calling
    # ``Kind("value")`` looks the member up by value and never reaches this method.
    def __new__(cls, value: str, label: str = "") -> Self:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj

    def __str__(self) -> str:  # pragma: no cover - convenience
        return self.value

    @classmethod
    def from_value(cls, value: str | LabelledEnum) -> Self:
        if isinstance(value, cls):
            return value
        try:
            return cls(value)
        except ValueError:
            allowed = ", ".join(m.value for m in cls)
            from ol_desk.core.errors import ValidationError
            raise ValidationError(f"'{value}' is not a {cls.__name__} (use one of: {allowed})") from None


class SourceKind(LabelledEnum):
    HMICFRS = ("hmicfrs", "HMICFRS inspection")
    PFD = ("pfd", "Coroner PFD report")
    IOPC = ("iopc", "IOPC recommendation")
    PUBLIC_INQUIRY = ("public_inquiry", "Public inquiry")
    INDEPENDENT_REVIEW = ("independent_review", "Independent review")
    PROFESSIONAL_STANDARDS = ("professional_standards", "Professional standards")
    GOLD_GROUP = ("gold_group", "Gold Group")
    INTERNAL_REVIEW = ("internal_review", "Internal review")
    OTHER = ("other", "Other")


class FindingType(LabelledEnum):
    CAUSE_OF_CONCERN = ("cause_of_concern", "Cause of concern")
    RECOMMENDATION = ("recommendation", "Recommendation")
    AREA_FOR_IMPROVEMENT = ("area_for_improvement", "Area for improvement")
    MATTER_OF_CONCERN = ("matter_of_concern", "Matter of concern")
    LEARNING_POINT = ("learning_point", "Learning point")


class ResponsePosition(LabelledEnum):
    PENDING = ("pending", "Not yet decided")
    ACCEPTED = ("accepted", "Accepted")
    ACCEPTED_IN_PART = ("accepted_in_part", "Accepted in part")
    NOT_ACCEPTED = ("not_accepted", "Not accepted")


class RecStatus(LabelledEnum):
    NEW = ("new", "New")
    ASSIGNED = ("assigned", "Assigned")
    IN_PROGRESS = ("in_progress", "In progress")
    DELIVERED = ("delivered", "Delivered")
    EVIDENCE_ACCEPTED = ("evidence_accepted", "Evidence accepted")
    CLOSED = ("closed", "Closed")
    NOT_ACCEPTED = ("not_accepted", "Not accepted")
    SUPERSEDED = ("superseded", "Superseded")
    REOPENED = ("reopened", "Reopened")


# Statuses in which a recommendation still needs work (and so can be overdue or stale).
OPEN_REC_STATUSES = frozenset({RecStatus.NEW, RecStatus.ASSIGNED, RecStatus.IN_PROGRESS, RecStatus.REOPENED,
                               RecStatus.DELIVERED})
# Statuses in which the work itself is still to do: these can be overdue, due soon or stale.
ACTIVE_REC_STATUSES = frozenset({RecStatus.NEW, RecStatus.ASSIGNED, RecStatus.IN_PROGRESS, RecStatus.REOPENED})
# Terminal statuses: nothing more is expected until somebody reopens.
FINISHED_REC_STATUSES = frozenset({RecStatus.CLOSED, RecStatus.NOT_ACCEPTED, RecStatus.SUPERSEDED})


class ActionStatus(LabelledEnum):
    OPEN = ("open", "Open")
    IN_PROGRESS = ("in_progress", "In progress")
    COMPLETE = ("complete", "Complete")
    CANCELLED = ("cancelled", "Cancelled")


OPEN_ACTION_STATUSES = frozenset({ActionStatus.OPEN, ActionStatus.IN_PROGRESS})


class HubKind(LabelledEnum):
    BCU = ("bcu", "Basic Command Unit")
    OCU = ("ocu", "Operational Command Unit")
    CENTRAL = ("central", "Central command")


class Role(LabelledEnum):
    CPIC = ("cpic", "CPIC learning team")
    HUB_OFFICER = ("hub_officer", "Hub officer")
    GOLD_LEAD = ("gold_lead", "Gold Group lead")
    BOARD = ("board", "Board member")
    VIEWER = ("viewer", "Viewer")


class TriageOutcome(LabelledEnum):
    PENDING = ("pending", "Awaiting triage")
    NO_ACTION = ("no_action", "No action")
    CONVERTED = ("converted", "Became a recommendation")
    MERGED = ("merged", "Merged into a recommendation")


class EvidenceKind(LabelledEnum):
    FILE = ("file", "File")
    LINK = ("link", "Link")


class Entity(LabelledEnum):
    """The kinds of row that services change; used in audit events, the search outbox and Changes."""

    DOCUMENT = ("document", "Source document")
    RECOMMENDATION = ("recommendation", "Recommendation")
    ACTION = ("action", "Action")
    UPDATE = ("update", "Progress update")
    EVIDENCE = ("evidence", "Evidence")
    HUB = ("hub", "Hub")
    THEME = ("theme", "Theme")
    PERSON = ("person", "Person")
    LEARNING = ("learning", "Learning entry")
    IMPORT = ("import", "Import batch")
    PROFILE = ("profile", "Import profile")
