"""The audit events of a demo register: what an import of the same rows would record, one event per row.

The demo seed (demo_seed.py) hands over every group of rows it has just written (parents and their link rows and
date changes together); this turns them into the events the services write for the same rows, so that `check`
(core/integrity/replay.py) finds each row explained by its history as it would after a real register's imports:

* a creation per row of an audited table ({"fields": {name: [None, value]}} for each field that is not empty,
  with the links it owns: a recommendation's hubs and lead, its themes; an action's recommendations);
* a "move_date" on the parent for each date change (the field moved, the reason, the DateChange it made, and who
  moved it: the demo's run is one actor's, the moves are its people's), after the parent's creation, which holds
  the date as it was first set;
* a "supersede" per superseded recommendation, when the seed links it to the newer one at the end.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache

from sqlalchemy import Boolean, Table

from ol_desk.core.model.enums import Entity

from .audit_trail import PendingEvent
from .history_rows import BOOKKEEPING, LINK_TABLES, OWNED, TABLE_ENTITY

# The field a date change moves, by the parent's table (documents.extend_response_due, recommendations.
# set_target_date and actions.set_due_date move these).
MOVED_FIELD = {"documents": "response_due", "recommendations": "current_target_date",
               "actions": "current_due_date"}
_DATE_CHANGES = OWNED["date_change"]
_PARENTS = {fk.parent.name: fk.column.table.name for fk in _DATE_CHANGES.foreign_keys}


def jsonable(value):
    """A value as the sinks hold it (SQLite's storage form, see driver_rows) in JSON's own types."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return getattr(value, "value", value)  # enums (the sinks' fixed defaults) by their stored value


def fields_of(table: Table, row: dict) -> dict[str, list]:
    """{name: [None, value]} for every field a creation records (not empty, not bookkeeping, not the id); values as
    the sinks hold them, booleans (0/1 there) as booleans."""
    skip = _SKIPPED
    fields = {k: [None, v] for k, v in row.items() if v is not None and v != "" and k not in skip}
    for name in _booleans(table):
        if name in fields:
            fields[name][1] = bool(fields[name][1])
    return fields


_SKIPPED = BOOKKEEPING | {"id"}


@cache
def _booleans(table: Table) -> tuple[str, ...]:
    return tuple(c.name for c in table.c if isinstance(c.type, Boolean))


def events_for(actor: str, batch_id: int, written: dict[str, tuple[Table, Sequence[dict]]]) -> list[PendingEvent]:
    """The events of one group of rows just written: {table name: (table, rows as {column: value})}."""
    links: dict[tuple[str, str], dict[int, list]] = defaultdict(lambda: defaultdict(list))
    for name, (_table, rows) in written.items():
        link = LINK_TABLES.get(name)
        if link is None:
            continue
        for row in rows:
            entry = (row[link.other_column], bool(row[link.flag])) if link.flag else row[link.other_column]
            links[(link.owner.value, link.key)][row[link.owner_column]].append(entry)
    moves: dict[tuple[str, int], list[dict]] = defaultdict(list)
    for row in written.get(_DATE_CHANGES.name, (None, ()))[1]:
        column = next(c for c in _PARENTS if row.get(c) is not None)
        moves[(_PARENTS[column], row[column])].append(row)
    events: list[PendingEvent] = []
    for name, (table, rows) in written.items():
        entity = TABLE_ENTITY.get(name)
        if entity is None:
            continue
        owned_links = {key: by_owner for (owner, key), by_owner in links.items() if owner == entity}
        for row in rows:
            fields = fields_of(table, row)
            first_moves = moves.get((name, row["id"]))
            if first_moves:  # created with the date as first set; the moves follow
                fields[MOVED_FIELD[name]] = [None, first_moves[0]["old_date"]]
            detail: dict = {"fields": fields}
            for key, by_owner in owned_links.items():
                _link_detail(detail, entity, key, by_owner.get(row["id"], []))
            events.append(PendingEvent(actor, "create", entity, row["id"], detail, batch_id))
    for (parent, parent_id), rows in moves.items():
        field = MOVED_FIELD[parent]
        for row in rows:
            events.append(PendingEvent(actor, "move_date", TABLE_ENTITY[parent], parent_id,
                                       {"fields": {field: [row["old_date"], row["new_date"]]}, "reason": row["reason"],
                                        "date_change": row["id"], "changed_by": row["changed_by"]}, batch_id))
    return events


def _link_detail(detail: dict, entity: str, key: str, entries: list) -> None:
    if entity == Entity.ACTION.value:  # as actions.create_action records them: the ids it answers
        detail[key] = sorted(entries)
        return
    if not entries:
        return
    if isinstance(entries[0], tuple):  # with a flag: the lead hub
        detail[key] = [[], sorted(other for other, _flag in entries)]
        detail["lead"] = [None, next((other for other, flag in entries if flag), None)]
    else:
        detail[key] = [[], sorted(entries)]


def supersede_events(actor: str, batch_id: int, pairs: Iterable[tuple[int, int]]) -> list[PendingEvent]:
    """(newer id, superseded id): the superseded recommendation's link to the one that replaces it."""
    return [PendingEvent(actor, "supersede", Entity.RECOMMENDATION.value, old, {"fields": {"superseded_by_id":
                                                                                         [None, newer]}}, batch_id)
            for newer, old in pairs]
