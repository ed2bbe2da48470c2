"""Recommendations recorded as related: one repeats or overlaps the other (found by the similar-items finder)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class RelatedLink(Base):
    """A pair, stored once with the lower id first; read both ways."""

    __tablename__ = "related_links"

    recommendation_id: Mapped[int] = mapped_column(
        ForeignKey("recommendations.id", ondelete="CASCADE"), primary_key=True)
    related_id: Mapped[int] = mapped_column(ForeignKey("recommendations.id", ondelete="CASCADE"), primary_key=True)
    linked_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        CheckConstraint("recommendation_id < related_id", name="ordered"),
        Index("ix_related_links_related", "related_id", "recommendation_id"),
    )
