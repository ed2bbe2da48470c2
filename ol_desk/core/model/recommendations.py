"""Recommendations (and causes of concern, AFIs, matters of concern, learning points) with their hubs and themes."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Versioned, enum_column
from .enums import FindingType, RecStatus, ResponsePosition
from .reference import Hub, Person, Theme

if TYPE_CHECKING:
    from .actions import Action
    from .documents import SourceDocument


class RecommendationHub(Base):
    """A hub a recommendation is assigned to; exactly one of them leads."""

    __tablename__ = "recommendation_hubs"

    recommendation_id: Mapped[int] = mapped_column(
        ForeignKey("recommendations.id", ondelete="CASCADE"), primary_key=True)
    hub_id: Mapped[int] = mapped_column(ForeignKey("hubs.id"), primary_key=True)
    is_lead: Mapped[bool] = mapped_column(Boolean, default=False)

    hub: Mapped[Hub] = relationship(lazy="joined")

    # is_lead inside the index: counting recommendations by lead hub reads the index alone (stats, dashboard).
    __table_args__ = (Index("ix_recommendation_hubs_hub", "hub_id", "is_lead", "recommendation_id"),)


def finding_label(doc_ref: str | None, reference: str | None, position: int | None) -> str:
    """"<document ref> <ref>", and " (n)" from the second of findings that share a reference (a report's numbered
    matters of concern are told apart by their position, as the import preview lists them)."""
    base = f"{doc_ref or ''} {reference or ''}".strip()
    return base if (position or 1) == 1 or not base else f"{base} ({position})"


class RecommendationTheme(Base):
    __tablename__ = "recommendation_themes"

    recommendation_id: Mapped[int] = mapped_column(
        ForeignKey("recommendations.id", ondelete="CASCADE"), primary_key=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id"), primary_key=True)

    __table_args__ = (Index("ix_recommendation_themes_theme", "theme_id", "recommendation_id"),)


class Recommendation(Versioned, Base):
    __tablename__ = "recommendations"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    # Reference within the document ("R3", "CoC 1", "2"); not unique on its own. `position` tells apart
    # rows that share a reference (one PFD report lists several matters of concern under one number).
    reference: Mapped[str] = mapped_column(String(80), default="")
    position: Mapped[int] = mapped_column(Integer, default=1)
    finding_type: Mapped[FindingType] = mapped_column(enum_column(FindingType))
    title: Mapped[str] = mapped_column(String(300), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    response_position: Mapped[ResponsePosition] = mapped_column(
        enum_column(ResponsePosition), default=ResponsePosition.PENDING)
    response_rationale: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[RecStatus] = mapped_column(enum_column(RecStatus), default=RecStatus.NEW)
    original_target_date: Mapped[dt.date | None] = mapped_column(Date)
    current_target_date: Mapped[dt.date | None] = mapped_column(Date)
    superseded_by_id: Mapped[int | None] = mapped_column(ForeignKey("recommendations.id"))
    board_decision_on: Mapped[dt.date | None] = mapped_column(Date)
    board_minute_ref: Mapped[str] = mapped_column(String(80), default="")
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    # Date of the latest progress update (a fact maintained by the update service; "stale" is derived from it).
    last_update_on: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    # When its owner was last sent (or given a draft of) a chaser listing it; kept here so that the register shows
    # and filters "last chased" without reading the chases (core/chase, services/chases.py).
    last_chased_at: Mapped[dt.datetime | None] = mapped_column()

    document: Mapped[SourceDocument] = relationship(back_populates="recommendations")
    owner: Mapped[Person | None] = relationship()
    hub_links: Mapped[list[RecommendationHub]] = relationship(cascade="all, delete-orphan")
    themes: Mapped[list[Theme]] = relationship(secondary="recommendation_themes", order_by=Theme.name)
    superseded_by: Mapped[Recommendation | None] = relationship(remote_side="Recommendation.id")
    actions: Mapped[list[Action]] = relationship(
        secondary="action_recommendations", back_populates="recommendations", order_by="Action.id")

    __table_args__ = (
        UniqueConstraint("document_id", "reference", "position", name="uq_recommendations_identity"),
        Index("ix_recommendations_status_target", "status", "current_target_date"),
        Index("ix_recommendations_target", "current_target_date"),
        Index("ix_recommendations_owner", "owner_id"),
        # created_at completes the "stale" predicate (no update, or never updated and old), so it reads the index.
        Index("ix_recommendations_last_update", "status", "last_update_on", "created_at"),
        # Only the slipped ones (target moved later than first agreed): counting or listing them is instant.
        Index("ix_recommendations_slipped", "current_target_date",
              sqlite_where=sql_text("current_target_date > original_target_date")),
        Index("ix_recommendations_superseded_by", "superseded_by_id"),
        Index("ix_recommendations_last_chased", "last_chased_at"),
    )

    @property
    def hubs(self) -> list[Hub]:
        return [link.hub for link in sorted(self.hub_links, key=lambda h: (not h.is_lead, h.hub.name))]

    @property
    def lead_hub(self) -> Hub | None:
        return next((link.hub for link in self.hub_links if link.is_lead), None)

    @property
    def label(self) -> str:
        doc = self.document.reference if self.document is not None else ""
        return finding_label(doc, self.reference, self.position) or f"#{self.id}"
