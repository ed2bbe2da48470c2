"""Undo and redo, worked out from the audit trail. The one public API:

    undo(session, actor, event_ids) -> Changes       # reverse one operation's events (Ctrl+Z)
    redo(session, actor, event_ids) -> Changes       # reverse the events an undo wrote (Ctrl+Shift+Z)
    undo_batch(session, actor, batch_id) -> Changes  # reverse a whole import batch and mark it undone

Each audit event says what it changed ({"fields": {name: [old, new]}}, links as {key: [before, after]}, the whole
row on delete), which is enough to put things back; `history_rows` holds that row arithmetic and the registry of
link kinds. An undo writes its own audit events ("undo", naming the event undone and recording everything it
removed), so an undo is itself a plain change: redo reverses it with the same arithmetic, ids stay stable (a
redone creation brings back the same row), and undoing a redo is one more reversal.

All three run in the caller's transaction, inside a savepoint: a refusal leaves the database exactly as it was.
They refuse, naming what, when a later change (not since undone) touched the same rows, when rows made since
depend on rows the reversal would delete, or when the events were reversed already. The `Changes` returned lists
every row the reversal touched (and the rows whose views show them), and the same rows are announced to search.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from ol_desk.core.errors import ConflictError, NotFoundError, ValidationError
from ol_desk.core.model import AuditEvent, ImportBatch, utcnow
from ol_desk.core.model.base import table_of
from ol_desk.core.model.enums import Entity

from . import audit_trail, writes
from . import history_rows as rows
from .actor import Actor
from .changes import Changes

__all__ = ["redo", "undo", "undo_batch"]

_BATCH = Entity.IMPORT.value
_BATCH_MARKS = {"import", "demo"}   # the event that opens a batch: undoing the batch's events marks it undone
# An undo event seen as the plain change it made: what reversing it means.
_MIRROR = {"create": "delete", "delete": "create", "import": "unimport", "unimport": "import"}


@dataclass(frozen=True)
class _Step:
    """One event to reverse, as the change it made (an undo event's verb is what it did: create, delete, …)."""
    id: int
    at: dt.datetime
    actor: str
    verb: str
    entity: str
    entity_id: int | None
    detail: dict
    is_undo: bool

    @property
    def row_id(self) -> int:
        """The id of the row the event changed (every event a step is made of names one)."""
        assert self.entity_id is not None
        return self.entity_id


def undo(session: Session, actor: Actor, event_ids: Iterable[int]) -> Changes:
    """Reverse these audit events (newest first): one operation, or the events a redo wrote."""
    with session.begin_nested():
        changes = _reverse(session, actor, set(event_ids))
    session.expire_all()  # links and owned rows were written as plain rows: no stale collections
    return changes


def redo(session: Session, actor: Actor, event_ids: Iterable[int]) -> Changes:
    """Reverse the events an undo wrote, putting back what the undo took away."""
    with session.begin_nested():
        changes = _reverse(session, actor, set(event_ids), redo=True)
    session.expire_all()
    return changes


def undo_batch(session: Session, actor: Actor, batch_id: int) -> Changes:
    """Put everything an import batch changed back as it was, and mark the batch undone."""
    batch = session.get(ImportBatch, batch_id)
    if batch is None:
        raise NotFoundError(f"There is no import batch {batch_id}.")
    if batch.undone_at is not None:
        raise ValidationError(f"Import batch {batch_id} ({batch.source_name}) was undone already, on "
                              f"{batch.undone_at:%d %b %Y %H:%M} by {batch.undone_by}.")
    ids = set(session.scalars(select(AuditEvent.id).where(AuditEvent.batch_id == batch_id)))
    with session.begin_nested():
        changes = _reverse(session, actor, ids) if ids else Changes()
        if batch.undone_at is None:  # a batch without an opening event of its own
            changes |= _mark(session, actor, batch, None, undoing=True)
    session.expire_all()
    return Changes(changes.created, changes.updated, changes.deleted, batch_id)


# Creations undone together at most: each run holds its rows, their links and owned rows and its undo events in
# memory (a 100,000-row import's undo peaked at 771 MB as one run).
_DELETE_RUN = 5_000


# -- the engine ------------------------------------------------------------------------------------------------
def _load(session: Session, ids: set[int]) -> list[_Step]:
    table = AuditEvent.__table__   # plain rows, not ORM objects: a batch can hold 100,000s of events
    found: list = []
    for part in rows.chunks(ids, 900):
        found += session.execute(select(table).where(table.c.id.in_(part))).all()
    if missing := ids - {ev.id for ev in found}:
        raise NotFoundError(f"There is no audit event {', '.join(map(str, sorted(missing)))}.")
    steps = []
    for ev in sorted(found, key=lambda e: e.id, reverse=True):
        # A creation is reversed by deleting the row as it is now, so its detail (the row's fields, since the
        # replay of `check` needs them) is not kept: at 100,000 rows it was most of an undo's memory.
        detail: dict = {} if ev.verb == "create" else json.loads(ev.detail or "{}")
        verb = _MIRROR.get(str(detail.get("undid")), "update") if ev.verb == "undo" else ev.verb
        steps.append(_Step(ev.id, ev.at, ev.actor, verb, ev.entity, ev.entity_id, detail, ev.verb == "undo"))
    return steps


def _reverse(session: Session, actor: Actor, ids: set[int], *, redo: bool = False) -> Changes:
    steps = _load(session, ids)
    if redo and (not_undone := [s.id for s in steps if not s.is_undo]):
        raise ValidationError(f"Audit event(s) {', '.join(map(str, not_undone[:10]))} are not an undo: there is "
                              f"nothing to redo.")
    if done := _already_reversed(session, ids):
        raise ValidationError(f"Audit event(s) {', '.join(map(str, sorted(done)[:10]))} were undone already.")
    for s in steps:
        if s.verb == "chase":
            raise ValidationError("A chase cannot be undone: the drafts were written (or the emails sent) and the "
                                  "owners were chased. It stays in the items' history.")
        if s.entity_id is not None and s.entity not in rows.MODELS and s.entity != _BATCH:
            raise ValidationError(f"Audit event {s.id} ({s.verb} {s.entity}) cannot be undone.")
    later = _later_changes(session, steps, ids)
    if later:
        listed = "; ".join(_describe(ev) for ev in later[:5])
        more = f"; and {len(later) - 5} more" if len(later) > 5 else ""
        raise ConflictError(f"Cannot undo: {listed}{more}. Undo those changes first, or change the rows by hand.",
                            entity=later[0].entity, entity_id=later[0].entity_id)
    deleting: dict[str, set[int]] = {}
    for s in steps:
        if s.verb == "create" and s.entity in rows.MODELS:
            deleting.setdefault(s.entity, set()).add(s.row_id)
    rows.check_dependants(session, deleting)
    changes = Changes()
    creates: list[_Step] = []  # a run of creations of one kind, deleted together (an import makes thousands)
    for s in steps:
        if creates and (s.verb != "create" or s.entity != creates[0].entity or len(creates) >= _DELETE_RUN):
            changes |= _delete_created(session, actor, creates)
            creates = []
        if s.entity_id is None:
            continue
        if s.entity == _BATCH:
            batch = session.get(ImportBatch, s.entity_id)
            if batch is not None and s.verb in _BATCH_MARKS | {"unimport"}:
                changes |= _mark(session, actor, batch, s, undoing=s.verb != "unimport")
        elif s.verb == "create":
            creates.append(s)
        elif s.verb == "delete":
            changes |= _put_back(session, actor, s)
        else:
            changes |= _revert(session, actor, s)
    if creates:
        changes |= _delete_created(session, actor, creates)
    session.flush()
    return _announced(session, changes)


def _already_reversed(session: Session, ids: set[int]) -> set[int]:
    found = set()
    # An undo is always written after the event it undoes.
    for detail in session.scalars(select(AuditEvent.detail).where(AuditEvent.id > min(ids, default=0),
                                                                   AuditEvent.verb == "undo",
                                                                   AuditEvent.detail.like('%"undoes":%'))):
        undoes = json.loads(detail).get("undoes")
        if undoes in ids:
            found.add(undoes)
    return found


def _later_changes(session: Session, steps: list[_Step], ids: set[int]) -> list:
    """Changes made after these events to the same rows, leaving out any change that was itself undone since (a
    change and the undo that reversed it cancel out: the row is as it was)."""
    first_touch: dict[tuple[str, int], int] = {}
    for s in steps:
        if s.entity_id is not None and s.entity != _BATCH:
            key = (s.entity, s.entity_id)
            first_touch[key] = min(first_touch.get(key, s.id), s.id)
    if not first_touch:
        return []
    table = AuditEvent.__table__
    query = select(table).where(table.c.id > min(first_touch.values()),
                                table.c.entity.in_({e for e, _ in first_touch}))
    if len(first_touch) <= 500:
        query = query.where(table.c.entity_id.in_({i for _, i in first_touch}))
    later = [ev for ev in session.execute(query.order_by(table.c.id))
             if ev.id not in ids and first_touch.get((ev.entity, ev.entity_id), ev.id) < ev.id]
    by_id = {ev.id: ev for ev in later}
    cancelled: set[int] = set()
    for ev in reversed(later):
        target = json.loads(ev.detail or "{}").get("undoes") if ev.verb == "undo" else None
        if ev.id not in cancelled and target in by_id and target not in cancelled:
            cancelled |= {ev.id, by_id[target].id}
    return [ev for ev in later if ev.id not in cancelled]


def _describe(ev) -> str:
    detail = json.loads(ev.detail or "{}")
    what = ", ".join(sorted(detail.get("fields", {}))) or ", ".join(
        link.key for link in rows.LINKS if link.key in detail)
    when = ev.at.strftime("%d %b %Y %H:%M") if ev.at else ""
    return (f"{ev.entity} #{ev.entity_id} was changed afterwards by {ev.actor} on {when} "
            f"({ev.verb}{': ' + what if what else ''}; audit event {ev.id})")


def _record(session: Session, actor: Actor, s: _Step, detail: dict) -> None:
    writes.record(session, actor, "undo", Entity(s.entity), s.entity_id, {"undoes": s.id, "undid": s.verb, **detail},
                  announce=False)


def _announced(session: Session, changes: Changes) -> Changes:
    """The changes with every row reported once (updated only if it was neither created nor deleted), and each
    searchable row announced to the search index."""
    updated = {k: v - changes.created.get(k, frozenset()) - changes.deleted.get(k, frozenset())
               for k, v in changes.updated.items()}
    tidy = Changes(changes.created, {k: v for k, v in updated.items() if v}, changes.deleted, changes.batch_id)
    for kind in tidy.kinds:
        if kind.value in rows.SEARCHABLE:
            writes.announce(session, kind, sorted(tidy.deleted.get(kind, ())), "delete")
            writes.announce(session, kind, sorted(tidy.created.get(kind, frozenset()) | tidy.updated.get(kind,
                                                                                                     frozenset())))
    return tidy


# -- one kind of step each -------------------------------------------------------------------------------------
def _delete_created(session: Session, actor: Actor, steps: list[_Step]) -> Changes:
    """Delete the rows these creations made, in bulk, each with an undo event holding the row as it was, the links
    it owned and its owned rows (all of which the database's ON DELETE CASCADE removes with it)."""
    entity = Entity(steps[0].entity)
    model = rows.MODELS[entity.value]
    table = table_of(model)
    session.flush()
    found: dict[int, dict] = {}
    for part in rows.chunks({s.row_id for s in steps}, 900):
        for row in session.execute(select(table).where(table.c.id.in_(part))).mappings():
            found[row["id"]] = {k: v for k, v in row.items() if k not in rows.BOOKKEEPING}
    links = rows.links_of(session, entity.value, list(found))
    owned = rows.owned_rows_of(session, table, list(found))
    changes = Changes(deleted={entity: frozenset(found)}) if found else Changes()
    changes |= rows.shown_on(table, ((k, v) for row in found.values() for k, v in row.items()))
    for link in rows.LINKS:
        others = {o for row_links in links.values() for o, _raw in row_links.get(link.key, [])}
        if link.others != "never" and others:
            changes |= Changes(updated={link.other: frozenset(others)})
    for part in rows.chunks(found, 900):
        session.execute(delete(table).where(table.c.id.in_(part)), execution_options={"synchronize_session": False})
    for obj in [o for o in session.identity_map.values() if isinstance(o, model) and getattr(o, "id", None) in found]:
        session.expunge(obj)
    events = []
    for s in steps:
        if s.entity_id not in found:
            continue
        detail = {"undoes": s.id, "undid": "create", "row": found[s.entity_id]}
        if s.entity_id in links:
            detail["link_rows"] = links[s.entity_id]
        if s.entity_id in owned:
            detail["owned_rows"] = owned[s.entity_id]
        events.append(audit_trail.PendingEvent(actor.name, "undo", entity.value, s.entity_id, detail,
                                               writes.current_batch(session)))
    audit_trail.append(session, events)
    return changes


def _put_back(session: Session, actor: Actor, s: _Step) -> Changes:
    """Insert a deleted row again as it was, with the links and owned rows that went with it."""
    entity = Entity(s.entity)
    table = table_of(rows.MODELS[s.entity])
    row = rows.row_values(table, s.detail.get("row", {}))
    session.execute(insert(table), [row])
    reported = rows.restore_links(session, s.entity, s.row_id, s.detail.get("link_rows", {}), actor.name)
    rows.restore_owned(session, s.detail.get("owned_rows", {}))
    _record(session, actor, s, {"fields": {k: [None, v] for k, v in row.items()}})
    changes = Changes.one("created", entity, s.row_id) | rows.shown_on(table, row.items())
    for kind, other in reported:
        changes |= Changes.one("updated", kind, other)
    return changes


def _revert(session: Session, actor: Actor, s: _Step) -> Changes:
    """Set the fields back, reverse the link changes and the owned rows the event made."""
    entity = Entity(s.entity)
    model = rows.MODELS[s.entity]
    table = table_of(model)
    obj = session.get(model, s.entity_id)
    if obj is None:
        raise ConflictError(f"Cannot undo audit event {s.id}: {entity.label.lower()} #{s.entity_id} no longer "
                            f"exists.", entity=s.entity, entity_id=s.entity_id)
    reverted: dict = {}
    for name, (old, _new) in s.detail.get("fields", {}).items():
        if name in table.c:
            reverted[name] = [getattr(obj, name), rows.value(table.c[name], old)]
            setattr(obj, name, reverted[name][1])
    changes = Changes.one("updated", entity, s.row_id)
    changes |= rows.shown_on(table, [(name, v) for name, pair in reverted.items() for v in pair])
    if not reverted and hasattr(obj, "updated_at"):
        obj.updated_at = utcnow()  # a link-only undo still bumps the version
    session.flush()
    extra: dict = {}
    for link in rows.LINKS:
        if link.owner is entity and rows.is_change(s.detail.get(link.key)):
            out, touched = rows.reverse_links(session, link, s.row_id, s.detail, actor.name)
            extra["link_rows"] = {**extra.get("link_rows", {}), **out.pop("link_rows", {})}
            extra.update(out)
            if link.others != "never" and touched:
                changes |= Changes(updated={link.other: frozenset(touched)})
    if not extra.get("link_rows"):
        extra.pop("link_rows", None)
    extra.update(rows.reverse_owned(session, s.detail))
    changes |= rows.shown_on_others(session, s.entity, s.row_id)
    _record(session, actor, s, {"fields": reverted, **extra})
    return changes


def _mark(session: Session, actor: Actor, batch: ImportBatch, s: _Step | None, *, undoing: bool) -> Changes:
    """Undoing a batch's opening event marks the batch undone; redoing it clears the mark."""
    batch.undone_at = utcnow() if undoing else None
    batch.undone_by = actor.name if undoing else ""
    session.flush()
    detail = {"batch": batch.id, "file": batch.source_name}
    if s is not None:
        detail = {"undoes": s.id, "undid": "import" if undoing else "unimport", **detail}
    writes.record(session, actor, "undo", Entity.IMPORT, batch.id, detail, announce=False)
    return Changes(updated={Entity.IMPORT: frozenset({batch.id})}, batch_id=batch.id)
