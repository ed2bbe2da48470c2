"""The Gold Group learning triage queue, read in SQL (shared by the GUI's triage panel and `ol-desk learning`)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ol_desk.core.model import Hub, LearningEntry, Recommendation, SourceDocument
from ol_desk.core.model.enums import TriageOutcome

QUEUE_LIMIT = 1000


@dataclass(frozen=True)
class QueueRow:
    id: int
    version: int
    operation: str
    incident_date: dt.date | None
    gold_lead: str
    learning: str
    suggested_owner: str
    hub: str
    outcome: TriageOutcome
    reason: str
    linked: str            # the recommendation it became or was merged into ("" if none)
    linked_id: int | None


def queue(session: Session, *, include_triaged: bool = False, limit: int = QUEUE_LIMIT) -> list[QueueRow]:
    """Entries awaiting triage, oldest incident first (with the triaged ones after, newest first, if asked)."""
    q = (select(LearningEntry, Hub.name, SourceDocument.reference, Recommendation.reference)
         .outerjoin(Hub, Hub.id == LearningEntry.suggested_hub_id)
         .outerjoin(Recommendation, Recommendation.id == LearningEntry.recommendation_id)
         .outerjoin(SourceDocument, SourceDocument.id == Recommendation.document_id))
    if not include_triaged:
        q = q.where(LearningEntry.triage_outcome == TriageOutcome.PENDING)
    q = q.order_by((LearningEntry.triage_outcome != TriageOutcome.PENDING), LearningEntry.incident_date,
                   LearningEntry.id).limit(limit)
    return [QueueRow(e.id, e.version, e.operation, e.incident_date, e.gold_lead, e.learning, e.suggested_owner,
                     hub or "", TriageOutcome(e.triage_outcome), e.triage_reason,
                     f"{doc_ref or ''} {rec_ref or ''}".strip() if e.recommendation_id else "", e.recommendation_id)
            for e, hub, doc_ref, rec_ref in session.execute(q)]


def recommendation_by_label(session: Session, label: str) -> int | None:
    """A recommendation named as "<document reference> <reference>" or "#<id>"; None when not found."""
    label = " ".join((label or "").split())
    if label.startswith("#") and label[1:].isdigit():
        rec_id = int(label[1:])
        return rec_id if session.get(Recommendation, rec_id) is not None else None
    if " " not in label:
        return None
    doc_ref, rec_ref = label.rsplit(" ", 1)
    return session.scalar(select(Recommendation.id).join(SourceDocument)
                          .where(SourceDocument.reference == doc_ref, Recommendation.reference == rec_ref)
                          .order_by(Recommendation.position).limit(1))


