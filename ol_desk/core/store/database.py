"""Opening a database: engine, pragmas, migrations, sessions and transactions."""
from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from ol_desk.core.errors import ConflictError, DatabaseError
from ol_desk.core.model import Meta
from . import migrations
from .location import describe, resolve_url, sqlite_path

BUSY_TIMEOUT_MS = 10_000


WRITE_OPTION = "ol_desk_write"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # We emit BEGIN ourselves (see _sqlite_begin): pysqlite's own implicit BEGIN comes only at the first write,
    # which would leave the reads before it (version checks, the audit chain's tail) outside the transaction.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn) -> None:
    """Write transactions take SQLite's write lock at BEGIN (IMMEDIATE), so everything they read — the version an
    edit was made against, the audit chain's tail, the undo range — is read under that lock and cannot change
    before they commit. Read transactions BEGIN deferred: one consistent snapshot, never blocking a writer."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE_OPTION) else "BEGIN")


def make_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        path = sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


class Database:
    """One open database: the engine, a session factory, and the folders that belong to it."""

    def __init__(self, target: str | os.PathLike | None = None, *, migrate: bool = True):
        self.url = resolve_url(target)
        self.path = sqlite_path(self.url)
        self.name = describe(self.url)
        try:
            self.engine = make_engine(self.url)
            self.created = False
            self.backup_path: Path | None = None
            if migrate:
                before, _after, self.backup_path = migrations.upgrade(self.engine, self.path)
                self.created = before is None
        except DatabaseError:
            raise
        except DBAPIError as exc:
            raise DatabaseError(f"Cannot open the database {self.name}: {exc.orig}") from exc
        except SQLAlchemyError as exc:
            raise DatabaseError(f"Cannot open the database {self.name}: {exc}") from exc
        self.Session = sessionmaker(self.engine, expire_on_commit=False)
        self.WriteSession = sessionmaker(self.engine.execution_options(**{WRITE_OPTION: True}),
                                         expire_on_commit=False)
        self.uid = self._ensure_uid()

    # -- sessions --------------------------------------------------------------------------------------------
    def session(self) -> Session:
        return self.Session()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed as one transaction, or rolled back whole on any error."""
        session = self.WriteSession()
        try:
            with session.begin():
                yield session
        except StaleDataError as exc:  # the version counter's own check, when a row moved on under the write
            raise ConflictError("Someone else saved a change to the same item while yours was being written; "
                                "nothing of yours was saved. Reload it and try again.") from exc
        except OperationalError as exc:
            if "locked" not in str(exc.orig).lower():
                raise
            raise DatabaseError(f"The database {self.name} is busy: another ol-desk window or command is writing "
                                f"to it. Nothing was saved; try again when it has finished.") from exc
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        session = self.Session()
        try:
            yield session
        finally:
            session.close()  # ends the read transaction; loaded objects stay readable (detached)

    def dispose(self) -> None:
        self.engine.dispose()

    # -- things that live beside the database ----------------------------------------------------------------
    @property
    def side_dir(self) -> Path:
        """A folder beside the database for the evidence store and the search index."""
        if self.path is not None:
            return self.path.with_name(self.path.name + ".d")
        from .location import default_data_dir
        return default_data_dir() / "by-uid" / self.uid

    @property
    def evidence_dir(self) -> Path:
        return self.side_dir / "evidence"

    @property
    def index_dir(self) -> Path:
        return self.side_dir / "search-index"

    def _ensure_uid(self) -> str:
        with self.transaction() as s:
            row = s.get(Meta, "uid")
            if row is None:
                row = Meta(key="uid", value=uuid.uuid4().hex)
                s.add(row)
            return row.value

    def is_empty(self) -> bool:
        from ol_desk.core.model import Hub
        with self.reading() as s:
            return s.scalar(select(Hub.id).limit(1)) is None


def open_database(target: str | os.PathLike | None = None, *, seed: bool = True) -> Database:
    """Open (creating and migrating as needed) a database; a new one gets the reference data."""
    db = Database(target)
    if seed and db.is_empty():
        from ol_desk.core.reference_data.seed import seed_reference_data
        with db.transaction() as s:
            seed_reference_data(s)
    return db
