"""Seeding a synthetic demo register: the service through which the demo generator (core/demo) writes its rows.

The generator only makes rows; this writes them, in ONE transaction, through the driver's cursor (executemany in
chunks, ids assigned by the generator from `first`), so 200,000 recommendations (about a million actions) take
minutes, not hours. On SQLite the plain indexes of an empty register are dropped and rebuilt around the inserts;
on PostgreSQL (where clients never run DDL) they stay, ids are taken beyond what each table's id sequence has handed
out, and the sequences are moved on past the ids written, so the next row the app adds gets a fresh id.

What the services record for any change is recorded here too, in the same transaction: the run is an import batch
(kind "demo") that undo and the batch list know; each row gets the audit event an import of it would write
(demo_events.py: a creation per row with its links, a move per date change, a supersession), so that `check`
replays the demo's history as it would a real register's; one more event ("demo") carries the counts and, per
table, the range of ids the run wrote; and one search-outbox row asks the indexer to rebuild. Only the CPIC
learning team (or ol-desk itself) may seed.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ol_desk.core import lifecycle
from ol_desk.core.errors import ValidationError
from ol_desk.core.model import (
    Action,
    Base,
    DateChange,
    Evidence,
    LearningEntry,
    Person,
    ProgressUpdate,
    Recommendation,
    SourceDocument,
)
from ol_desk.core.model.enums import Entity

from . import audit_trail, demo_events, import_batches, writes
from .actor import Actor
from .driver_rows import PLACEHOLDER, TableSink, placeholders

CACHE_KIB = 256 * 1024  # page cache while seeding: the secondary indexes of a million actions stay in memory
# The tables whose ids the seed assigns (the generator itself for documents, recommendations, actions and people;
# the sinks for the rest), so that each row's events can name it.
ID_MODELS = (SourceDocument, Recommendation, Action, Person, ProgressUpdate, Evidence, DateChange, LearningEntry)


@dataclass
class DemoSeed:
    """What the generator is handed inside the seed's transaction."""

    session: Session                    # for reading the hubs, themes and people the register is built on
    dialect: str
    first: dict[str, int]               # the first free id of each table in ID_MODELS
    _cursor: object = field(repr=False)
    actor: str = ""
    batch_id: int = 0
    _sinks: list[TableSink] = field(default_factory=list, repr=False)
    _pending: dict[str, tuple] = field(default_factory=dict, repr=False)

    def sink(self, table: str, fields: Sequence[str]) -> TableSink:
        sink = TableSink(self._cursor, Base.metadata.tables[table], fields, dialect=self.dialect,
                         ids_from=self.first.get(table), journal=self._journal)
        self._sinks.append(sink)
        return sink

    def _journal(self, sink: TableSink, rows: list[tuple]) -> None:
        kept = self._pending.setdefault(sink.table.name, (sink.table, []))[1]
        fixed = {k: demo_events.jsonable(v) for k, v in sink.fixed.items() if v is not None and v != ""}
        kept.extend({**dict(zip(sink.fields, row, strict=True)), **fixed} for row in rows)

    def flushed(self) -> None:
        """The generator has written a group of rows (parents with their links and date changes): their events."""
        if self._pending:
            audit_trail.append(self.session, demo_events.events_for(self.actor, self.batch_id, self._pending),
                               jsonable=True)
            self._pending = {}

    def supersede(self, pairs: Sequence[tuple[int, int]]) -> None:
        """(newer id, superseded id): link each superseded recommendation to the one replacing it, recorded."""
        self.flushed()
        sql = placeholders("UPDATE recommendations SET superseded_by_id = ? WHERE id = ?", self.dialect)
        self._cursor.executemany(sql, list(pairs))  # type: ignore[attr-defined]
        audit_trail.append(self.session, demo_events.supersede_events(self.actor, self.batch_id, pairs), jsonable=True)

    def written(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for sink in self._sinks:
            counts[sink.table.name] = counts.get(sink.table.name, 0) + sink.written
        return counts


def seed_demo(db, actor: Actor, *, source_name: str, detail: dict, force: bool, tables: Sequence[str],
              fill: Callable[[DemoSeed], None]) -> tuple[int, dict[str, int]]:
    """Run fill(seed) in one transaction and record it; returns (batch id, rows written per table). `tables`: the
    tables fill writes (on SQLite their plain indexes are rebuilt after the inserts into an empty register).

    Refuses a database that already holds recommendations unless `force` (then the demo goes in beside them)."""
    writes.require_role(actor, lifecycle.CPIC, "add a demo register")
    if db.url.get_backend_name() not in PLACEHOLDER:
        raise ValidationError("The demo generator writes SQLite and PostgreSQL databases only; give --db a "
                              ".sqlite3 file or a postgresql:// URL.")
    with db.transaction() as session:
        if not force and session.scalar(select(Recommendation.id).limit(1)) is not None:
            raise ValidationError(f"{db.name} already holds recommendations, so no demo data was added. "
                                  f"Use an empty database (--db NEW_FILE), or --force to add a demo register "
                                  f"beside the existing one.")
        batch_id = import_batches.new_batch(session, actor, "demo", source_name)  # opens the connection's transaction
        dialect = session.connection().dialect.name
        first = {model.__tablename__: (session.scalar(select(func.max(model.id))) or 0) + 1 for model in ID_MODELS}
        cursor = session.connection().connection.driver_connection.cursor()
        try:
            if dialect == "postgresql":
                first = {table: max(start, _next_id(cursor, table)) for table, start in first.items()}
            seed = DemoSeed(session, dialect, first, cursor, actor.name, batch_id)
            if dialect == "sqlite":
                _fill_sqlite(cursor, seed, fill, tables if first["recommendations"] == 1 else ())
            else:
                fill(seed)
                seed.flushed()
                for table in first:
                    _move_sequence_past_max_id(cursor, table)
        finally:
            cursor.close()
        counts = seed.written()
        ids = {table: [start, _max_id(session, table)] for table, start in first.items()
               if _max_id(session, table) >= start}
        import_batches.set_summary(session, batch_id, {**detail, "counts": counts})
        with writes.in_batch(session, batch_id):
            writes.record(session, actor, "demo", Entity.IMPORT, batch_id, {**detail, "counts": counts, "ids": ids},
                          announce=False)
        writes.announce_rebuild(session)
    return batch_id, counts


def _fill_sqlite(cursor, seed: DemoSeed, fill: Callable[[DemoSeed], None], tables: Sequence[str]) -> None:
    cache = cursor.execute("PRAGMA cache_size").fetchone()[0]
    cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    try:
        rebuild = _drop_plain_indexes(cursor, tuple(tables)) if tables else []
        fill(seed)
        seed.flushed()
        for ddl in rebuild:
            cursor.execute(ddl)
    finally:
        cursor.execute(f"PRAGMA cache_size={cache}")


def _max_id(session: Session, table: str) -> int:
    model = next(m for m in ID_MODELS if m.__tablename__ == table)
    return session.scalar(select(func.max(model.id))) or 0


def _next_id(cursor, table: str) -> int:
    """PostgreSQL: a value from the table's id sequence, above every id it has handed out (even to rows rolled
    back since, which max(id) does not see)."""
    cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id'))", (table,))
    return cursor.fetchone()[0]


def _move_sequence_past_max_id(cursor, table: str) -> None:
    """PostgreSQL: draw from the table's id sequence until it is past the ids written with the inserts, so the
    app's next insert does not collide with them. nextval needs only the USAGE a writer's role has on sequences
    (setval would need UPDATE, which people's logins are not granted); one query, cheap next to the inserts."""
    cursor.execute(f"SELECT max(id) - nextval(pg_get_serial_sequence(%s, 'id')) FROM {table}", (table,))
    behind = cursor.fetchone()[0] or 0
    if behind > 0:
        cursor.execute("SELECT max(nextval(pg_get_serial_sequence(%s, 'id'))) FROM generate_series(1, %s)",
                       (table, behind))


def _drop_plain_indexes(cursor, names: tuple[str, ...]) -> list[str]:
    """Drop the non-unique indexes of these tables and return the SQL that recreates them exactly. On an empty
    register, building each index once after the inserts is about a fifth faster than updating it row by row.
    Both happen inside the one transaction, so a failure leaves the indexes as they were."""
    rows = cursor.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                          f"AND tbl_name IN ({', '.join('?' * len(names))}) ORDER BY name", names).fetchall()
    plain = [(name, sql) for name, sql in rows if not sql.lstrip().upper().startswith("CREATE UNIQUE")]
    for name, _sql in plain:
        cursor.execute(f'DROP INDEX "{name}"')
    return [sql for _name, sql in plain]
