"""An anchor: the audit chain's head (event count, last event id, last hash) of one database at one moment.

Printed in Board packs, hub workbooks and the Board report, and kept in this workstation's witness file, it lets
`ol-desk check --against FILE` prove that today's log extends it unchanged — whoever holds the database file can
recompute the chain, but not the copies of its head kept elsewhere.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ol_desk.core.audit import GENESIS
from ol_desk.core.model import AuditEvent, Meta

ANCHOR_PROPERTY = "Audit anchor"  # a workbook's custom document property

_TEXT = re.compile(r"ol-desk audit anchor: database (?P<uid>[0-9a-f]+), (?P<events>\d+) events, "
                   r"last event (?P<last_id>\d+), hash (?P<hash>[0-9a-f]{64})")


@dataclass(frozen=True)
class Anchor:
    database_uid: str
    events: int
    last_id: int
    last_hash: str

    @property
    def text(self) -> str:
        """One line, printed where people see it and parsed back by `from_text`."""
        return (f"ol-desk audit anchor: database {self.database_uid}, {self.events} events, "
                f"last event {self.last_id}, hash {self.last_hash}")


    @property
    def grouped_hash(self) -> str:
        """The hash in groups of 16, so that a printed line can wrap it (the metadata holds it whole)."""
        return " ".join(self.last_hash[i:i + 16] for i in range(0, len(self.last_hash), 16))


def from_text(text: str) -> Anchor | None:
    m = _TEXT.search(text)
    if m is None:
        return None
    return Anchor(m["uid"], int(m["events"]), int(m["last_id"]), m["hash"])


def chain_head(session: Session, database_uid: str | None = None) -> Anchor:
    """The head now: the last event (by id, the primary key: cheap) and how many events there are. Without a uid,
    the database's own (meta) is read, in the same snapshot as whatever the caller prints beside the head."""
    if database_uid is None:
        database_uid = session.scalar(select(Meta.value).where(Meta.key == "uid")) or ""
    last = session.execute(select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).first()
    if last is None:
        return Anchor(database_uid, 0, 0, GENESIS)
    events = session.scalar(select(func.count()).select_from(AuditEvent)) or 0
    return Anchor(database_uid, events, last.id, last.hash)


def extends(session: Session, anchor: Anchor, database_uid: str) -> str:
    """'' when today's log (its chain already verified) extends `anchor` unchanged; else one line saying how not."""
    if anchor.database_uid != database_uid:
        return (f"the anchor is of another database (uid {anchor.database_uid}, this one is {database_uid}): "
                f"nothing can be proved against it")
    if anchor.events == 0:
        return ""
    row = session.execute(select(AuditEvent.hash).where(AuditEvent.id == anchor.last_id)).first()
    upto = session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.id <= anchor.last_id)) or 0
    last_id = session.scalar(select(func.max(AuditEvent.id))) or 0
    if row is None and last_id < anchor.last_id:
        return (f"the log was cut: it ends at event {last_id} ({upto:,} events) but the anchor records "
                f"{anchor.events:,} events up to event {anchor.last_id}")
    if row is None:
        return f"anchored event {anchor.last_id} was removed from the log (and the chain recomputed)"
    if upto < anchor.events:
        return (f"{anchor.events - upto:,} event(s) up to event {anchor.last_id} were removed from the log and the "
                f"chain recomputed ({upto:,} now, {anchor.events:,} anchored)")
    if upto > anchor.events:
        return (f"{upto - anchor.events:,} event(s) were inserted into the log before event {anchor.last_id} "
                f"and the chain recomputed")
    if row.hash != anchor.last_hash:
        return (f"events up to event {anchor.last_id} were altered or reordered and the chain recomputed "
                f"(its hash is not the anchored one)")
    return ""
