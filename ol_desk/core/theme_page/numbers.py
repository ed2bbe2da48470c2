"""The theme page's numbers: open, overdue, due soon, stale, awaiting CPIC or the Board, closed; and the theme's
actions open, overdue, stale, delivered and with their outcome evidenced.

Each number is a dashboard Slice: the count and the RegisterFilter that opens the register on exactly the rows
counted. The count is made from that same filter's SQL (`COUNT(*) FILTER (WHERE <its conditions>)`), so the two
cannot disagree; the predicates are core/queries/predicates.py's, the register's own.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from ol_desk.core.dates import DEFAULT_DUE_SOON_DAYS, DEFAULT_STALE_DAYS
from ol_desk.core.model import Action, Recommendation, SourceDocument
from ol_desk.core.model.enums import ActionStatus, Entity, RecStatus
from ol_desk.core.queries.dashboard import OPEN, Slice
from ol_desk.core.queries.register_filter import (
    RegisterFilter,
    action_conditions,
    document_conditions,
    recommendation_conditions,
)

_TABLES = {Entity.RECOMMENDATION: (Recommendation, recommendation_conditions),
           Entity.ACTION: (Action, action_conditions),
           Entity.DOCUMENT: (SourceDocument, document_conditions)}


def counted(session: Session, entity: Entity, named: list[tuple[str, str, RegisterFilter]], on: dt.date,
            theme: RegisterFilter | None = None) -> list[Slice]:
    """Count several filters over one register in one statement, each with exactly that filter's conditions.
    `theme`: a filter every one of them includes (the theme's); its rows are selected once in WHERE and each
    count adds the rest of its filter's conditions (the same rows as the whole filter, without building the
    theme's list once per count)."""
    if not named:
        return []
    table, conditions = _TABLES[entity]

    def rest(f: RegisterFilter) -> RegisterFilter:
        return f.with_(theme_ids=()) if theme is not None and f.theme_ids == theme.theme_ids else f
    q = select(*[func.count().filter(and_(True, *conditions(rest(f), on))) for _k, _l, f in named]
               ).select_from(table)
    if theme is not None:
        if any(f.theme_ids != theme.theme_ids for _k, _l, f in named):
            raise ValueError("every filter counted within a theme must carry that theme")
        q = q.where(*conditions(theme, on))
    counts = session.execute(q).one()
    return [Slice(key, label, int(n or 0), entity, f) for (key, label, f), n in zip(named, counts, strict=True)]


def finding_filters(theme_id: int, theme_name: str, due_days: int = DEFAULT_DUE_SOON_DAYS,
                    stale_days: int = DEFAULT_STALE_DAYS) -> list[tuple[str, str, RegisterFilter]]:
    def f(label: str, **kw) -> RegisterFilter:
        return RegisterFilter(theme_ids=(theme_id,), labels=(f"Theme {theme_name}", label), **kw)
    return [
        ("all", "Findings, every year", f("Every finding")),
        ("open", "Open", f("Open", statuses=OPEN)),
        ("overdue", "Overdue", f("Overdue", overdue=True)),
        ("due_soon", f"Due within {due_days} days", f(f"Due within {due_days} days", due_within_days=due_days)),
        ("stale", f"No update for {stale_days} days", f(f"No update for {stale_days} days", stale_days=stale_days)),
        ("awaiting_cpic", "Awaiting CPIC acceptance", f("Awaiting CPIC acceptance",
                                                        statuses=(RecStatus.DELIVERED.value,))),
        ("awaiting_board", "Evidence accepted, awaiting the Board",
         f("Awaiting the Board", statuses=(RecStatus.EVIDENCE_ACCEPTED.value,))),
        ("closed", "Closed", f("Closed", statuses=(RecStatus.CLOSED.value,))),
    ]


def action_filters(theme_id: int, theme_name: str, stale_days: int = DEFAULT_STALE_DAYS
                   ) -> list[tuple[str, str, RegisterFilter]]:
    def f(label: str, **kw) -> RegisterFilter:
        return RegisterFilter(theme_ids=(theme_id,), labels=(f"Theme {theme_name}", label), **kw)
    open_ = tuple(sorted(s.value for s in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)))
    return [
        ("actions_open", "Actions open", f("Actions open", statuses=open_)),
        ("actions_overdue", "Actions overdue", f("Actions overdue", overdue=True)),
        ("actions_stale", f"Actions with no update for {stale_days} days",
         f(f"No update for {stale_days} days", stale_days=stale_days)),
        ("actions_delivered", "Actions delivered", f("Delivered", statuses=(ActionStatus.COMPLETE.value,))),
        ("actions_embedded", "Actions, outcome evidenced",
         f("Outcome evidenced", embedded=True)),
    ]


def theme_numbers(session: Session, theme_id: int, theme_name: str, on: dt.date) -> tuple[list[Slice], list[Slice]]:
    """(the findings' numbers, the actions' numbers) of one theme on `on`."""
    theme = RegisterFilter(theme_ids=(theme_id,))
    return (counted(session, Entity.RECOMMENDATION, finding_filters(theme_id, theme_name), on, theme),
            counted(session, Entity.ACTION, action_filters(theme_id, theme_name), on, theme))
