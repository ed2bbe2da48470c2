"""Source documents: the reports and decisions that improvement requirements come from."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Date, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Versioned, enum_column
from .enums import SourceKind

if TYPE_CHECKING:
    from .recommendations import Recommendation


class SourceDocument(Versioned, Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[SourceKind] = mapped_column(enum_column(SourceKind))
    issuing_body: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(Text, default="")
    reference: Mapped[str] = mapped_column(String(80), default="")
    date_issued: Mapped[dt.date | None] = mapped_column(Date)
    link: Mapped[str] = mapped_column(Text, default="")
    # Where the report comes from (a coroner area, an inspected force) and who else received it ("Sent to").
    area: Mapped[str] = mapped_column(String(200), default="", server_default="")
    addressees: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Response clock. `original_response_due` is set once from the kind's statutory clock (or by hand);
    # `response_due` moves only through a recorded extension (see DateChange).
    original_response_due: Mapped[dt.date | None] = mapped_column(Date)
    response_due: Mapped[dt.date | None] = mapped_column(Date)
    response_sent_on: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")

    recommendations: Mapped[list[Recommendation]] = relationship(
        back_populates="document", order_by="Recommendation.id", viewonly=True)

    __table_args__ = (
        Index("ix_documents_kind_reference", "kind", "reference"),
        Index("ix_documents_response_due", "response_due"),
    )

    @property
    def label(self) -> str:
        return self.reference or self.title[:60]
