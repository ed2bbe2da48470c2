"""What other windows, commands and workstations changed since a given outbox seq, as `Changes` for the views.

Every committed change leaves outbox rows (seq, entity, id, op) in its own transaction, so reading past the last
seq a window has seen tells it what to refresh: registers, the dashboard and open editors. Reads only.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ol_desk.core.model import AuditEvent, OutboxEntry
from ol_desk.core.model.enums import Entity
from ol_desk.core.search.changes import REBUILD_ENTITY, max_seq
from ol_desk.core.services.changes import Changes

MAX_ROWS = 20_000  # beyond this (a big import elsewhere) the views are told every kind changed and reload whole

_KINDS = {e.value: e for e in Entity}


Mark = tuple[int, int]  # (outbox seq, audit event id) read up to


def latest(session: Session) -> Mark:
    return max_seq(session), session.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1)) or 0


def changes_since(session: Session, mark: Mark) -> tuple[Mark, Changes]:
    """(the mark read up to, what changed). An empty Changes when nothing did. The outbox says what changed; the
    audit events past the mark say which of those rows are new (so registers add them)."""
    after, after_event = mark
    now = latest(session)  # one snapshot (a read transaction is one on both stores): both marks agree
    if now[0] <= after:
        return (after, max(after_event, now[1])), Changes()
    rows = session.execute(select(OutboxEntry.seq, OutboxEntry.entity, OutboxEntry.entity_id, OutboxEntry.op)
                           .where(OutboxEntry.seq > after, OutboxEntry.seq <= now[0]).order_by(OutboxEntry.seq)
                           .limit(MAX_ROWS + 1)).all()
    if len(rows) > MAX_ROWS or any(r.entity == REBUILD_ENTITY for r in rows):
        everything: dict[Entity, frozenset[int]] = {kind: frozenset() for kind in Entity}
        return now, Changes(created=everything)
    made = {(e, i) for e, i in session.execute(
        select(AuditEvent.entity, AuditEvent.entity_id).where(AuditEvent.id > after_event,
                                                              AuditEvent.id <= now[1], AuditEvent.verb == "create")
        .limit(MAX_ROWS))}
    out: dict[str, dict[Entity, set[int]]] = {"created": {}, "updated": {}, "deleted": {}}
    for r in rows:
        kind = _KINDS.get(r.entity)
        if kind is None:
            continue
        how = "deleted" if r.op == "delete" else "created" if (r.entity, r.entity_id) in made else "updated"
        out[how].setdefault(kind, set()).add(r.entity_id)
    frozen = {how: {k: frozenset(v) for k, v in d.items()} for how, d in out.items()}
    return now, Changes(created=frozen["created"], updated=frozen["updated"], deleted=frozen["deleted"])
