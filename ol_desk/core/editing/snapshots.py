"""What an editor shows, read in one go on the worker thread: plain values, never ORM objects (a session does not
cross threads). Each `load_*` is `fn(session, actor, id) -> Snapshot` for `ops.read`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select

from ol_desk.core import lifecycle
from ol_desk.core.dates import statutory_due
from ol_desk.core.model import (
    Action,
    DateChange,
    Evidence,
    Hub,
    Person,
    ProgressUpdate,
    Recommendation,
    SourceDocument,
    Theme,
)
from ol_desk.core.model.enums import Entity
from ol_desk.core.services import actions as action_service
from ol_desk.core.services import recommendations as rec_service
from ol_desk.core.services.actor import Actor
from ol_desk.core.services.writes import get, snapshot

from .history_text import HistoryLine, item_history


@dataclass(frozen=True)
class Choice:
    id: int
    name: str
    detail: str = ""


@dataclass(frozen=True)
class Choices:
    """Reference data for pickers: active hubs, themes and people (plus any inactive one the item still uses)."""
    hubs: tuple[Choice, ...]
    themes: tuple[Choice, ...]
    people: tuple[Choice, ...]


@dataclass(frozen=True)
class DateMove:
    old: dt.date | None
    new: dt.date
    reason: str
    by: str
    at: dt.datetime


@dataclass(frozen=True)
class LinkedRow:
    id: int
    reference: str
    title: str
    status: str
    due: dt.date | None
    owner: str


@dataclass(frozen=True)
class UpdateRow:
    id: int
    written_on: dt.date
    author: str
    text: str


@dataclass(frozen=True)
class EvidenceRow:
    id: int
    kind: str
    name: str
    url: str
    description: str
    sha256: str
    size_bytes: int | None
    added_by: str
    created_at: dt.datetime


@dataclass
class Snapshot:
    entity: Entity
    id: int                                    # a snapshot is always of a saved row (a new item has none)
    version: int
    values: dict[str, Any]                     # every column by attribute name
    label: str = ""
    date_moves: tuple[DateMove, ...] = ()
    linked: tuple[LinkedRow, ...] = ()         # document: its recommendations; rec: its actions; action: its recs
    updates: tuple[UpdateRow, ...] = ()
    evidence: tuple[EvidenceRow, ...] = ()
    history: tuple[HistoryLine, ...] = ()
    hub_ids: tuple[int, ...] = ()
    lead_hub_id: int | None = None
    theme_ids: tuple[int, ...] = ()
    commands: dict[str, str | None] = field(default_factory=dict)  # command -> why not (None: allowed)
    context: str = ""                          # the parent the item hangs off, in words
    superseded_by: str = ""                    # the label of the recommendation that replaced this one
    statutory_due: dt.date | None = None


def load_choices(session) -> Choices:
    hubs = tuple(Choice(h.id, h.name, h.code) for h in
                 session.scalars(select(Hub).where(Hub.active.is_(True)).order_by(Hub.name)))
    themes = tuple(Choice(t.id, t.name) for t in
                   session.scalars(select(Theme).where(Theme.active.is_(True)).order_by(Theme.name)))
    people = tuple(Choice(p.id, p.name, p.role.label + (f", {p.hub.code}" if p.hub else ""))
                   for p in session.scalars(select(Person).where(Person.active.is_(True)).order_by(Person.name)))
    return Choices(hubs, themes, people)


def _moves(session, column, item_id) -> tuple[DateMove, ...]:
    rows = session.scalars(select(DateChange).where(column == item_id).order_by(DateChange.id))
    return tuple(DateMove(r.old_date, r.new_date, r.reason, r.changed_by, r.changed_at) for r in rows)


def _updates(session, column, item_id) -> tuple[UpdateRow, ...]:
    rows = session.scalars(select(ProgressUpdate).where(column == item_id)
                           .order_by(ProgressUpdate.written_on.desc(), ProgressUpdate.id.desc()))
    return tuple(UpdateRow(u.id, u.written_on, u.author, u.text) for u in rows)


def _evidence(session, column, item_id) -> tuple[EvidenceRow, ...]:
    rows = session.scalars(select(Evidence).where(column == item_id).order_by(Evidence.id))
    return tuple(EvidenceRow(e.id, e.kind.value, e.original_name or e.url, e.url, e.description, e.sha256,
                             e.size_bytes, e.added_by, e.created_at) for e in rows)


def _commands(table: dict, why) -> dict[str, str | None]:
    return {name: why(name) for name in table}


def load_document(session, actor: Actor, document_id: int) -> Snapshot:
    doc = get(session, SourceDocument, Entity.DOCUMENT, document_id)
    recs = tuple(LinkedRow(r.id, r.reference, r.title or r.text[:120], r.status.label, r.current_target_date,
                           r.owner.name if r.owner else "") for r in doc.recommendations)
    return Snapshot(Entity.DOCUMENT, doc.id, doc.version, snapshot(doc), doc.label,
                    date_moves=_moves(session, DateChange.document_id, doc.id), linked=recs,
                    history=item_history(session, Entity.DOCUMENT, doc.id),
                    statutory_due=statutory_due(doc.kind, doc.date_issued))


def load_recommendation(session, actor: Actor, rec_id: int) -> Snapshot:
    rec = get(session, Recommendation, Entity.RECOMMENDATION, rec_id)
    acts = tuple(LinkedRow(a.id, a.reference, a.title, a.status.label, a.current_due_date,
                           a.owner.name if a.owner else "") for a in rec.actions)
    doc = rec.document
    return Snapshot(
        Entity.RECOMMENDATION, rec.id, rec.version, snapshot(rec), rec.label,
        date_moves=_moves(session, DateChange.recommendation_id, rec.id), linked=acts,
        updates=_updates(session, ProgressUpdate.recommendation_id, rec.id),
        evidence=_evidence(session, Evidence.recommendation_id, rec.id),
        history=item_history(session, Entity.RECOMMENDATION, rec.id),
        hub_ids=tuple(h.id for h in rec.hubs), lead_hub_id=rec.lead_hub.id if rec.lead_hub else None,
        theme_ids=tuple(t.id for t in rec.themes),
        commands=_commands(lifecycle.REC_COMMANDS, lambda c: rec_service.why_not(session, actor, rec, c)),
        context=f"{doc.kind.label} {doc.reference} — {doc.title}".strip(),
        superseded_by=f"{rec.superseded_by.label} (#{rec.superseded_by.id})" if rec.superseded_by else "")


def load_action(session, actor: Actor, action_id: int) -> Snapshot:
    action = get(session, Action, Entity.ACTION, action_id)
    recs = tuple(LinkedRow(r.id, r.label, r.title or r.text[:120], r.status.label, r.current_target_date,
                           r.owner.name if r.owner else "") for r in action.recommendations)
    return Snapshot(
        Entity.ACTION, action.id, action.version, snapshot(action), action.reference or f"#{action.id}",
        date_moves=_moves(session, DateChange.action_id, action.id), linked=recs,
        updates=_updates(session, ProgressUpdate.action_id, action.id),
        evidence=_evidence(session, Evidence.action_id, action.id),
        history=item_history(session, Entity.ACTION, action.id),
        commands=_commands(lifecycle.ACTION_COMMANDS,
                           lambda c: action_service.why_not(session, actor, action, c)))


LOADERS = {Entity.DOCUMENT: load_document, Entity.RECOMMENDATION: load_recommendation, Entity.ACTION: load_action}


def load_for_editor(session, actor: Actor, entity: Entity, item_id: int | None) -> tuple[Choices, Snapshot | None]:
    """Everything an editor shows: the pickers' choices and the item (None for a new one)."""
    return load_choices(session), (LOADERS[entity](session, actor, item_id) if item_id is not None else None)


def _matching(session, model, text: str, columns, limit: int):
    """Rows of `model` by id ("#12" or "12"), or whose columns contain the text; newest first."""
    text = text.strip().lstrip("#")
    query = select(model).order_by(model.id.desc()).limit(limit)
    if text.isdigit():
        query = query.where(model.id == int(text))
    elif text:
        like = f"%{text}%"
        # SQLite's LIKE already ignores ASCII case; ilike's lower() on both sides would double the scan's cost.
        sqlite = session.get_bind().dialect.name == "sqlite"
        query = query.where(or_(*(column.like(like) if sqlite else column.ilike(like) for column in columns)))
    return session.scalars(query)


def find_actions(session, text: str, exclude_rec: int | None = None, limit: int = 50) -> list[LinkedRow]:
    """Actions to link (leaving out those already linked to `exclude_rec`)."""
    return [LinkedRow(a.id, a.reference, a.title, a.status.label, a.current_due_date, a.owner.name if a.owner else "")
            for a in _matching(session, Action, text, (Action.reference, Action.title), limit)
            if exclude_rec is None or all(r.id != exclude_rec for r in a.recommendations)]


def find_recommendations(session, text: str, limit: int = 50) -> list[LinkedRow]:
    """Recommendations by id, reference or words (for superseding and linking an action to another one)."""
    columns = (Recommendation.reference, Recommendation.title, Recommendation.text)
    return [LinkedRow(r.id, r.label, r.title or r.text[:120], r.status.label, r.current_target_date,
                      r.owner.name if r.owner else "")
            for r in _matching(session, Recommendation, text, columns, limit)]


def find_documents(session, text: str, limit: int = 50) -> list[LinkedRow]:
    """Source documents by id, reference, title or issuing body (for a new recommendation)."""
    columns = (SourceDocument.reference, SourceDocument.title, SourceDocument.issuing_body)
    return [LinkedRow(d.id, d.reference, f"{d.kind.label}: {d.title}", d.kind.label, d.response_due, d.issuing_body)
            for d in _matching(session, SourceDocument, text, columns, limit)]
