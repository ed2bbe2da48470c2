"""Fast bulk inserts for the demo seed (services/demo_seed.py): plain tuples through the DBAPI connection (SQLite's,
or psycopg's on PostgreSQL) in chunks. Nothing but the services writes through a driver cursor.

Rows are tuples in the order of the fields a `TableSink` was made with. Columns the generator does not fill get
the ORM column's scalar default (or its callable default, evaluated once) written into the INSERT as a literal,
so a column someone adds to the model later with a default keeps working without touching the generator.
Values must already be in SQLite's storage form: dates as ISO strings, datetimes as 'YYYY-MM-DD HH:MM:SS.ffffff',
booleans as 0/1, enums as their stored values. PostgreSQL reads the same strings as dates and timestamps (psycopg
sends a str untyped, so the server casts it to the column's type); its booleans are turned into bools here.
"""
from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Boolean, Table

CHUNK_ROWS = 20_000


def sqlite_datetime(value: dt.datetime) -> str:
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


PLACEHOLDER = {"sqlite": "?", "postgresql": "%s"}


def placeholders(sql: str, dialect: str) -> str:
    """SQL written with SQLite's `?` placeholders, in the driver's own style for `dialect`."""
    return sql.replace("?", PLACEHOLDER[dialect])


def _literal(value: Any, dialect: str = "sqlite") -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        if dialect == "postgresql":
            return "TRUE" if value else "FALSE"
        return "1" if value else "0"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, dt.datetime):
        value = sqlite_datetime(value)
    elif isinstance(value, dt.date):
        value = value.isoformat()
    return "'" + str(value).replace("'", "''") + "'"


def _default_of(column) -> Any:
    default = column.default
    if default is None:
        return None
    if default.is_callable:
        try:
            return default.arg(None)
        except TypeError:
            return default.arg()
    if default.is_scalar:
        return default.arg
    return None


class TableSink:
    """Buffers rows for one table and writes them with executemany on flush (the caller flushes parents before
    children, so that no foreign key ever points to a row not yet written)."""

    def __init__(self, cursor, table: Table, fields: Iterable[str], *, fixed: dict[str, Any] | None = None,
                 on_write: Callable[[str, int], None] | None = None, dialect: str = "sqlite",
                 ids_from: int | None = None, journal: Callable[[TableSink, list[tuple]], None] | None = None):
        """ids_from: rows come without their id, and are given ids from this one up (so the events written with
        them can name them); journal: told every chunk of rows written, as tuples in the order of `fields`."""
        if dialect not in PLACEHOLDER:
            raise ValueError(f"no bulk inserts for {dialect}")
        self.cursor = cursor
        self.table = table
        self.fields = tuple(fields)
        self.next_id = ids_from if ids_from is not None and "id" not in self.fields else None
        if self.next_id is not None:
            self.fields = ("id", *self.fields)
        self.journal = journal
        unknown = [f for f in self.fields if f not in table.c]
        if unknown:
            raise KeyError(f"{table.name} has no column(s) {', '.join(unknown)}")
        fixed = dict(fixed or {})
        for column in table.c:
            if column.name in self.fields or column.name in fixed:
                continue
            if column.primary_key:  # not supplied: the database assigns it
                continue
            fixed[column.name] = _default_of(column)
        self.fixed = fixed
        names = list(self.fields) + list(fixed)
        values = [PLACEHOLDER[dialect]] * len(self.fields) + [_literal(v, dialect) for v in fixed.values()]
        self.sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join(values)})"
        # PostgreSQL will not take 0/1 for a boolean: the positions of the boolean fields, to convert on flush
        self._booleans = ([i for i, name in enumerate(self.fields) if isinstance(table.c[name].type, Boolean)]
                          if dialect == "postgresql" else [])
        self.rows: list[tuple] = []
        self.written = 0
        self.on_write = on_write

    def add(self, row: tuple) -> None:
        if self.next_id is not None:
            row = (self.next_id, *row)
            self.next_id += 1
        self.rows.append(row)

    @property
    def full(self) -> bool:
        return len(self.rows) >= CHUNK_ROWS

    def flush(self) -> None:
        if self.rows:
            if self._booleans:
                self.rows = [self._with_bools(row) for row in self.rows]
            self.cursor.executemany(self.sql, self.rows)
            if self.journal is not None:
                self.journal(self, self.rows)
            self.written += len(self.rows)
            if self.on_write is not None:
                self.on_write(self.table.name, len(self.rows))
            self.rows = []

    def _with_bools(self, row: tuple) -> tuple:
        values = list(row)
        for i in self._booleans:
            if values[i] is not None:
                values[i] = bool(values[i])
        return tuple(values)
