"""Undo and redo for the GUI's stack (Ctrl+Z / Ctrl+Shift+Z): `reverse_events` puts back one operation's audit
events — an ordinary change, or the events an undo (or an earlier redo) appended, which `undo.undo_events` leaves
alone. Redo is thus one more audited, conflict-checked write, and ids stay stable (a redone creation brings back
the same row, not a copy). It reuses the row arithmetic of `undo.py`; what differs is the check for later
changes, where a change that was itself undone no longer counts (so a stack can undo step after step on one item).

An undo event records {"undoes": id, "undid": verb, …} with the fields as [before, after] of the undo itself, so
reversing it is the same arithmetic as reversing any change. What an undo event does not carry is read from the
change at the root of its chain (the lead hub of a hub change, the DateChange row of a moved date).
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from ol_desk.core.errors import ConflictError, NotFoundError, ValidationError
from ol_desk.core.model import AuditEvent, DateChange

from .actor import Actor
from .changes import Changes
from .undo import MODELS, _already_undone, _check_dependants, _describe, _undo_one

_PARENT = {"document": "document_id", "recommendation": "recommendation_id", "action": "action_id"}


@dataclass(frozen=True)
class _AsChange:
    """An undo event seen as the plain change it made, so the undo machinery can reverse it."""
    id: int
    at: dt.datetime
    actor: str
    verb: str
    entity: str
    entity_id: int | None
    detail: str


def _root(session: Session, ev: AuditEvent) -> tuple[AuditEvent, int]:
    """The original change an undo chain starts from, and how many undo steps lie between."""
    depth = 0
    while ev.verb == "undo":
        target = json.loads(ev.detail or "{}").get("undoes")
        nxt = session.get(AuditEvent, target) if target is not None else None
        if nxt is None:
            break
        ev, depth = nxt, depth + 1
    return ev, depth


def _as_change(session: Session, ev: AuditEvent) -> tuple[_AsChange, AuditEvent, bool]:
    """The change `ev` made; its root; and whether reversing it re-applies the root (odd depth)."""
    detail = json.loads(ev.detail or "{}")
    root, depth = _root(session, ev)
    reapply = depth % 2 == 1
    verb = {"create": "delete", "delete": "create"}.get(detail.get("undid"), "update")
    root_detail = json.loads(root.detail or "{}")
    if "hubs" in detail and isinstance(root_detail.get("lead"), list):
        detail["lead"] = [root_detail["lead"][1] if reapply else root_detail["lead"][0], None]
    return (_AsChange(ev.id, ev.at, ev.actor, verb, ev.entity, ev.entity_id, json.dumps(detail)), root, reapply)


def _redo_date_change(session: Session, root: AuditEvent, reapply: bool) -> None:
    """A moved date keeps its DateChange row in step: back when the move is re-applied, gone when undone."""
    if root.verb != "move_date" or root.entity not in _PARENT:
        return
    detail = json.loads(root.detail or "{}")
    change_id = detail.get("date_change")
    moved = [v for k, v in detail.get("fields", {}).items() if k.startswith("current_") or k == "response_due"]
    if change_id is None or not moved:
        return
    if not reapply:
        session.execute(delete(DateChange).where(DateChange.id == change_id))
        return
    old, new = moved[0]
    session.execute(insert(DateChange), [{
        "id": change_id, _PARENT[root.entity]: root.entity_id,
        "old_date": dt.date.fromisoformat(old) if old else None, "new_date": dt.date.fromisoformat(new),
        "reason": detail.get("reason") or "first date set", "changed_by": root.actor, "changed_at": root.at}])


def _later_live_changes(session: Session, events, ids: set[int]) -> list[AuditEvent]:
    """Changes made after these events to the same rows, leaving out any change that was itself undone (a change
    and the undo that reversed it cancel out: the row is as it was)."""
    first_touch: dict[tuple[str, int | None], int] = {}
    for ev in events:
        key = (ev.entity, ev.entity_id)
        first_touch[key] = min(first_touch.get(key, ev.id), ev.id)
    if not first_touch:
        return []
    query = (select(AuditEvent).where(AuditEvent.id > min(first_touch.values()),
                                      AuditEvent.entity.in_({e for e, _ in first_touch}),
                                      AuditEvent.entity_id.in_({i for _, i in first_touch})).order_by(AuditEvent.id))
    later = [ev for ev in session.scalars(query)
             if ev.id not in ids and first_touch.get((ev.entity, ev.entity_id), ev.id) < ev.id]
    by_id = {ev.id: ev for ev in later}
    cancelled: set[int] = set()
    for ev in reversed(later):
        target = json.loads(ev.detail or "{}").get("undoes") if ev.verb == "undo" else None
        if ev.id not in cancelled and target in by_id and target not in cancelled:
            cancelled |= {ev.id, target}
    return [ev for ev in later if ev.id not in cancelled]


def reverse_events(session: Session, actor: Actor, event_ids: Iterable[int]) -> Changes:
    """Reverse one operation's events (newest first) in the caller's transaction: an ordinary change, or what an
    undo or redo wrote. Refuses, naming what, when a later change (not since undone) touched the same rows."""
    ids = set(event_ids)
    events = list(session.scalars(select(AuditEvent).where(AuditEvent.id.in_(ids)).order_by(AuditEvent.id.desc())))
    if missing := ids - {e.id for e in events}:
        raise NotFoundError(f"There is no audit event {', '.join(map(str, sorted(missing)))}.")
    if done := _already_undone(session, ids):
        raise ValidationError(f"Audit event(s) {', '.join(map(str, sorted(done)[:10]))} were reversed already.")
    steps = []
    for ev in events:
        if ev.entity_id is None or ev.verb == "import":
            continue
        if ev.entity not in MODELS:
            raise ValidationError(f"Audit event {ev.id} ({ev.verb} {ev.entity}) cannot be undone.")
        steps.append(_as_change(session, ev) if ev.verb == "undo" else (ev, None, False))
    later = _later_live_changes(session, [s for s, _r, _a in steps], ids)
    if later:
        listed = "; ".join(_describe(ev) for ev in later[:5])
        more = f"; and {len(later) - 5} more" if len(later) > 5 else ""
        raise ConflictError(f"Cannot undo: {listed}{more}. Undo those changes first, or change the rows by hand.",
                            entity=later[0].entity, entity_id=later[0].entity_id)
    deleting: dict[str, set[int]] = {}
    for step, _root_ev, _again in steps:
        if step.verb == "create" and step.entity_id is not None:  # a create always names its row
            deleting.setdefault(step.entity, set()).add(step.entity_id)
    _check_dependants(session, deleting)
    changes = Changes()
    for step, root, reapply in steps:
        changes |= _undo_one(session, actor, step)
        if root is not None:
            _redo_date_change(session, root, reapply)
    return changes
