"""Things recorded against an item: progress updates, evidence, date changes, and Gold Group learning entries.

Progress updates and date changes are never edited in place: a correction is a new row.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Versioned, enum_column, utcnow
from .enums import EvidenceKind, TriageOutcome

if TYPE_CHECKING:
    from .recommendations import Recommendation

# Exactly one parent column is set on a row that can hang off a recommendation or an action.
_ONE_OF_REC_OR_ACTION = "(recommendation_id IS NULL) != (action_id IS NULL)"


class ProgressUpdate(Base):
    __tablename__ = "progress_updates"

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int | None] = mapped_column(ForeignKey("recommendations.id", ondelete="CASCADE"))
    action_id: Mapped[int | None] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"))
    written_on: Mapped[dt.date] = mapped_column(Date)
    author: Mapped[str] = mapped_column(String(120))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        CheckConstraint(_ONE_OF_REC_OR_ACTION, name="one_parent"),
        Index("ix_progress_updates_rec", "recommendation_id", "written_on"),
        Index("ix_progress_updates_action", "action_id", "written_on"),
    )


class Evidence(Base):
    """A file copied into the managed store beside the database (with its SHA-256), or a link."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int | None] = mapped_column(ForeignKey("recommendations.id", ondelete="CASCADE"))
    action_id: Mapped[int | None] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"))
    kind: Mapped[EvidenceKind] = mapped_column(enum_column(EvidenceKind))
    description: Mapped[str] = mapped_column(Text, default="")
    # For a file: the original file name and the path inside the managed store; for a link: the URL.
    original_name: Mapped[str] = mapped_column(String(260), default="")
    stored_path: Mapped[str] = mapped_column(String(400), default="")
    url: Mapped[str] = mapped_column(Text, default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    size_bytes: Mapped[int | None] = mapped_column(Integer)
    added_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        CheckConstraint(_ONE_OF_REC_OR_ACTION, name="one_parent"),
        Index("ix_evidence_rec", "recommendation_id"),
        Index("ix_evidence_action", "action_id"),
    )


class DateChange(Base):
    """One move of a response, target or due date, with its reason. The history of slippage."""

    __tablename__ = "date_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    recommendation_id: Mapped[int | None] = mapped_column(ForeignKey("recommendations.id", ondelete="CASCADE"))
    action_id: Mapped[int | None] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"))
    old_date: Mapped[dt.date | None] = mapped_column(Date)
    new_date: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    changed_by: Mapped[str] = mapped_column(String(120))
    changed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        # CASE, not (x IS NOT NULL) + …: PostgreSQL has no boolean + boolean.
        CheckConstraint("(CASE WHEN document_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN recommendation_id IS NULL "
                        "THEN 0 ELSE 1 END) + (CASE WHEN action_id IS NULL THEN 0 ELSE 1 END) = 1",
                        name="one_parent"),
        Index("ix_date_changes_doc", "document_id"),
        Index("ix_date_changes_rec", "recommendation_id"),
        Index("ix_date_changes_action", "action_id"),
    )


class LearningEntry(Versioned, Base):
    """Learning a Gold Group identified after a critical incident, waiting for (or after) CPIC triage."""

    __tablename__ = "learning_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    operation: Mapped[str] = mapped_column(String(200))
    incident_date: Mapped[dt.date | None] = mapped_column(Date)
    gold_lead: Mapped[str] = mapped_column(String(120), default="")
    learning: Mapped[str] = mapped_column(Text)
    suggested_owner: Mapped[str] = mapped_column(String(120), default="")
    suggested_hub_id: Mapped[int | None] = mapped_column(ForeignKey("hubs.id"))
    triage_outcome: Mapped[TriageOutcome] = mapped_column(enum_column(TriageOutcome),
                                                          default=TriageOutcome.PENDING)
    triage_reason: Mapped[str] = mapped_column(Text, default="")
    triaged_by: Mapped[str] = mapped_column(String(120), default="")
    triaged_on: Mapped[dt.date | None] = mapped_column(Date)
    recommendation_id: Mapped[int | None] = mapped_column(ForeignKey("recommendations.id"))
    captured_by: Mapped[str] = mapped_column(String(120), default="")

    recommendation: Mapped[Recommendation | None] = relationship()

    __table_args__ = (
        Index("ix_learning_entries_outcome", "triage_outcome", "incident_date"),
        Index("ix_learning_entries_rec", "recommendation_id"),
    )
