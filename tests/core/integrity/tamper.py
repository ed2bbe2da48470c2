"""Tampering as whoever holds the database would: straight at the tables, past the append-only triggers (dropped on
SQLite; on the server, the owner's replica role, which skips them), then recomputing the chain if asked."""
from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import select, text

from ol_desk.core.audit import GENESIS, event_hash
from ol_desk.core.model import AuditEvent

_COLUMNS = "at, actor, verb, entity, entity_id, batch_id, detail"


@contextmanager
def tampering(db):
    with db.engine.begin() as conn:
        if db.is_server:
            conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
        else:
            for verb in ("update", "delete"):
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS audit_events_no_{verb}")
        yield conn


def event_ids(db) -> list[int]:
    with db.engine.connect() as conn:
        return list(conn.execute(text("SELECT id FROM audit_events ORDER BY id")).scalars())


def recompute_chain(conn) -> None:
    """Every event's prev_hash and hash rewritten from the genesis, as `ol_desk.core.audit.event_hash` computes."""
    e = AuditEvent
    rows = conn.execute(select(e.id, e.at, e.actor, e.verb, e.entity, e.entity_id, e.batch_id, e.detail)
                        .order_by(e.id)).all()
    prev = GENESIS
    for r in rows:
        h = event_hash(prev, r.at, r.actor, r.verb, r.entity, r.entity_id, r.batch_id, r.detail)
        conn.execute(text("UPDATE audit_events SET prev_hash=:p, hash=:h WHERE id=:id"),
                     {"p": prev, "h": h, "id": r.id})
        prev = h


def cut_tail(db, n: int) -> None:
    with tampering(db) as conn:
        for i in event_ids(db)[-n:]:
            conn.execute(text("DELETE FROM audit_events WHERE id=:i"), {"i": i})


def delete_event(db, event_id: int, *, recompute: bool) -> None:
    with tampering(db) as conn:
        conn.execute(text("DELETE FROM audit_events WHERE id=:i"), {"i": event_id})
        if recompute:
            recompute_chain(conn)


def swap_events(db, a: int, b: int, *, recompute: bool) -> None:
    """Two events' contents swapped (their order in the log reversed)."""
    with tampering(db) as conn:
        ra, rb = (conn.execute(text(f"SELECT {_COLUMNS} FROM audit_events WHERE id=:i"), {"i": i}).one()
                  for i in (a, b))
        for target, row in ((a, rb), (b, ra)):
            conn.execute(text("UPDATE audit_events SET at=:at, actor=:actor, verb=:verb, entity=:entity, "
                              "entity_id=:entity_id, batch_id=:batch_id, detail=:detail WHERE id=:id"),
                         {**row._asdict(), "id": target})
        if recompute:
            recompute_chain(conn)


def alter_event(db, event_id: int, *, recompute: bool) -> None:
    with tampering(db) as conn:
        conn.execute(text("UPDATE audit_events SET actor='Somebody Else' WHERE id=:i"), {"i": event_id})
        if recompute:
            recompute_chain(conn)
