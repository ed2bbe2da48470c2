"""Similar items: existing recommendations from other sources whose text is close to a new one.

A new PFD concern that repeats an old IOPC recommendation, or an HMICFRS area for improvement, should be seen
when the new item is captured, imported or opened. The words are matched by the search index (more-like-this);
the facts shown (source, status) are read from the database. Hits from the item's own source document are left
out: siblings in one report are alike by construction and say nothing new.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ol_desk.core.model import Recommendation, SourceDocument
from ol_desk.core.model.enums import RecStatus, SourceKind
from ol_desk.core.model.recommendations import finding_label

# Over-fetch so that dropping same-document hits still leaves `limit` to show.
_OVERFETCH = 3


@dataclass(frozen=True)
class SimilarItem:
    id: int
    label: str          # "<document reference> <recommendation reference>"
    source: str         # the source kind's label
    status: str         # the status label
    text: str           # the start of its text
    score: float

    def line(self) -> str:
        return f"{self.label} · {self.source} · {self.status} — {self.text}"


def similar_recommendations(session: Session, index, text: str, *, exclude_ids=(), document_id: int | None = None,
                            limit: int = 5) -> list[SimilarItem]:
    """Recommendations like `text`, best first, leaving out `exclude_ids` and those of `document_id`."""
    if index is None or not (text or "").strip():
        return []
    hits = index.similar(text, kind="recommendation", exclude_ids=tuple(exclude_ids), limit=limit * _OVERFETCH)
    if not hits:
        return []
    rows = {r.id: r for r in session.execute(
        select(Recommendation.id, Recommendation.reference, Recommendation.position, Recommendation.status,
               Recommendation.text,
               Recommendation.title, Recommendation.document_id, SourceDocument.kind,
               SourceDocument.reference.label("doc_ref"))
        .join(SourceDocument, SourceDocument.id == Recommendation.document_id)
        .where(Recommendation.id.in_([h.id for h in hits])))}
    out = []
    for hit in hits:
        row = rows.get(hit.id)
        if row is None or (document_id is not None and row.document_id == document_id):
            continue
        body = " ".join((row.text or row.title or "").split())
        out.append(SimilarItem(row.id, finding_label(row.doc_ref, row.reference, row.position),
                               SourceKind(row.kind).label,
                               RecStatus(row.status).label, body[:160] + ("…" if len(body) > 160 else ""),
                               hit.score))
        if len(out) == limit:
            break
    return out
