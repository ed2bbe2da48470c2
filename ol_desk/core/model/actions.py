"""Actions: the work that answers recommendations (one action may answer several)."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Versioned, enum_column
from .enums import ActionStatus
from .reference import Hub, Person

if TYPE_CHECKING:
    from .recommendations import Recommendation


class ActionRecommendation(Base):
    __tablename__ = "action_recommendations"

    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"), primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(
        ForeignKey("recommendations.id", ondelete="CASCADE"), primary_key=True)

    __table_args__ = (Index("ix_action_recommendations_rec", "recommendation_id", "action_id"),)


class Action(Versioned, Base):
    __tablename__ = "actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Reference as the hub knows it ("NW-001"); optional.
    reference: Mapped[str] = mapped_column(String(80), default="")
    title: Mapped[str] = mapped_column(Text, default="")
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    hub_id: Mapped[int | None] = mapped_column(ForeignKey("hubs.id"))
    status: Mapped[ActionStatus] = mapped_column(enum_column(ActionStatus), default=ActionStatus.OPEN)
    original_due_date: Mapped[dt.date | None] = mapped_column(Date)
    current_due_date: Mapped[dt.date | None] = mapped_column(Date)
    # Delivered (the work is done) and embedded (the outcome is evidenced) are separate facts.
    completed_on: Mapped[dt.date | None] = mapped_column(Date)
    completion_note: Mapped[str] = mapped_column(Text, default="")
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    embedded: Mapped[bool] = mapped_column(Boolean, default=False)
    embedded_on: Mapped[dt.date | None] = mapped_column(Date)
    embedded_note: Mapped[str] = mapped_column(Text, default="")
    percent_complete: Mapped[int | None] = mapped_column()
    last_update_on: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    last_chased_at: Mapped[dt.datetime | None] = mapped_column()  # as Recommendation.last_chased_at

    owner: Mapped[Person | None] = relationship()
    hub: Mapped[Hub | None] = relationship()
    recommendations: Mapped[list[Recommendation]] = relationship(
        secondary="action_recommendations", back_populates="actions", order_by="Recommendation.id")

    __table_args__ = (
        Index("ix_actions_status_due", "status", "current_due_date"),
        Index("ix_actions_due", "current_due_date"),
        Index("ix_actions_hub_status_due", "hub_id", "status", "current_due_date"),
        Index("ix_actions_owner", "owner_id"),
        Index("ix_actions_last_update", "status", "last_update_on"),
        Index("ix_actions_last_chased", "last_chased_at"),
    )
