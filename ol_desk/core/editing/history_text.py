"""An item's history from the audit log, in words: who, when, what changed (old → new, with names, not ids).

Runs on the worker thread. The item's own events plus those of the progress updates and evidence recorded
against it, found through indexed columns (never by scanning the audit log's JSON).
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ol_desk.core.model import (
    AuditEvent,
    Chase,
    ChaseItem,
    Evidence,
    Hub,
    Person,
    ProgressUpdate,
    Recommendation,
    SourceDocument,
    Theme,
)
from ol_desk.core.model.enums import (
    ActionStatus,
    Entity,
    EvidenceKind,
    FindingType,
    RecStatus,
    ResponsePosition,
    SourceKind,
)

HISTORY_LIMIT = 500

FIELD_LABELS = {
    "kind": "Kind", "issuing_body": "Issuing body", "area": "Area", "addressees": "Sent to", "title": "Title",
    "reference": "Reference",
    "date_issued": "Date issued", "link": "Link", "original_response_due": "Original response due",
    "response_due": "Response due", "response_sent_on": "Response sent", "notes": "Notes",
    "document_id": "Source document", "position": "Position", "finding_type": "Finding type", "text": "Text",
    "owner_id": "Owner", "response_position": "Response position", "response_rationale": "Response rationale",
    "status": "Status", "original_target_date": "Original target date", "current_target_date": "Target date",
    "superseded_by_id": "Superseded by", "board_decision_on": "Board decision", "board_minute_ref": "Board minute",
    "closed_on": "Closed on", "last_update_on": "Last update", "hub_id": "Hub",
    "original_due_date": "Original due date", "current_due_date": "Due date", "completed_on": "Completed on",
    "completion_note": "Completion note", "cancel_reason": "Cancel reason", "embedded": "Embedded",
    "embedded_on": "Embedded on", "embedded_note": "Embedded note", "percent_complete": "% complete",
    "description": "Description", "original_name": "File", "url": "Address", "sha256": "SHA-256",
    "size_bytes": "Size", "written_on": "Written on", "author": "Author", "added_by": "Added by",
}
_ENUMS = {"kind": (SourceKind, EvidenceKind), "finding_type": (FindingType,),
          "response_position": (ResponsePosition,), "status": (RecStatus, ActionStatus)}
VERB_WORDS = {"create": "Created", "update": "Edited", "delete": "Deleted", "move_date": "Moved a date",
              "set_hubs": "Changed hubs", "set_themes": "Changed themes", "link": "Changed linked recommendations",
              "updated": "Progress noted", "undo": "Undid a change"}
# Bookkeeping, or the actor again (shown once per event).
_HIDDEN = {"stored_path", "recommendation_id", "action_id", "last_update_on", "added_by", "author"}


@dataclass(frozen=True)
class HistoryLine:
    at: dt.datetime
    actor: str
    what: str
    details: tuple[str, ...]


class _Names:
    """Looks ids up once per history read."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._cache: dict[tuple[type, int], str] = {}

    def __call__(self, cls, ident) -> str:
        if ident is None:
            return "—"
        key = (cls, int(ident))
        if key not in self._cache:
            obj = self.session.get(cls, int(ident))
            label = getattr(obj, "label", None) if isinstance(obj, (Recommendation, SourceDocument)) else None
            self._cache[key] = (label or getattr(obj, "name", None) or f"#{ident}") if obj else f"#{ident}"
        return self._cache[key]


def show_value(name: str, value, names: _Names) -> str:
    if value is None or value == "":
        return "—"
    if name == "owner_id":
        return names(Person, value)
    if name == "hub_id":
        return names(Hub, value)
    if name == "superseded_by_id":
        return names(Recommendation, value)
    if name == "document_id":
        return names(SourceDocument, value)
    if name == "size_bytes" and isinstance(value, int):
        return f"{value:,} bytes"
    for enum in _ENUMS.get(name, ()):
        try:
            return enum(value).label
        except ValueError:
            continue
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-":
        try:
            return dt.date.fromisoformat(value[:10]).strftime("%d %b %Y")
        except ValueError:
            pass
    text = str(value).replace("\n", " ")
    return text if len(text) <= 80 else text[:77] + "…"


def describe(event: AuditEvent, names: _Names) -> HistoryLine:
    detail = json.loads(event.detail or "{}")
    what = VERB_WORDS.get(event.verb, event.verb.replace("_", " ").capitalize())
    if event.entity == Entity.UPDATE.value:
        what = "Posted a progress update" if event.verb == "create" else f"{what} (progress update)"
    elif event.entity == Entity.EVIDENCE.value:
        what = "Attached evidence" if event.verb == "create" else f"{what} (evidence)"
    else:
        from ol_desk.core.lifecycle import ACTION_COMMANDS, REC_COMMANDS
        table = REC_COMMANDS if event.entity == Entity.RECOMMENDATION.value else ACTION_COMMANDS
        if event.entity != Entity.DOCUMENT.value and event.verb in table:
            what = table[event.verb].label
    lines = []
    for name, pair in (detail.get("fields") or {}).items():
        if name in _HIDDEN or not isinstance(pair, list) or len(pair) != 2:
            continue
        old, new = pair
        label = FIELD_LABELS.get(name, name.replace("_", " ").capitalize())
        if event.verb == "create":
            lines.append(f"{label}: {show_value(name, new, names)}")
        else:
            lines.append(f"{label}: {show_value(name, old, names)} → {show_value(name, new, names)}")
    for key, cls in (("hubs", Hub), ("themes", Theme), ("recommendations", Recommendation)):
        pair = detail.get(key)
        if isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, list) for p in pair):
            old = ", ".join(names(cls, i) for i in pair[0]) or "none"
            new = ", ".join(names(cls, i) for i in pair[1]) or "none"
            lines.append(f"{key.capitalize()}: {old} → {new}")
    if isinstance(detail.get("lead"), list) and detail["lead"][0] != detail["lead"][1]:
        lines.append(f"Lead hub: {names(Hub, detail['lead'][0])} → {names(Hub, detail['lead'][1])}")
    if detail.get("reason"):
        lines.append(f"Reason: {detail['reason']}")
    return HistoryLine(event.at, event.actor, what, tuple(lines))


def item_history(session, entity: Entity, item_id: int) -> tuple[HistoryLine, ...]:
    """Newest first: the item's own events and those of its progress updates and evidence."""
    clauses = [(AuditEvent.entity == entity.value) & (AuditEvent.entity_id == item_id)]
    parent = {Entity.RECOMMENDATION: "recommendation_id", Entity.ACTION: "action_id"}.get(entity)
    if parent is not None:
        update_ids = list(session.scalars(select(ProgressUpdate.id)
                                          .where(getattr(ProgressUpdate, parent) == item_id)))
        evidence_ids = list(session.scalars(select(Evidence.id).where(getattr(Evidence, parent) == item_id)))
        if update_ids:
            clauses.append((AuditEvent.entity == Entity.UPDATE.value) & AuditEvent.entity_id.in_(update_ids))
        if evidence_ids:
            clauses.append((AuditEvent.entity == Entity.EVIDENCE.value) & AuditEvent.entity_id.in_(evidence_ids))
    events = session.scalars(select(AuditEvent).where(or_(*clauses))
                             .order_by(AuditEvent.id.desc()).limit(HISTORY_LIMIT))
    names = _Names(session)
    # "updated" only notes the latest update's date on the parent; the update's own event says it all.
    lines = [describe(e, names) for e in events if e.verb != "updated"]
    if parent is not None:
        lines += chase_lines(session, entity, item_id)
        lines.sort(key=lambda line: line.at, reverse=True)
    return tuple(lines[:HISTORY_LIMIT])


def chase_lines(session, entity: Entity, item_id: int) -> list[HistoryLine]:
    """The chasers that listed the item (their audit event is on the person chased; chase_items finds them)."""
    rows = session.execute(
        select(Chase.at, Chase.actor, Person.name, Chase.how, Chase.address)
        .join(ChaseItem, ChaseItem.chase_id == Chase.id).join(Person, Person.id == Chase.owner_id)
        .where(ChaseItem.entity == entity.value, ChaseItem.entity_id == item_id)
        .order_by(Chase.at.desc(), Chase.id.desc()).limit(HISTORY_LIMIT))
    out = []
    for at, actor, owner, how, address in rows:
        to = f" ({address})" if address else " (no email address on record)"
        what = (f"Chased {owner}: email sent{to}" if how == "sent"
                else f"Chased {owner}: email draft written{to}")
        out.append(HistoryLine(at, actor, what, ()))
    return out
