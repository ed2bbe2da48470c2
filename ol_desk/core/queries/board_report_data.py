"""What the Board report reads (no Qt): the dashboard numbers and its tables, in SQL. The statutory responses are
those of the pack's Statutory responses sheet (queries.statutory_responses), all of them: never capped."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ol_desk.core.dates import today
from ol_desk.core.integrity.anchor import Anchor, chain_head
from ol_desk.core.model import Hub, Person, Recommendation, RecommendationHub, SourceDocument
from ol_desk.core.model.enums import RecStatus
from ol_desk.core.queries import dashboard
from ol_desk.core.queries import predicates as p
from ol_desk.core.queries.statutory_responses import Response, responses

TABLE_CAP = 150  # rows per table in the PDF; the rest are counted and left to the register workbook


@dataclass(frozen=True)
class Row:
    label: str
    text: str
    hub: str
    owner: str
    date: dt.date | None


@dataclass
class ReportData:
    board: dashboard.Dashboard
    overdue: list[Row] = field(default_factory=list)
    overdue_total: int = 0
    for_decision: list[Row] = field(default_factory=list)
    for_decision_total: int = 0
    responses: list[Response] = field(default_factory=list)  # overdue (most overdue first), then due in 56 days
    anchor: Anchor | None = None  # the audit chain's head in the same snapshot (printed last, and in the metadata)

    @property
    def responses_overdue(self) -> int:
        return sum(1 for r in self.responses if r.overdue)


def _rows(session: Session, condition, order, cap: int) -> tuple[list[Row], int]:
    lead = (select(Hub.name).join(RecommendationHub, RecommendationHub.hub_id == Hub.id)
            .where(RecommendationHub.recommendation_id == Recommendation.id, RecommendationHub.is_lead)
            .limit(1).scalar_subquery())
    q = (select(SourceDocument.reference, Recommendation.reference, Recommendation.title, Recommendation.text,
                lead, Person.name, Recommendation.current_target_date)
         .join(SourceDocument, SourceDocument.id == Recommendation.document_id)
         .outerjoin(Person, Person.id == Recommendation.owner_id)
         .where(condition).order_by(*order).limit(cap))
    rows = [Row(f"{d} {r}".strip(), " ".join((title or text or "").split()), hub or "", owner or "", due)
            for d, r, title, text, hub, owner, due in session.execute(q)]
    total = int(session.scalar(select(func.count()).select_from(Recommendation).where(condition)) or 0)
    return rows, total


def read(session: Session, on: dt.date | None = None, cap: int = TABLE_CAP) -> ReportData:
    on = on or today()
    data = ReportData(dashboard.compute(session, on))
    data.overdue, data.overdue_total = _rows(session, p.rec_overdue(on),
                                             (Recommendation.current_target_date, Recommendation.id), cap)
    data.for_decision, data.for_decision_total = _rows(
        session, Recommendation.status == RecStatus.EVIDENCE_ACCEPTED,
        (Recommendation.document_id, Recommendation.id), cap)
    data.responses = responses(session, on)
    data.anchor = chain_head(session)
    return data
