"""The hash-chained, append-only audit log: how an event is hashed, and verifying the chain.

Events are written only by the services (`services/audit_trail.py`), in the transaction of the change they record.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ol_desk.core.model import AuditEvent

GENESIS = "0" * 64
APPENDED_KEY = "ol_desk.audit_appended"  # session.info: this transaction appended events (the witness follows)


_PLAIN = frozenset({str, int, float, bool, type(None)})


def to_jsonable(value: Any) -> Any:
    if type(value) in _PLAIN:  # the common case first (exact types: str enums still convert below)
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if hasattr(value, "value") and isinstance(value.value, str):  # enums
        return value.value
    if isinstance(value, (set, frozenset, tuple)):
        return [to_jsonable(v) for v in sorted(value, key=str)]
    if isinstance(value, list):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    return value


def canonical(detail: dict, *, jsonable: bool = False) -> str:
    """The detail as stored and hashed. `jsonable`: it holds JSON's own types only (str, int, bool, None, lists and
    dicts: what a bulk writer builds from stored values), so the conversion can be skipped; the text is the same."""
    return json.dumps(detail if jsonable else to_jsonable(detail), sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False)


def event_hash(prev_hash: str, at: dt.datetime, actor: str, verb: str, entity: str, entity_id: int | None,
               batch_id: int | None, detail: str) -> str:
    at_utc = at.astimezone(dt.UTC).replace(tzinfo=None) if at.tzinfo else at
    payload = "\x1f".join([prev_hash, at_utc.isoformat(timespec="microseconds"), actor, verb, entity,
                           "" if entity_id is None else str(entity_id),
                           "" if batch_id is None else str(batch_id), detail])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainReport:
    events: int
    ok: bool
    problem: str = ""
    first_bad_id: int | None = None


def verify(session: Session, chunk: int = 5000, progress: Callable[[int, int | None, str], None] | None = None
           ) -> ChainReport:
    """Walk the whole chain: every event's hash must match its content and link to the one before."""
    prev = GENESIS
    count = 0
    last_id = 0
    total = session.scalar(select(func.max(AuditEvent.id))) if progress is not None else None
    while True:
        if progress is not None and total and last_id < total:  # the whole check reports its own end
            progress(last_id, total, "verifying the audit chain")
        rows = session.execute(
            select(AuditEvent.id, AuditEvent.at, AuditEvent.actor, AuditEvent.verb, AuditEvent.entity,
                   AuditEvent.entity_id, AuditEvent.batch_id, AuditEvent.detail, AuditEvent.prev_hash,
                   AuditEvent.hash).where(AuditEvent.id > last_id).order_by(AuditEvent.id).limit(chunk)).all()
        if not rows:
            return ChainReport(count, True)
        for r in rows:
            if r.prev_hash != prev:
                return ChainReport(count, False, f"audit event {r.id} does not follow the event before it "
                                                 f"(an event was removed or reordered)", r.id)
            expect = event_hash(r.prev_hash, r.at, r.actor, r.verb, r.entity, r.entity_id, r.batch_id, r.detail)
            if expect != r.hash:
                return ChainReport(count, False, f"audit event {r.id} was altered after it was written", r.id)
            prev = r.hash
            count += 1
            last_id = r.id
