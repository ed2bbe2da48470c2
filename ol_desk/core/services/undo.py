"""Undo, worked out from the audit trail: each audit event says what it changed ({"fields": {name: [old, new]}},
link lists as [before, after], the whole row on delete), which is enough to put things back.

`undo_events` reverses any set of events, newest first (the GUI's Ctrl+Z of one operation); `undo_batch` reverses
every event of an import batch and marks the batch undone. Both refuse, naming what, when a later change touched
the same rows (undoing would silently throw that change away), and both write their own audit events ("undo",
with the id of the event undone) and search-outbox entries in the caller's transaction.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import TypeVar

from sqlalchemy import Date, DateTime, Enum, Row, delete, insert, select
from sqlalchemy.orm import Session

from ol_desk.core.errors import ConflictError, NotFoundError, ValidationError
from ol_desk.core.model import (
    Action,
    AuditEvent,
    Base,
    DateChange,
    Evidence,
    Hub,
    ImportBatch,
    ImportProfile,
    LearningEntry,
    Person,
    ProgressUpdate,
    Recommendation,
    RecommendationHub,
    SourceDocument,
    Theme,
    utcnow,
)
from ol_desk.core.model.base import table_of
from ol_desk.core.model.enums import Entity

from . import audit_trail, writes
from .actor import Actor
from .changes import Changes

T = TypeVar("T")

MODELS = {
    Entity.DOCUMENT.value: SourceDocument, Entity.RECOMMENDATION.value: Recommendation,
    Entity.ACTION.value: Action, Entity.UPDATE.value: ProgressUpdate, Entity.EVIDENCE.value: Evidence,
    Entity.HUB.value: Hub, Entity.THEME.value: Theme, Entity.PERSON.value: Person,
    Entity.LEARNING.value: LearningEntry, Entity.PROFILE.value: ImportProfile,
}
_TABLE_ENTITY = {m.__tablename__: e for e, m in MODELS.items()}
# Rows that belong to their parent and go with it (the database cascades them).
_OWNED_TABLES = {"recommendation_hubs", "recommendation_themes", "date_changes"}
# Link tables whose rows belong to one side (recorded in that side's events): they go with that side's row.
_LINK_OWNER = {"action_recommendations": "action_id"}
_NOTHING_TO_UNDO = {"import", "undo"}
_BOOKKEEPING = {"created_at", "updated_at", "version"}
_SEARCHABLE = {Entity.DOCUMENT.value, Entity.RECOMMENDATION.value, Entity.ACTION.value, Entity.UPDATE.value,
               Entity.EVIDENCE.value, Entity.LEARNING.value}


def _value(column, raw):
    """A JSON value from an audit event, back in the column's Python type."""
    if raw is None:
        return None
    t = column.type
    if isinstance(t, Enum) and t.enum_class is not None:
        return t.enum_class(raw)
    if isinstance(t, DateTime) or isinstance(getattr(t, "impl", None), DateTime):
        value = dt.datetime.fromisoformat(raw)
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if isinstance(t, Date):
        return dt.date.fromisoformat(raw)
    return raw


def _describe(ev) -> str:
    detail = json.loads(ev.detail or "{}")
    what = ", ".join(sorted(detail.get("fields", {}))) or ", ".join(
        k for k in ("hubs", "themes", "recommendations") if k in detail)
    when = ev.at.strftime("%d %b %Y %H:%M") if ev.at else ""
    return (f"{ev.entity} #{ev.entity_id} was changed afterwards by {ev.actor} on {when} "
            f"({ev.verb}{': ' + what if what else ''}; audit event {ev.id})")


def _check_later_changes(session: Session, events: list, ids: set[int]) -> None:
    first_touch: dict[tuple[str, int], int] = {}
    for ev in events:
        if ev.entity_id is not None and ev.verb not in _NOTHING_TO_UNDO:
            key = (ev.entity, ev.entity_id)
            first_touch[key] = min(first_touch.get(key, ev.id), ev.id)
    if not first_touch:
        return
    later = []
    events_table = AuditEvent.__table__   # plain rows, not ORM objects: a batch can hold 100,000s of events
    q = (select(events_table).where(events_table.c.id > min(first_touch.values()),
                                    events_table.c.entity.in_({e for e, _ in first_touch}))
         .order_by(events_table.c.id))
    for ev in session.execute(q):
        touched = first_touch.get((ev.entity, ev.entity_id))
        if touched is not None and ev.id > touched and ev.id not in ids:
            later.append(ev)
    # A later change that was itself undone since cancels out with its undo event.
    undone = {json.loads(ev.detail).get("undoes") for ev in later if ev.verb == "undo"}
    later_ids = {ev.id for ev in later}
    later = [ev for ev in later if ev.id not in undone
             and not (ev.verb == "undo" and json.loads(ev.detail).get("undoes") in later_ids)]
    if later:
        listed = "; ".join(_describe(ev) for ev in later[:5])
        more = f"; and {len(later) - 5} more" if len(later) > 5 else ""
        raise ConflictError(f"Cannot undo: {listed}{more}. Undo those changes first, or change the rows by hand.",
                            entity=later[0].entity, entity_id=later[0].entity_id)


def _check_dependants(session: Session, deleting: dict[str, set[int]]) -> None:
    """Rows made outside the events being undone that hang off rows about to be deleted."""
    problems = []
    for entity, ids in deleting.items():
        model = MODELS.get(entity)
        if model is None or not ids:
            continue
        target = table_of(model)
        for table in Base.metadata.sorted_tables:
            if table.name in _OWNED_TABLES:
                continue
            for fk in table.foreign_keys:
                if fk.column.table is not target:
                    continue
                col = fk.parent
                if _LINK_OWNER.get(table.name) == col.name:
                    continue
                own = _TABLE_ENTITY.get(table.name)
                id_list = sorted(ids)
                for i in range(0, len(id_list), 500):
                    part = id_list[i:i + 500]
                    if own is not None:
                        rows = session.execute(select(table.c.id, col).where(col.in_(part))).all()
                        bad = [r for r in rows if r[0] not in deleting.get(own, set())]
                        problems += [(own, r[0], "refers to", entity, r[1]) for r in bad[:3]]
                    else:  # a link table: the row on the other side must be going too
                        other = next((c for c in table.c if c is not col and c.foreign_keys), None)
                        if other is None:
                            continue
                        other_entity = _TABLE_ENTITY.get(next(iter(other.foreign_keys)).column.table.name)
                        rows = session.execute(select(col, other).where(col.in_(part))).all()
                        bad = [r for r in rows if r[1] not in deleting.get(other_entity or "", set())]
                        problems += [(other_entity, r[1], "is linked to", entity, r[0]) for r in bad[:3]]
    if problems:
        shown = "; ".join(f"{_label(session, a, a_id)} {how} {_label(session, b, b_id)}"
                          for a, a_id, how, b, b_id in problems[:5])
        raise ConflictError(f"Cannot undo: rows made since depend on what it would remove ({shown}). "
                            f"Remove or unlink those first.")


def _label(session: Session, entity: str | None, row_id: int) -> str:
    """'action NW-001 (#12)': how a person finds the row in the app."""
    model = MODELS.get(entity or "")
    obj = session.get(model, row_id) if model is not None else None
    name = ""
    if obj is not None:
        name = (getattr(obj, "reference", "") or getattr(obj, "name", "") or getattr(obj, "title", "") or "")[:40]
    return f"{entity} {name} (#{row_id})" if name else f"{entity} #{row_id}"


def undo_events(session: Session, actor: Actor, event_ids: Iterable[int]) -> Changes:
    """Reverse these audit events (newest first) in the caller's transaction."""
    ids = set(event_ids)
    events: list[Row] = []
    ordered = sorted(ids)
    for i in range(0, len(ordered), 900):
        events += session.execute(select(AuditEvent.__table__).where(AuditEvent.id.in_(ordered[i:i + 900])))
    events.sort(key=lambda e: e.id, reverse=True)
    missing = ids - {e.id for e in events}
    if missing:
        raise NotFoundError(f"There is no audit event {', '.join(map(str, sorted(missing)))}.")
    done = _already_undone(session, ids)
    if done:
        raise ValidationError(f"Audit event(s) {', '.join(map(str, sorted(done)[:10]))} were undone already.")
    _check_later_changes(session, events, ids)
    deleting: dict[str, set[int]] = {}
    for ev in events:
        if ev.verb == "create" and ev.entity in MODELS:
            deleting.setdefault(ev.entity, set()).add(ev.entity_id)
    _check_dependants(session, deleting)
    changes = Changes()
    creates: list = []  # a run of "create" events of one kind, undone together (an import makes thousands)
    for ev in events:
        if ev.verb in _NOTHING_TO_UNDO or ev.entity_id is None:
            continue
        if ev.entity not in MODELS:
            raise ValidationError(f"Audit event {ev.id} ({ev.verb} {ev.entity}) cannot be undone.")
        if ev.verb == "create":
            if creates and creates[0].entity != ev.entity:
                changes |= _undo_creates(session, actor, creates)
                creates = []
            creates.append(ev)
            continue
        if creates:
            changes |= _undo_creates(session, actor, creates)
            creates = []
        changes |= _undo_one(session, actor, ev)
    if creates:
        changes |= _undo_creates(session, actor, creates)
    return changes


def _undo_creates(session: Session, actor: Actor, events: list) -> Changes:
    """Delete the rows these create events made, in bulk, each with its own undo event (holding the row as it
    was). Rows that hang off them (hub links, theme links, action links, progress updates, date changes) go by
    the database's ON DELETE CASCADE; anything else that refers to them was refused by `_check_dependants`."""
    entity = Entity(events[0].entity)
    model = MODELS[entity.value]
    table = table_of(model)
    session.flush()
    ids = sorted({ev.entity_id for ev in events})
    rows: dict[int, dict] = {}
    for i in range(0, len(ids), 900):
        part = ids[i:i + 900]
        for row in session.execute(select(table).where(table.c.id.in_(part))).mappings():
            rows[row["id"]] = {k: v for k, v in row.items() if k not in _BOOKKEEPING}
        session.execute(delete(table).where(table.c.id.in_(part)), execution_options={"synchronize_session": False})
    for obj in [o for o in session.identity_map.values() if isinstance(o, model) and getattr(o, "id", None) in rows]:
        session.expunge(obj)
    gone = [ev for ev in events if ev.entity_id in rows]
    audit_trail.append(session, [audit_trail.PendingEvent(actor.name, "undo", entity.value, ev.entity_id,
                                              {"undoes": ev.id, "undid": "create", "row": rows[ev.entity_id]},
                                              writes.current_batch(session)) for ev in gone])
    if entity.value in _SEARCHABLE:
        writes.announce(session, entity, [ev.entity_id for ev in gone], "delete")
    return Changes(deleted={entity: frozenset(rows)}) if rows else Changes()


def _already_undone(session: Session, ids: set[int]) -> set[int]:
    found = set()
    # An undo is always written after the event it undoes.
    for detail in session.scalars(select(AuditEvent.detail).where(AuditEvent.id > min(ids, default=0),
                                                                   AuditEvent.verb == "undo",
                                                                   AuditEvent.detail.like('%"undoes":%'))):
        undoes = json.loads(detail).get("undoes")
        if undoes in ids:
            found.add(undoes)
    return found


def _undo_one(session: Session, actor: Actor, ev) -> Changes:
    model = MODELS[ev.entity]
    table = table_of(model)
    detail = json.loads(ev.detail or "{}")
    entity = Entity(ev.entity)
    if ev.verb == "create":
        return _undo_creates(session, actor, [ev])
    if ev.verb == "delete":
        row = {k: _value(table.c[k], v) for k, v in detail.get("row", {}).items() if k in table.c}
        session.execute(insert(table), [row])
        _record(session, actor, entity, ev, {"fields": {k: [None, v] for k, v in row.items()}}, "upsert")
        return Changes.one("created", entity, ev.entity_id)
    obj = session.get(model, ev.entity_id)
    if obj is None:
        raise ConflictError(f"Cannot undo audit event {ev.id}: {entity.label.lower()} #{ev.entity_id} no longer "
                            f"exists.", entity=ev.entity, entity_id=ev.entity_id)
    reverted: dict = {}
    for name, (_old, _new) in detail.get("fields", {}).items():
        if name in table.c:
            old = _value(table.c[name], _old)
            reverted[name] = [getattr(obj, name), old]
            setattr(obj, name, old)
    extra = _undo_links(session, obj, detail)
    if "date_change" in detail:
        session.execute(delete(DateChange).where(DateChange.id == detail["date_change"]))
    elif ev.verb == "move_date":
        _forget_date_change(session, ev, detail)
    if not reverted and hasattr(obj, "updated_at"):
        obj.updated_at = utcnow()  # a link-only undo still bumps the version
    session.flush()
    _record(session, actor, entity, ev, {"fields": reverted, **extra}, "upsert")
    return Changes.one("updated", entity, ev.entity_id)


def _still_there(session: Session, model: type[T], row_id: int) -> T:
    """A row an undo links back to; if it was deleted since, the undo cannot put the link back."""
    obj = session.get(model, row_id)
    if obj is None:
        raise ConflictError(f"Cannot undo: {model.__name__.lower()} #{row_id} it was linked to no longer exists.")
    return obj


def _undo_links(session: Session, obj, detail: dict) -> dict:
    extra = {}
    if isinstance(obj, Recommendation) and "hubs" in detail:
        before, _after = detail["hubs"]
        lead = (detail.get("lead") or [None, None])[0]
        now = sorted(link.hub_id for link in obj.hub_links)
        obj.hub_links = [RecommendationHub(hub_id=h, is_lead=(h == lead)) for h in before]
        extra["hubs"] = [now, sorted(before)]
    if isinstance(obj, Recommendation) and "themes" in detail:
        before, _after = detail["themes"]
        now = sorted(t.id for t in obj.themes)
        obj.themes = [_still_there(session, Theme, t) for t in before]
        extra["themes"] = [now, sorted(before)]
    if isinstance(obj, Recommendation) and "related" in detail:  # services.related
        from .related import set_related_ids
        before, _after = detail["related"]
        now = set_related_ids(session, obj.id, before, "undo")
        extra["related"] = [now, sorted(before)]
        writes.announce(session, Entity.RECOMMENDATION, set(now) | set(before))
    recs = detail.get("recommendations")
    if isinstance(obj, Action) and recs and isinstance(recs[0], list):
        before, _after = recs
        now = sorted(r.id for r in obj.recommendations)
        obj.recommendations = [_still_there(session, Recommendation, r) for r in before]
        extra["recommendations"] = [now, sorted(before)]
        writes.announce(session, Entity.RECOMMENDATION, set(now) | set(before))
    return extra


def _forget_date_change(session: Session, ev, detail: dict) -> None:
    """Events written before they named their DateChange: remove the newest matching one."""
    parent = {"document": DateChange.document_id, "recommendation": DateChange.recommendation_id,
              "action": DateChange.action_id}.get(ev.entity)
    if parent is None:
        return
    moved = [v for k, v in detail.get("fields", {}).items() if k.startswith("current_") or k == "response_due"]
    if not moved:
        return
    old, new = moved[0]
    newest = session.scalar(select(DateChange.id).where(
        parent == ev.entity_id, DateChange.new_date == dt.date.fromisoformat(new)).order_by(DateChange.id.desc()))
    if newest is not None:
        session.execute(delete(DateChange).where(DateChange.id == newest))


def _record(session: Session, actor: Actor, entity: Entity, ev, detail: dict, op: str) -> None:
    writes.record(session, actor, "undo", entity, ev.entity_id, {"undoes": ev.id, "undid": ev.verb, **detail},
                  announce=False)
    if ev.entity in _SEARCHABLE:
        writes.announce(session, entity, [ev.entity_id], op)


def undo_batch(session: Session, actor: Actor, batch_id: int) -> Changes:
    """Put everything an import batch changed back as it was, and mark the batch undone."""
    batch = session.get(ImportBatch, batch_id)
    if batch is None:
        raise NotFoundError(f"There is no import batch {batch_id}.")
    if batch.undone_at is not None:
        raise ValidationError(f"Import batch {batch_id} ({batch.source_name}) was undone already, on "
                              f"{batch.undone_at:%d %b %Y %H:%M} by {batch.undone_by}.")
    ids = list(session.scalars(select(AuditEvent.id).where(AuditEvent.batch_id == batch_id)))
    changes = undo_events(session, actor, ids) if ids else Changes()
    batch.undone_at = utcnow()
    batch.undone_by = actor.name
    session.flush()
    writes.record(session, actor, "undo", Entity.IMPORT, batch_id, {"batch": batch_id, "file": batch.source_name},
                  announce=False)
    return Changes(changes.created, changes.updated, changes.deleted, batch_id)
