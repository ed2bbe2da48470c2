"""What the triage queue reads and writes, as plain functions run on the worker thread (no Qt)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ol_desk.core.model import Hub, LearningEntry, Recommendation, SourceDocument
from ol_desk.core.model.enums import TriageOutcome
from ol_desk.core.services import actions
from ol_desk.core.services.actor import Actor
from ol_desk.core.services.changes import Changes
from ol_desk.core.services.learning import triage_convert

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


def convert_with_actions(session: Session, actor: Actor, entry_id: int, *, text: str,
                         target_date: dt.date | None, action_titles: list[str],
                         expected_version: int | None = None) -> tuple[Changes, int]:
    """Convert the learning into a recommendation and give it its actions, in one transaction."""
    changes = triage_convert(session, actor, entry_id, text=text, target_date=target_date,
                             expected_version=expected_version)
    entry = session.get(LearningEntry, entry_id)
    rec_id = entry.recommendation_id
    for title in action_titles:
        if title.strip():
            changes |= actions.create_action(session, actor, title=title.strip(), recommendation_ids=[rec_id],
                                             hub_id=entry.suggested_hub_id, due_date=target_date)
    return changes, rec_id


def recommendation_by_label(session: Session, label: str) -> int | None:
    """A recommendation named as "<document reference> <reference>" or "#<id>"; None when not found."""
    label = " ".join((label or "").split())
    if label.startswith("#") and label[1:].isdigit():
        return session.get(Recommendation, int(label[1:])) and int(label[1:])
    if " " not in label:
        return None
    doc_ref, rec_ref = label.rsplit(" ", 1)
    return session.scalar(select(Recommendation.id).join(SourceDocument)
                          .where(SourceDocument.reference == doc_ref, Recommendation.reference == rec_ref)
                          .order_by(Recommendation.position).limit(1))


