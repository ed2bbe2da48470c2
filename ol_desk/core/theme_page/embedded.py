"""The evidence that shows a theme's learning embedded: actions whose outcome is recorded as evidenced (what was
checked, and when), newest first, with the finding each answers."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ol_desk.core.model import (
    Action,
    ActionRecommendation,
    Evidence,
    Recommendation,
    RecommendationTheme,
    SourceDocument,
)
from ol_desk.core.model.recommendations import finding_label

SHOWN = 12


@dataclass(frozen=True)
class EmbeddedItem:
    action_id: int
    action: str
    finding_id: int
    finding: str
    on: dt.date | None
    note: str
    evidence: int       # files and links attached to the action


def embedded_items(session: Session, theme_id: int, limit: int = SHOWN) -> list[EmbeddedItem]:
    in_theme = select(RecommendationTheme.recommendation_id).where(RecommendationTheme.theme_id == theme_id)
    evidence = select(func.count()).where(Evidence.action_id == Action.id).scalar_subquery()
    # driven from the theme's own links (not from every embedded action of the register)
    rows = session.execute(
        select(Action.id, Action.title, Action.embedded_on, Action.embedded_note,
               func.min(ActionRecommendation.recommendation_id).label("rec_id"), evidence.label("evidence"))
        .join(Action, Action.id == ActionRecommendation.action_id)
        .where(ActionRecommendation.recommendation_id.in_(in_theme), Action.embedded.is_(True))
        .group_by(Action.id, Action.title, Action.embedded_on, Action.embedded_note)
        .order_by(Action.embedded_on.desc().nulls_last(), Action.id.desc()).limit(limit)).all()
    if not rows:
        return []
    labels = {r.id: finding_label(r.doc_ref, r.reference, r.position) for r in session.execute(
        select(Recommendation.id, Recommendation.reference, Recommendation.position,
               SourceDocument.reference.label("doc_ref"))
        .join(SourceDocument, SourceDocument.id == Recommendation.document_id)
        .where(Recommendation.id.in_([r.rec_id for r in rows])))}
    return [EmbeddedItem(r.id, " ".join((r.title or "").split()), r.rec_id, labels.get(r.rec_id, ""),
                         r.embedded_on, " ".join((r.embedded_note or "").split()), int(r.evidence or 0))
            for r in rows]
