"""The register pack's rows, straight from SQL: Core selects of the needed columns, streamed with `yield_per`.

No ORM objects are built, so a million actions cost a cursor and one row at a time. Lists inside a row (hubs,
themes, the recommendations an action answers) are aggregated in SQL with `store.dialect.group_concat` (string_agg
on PostgreSQL); counts (date changes, actions) are correlated subqueries on indexed columns. The filters are the
register's own (`RegisterFilter`), so the pack holds exactly the rows the GUI shows for the same filter.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from sqlalchemy import String, and_, cast, func, literal, not_, select, true
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import ScalarSelect

from ol_desk.core.model import (
    Action,
    ActionRecommendation,
    DateChange,
    Hub,
    Person,
    Recommendation,
    RecommendationHub,
    RecommendationTheme,
    SourceDocument,
    Theme,
)
from ol_desk.core.model.enums import ACTIVE_REC_STATUSES, OPEN_ACTION_STATUSES, ActionStatus, RecStatus
from ol_desk.core.queries import predicates as p
from ol_desk.core.queries.register_filter import RegisterFilter, action_conditions, recommendation_conditions
from ol_desk.core.store.dialect import group_concat

CHUNK = 5_000
DONE_REC = {RecStatus.DELIVERED, RecStatus.EVIDENCE_ACCEPTED, RecStatus.CLOSED}


def rec_rag(status, due, first, on) -> str:
    return p.rag_word(due, first, on, active=status in ACTIVE_REC_STATUSES, done=status in DONE_REC)


def action_rag(status, due, first, on) -> str:
    return p.rag_word(due, first, on, active=status in OPEN_ACTION_STATUSES, done=status == ActionStatus.COMPLETE)


def _stream(session: Session, stmt) -> Iterator:
    result = session.execute(stmt.execution_options(yield_per=CHUNK))
    try:
        yield from result
    finally:
        result.close()


def _moves(column) -> ScalarSelect:
    """How many times the date was moved after it was first set (extensions and bring-forwards)."""
    return (select(func.count(DateChange.id)).where(column, DateChange.old_date.is_not(None))
            .correlate_except(DateChange).scalar_subquery())


def _lead_hub():
    return (select(Hub.code).join(RecommendationHub, RecommendationHub.hub_id == Hub.id)
            .where(RecommendationHub.recommendation_id == Recommendation.id, RecommendationHub.is_lead)
            .limit(1).correlate(Recommendation).scalar_subquery())


def _other_hubs():
    return (select(group_concat(Hub.code, "; ")).join(RecommendationHub, RecommendationHub.hub_id == Hub.id)
            .where(RecommendationHub.recommendation_id == Recommendation.id, not_(RecommendationHub.is_lead))
            .correlate(Recommendation).scalar_subquery())


def _themes():
    return (select(group_concat(Theme.name, "; "))
            .join(RecommendationTheme, RecommendationTheme.theme_id == Theme.id)
            .where(RecommendationTheme.recommendation_id == Recommendation.id)
            .correlate(Recommendation).scalar_subquery())


def _action_counts(only_open: bool):
    stmt = (select(func.count(ActionRecommendation.action_id))
            .where(ActionRecommendation.recommendation_id == Recommendation.id))
    if only_open:
        stmt = stmt.join(Action, Action.id == ActionRecommendation.action_id).where(p.action_open())
    return stmt.correlate(Recommendation).scalar_subquery()


def _answers():
    label = func.trim(SourceDocument.reference + literal(" ") + Recommendation.reference
                      + literal(" [#") + cast(Recommendation.id, String) + literal("]"))
    return (select(group_concat(label, "; ")).select_from(ActionRecommendation)
            .join(Recommendation, Recommendation.id == ActionRecommendation.recommendation_id)
            .join(SourceDocument, SourceDocument.id == Recommendation.document_id)
            .where(ActionRecommendation.action_id == Action.id)
            .correlate(Action).scalar_subquery())


Owner = Person.__table__.alias("owner")


def recommendation_rows(session: Session, flt: RegisterFilter, on: dt.date, *, extra=None) -> Iterator:
    """One row per recommendation in register order (document date, document, then entry order)."""
    conds = recommendation_conditions(flt, on) + list(extra or ())
    stmt = (select(Recommendation.id, SourceDocument.kind, SourceDocument.reference.label("doc_ref"),
                   SourceDocument.title.label("doc_title"), SourceDocument.date_issued,
                   Recommendation.reference, Recommendation.finding_type, Recommendation.title, Recommendation.text,
                   _lead_hub().label("lead_hub"), _other_hubs().label("other_hubs"), _themes().label("themes"),
                   Owner.c.name.label("owner"), Recommendation.response_position, Recommendation.status,
                   Recommendation.original_target_date, Recommendation.current_target_date,
                   _moves(DateChange.recommendation_id == Recommendation.id).label("moves"),
                   Recommendation.last_update_on, _action_counts(True).label("open_actions"),
                   _action_counts(False).label("actions"), Recommendation.board_decision_on,
                   Recommendation.board_minute_ref, Recommendation.closed_on)
            .join(SourceDocument, SourceDocument.id == Recommendation.document_id)
            .outerjoin(Owner, Owner.c.id == Recommendation.owner_id)
            .where(and_(true(), *conds))
            .order_by(SourceDocument.date_issued, SourceDocument.id, Recommendation.id))
    return _stream(session, stmt)


def action_rows(session: Session, flt: RegisterFilter, on: dt.date, *, extra=None) -> Iterator:
    """One row per action, in the order they were recorded."""
    conds = action_conditions(flt, on) + list(extra or ())
    stmt = (select(Action.id, Action.reference, Action.title, Hub.code.label("hub"), Owner.c.name.label("owner"),
                   Action.status, Action.original_due_date, Action.current_due_date,
                   _moves(DateChange.action_id == Action.id).label("moves"), Action.percent_complete,
                   Action.completed_on, Action.embedded, Action.last_update_on, _answers().label("answers"))
            .outerjoin(Hub, Hub.id == Action.hub_id)
            .outerjoin(Owner, Owner.c.id == Action.owner_id)
            .where(and_(true(), *conds))
            .order_by(Action.id))
    return _stream(session, stmt)


def overdue_recommendation_rows(session: Session, flt: RegisterFilter, on: dt.date) -> Iterator:
    return recommendation_rows(session, flt, on, extra=[p.rec_overdue(on)])


def overdue_action_rows(session: Session, flt: RegisterFilter, on: dt.date) -> Iterator:
    return action_rows(session, flt, on, extra=[p.action_overdue(on)])


def board_rows(session: Session, flt: RegisterFilter, on: dt.date) -> Iterator:
    """Recommendations whose evidence CPIC has accepted: closures for the Board to decide."""
    return recommendation_rows(session, flt, on, extra=[Recommendation.status == RecStatus.EVIDENCE_ACCEPTED])
