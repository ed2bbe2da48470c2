"""Rows against their history: replay the audit log row by row and compare what it describes with the tables.

For every audited table (the models undo knows, `services/history_rows.MODELS`: documents, recommendations,
actions, progress updates, evidence, hubs, themes, people, learning, import profiles), every field the services
record (every column but the id and the bookkeeping ones, as `writes.snapshot` takes them), the link tables the
owner's events record (`history_rows.LINKS`: recommendation hubs with the lead, themes, actions' recommendations,
related pairs) and the owned rows (`history_rows.OWNED`: date changes). Set-based and streaming: the events of one
entity are read ordered by (entity id, event id) and folded row by row (`row_history.fold`), the table is read in id
order, and the two are merge-joined, so only one row's history is held at a time (related pairs and date changes,
both small, are kept until their tables are read).

What it lists: each field the log does not explain (the log's value and the row's), link rows added or removed
behind the log, rows with no creating event, rows the log removed that are still there, and events for rows that
are gone without a deletion event. At most `CAP` lines; the rest are counted.
"""
from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Date, Enum, String, Table, cast, select, type_coerce
from sqlalchemy.orm import Session

from ol_desk.core.audit import to_jsonable
from ol_desk.core.model import AuditEvent
from ol_desk.core.model.base import table_of
from ol_desk.core.progress import Progress
from ol_desk.core.services.history_rows import BOOKKEEPING, MODELS, OWNED

from .row_history import EMPTY, PARENT_COLUMN, RELATED, OwnedRow, RowState, fold, owner_links

CAP = 200
CHUNK = 5000


@dataclass
class ReplayReport:
    rows: int = 0
    events: int = 0
    problems: list[str] = field(default_factory=list)
    more: int = 0  # problems found beyond CAP

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, line: str) -> None:
        if len(self.problems) < CAP:
            self.problems.append(line)
        else:
            self.more += 1

    @property
    def count(self) -> int:
        return len(self.problems) + self.more


def absent_values(table: Table) -> dict[str, tuple]:
    """What a field a creation left out may hold: nothing, or its column's default (an import's bulk insert records
    the values it gave, and the database filled the rest with their defaults)."""
    out = {}
    for name in audited_fields(table):
        default = table.c[name].default
        value = to_jsonable(getattr(default, "arg", None)) if default is not None and default.is_scalar else None
        out[name] = (None, "", value)
    return out


def audited_fields(table: Table) -> list[str]:
    """The fields the services record for a row of this table (what `writes.snapshot` takes, but the id)."""
    return [c.name for c in table.c if c.name != "id" and c.name not in BOOKKEEPING]


def _readable(column):
    """A column read in the form the events hold it: dates as ISO text, enums as their stored value."""
    if isinstance(column.type, Date):
        return cast(column, String).label(column.name)
    if isinstance(column.type, Enum):
        return type_coerce(column, String).label(column.name)
    return column


def _stream(session: Session, stmt) -> Iterator:
    return iter(session.execute(stmt.execution_options(yield_per=CHUNK)))


def _groups(rows: Iterable, key: int = 0) -> Iterator[tuple[Any, list]]:
    """Consecutive rows with the same value at `key`, as (value, rows)."""
    current: Any = None
    bunch: list = []
    for row in rows:
        if row[key] != current and bunch:
            yield current, bunch
            bunch = []
        current = row[key]
        bunch.append(row)
    if bunch:
        yield current, bunch


def _tagged(source: int, stream: Iterable[tuple[int, object]]) -> Iterator[tuple[int, int, object]]:
    for key, value in stream:
        yield key, source, value


def _same(expected, held, absent: tuple = (None, "")) -> bool:
    if expected is EMPTY:
        return held in absent
    return expected == held or (expected is not None and held is not None and str(expected) == str(held))


def _shown(value) -> str:
    return "nothing" if value is EMPTY or value is None or value == "" else repr(value)


def replay(session: Session, progress: Progress | None = None, total_events: int | None = None) -> ReplayReport:
    report = ReplayReport()
    related: dict[tuple[int, int], tuple[int, bool]] = {}
    owned: dict[int, OwnedRow] = {}
    for entity, model in MODELS.items():
        _replay_entity(session, report, entity, table_of(model), related, owned, progress, total_events)
    if progress is not None:
        progress(report.events, report.events, "checking links and date changes")
    _check_related(session, report, related)
    _check_owned(session, report, owned)
    return report


def _replay_entity(session: Session, report: ReplayReport, entity: str, table: Table, related: dict, owned: dict,
                   progress: Progress | None, total: int | None) -> None:
    e = AuditEvent.__table__
    names = audited_fields(table)
    absent = absent_values(table)
    events = _stream(session, select(e.c.entity_id, e.c.id, e.c.verb, e.c.actor, e.c.detail)
                     .where(e.c.entity == entity, e.c.entity_id.is_not(None)).order_by(e.c.entity_id, e.c.id))
    rows = _stream(session, select(table.c.id, *(_readable(table.c[n]) for n in names)).order_by(table.c.id))
    links = owner_links(entity)
    link_streams = []
    for link in links:
        t = link.t
        cols = [t.c[link.owner_column], t.c[link.other_column]] + ([t.c[link.flag]] if link.flag else [])
        link_streams.append(_groups(_stream(session, select(*cols).order_by(*cols[:2]))))
    sources = [("events", _groups(events)), ("row", ((r[0], r) for r in rows))]
    sources += [(link.key, stream) for link, stream in zip(links, link_streams, strict=True)]
    merged = heapq.merge(*(_tagged(i, stream) for i, (_n, stream) in enumerate(sources)),
                         key=lambda item: (item[0], item[1]))
    related_pairs = related if entity == RELATED.owner.value else None
    label = {"update": "progress update", "learning": "learning entry", "profile": "import profile"}.get(entity, entity)
    for row_id, parts in _groups(merged):
        got = {sources[i][0]: value for _k, i, value in parts}
        history = got.get("events", [])
        report.events += len(history)
        state = fold(history, links, table.name, related_pairs, owned)
        row = got.get("row")
        if row is not None:
            report.rows += 1
        _compare(report, f"{label} {row_id}", state, row, names, absent, links, got)
        if progress is not None and history and report.events % 20000 < len(history):
            progress(report.events, total, "checking rows against the audit log")


def _compare(report: ReplayReport, what: str, state: RowState, row, names: list[str], absent: dict[str, tuple],
             links, got: dict) -> None:
    if row is None:
        if state.exists:
            report.add(f"event #{state.last_event} is for {what}, which is gone (and no deletion event)")
        elif state.created is None and state.last_event is not None:
            report.add(f"event #{state.last_event} is for {what}, which is gone (and no creating or deletion "
                       f"event)")
        return
    if state.created is None:
        first = f" (the log's first event for it, #{state.first_event[0]}, is a '{state.first_event[1]}')" \
            if state.first_event else ""
        report.add(f"{what}: no creating event{first}")
        return
    if state.removed is not None:
        report.add(f"{what} was removed by event #{state.removed}, but the row is there")
        return
    for i, name in enumerate(names, start=1):
        expected = state.values.get(name, EMPTY)
        if not _same(expected, row[i], absent[name]):
            report.add(f"{what} field {name}: the log says {_shown(expected)}, the row holds {_shown(row[i])}")
    for link in links:
        held = {r[1] for r in got.get(link.key, [])}
        said = state.links.get(link.key, set())
        if held != said:
            report.add(f"{what} {link.key}: the log says {sorted(said)}, the table {link.table} holds {sorted(held)}")
        if link.flag and held:
            lead = next((r[1] for r in got.get(link.key, []) if r[2]), None)
            if lead != state.lead:
                report.add(f"{what} lead {link.key[:-1]}: the log says {_shown(state.lead)}, the row holds "
                           f"{_shown(lead)}")


def _check_related(session: Session, report: ReplayReport, related: dict) -> None:
    t = RELATED.t
    held = {(r[0], r[1]) for r in session.execute(select(t.c[RELATED.owner_column], t.c[RELATED.other_column]))}
    said = {pair for pair, (_event, linked) in related.items() if linked}
    for lo, hi in sorted(held - said):
        report.add(f"recommendations {lo} and {hi} are linked as related, but no event links them")
    for lo, hi in sorted(said - held):
        report.add(f"recommendations {lo} and {hi} are related in the log (event #{related[(lo, hi)][0]}), but "
                   f"the link is gone")


def _check_owned(session: Session, report: ReplayReport, owned: dict[int, OwnedRow]) -> None:
    t = next(iter(OWNED.values()))
    parents = list(PARENT_COLUMN.values())
    rows = _stream(session, select(t.c.id, *(t.c[c] for c in parents), _readable(t.c.old_date),
                                   _readable(t.c.new_date), t.c.reason, t.c.changed_by).order_by(t.c.id))
    seen = set()
    for row in rows:
        seen.add(row.id)
        what = f"date change {row.id}"
        said = owned.get(row.id)
        if said is None:
            report.add(f"{what}: no event records it")
            continue
        if not said.present:
            report.add(f"{what} was removed by event #{said.event_id}, but the row is there")
            continue
        parent = next(((c, row._mapping[c]) for c in parents if row._mapping[c] is not None), None)
        if parent != said.parent:
            report.add(f"{what} belongs to {_parent(parent)}, but event #{said.event_id} moved a date of "
                       f"{_parent(said.parent)}")
        if (row.old_date, row.new_date) not in said.dates:
            report.add(f"{what} dates: the log (event #{said.event_id}) says {_pairs(said.dates)}, the row holds "
                       f"{row.old_date} → {row.new_date}")
        for name in ("reason", "changed_by"):
            if not _same(getattr(said, name), row._mapping[name]):
                report.add(f"{what} field {name}: the log says {_shown(getattr(said, name))}, the row holds "
                           f"{_shown(row._mapping[name])}")
    for row_id, said in sorted(owned.items()):
        if said.present and row_id not in seen:
            report.add(f"event #{said.event_id} records date change {row_id}, which is gone (and no event removed it)")


def _parent(parent: tuple[str, int] | None) -> str:
    return "nothing" if parent is None else f"{parent[0].removesuffix('_id')} {parent[1]}"


def _pairs(dates: list[tuple]) -> str:
    return ", ".join(f"{a} → {b}" for a, b in dates) or "no dates"
