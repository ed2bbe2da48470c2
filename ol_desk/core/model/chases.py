"""Chasers: each time an owner is sent (or given a draft of) an email listing their overdue, due-soon and stale
items, one `Chase` row and one `ChaseItem` per item listed. Insert-only; the audit log records the same."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class Chase(Base):
    __tablename__ = "chases"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(120))           # who chased
    owner_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)  # who was chased
    address: Mapped[str] = mapped_column(String(200), default="")   # the To address ("" when the person has none)
    how: Mapped[str] = mapped_column(String(16))                  # "draft" (an .eml written) | "sent" (by SMTP)


class ChaseItem(Base):
    __tablename__ = "chase_items"

    chase_id: Mapped[int] = mapped_column(ForeignKey("chases.id", ondelete="CASCADE"), primary_key=True)
    entity: Mapped[str] = mapped_column(String(16), primary_key=True)   # "recommendation" | "action"
    entity_id: Mapped[int] = mapped_column(Integer, primary_key=True)

    # An item's history reads its chases through this index (never by scanning the audit log).
    __table_args__ = (Index("ix_chase_items_item", "entity", "entity_id"),)
