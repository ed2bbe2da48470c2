"""What the audit log says one row should hold: its events folded, oldest first, into the row's fields and links.

The events are read as the services write them (`services/writes.py`, `bulk.py`, `history.py`): a creation holds
{"fields": {name: [None, value]}} for every field that is not empty (so a field it leaves out is empty: None or
""), a change {"fields": {name: [old, new]}}, link changes {key: [before, after]} (and the lead hub as
{"lead": [before, after]}), an undo names the event it reversed ("undoes", "undid"): reversing a creation removes
the row, reversing a removal puts it back with the links and owned rows recorded by the event it reversed.
Owned rows (a moved date's DateChange) are named by the event that made them ({"date_change": id}) and recorded by
the event that removed them ({"owned_rows": {"date_change": [rows]}}).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from ol_desk.core.services.history_rows import LINKS, OWNED, Link, is_change

EMPTY = object()  # a field the creating event left out: the row holds None or ""
_DATE_CHANGE = "date_change"
# The column of a DateChange that names its parent, by the parent's entity.
PARENT_COLUMN = {fk.column.table.name: fk.parent.name for fk in OWNED[_DATE_CHANGE].foreign_keys}


@dataclass
class OwnedRow:
    """A DateChange as the log describes it: which event last named it, and (if it should exist) its content."""

    event_id: int
    present: bool
    parent: tuple[str, int] | None = None          # (parent column, parent id)
    dates: list[tuple] = field(default_factory=list)  # the (old, new) pairs the naming event moved
    reason: str | None = None
    changed_by: str | None = None


@dataclass
class RowState:
    created: int | None = None        # the event that created (or last put back) the row
    removed: int | None = None        # the event that removed it (when it is gone in the log)
    first_event: tuple[int, str] | None = None
    last_event: int | None = None
    values: dict = field(default_factory=dict)
    links: dict[str, set] = field(default_factory=dict)
    lead: object = None

    @property
    def exists(self) -> bool:
        return self.created is not None and self.removed is None


def owner_links(entity: str) -> list[Link]:
    """The link tables whose rows this entity's events record (the symmetric related pairs are folded apart)."""
    return [link for link in LINKS if link.owner.value == entity and not link.symmetric]


RELATED = next(link for link in LINKS if link.symmetric)


def fold(events, links: list[Link], table_name: str, related: dict | None, owned: dict[int, OwnedRow]) -> RowState:
    """events: (entity_id, id, verb, actor, detail) of one row, oldest first; links: `owner_links` of its entity.
    Symmetric related pairs go into `related` ({(lo, hi): (event id, linked)}; None for an entity that records
    none) and owned rows into `owned`, both across rows."""
    state = RowState()
    recorded: dict[int, dict] = {}  # this row's earlier events' link_rows / owned_rows (what a put-back restores)
    for row_id, event_id, verb, actor, raw in events:
        detail = json.loads(raw or "{}")
        if state.first_event is None:
            state.first_event = (event_id, verb)
        state.last_event = event_id
        undid = detail.get("undid") if verb == "undo" else None
        if verb == "create" or undid == "delete":
            state.created, state.removed = event_id, None
            state.values = {}
            state.links = {link.key: set() for link in links}
            state.lead = None
            if undid == "delete":
                undone = recorded.get(detail.get("undoes") or 0, {})
                _put_back(state, links, undone, event_id, owned)
        elif verb == "delete" or undid == "create":
            state.removed = event_id
        for name, pair in (detail.get("fields") or {}).items():
            if isinstance(pair, list) and len(pair) == 2:
                state.values[name] = pair[1]
        for link in links:
            entry = detail.get(link.key)
            if is_change(entry):
                state.links[link.key] = set(entry[1])
            elif isinstance(entry, list) and verb == "create":
                state.links[link.key] = set(entry)
        if isinstance(detail.get("lead"), list) and len(detail["lead"]) == 2:
            state.lead = detail["lead"][1]
        if related is not None and is_change(detail.get(RELATED.key)):
            before, after = (set(side) for side in detail[RELATED.key])
            for other in before ^ after:
                pair = (min(row_id, other), max(row_id, other))
                if related.get(pair, (0, False))[0] < event_id:
                    related[pair] = (event_id, other in after)
        _owned(detail, table_name, row_id, event_id, actor, recorded, owned)
        if "link_rows" in detail or "owned_rows" in detail:
            recorded[event_id] = {k: detail[k] for k in ("link_rows", "owned_rows") if k in detail}
    return state


def _put_back(state: RowState, links: list[Link], undone: dict, event_id: int, owned: dict[int, OwnedRow]) -> None:
    """The row came back as the reversed event recorded it: its links (with the lead) and its owned rows."""
    for link in links:
        for other, columns in (undone.get("link_rows") or {}).get(link.key, []):
            state.links[link.key].add(other)
            if link.flag and (columns or {}).get(link.flag):
                state.lead = other
    for raw in (undone.get("owned_rows") or {}).get(_DATE_CHANGE, []):
        _named_row(raw, event_id, owned)


def _named_row(raw: dict, event_id: int, owned: dict[int, OwnedRow]) -> None:
    parent = next(((col, raw[col]) for col in PARENT_COLUMN.values() if raw.get(col) is not None), None)
    _keep(owned, raw["id"], OwnedRow(event_id, True, parent, [(raw.get("old_date"), raw.get("new_date"))],
                                     raw.get("reason"), raw.get("changed_by")))


def _keep(owned: dict[int, OwnedRow], row_id: int, row: OwnedRow) -> None:
    if row_id not in owned or owned[row_id].event_id < row.event_id:
        owned[row_id] = row


def _owned(detail: dict, table_name: str, row_id: int, event_id: int, actor: str, recorded: dict[int, dict],
           owned: dict[int, OwnedRow]) -> None:
    for raw in (detail.get("owned_rows") or {}).get(_DATE_CHANGE, []):  # removed by this event (an undo)
        _keep(owned, raw["id"], OwnedRow(event_id, False))
    named = detail.get(_DATE_CHANGE)
    if named is None or table_name not in PARENT_COLUMN:
        return
    if detail.get("undid") is not None:  # a redo put back the row the undo it reversed recorded
        undone = recorded.get(detail.get("undoes") or 0, {})
        for raw in (undone.get("owned_rows") or {}).get(_DATE_CHANGE, []):
            if raw.get("id") == named:
                _named_row(raw, event_id, owned)
        return
    fields = detail.get("fields") or {}
    dates = [tuple(pair) for pair in fields.values() if isinstance(pair, list) and len(pair) == 2]
    reason = detail.get("reason") or "first date set"
    who = detail.get("changed_by") or actor  # a move recorded on someone's behalf (a demo register's) names them
    _keep(owned, named, OwnedRow(event_id, True, (PARENT_COLUMN[table_name], row_id), dates, reason, who))
