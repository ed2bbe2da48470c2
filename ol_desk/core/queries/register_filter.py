"""The register's filters as one value, turned into SQL for recommendations or actions.

Shared by the GUI registers, the exporters and the dashboard's click-through, so that "overdue in North West" means
exactly the same rows everywhere. Free text is resolved by the caller (through the search index) into `ids`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from sqlalchemy import ColumnElement, and_, exists, or_, select

from ol_desk.core.model import (
    Action,
    ActionRecommendation,
    LearningEntry,
    Recommendation,
    RecommendationHub,
    RecommendationTheme,
    SourceDocument,
)

from . import predicates as p


@dataclass(frozen=True)
class RegisterFilter:
    source_kinds: tuple[str, ...] = ()      # SourceKind values
    finding_types: tuple[str, ...] = ()     # FindingType values (recommendations)
    hub_ids: tuple[int, ...] = ()           # any of these hubs (lead or not; an action's own hub)
    lead_hub_only: bool = False
    theme_ids: tuple[int, ...] = ()
    statuses: tuple[str, ...] = ()          # RecStatus or ActionStatus values, by register
    owner_ids: tuple[int, ...] = ()
    document_id: int | None = None
    recommendation_id: int | None = None    # actions answering this recommendation
    overdue: bool = False
    due_within_days: int | None = None
    stale_days: int | None = None
    slipped: bool = False
    # Chasers: 0 = never chased; N = never, or not in the last N days (reads the indexed last_chased_at).
    not_chased_days: int | None = None
    embedded: bool = False                  # actions whose outcome is evidenced (learning embedded)
    text: str = ""                          # the user's search text (resolved into `ids` by the caller)
    ids: tuple[int, ...] | None = None      # restrict to these ids (search hits, a dashboard bar's rows)
    # The dashboard's slices (recommendations; see predicates.rec_rag and rec_opened_on). Dates are inclusive;
    # None at either end of a window leaves that end open.
    rag: str | None = None                  # "red" | "amber" | "green": open items by RAG colour
    opened_between: tuple[dt.date | None, dt.date | None] | None = None
    closed_between: tuple[dt.date | None, dt.date | None] | None = None
    # Source documents: responses still outstanding and due in this window (the statutory clocks).
    response_due_between: tuple[dt.date | None, dt.date | None] | None = None
    labels: tuple[str, ...] = field(default=(), compare=False)  # human words for what is filtered

    def with_(self, **changes) -> RegisterFilter:
        return replace(self, **changes)

    @property
    def is_empty(self) -> bool:
        return self == RegisterFilter()


def not_chased(column, days: int, on: dt.date) -> ColumnElement[bool]:
    """Never chased (days 0), or not chased in the `days` days up to `on`."""
    if days <= 0:
        return column.is_(None)
    cutoff = dt.datetime.combine(on - dt.timedelta(days=days - 1), dt.time(), tzinfo=dt.UTC)
    return or_(column.is_(None), column < cutoff)


def _recs_in_kinds(kinds) -> ColumnElement[bool]:
    return Recommendation.document_id.in_(select(SourceDocument.id).where(SourceDocument.kind.in_(kinds)))


def recommendation_conditions(f: RegisterFilter, on: dt.date) -> list[ColumnElement[bool]]:
    c: list[ColumnElement[bool]] = []
    if f.source_kinds:
        c.append(_recs_in_kinds(f.source_kinds))
    if f.finding_types:
        c.append(Recommendation.finding_type.in_(f.finding_types))
    if f.hub_ids:
        link = select(RecommendationHub.recommendation_id).where(RecommendationHub.hub_id.in_(f.hub_ids))
        if f.lead_hub_only:
            link = link.where(RecommendationHub.is_lead)
        c.append(Recommendation.id.in_(link))
    if f.theme_ids:
        c.append(Recommendation.id.in_(select(RecommendationTheme.recommendation_id)
                                       .where(RecommendationTheme.theme_id.in_(f.theme_ids))))
    if f.statuses:
        c.append(Recommendation.status.in_(f.statuses))
    if f.owner_ids:
        c.append(Recommendation.owner_id.in_(f.owner_ids))
    if f.document_id is not None:
        c.append(Recommendation.document_id == f.document_id)
    if f.overdue:
        c.append(p.rec_overdue(on))
    if f.due_within_days is not None:
        c.append(p.rec_due_within(f.due_within_days, on))
    if f.stale_days is not None:
        c.append(p.rec_stale(f.stale_days, on))
    if f.slipped:
        c.append(p.rec_slipped())
    if f.not_chased_days is not None:
        c.append(not_chased(Recommendation.last_chased_at, f.not_chased_days, on))
    if f.rag is not None:
        c.append(p.rec_rag(f.rag, on))
    if f.opened_between is not None:
        c.extend(within(p.rec_opened_on(), f.opened_between))
    if f.closed_between is not None:
        c.extend(within(Recommendation.closed_on, f.closed_between))
    if f.ids is not None:
        c.append(Recommendation.id.in_(f.ids))
    return c


def within(column, window) -> list[ColumnElement[bool]]:
    lo, hi = window
    return ([column >= lo] if lo is not None else []) + ([column <= hi] if hi is not None else [])


def document_conditions(f: RegisterFilter, on: dt.date) -> list[ColumnElement[bool]]:
    """Source documents: by kind, id, and (for the statutory clocks) an outstanding response's due date."""
    c: list[ColumnElement[bool]] = []
    if f.source_kinds:
        c.append(SourceDocument.kind.in_(f.source_kinds))
    if f.document_id is not None:
        c.append(SourceDocument.id == f.document_id)
    if f.overdue:
        c.extend([p.response_outstanding(), SourceDocument.response_due < on])
    if f.due_within_days is not None:
        c.extend([p.response_outstanding(), SourceDocument.response_due >= on,
                  SourceDocument.response_due <= on + dt.timedelta(days=f.due_within_days)])
    if f.response_due_between is not None:
        c.append(p.response_outstanding())
        c.extend(within(SourceDocument.response_due, f.response_due_between))
    if f.ids is not None:
        c.append(SourceDocument.id.in_(f.ids))
    return c


def action_conditions(f: RegisterFilter, on: dt.date) -> list[ColumnElement[bool]]:
    c: list[ColumnElement[bool]] = []
    answers = select(ActionRecommendation.action_id)
    if f.theme_ids and not (f.source_kinds or f.finding_types):
        # the theme alone: straight from the link table (no join to recommendations; the same rows)
        c.append(Action.id.in_(answers.where(ActionRecommendation.recommendation_id.in_(
            select(RecommendationTheme.recommendation_id).where(RecommendationTheme.theme_id.in_(f.theme_ids))))))
    elif f.source_kinds or f.theme_ids or f.finding_types:
        rec_conds = recommendation_conditions(
            RegisterFilter(source_kinds=f.source_kinds, theme_ids=f.theme_ids, finding_types=f.finding_types), on)
        c.append(Action.id.in_(answers.join(Recommendation, Recommendation.id == ActionRecommendation.recommendation_id)
                               .where(and_(*rec_conds))))
    if f.hub_ids:
        c.append(Action.hub_id.in_(f.hub_ids))
    if f.statuses:
        c.append(Action.status.in_(f.statuses))
    if f.owner_ids:
        c.append(Action.owner_id.in_(f.owner_ids))
    if f.recommendation_id is not None:
        c.append(exists().where(ActionRecommendation.action_id == Action.id,
                                ActionRecommendation.recommendation_id == f.recommendation_id))
    if f.document_id is not None:
        c.append(Action.id.in_(answers.join(Recommendation, Recommendation.id == ActionRecommendation.recommendation_id)
                               .where(Recommendation.document_id == f.document_id)))
    if f.overdue:
        c.append(p.action_overdue(on))
    if f.due_within_days is not None:
        c.append(p.action_due_within(f.due_within_days, on))
    if f.stale_days is not None:
        c.append(p.action_stale(f.stale_days, on))
    if f.slipped:
        c.append(Action.current_due_date > Action.original_due_date)
    if f.not_chased_days is not None:
        c.append(not_chased(Action.last_chased_at, f.not_chased_days, on))
    if f.embedded:
        c.append(Action.embedded.is_(True))
    if f.ids is not None:
        c.append(Action.id.in_(f.ids))
    return c


def learning_conditions(f: RegisterFilter, on: dt.date) -> list[ColumnElement[bool]]:
    c: list[ColumnElement[bool]] = []
    if f.hub_ids:
        c.append(LearningEntry.suggested_hub_id.in_(f.hub_ids))
    if f.statuses:
        c.append(LearningEntry.triage_outcome.in_(f.statuses))
    if f.recommendation_id is not None:
        c.append(LearningEntry.recommendation_id == f.recommendation_id)
    if f.ids is not None:
        c.append(LearningEntry.id.in_(f.ids))
    return c
