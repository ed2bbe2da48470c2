"""`generate_demo`: fill a database with a synthetic register in ONE transaction, fast.

Rows go in through the DBAPI connection of the session's own transaction (executemany in chunks, ids assigned
here), so N = 200,000 recommendations (about a million actions) takes minutes, not hours. On SQLite the plain
indexes of an empty register are dropped and rebuilt around the inserts; on PostgreSQL (where clients never run
DDL) they stay, ids are taken beyond what each table's id sequence has handed out, and the sequences are moved on
past the ids written here, so the next row the app adds gets a fresh id.

What a service would record is still recorded, in the same transaction: the run is an import batch (kind "demo"),
one audit event with the counts is appended to the hash chain, and one search-outbox row asks the indexer to
rebuild from scratch.
"""
from __future__ import annotations

import datetime as dt
import json
import random
import time
from dataclasses import dataclass

from sqlalchemy import func, insert, select

from ol_desk.core import audit
from ol_desk.core.dates import today
from ol_desk.core.errors import ValidationError
from ol_desk.core.model import (
    Action,
    Base,
    Hub,
    ImportBatch,
    OutboxEntry,
    Person,
    Recommendation,
    SourceDocument,
    Theme,
)
from ol_desk.core.model.enums import Entity
from ol_desk.core.progress import Progress
from ol_desk.core.services.actor import SYSTEM, Actor

from .bulk import PLACEHOLDER, TableSink, placeholders
from .people import make_people
from .register import HISTORY_DAYS, RegisterBuilder, Sinks, stamp

MAX_RECOMMENDATIONS = 2_000_000
CACHE_KIB = 256 * 1024  # page cache while generating: the secondary indexes of a million actions stay in memory

_FIELDS = {
    "documents": ("id", "kind", "issuing_body", "title", "reference", "date_issued", "link",
                  "original_response_due", "response_due", "response_sent_on", "notes", "created_at", "updated_at"),
    "recommendations": ("id", "document_id", "reference", "position", "finding_type", "title", "text", "owner_id",
                        "response_position", "response_rationale", "status", "original_target_date",
                        "current_target_date", "superseded_by_id", "board_decision_on", "board_minute_ref",
                        "closed_on", "last_update_on", "notes", "created_at", "updated_at"),
    "recommendation_hubs": ("recommendation_id", "hub_id", "is_lead"),
    "recommendation_themes": ("recommendation_id", "theme_id"),
    "actions": ("id", "reference", "title", "owner_id", "hub_id", "status", "original_due_date", "current_due_date",
                "completed_on", "completion_note", "cancel_reason", "embedded", "embedded_on", "embedded_note",
                "percent_complete", "last_update_on", "created_at", "updated_at"),
    "action_recommendations": ("action_id", "recommendation_id"),
    "progress_updates": ("recommendation_id", "action_id", "written_on", "author", "text", "created_at"),
    "evidence": ("recommendation_id", "action_id", "kind", "description", "url", "added_by", "created_at"),
    "date_changes": ("document_id", "recommendation_id", "action_id", "old_date", "new_date", "reason",
                     "changed_by", "changed_at"),
    "learning_entries": ("operation", "incident_date", "gold_lead", "learning", "suggested_owner",
                         "suggested_hub_id", "triage_outcome", "triage_reason", "triaged_by", "triaged_on",
                         "recommendation_id", "captured_by", "created_at", "updated_at"),
}


@dataclass(frozen=True)
class DemoReport:
    batch_id: int
    seed: int
    on: dt.date
    counts: dict[str, int]
    seconds: float

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def _rng(seed: int, on: dt.date) -> random.Random:
    return random.Random(f"ol-desk demo {seed} {on.isoformat()}")


def generate_demo(db, recommendations: int, *, seed: int = 1, on: dt.date | None = None, force: bool = False,
                  actor: Actor = SYSTEM, progress: Progress | None = None) -> DemoReport:
    """Add a synthetic register of `recommendations` items to `db`. Deterministic for (seed, on) on an empty
    database. Refuses a database that already holds recommendations unless `force`; then adds beside them."""
    if not 1 <= recommendations <= MAX_RECOMMENDATIONS:
        raise ValidationError(f"The demo makes between 1 and {MAX_RECOMMENDATIONS:,} recommendations; "
                              f"{recommendations:,} was asked for.")
    if db.url.get_backend_name() not in PLACEHOLDER:
        raise ValidationError("The demo generator writes SQLite and PostgreSQL databases only; give --db a "
                              ".sqlite3 file or a postgresql:// URL.")
    on = on or today()
    started = time.perf_counter()
    with db.transaction() as session:
        if not force and session.scalar(select(Recommendation.id).limit(1)) is not None:
            raise ValidationError(f"{db.name} already holds recommendations, so no demo data was added. "
                                  f"Use an empty database (--db NEW_FILE), or --force to add a demo register "
                                  f"beside the existing one.")
        hubs = [(h.id, h.code, h.kind) for h in session.execute(select(Hub.id, Hub.code, Hub.kind).order_by(Hub.id))]
        themes = [(t.id, t.code, t.name) for t in session.execute(
            select(Theme.id, Theme.code, Theme.name).order_by(Theme.id))]
        if not hubs or not themes:
            raise ValidationError("The database has no hubs or themes to build a register on; run `ol-desk init` "
                                  "on a new database first.")
        batch = ImportBatch(kind="demo", source_name=f"demo: {recommendations:,} recommendations, seed {seed}, "
                                                     f"anchored on {on.isoformat()}", actor=actor.name)
        session.add(batch)
        session.flush()  # also opens the transaction on the connection the bulk inserts share
        dialect = session.connection().dialect.name
        first = {model.__tablename__: (session.scalar(select(func.max(model.id))) or 0) + 1
                 for model in ID_MODELS}
        cursor = session.connection().connection.driver_connection.cursor()
        try:
            if dialect == "sqlite":
                cache = cursor.execute("PRAGMA cache_size").fetchone()[0]
                cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
                try:
                    rebuild = _drop_plain_indexes(cursor) if first["recommendations"] == 1 else []
                    counts = _write_register(cursor, dialect, recommendations, _rng(seed, on), on, hubs, themes,
                                             first, progress)
                    for ddl in rebuild:
                        cursor.execute(ddl)
                finally:
                    cursor.execute(f"PRAGMA cache_size={cache}")
            else:
                first = {table: max(start, _next_id(cursor, table)) for table, start in first.items()}
                counts = _write_register(cursor, dialect, recommendations, _rng(seed, on), on, hubs, themes, first,
                                         progress)
                for table in first:
                    _move_sequence_past_max_id(cursor, table)
            if progress is not None:
                progress(recommendations, recommendations, "recommendations")
        finally:
            cursor.close()
        detail = {"recommendations": recommendations, "seed": seed, "on": on.isoformat(), "counts": counts}
        batch.summary = json.dumps(detail, sort_keys=True)
        audit.append(session, [audit.PendingEvent(actor.name, "demo", Entity.IMPORT.value, batch.id, detail,
                                                  batch.id)])
        session.execute(insert(OutboxEntry), [{"entity": "*", "entity_id": 0, "op": "rebuild"}])
        batch_id = batch.id
    return DemoReport(batch_id, seed, on, counts, time.perf_counter() - started)


ID_MODELS = (SourceDocument, Recommendation, Action, Person)  # the tables whose ids the generator assigns


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


def _drop_plain_indexes(cursor) -> list[str]:
    """Drop the non-unique indexes of the tables about to be filled and return the SQL that recreates them
    exactly. On an empty register, building each index once after the inserts is about a fifth faster than
    updating it row by row. Both happen inside the one transaction, so a failure leaves the indexes as they were."""
    names = tuple(_FIELDS)
    rows = cursor.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                          f"AND tbl_name IN ({', '.join('?' * len(names))}) ORDER BY name", names).fetchall()
    plain = [(name, sql) for name, sql in rows if not sql.lstrip().upper().startswith("CREATE UNIQUE")]
    for name, _sql in plain:
        cursor.execute(f'DROP INDEX "{name}"')
    return [sql for _name, sql in plain]


def _write_register(cursor, dialect: str, n: int, rng: random.Random, on: dt.date, hubs, themes,
                    first: dict[str, int], progress) -> dict[str, int]:
    tables = Base.metadata.tables
    people = make_people(rng, hubs, first["people"])
    people_sink = TableSink(cursor, tables["people"], ("id", "name", "role", "hub_id", "email", "created_at",
                                                       "updated_at"), dialect=dialect)
    joined = stamp(on - dt.timedelta(days=HISTORY_DAYS + 30))
    for p in people:
        people_sink.add((p.id, p.name, p.role.value, p.hub_id, p.email, joined, joined))
    people_sink.flush()
    sinks = Sinks(**{name: TableSink(cursor, tables[name], fields, dialect=dialect)
                     for name, fields in _FIELDS.items()})
    builder = RegisterBuilder(rng, on, hubs, themes, people, sinks, first)
    builder.build(n, progress)
    cursor.executemany(placeholders("UPDATE recommendations SET superseded_by_id = ? WHERE id = ?", dialect),
                       builder.supersessions)
    return {"people": people_sink.written, **{name: getattr(sinks, name).written for name in _FIELDS}}
