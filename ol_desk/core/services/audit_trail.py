"""Appending to the hash-chained audit log, inside the transaction of the change an event records.

Only the services write events (writes.record for one change, bulk imports and the demo seed for many at once);
`ol_desk.core.audit` holds how an event is hashed and how the chain is verified.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import event, insert, select
from sqlalchemy.orm import Session

from ol_desk.core.audit import APPENDED_KEY, GENESIS, canonical, event_hash
from ol_desk.core.model import AuditEvent, utcnow

_TAIL_KEY = "ol_desk.audit_tail"


@event.listens_for(Session, "after_transaction_end")
def _forget_tail(session: Session, transaction) -> None:
    # Every transaction's end, a savepoint's too: one rolled back (a refused undo, a bulk edit's refused row)
    # takes its events with it, so the tail is read again from the table rather than chaining onto an event that
    # is no longer there.
    session.info.pop(_TAIL_KEY, None)


def forget_tail(session: Session) -> None:
    """After rolling back a savepoint that appended events: the chain's tail is read again from the database."""
    session.info.pop(_TAIL_KEY, None)


def _tail(session: Session) -> str:
    tail = session.info.get(_TAIL_KEY)
    if tail is None:
        tail = session.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)) or GENESIS
    return tail


@dataclass(frozen=True)
class PendingEvent:
    actor: str
    verb: str
    entity: str
    entity_id: int | None
    detail: dict
    batch_id: int | None = None


def append(session: Session, events: Iterable[PendingEvent], *, jsonable: bool = False) -> int:
    """Append events to the chain inside the caller's transaction. Returns how many were written. `jsonable`: every
    detail holds JSON's own types only (see `audit.canonical`)."""
    prev = _tail(session)
    rows = []
    for ev in events:
        at = utcnow()
        detail = canonical(ev.detail, jsonable=jsonable)
        h = event_hash(prev, at, ev.actor, ev.verb, ev.entity, ev.entity_id, ev.batch_id, detail)
        rows.append({"at": at, "actor": ev.actor, "verb": ev.verb, "entity": ev.entity,
                     "entity_id": ev.entity_id, "batch_id": ev.batch_id, "detail": detail,
                     "prev_hash": prev, "hash": h})
        prev = h
    if rows:
        session.execute(insert(AuditEvent), rows)
        session.info[_TAIL_KEY] = prev
        session.info[APPENDED_KEY] = True
    return len(rows)
