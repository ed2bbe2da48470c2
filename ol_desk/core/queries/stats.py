"""`ol-desk stats`: counts by source kind, status and hub; overdue; due soon; stale — all in SQL."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ol_desk.core.dates import DEFAULT_DUE_SOON_DAYS, DEFAULT_STALE_DAYS, today
from ol_desk.core.model import Action, DateChange, Hub, LearningEntry, Recommendation, RecommendationHub, SourceDocument
from ol_desk.core.model.enums import RecStatus, TriageOutcome

from . import predicates as p
from .register_filter import RegisterFilter, action_conditions, recommendation_conditions
from .statutory_responses import WINDOW_DAYS, document_conditions


@dataclass
class Stats:
    on: str
    documents: int = 0
    recommendations: int = 0
    actions: int = 0
    by_source_kind: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)
    by_lead_hub: dict[str, int] = field(default_factory=dict)
    actions_by_status: dict[str, int] = field(default_factory=dict)
    overdue: int = 0
    due_within_30_days: int = 0
    stale: int = 0
    slipped: int = 0
    # Moves of a date after it was first set (extensions, the odd bring-forward), from the DateChange history.
    target_date_moves: int = 0
    due_date_moves: int = 0
    actions_overdue: int = 0
    actions_due_within_30_days: int = 0
    awaiting_cpic: int = 0
    awaiting_board: int = 0
    responses_overdue: int = 0
    responses_due_within_56_days: int = 0
    learning_awaiting_triage: int = 0

    def as_dict(self) -> dict:
        return asdict(self)


def _count(session: Session, stmt) -> int:
    return int(session.scalar(stmt) or 0)


def compute(session: Session, on: dt.date | None = None, *, due_days: int = DEFAULT_DUE_SOON_DAYS,
            stale_days: int = DEFAULT_STALE_DAYS, register: RegisterFilter | None = None,
            action_register: RegisterFilter | None = None) -> Stats:
    """Counts for the whole register, or for the rows a register filter selects (`register` for
    recommendations and documents, `action_register` for actions; it defaults to `register`)."""
    on = on or today()
    s = Stats(on=on.isoformat())
    action_register = action_register if action_register is not None else register
    rec_where = recommendation_conditions(register, on) if register is not None else []
    act_where = action_conditions(action_register, on) if action_register is not None else []
    rc = select(func.count()).select_from(Recommendation).where(*rec_where)
    ac = select(func.count()).select_from(Action).where(*act_where)
    doc_where = document_conditions(register, on)  # the same documents the pack's Statutory responses lists
    s.documents = _count(session, select(func.count()).select_from(SourceDocument).where(*doc_where))
    s.recommendations = _count(session, rc)
    s.actions = _count(session, ac)
    s.by_source_kind = {k.value if hasattr(k, "value") else k: n for k, n in session.execute(
        select(SourceDocument.kind, func.count(Recommendation.id))
        .join(Recommendation, Recommendation.document_id == SourceDocument.id).where(*rec_where)
        .group_by(SourceDocument.kind).order_by(SourceDocument.kind))}
    s.by_status = {k.value: n for k, n in session.execute(
        select(Recommendation.status, func.count()).where(*rec_where)
        .group_by(Recommendation.status).order_by(Recommendation.status))}
    by_hub = (select(Hub.code, func.count(RecommendationHub.recommendation_id))
              .join(RecommendationHub, (RecommendationHub.hub_id == Hub.id) & RecommendationHub.is_lead))
    if rec_where:  # the join costs a table lookup per link: only when a filter needs it
        by_hub = by_hub.join(Recommendation, Recommendation.id == RecommendationHub.recommendation_id).where(*rec_where)
    s.by_lead_hub = {code: n for code, n in session.execute(by_hub.group_by(Hub.code).order_by(Hub.code))}
    s.actions_by_status = {k.value: n for k, n in session.execute(
        select(Action.status, func.count()).where(*act_where).group_by(Action.status).order_by(Action.status))}
    s.overdue = _count(session, rc.where(p.rec_overdue(on)))
    s.due_within_30_days = _count(session, rc.where(p.rec_due_within(due_days, on)))
    s.stale = _count(session, rc.where(p.rec_stale(stale_days, on)))
    s.slipped = _count(session, rc.where(p.rec_slipped()))
    moved = select(func.count(DateChange.id)).where(DateChange.old_date.is_not(None))
    s.target_date_moves = _count(session, moved.where(DateChange.recommendation_id.in_(
        select(Recommendation.id).where(*rec_where)) if rec_where else DateChange.recommendation_id.is_not(None)))
    s.due_date_moves = _count(session, moved.where(DateChange.action_id.in_(
        select(Action.id).where(*act_where)) if act_where else DateChange.action_id.is_not(None)))
    s.actions_overdue = _count(session, ac.where(p.action_overdue(on)))
    s.actions_due_within_30_days = _count(session, ac.where(p.action_due_within(due_days, on)))
    s.awaiting_cpic = s.by_status.get(RecStatus.DELIVERED.value, 0)
    s.awaiting_board = s.by_status.get(RecStatus.EVIDENCE_ACCEPTED.value, 0)
    dc = select(func.count()).select_from(SourceDocument).where(p.response_outstanding(), *doc_where)
    s.responses_overdue = _count(session, dc.where(SourceDocument.response_due < on))
    s.responses_due_within_56_days = _count(session, dc.where(
        SourceDocument.response_due >= on, SourceDocument.response_due <= on + dt.timedelta(days=WINDOW_DAYS)))
    s.learning_awaiting_triage = _count(session, select(func.count()).select_from(LearningEntry)
                                        .where(LearningEntry.triage_outcome == TriageOutcome.PENDING))
    return s
