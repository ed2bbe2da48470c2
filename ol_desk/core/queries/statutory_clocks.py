"""The statutory clocks: PFD, IOPC and HMICFRS responses still to send, with days left and who owns them.

A source document has no owner of its own; the response is owned by whoever owns its recommendations (named in
the register), else by its lead hubs. Both are read in SQL, a page at a time, most urgent first.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ol_desk.core.dates import STATUTORY_DAYS, today
from ol_desk.core.model import Hub, Person, Recommendation, RecommendationHub, SourceDocument
from ol_desk.core.model.enums import SourceKind

from . import predicates as p

STATUTORY_KINDS = tuple(k.value for k in STATUTORY_DAYS)


@dataclass(frozen=True)
class Clock:
    document_id: int
    kind: SourceKind
    reference: str
    title: str
    date_issued: dt.date | None
    response_due: dt.date
    extended: bool              # the due date was moved from the statutory one
    days_left: int              # negative when overdue
    owner: str                  # people owning its recommendations, else its lead hubs, else ""

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


def clocks(session: Session, on: dt.date | None = None, *, kinds=STATUTORY_KINDS, limit: int = 500) -> list[Clock]:
    """Outstanding responses of the given kinds, most urgent (most overdue) first."""
    on = on or today()
    docs = session.execute(
        select(SourceDocument.id, SourceDocument.kind, SourceDocument.reference, SourceDocument.title,
               SourceDocument.date_issued, SourceDocument.response_due, SourceDocument.original_response_due)
        .where(p.response_outstanding(), SourceDocument.kind.in_(kinds))
        .order_by(SourceDocument.response_due, SourceDocument.id).limit(limit)).all()
    owners = owners_of(session, [d.id for d in docs])
    return [Clock(d.id, SourceKind(d.kind), d.reference, d.title, d.date_issued, d.response_due,
                  d.original_response_due is not None and d.response_due != d.original_response_due,
                  (d.response_due - on).days, owners.get(d.id, "")) for d in docs]


def owners_of(session: Session, doc_ids: list[int]) -> dict[int, str]:
    if not doc_ids:
        return {}
    people = session.execute(
        select(Recommendation.document_id, Person.name).join(Person, Person.id == Recommendation.owner_id)
        .where(Recommendation.document_id.in_(doc_ids)).distinct().order_by(Recommendation.document_id, Person.name))
    hubs = session.execute(
        select(Recommendation.document_id, Hub.name)
        .join(RecommendationHub, (RecommendationHub.recommendation_id == Recommendation.id) & RecommendationHub.is_lead)
        .join(Hub, Hub.id == RecommendationHub.hub_id)
        .where(Recommendation.document_id.in_(doc_ids)).distinct().order_by(Recommendation.document_id, Hub.name))
    named: dict[int, list[str]] = {}
    for doc_id, name in people:
        named.setdefault(doc_id, []).append(name)
    by_hub: dict[int, list[str]] = {}
    for doc_id, name in hubs:
        by_hub.setdefault(doc_id, []).append(name)
    return {d: ", ".join(named.get(d) or by_hub.get(d) or []) for d in doc_ids}


def count_outstanding(session: Session, kinds=STATUTORY_KINDS) -> int:
    return int(session.scalar(select(func.count()).select_from(SourceDocument)
                              .where(p.response_outstanding(), SourceDocument.kind.in_(kinds))) or 0)
