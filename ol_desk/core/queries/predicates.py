"""Derived states as SQL expressions: overdue, due soon, stale. Never stored; always computed for a given day."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, Date, and_, func, or_, select, type_coerce

from ol_desk.core.dates import DEFAULT_DUE_SOON_DAYS
from ol_desk.core.model import Action, Recommendation, SourceDocument
from ol_desk.core.model.enums import ACTIVE_REC_STATUSES, OPEN_ACTION_STATUSES, OPEN_REC_STATUSES


def rec_active() -> ColumnElement[bool]:
    return Recommendation.status.in_(ACTIVE_REC_STATUSES)


def rec_overdue(on: dt.date) -> ColumnElement[bool]:
    return and_(rec_active(), Recommendation.current_target_date < on)


def rec_due_within(days: int, on: dt.date) -> ColumnElement[bool]:
    return and_(rec_active(), Recommendation.current_target_date >= on,
                Recommendation.current_target_date <= on + dt.timedelta(days=days))


def rec_stale(days: int, on: dt.date) -> ColumnElement[bool]:
    """Active and no progress update for `days` days (or never, once it is older than that)."""
    cutoff = on - dt.timedelta(days=days)
    return and_(rec_active(), or_(Recommendation.last_update_on < cutoff,
                                  and_(Recommendation.last_update_on.is_(None),
                                       Recommendation.created_at < dt.datetime.combine(cutoff, dt.time()))))


def rec_slipped() -> ColumnElement[bool]:
    return Recommendation.current_target_date > Recommendation.original_target_date


def action_open() -> ColumnElement[bool]:
    return Action.status.in_(OPEN_ACTION_STATUSES)


def action_overdue(on: dt.date) -> ColumnElement[bool]:
    return and_(action_open(), Action.current_due_date < on)


def action_due_within(days: int, on: dt.date) -> ColumnElement[bool]:
    return and_(action_open(), Action.current_due_date >= on,
                Action.current_due_date <= on + dt.timedelta(days=days))


def action_stale(days: int, on: dt.date) -> ColumnElement[bool]:
    cutoff = on - dt.timedelta(days=days)
    return and_(action_open(), or_(Action.last_update_on < cutoff,
                                   and_(Action.last_update_on.is_(None),
                                        Action.created_at < dt.datetime.combine(cutoff, dt.time()))))


def response_outstanding() -> ColumnElement[bool]:
    """A document with a response clock whose response has not been sent."""
    return and_(SourceDocument.response_due.is_not(None), SourceDocument.response_sent_on.is_(None))


# -- RAG and age (the dashboard's colours and buckets; the register filter selects by the same expressions) -----
RAG_COLOURS = ("red", "amber", "green")


def rec_open() -> ColumnElement[bool]:
    return Recommendation.status.in_(OPEN_REC_STATUSES)


def rec_rag(colour: str, on: dt.date, due_days: int = DEFAULT_DUE_SOON_DAYS) -> ColumnElement[bool]:
    """Open recommendations split in three, without overlap or gap, by the same rule as `rag_word` (the register
    pack's RAG column): red overdue; amber due within `due_days`, slipped past its first agreed date, or no target
    date yet; green the rest (on track, or delivered and waiting for CPIC or the Board)."""
    target, first = Recommendation.current_target_date, Recommendation.original_target_date
    if colour == "red":
        return rec_overdue(on)
    if colour == "amber":
        return and_(rec_active(), or_(target.is_(None),
                                      and_(target >= on, or_(target <= on + dt.timedelta(days=due_days),
                                                             rec_slipped()))))
    if colour == "green":
        return and_(rec_open(), or_(Recommendation.status.not_in(ACTIVE_REC_STATUSES),
                                    and_(target > on + dt.timedelta(days=due_days),
                                         or_(first.is_(None), target <= first))))
    raise ValueError(f"RAG colour must be one of {', '.join(RAG_COLOURS)}, not {colour!r}")


def rag_word(due: dt.date | None, first: dt.date | None, on: dt.date, *, active: bool, done: bool,
             due_days: int = DEFAULT_DUE_SOON_DAYS) -> str:
    """One row's RAG word (the register pack), by the rule `rec_rag` selects with: Red overdue; Amber due within
    `due_days`, slipped or no date set; Green on track; Complete the work is delivered (or closed); n/a not
    accepted, superseded or cancelled."""
    if done:
        return "Complete"
    if not active:
        return "n/a"
    if due is None:
        return "Amber"
    if due < on:
        return "Red"
    if (due - on).days <= due_days or (first is not None and due > first):
        return "Amber"
    return "Green"


def rec_opened_on(issued=None) -> ColumnElement:
    """When a recommendation's clock started: its source document's issue date, else the day it was recorded.
    `issued`: SourceDocument.date_issued when the query already joins the document (else a subquery finds it)."""
    if issued is None:
        issued = (select(SourceDocument.date_issued).where(SourceDocument.id == Recommendation.document_id)
                  .scalar_subquery())
    return func.coalesce(issued, type_coerce(func.date(Recommendation.created_at), Date))
