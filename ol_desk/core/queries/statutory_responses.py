"""Statutory responses the Board must see: every outstanding response overdue or due within the window (56 days,
the PFD / IOPC / HMICFRS clock), with kind, issuing body, issued, due and days over.

    responses(session, on, register=None) -> list[Response]      # overdue first (most overdue), then soonest due

The same rows the Summary counts ("Statutory responses overdue", "... due within 56 days", from queries.stats, which
uses `document_conditions` too), so the pack's Statutory responses sheet and the Board report list exactly what the
figures say. A document is a response clock when it has a response due date and no response sent; with a register
filter, only documents holding recommendations the filter selects.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ol_desk.core.model import Recommendation, SourceDocument
from ol_desk.core.model.enums import SourceKind

from . import predicates as p
from .register_filter import RegisterFilter, recommendation_conditions
from .statutory_clocks import owners_of

WINDOW_DAYS = 56


@dataclass(frozen=True)
class Response:
    document_id: int
    kind: SourceKind
    body: str
    reference: str
    title: str
    issued: dt.date | None
    due: dt.date
    first_due: dt.date | None
    owner: str
    days_over: int              # days past the due date; 0 or less when not yet due
    addressees: str = ""        # who else the report was sent to (a PFD report's "Sent to")

    @property
    def overdue(self) -> bool:
        return self.days_over > 0

    @property
    def extended(self) -> bool:
        return self.first_due is not None and self.first_due != self.due

    @property
    def standing(self) -> str:
        if self.overdue:
            return f"Overdue by {self.days_over:,} day{'s' if self.days_over != 1 else ''}"
        left = -self.days_over
        return "Due today" if left == 0 else f"Due in {left:,} day{'s' if left != 1 else ''}"


def document_conditions(register: RegisterFilter | None, on: dt.date) -> list:
    """Documents in scope of a register filter: those holding a recommendation it selects (all without a filter)."""
    rec_where = recommendation_conditions(register, on) if register is not None else []
    return [SourceDocument.id.in_(select(Recommendation.document_id).where(*rec_where))] if rec_where else []


def responses(session: Session, on: dt.date, register: RegisterFilter | None = None, *,
              window_days: int = WINDOW_DAYS) -> list[Response]:
    """Outstanding responses due on or before `on + window_days`: the overdue ones and those due in the window."""
    rows = session.execute(
        select(SourceDocument.id, SourceDocument.kind, SourceDocument.issuing_body, SourceDocument.reference,
               SourceDocument.title, SourceDocument.date_issued, SourceDocument.response_due,
               SourceDocument.original_response_due, SourceDocument.addressees)
        .where(p.response_outstanding(), SourceDocument.response_due <= on + dt.timedelta(days=window_days),
               *document_conditions(register, on))
        .order_by(SourceDocument.response_due, SourceDocument.id)).all()
    owners = owners_of(session, [r.id for r in rows])
    return [Response(r.id, SourceKind(r.kind), r.issuing_body or "", r.reference or "", r.title or "",
                     r.date_issued, r.response_due, r.original_response_due, owners.get(r.id, ""),
                     (on - r.response_due).days, r.addressees or "") for r in rows]
