"""Opening a database: engine, pragmas, migrations, sessions and transactions."""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from ol_desk.core.audit import APPENDED_KEY
from ol_desk.core.errors import ConflictError, DatabaseError, PermissionDenied
from ol_desk.core.integrity.anchor import Anchor, chain_head
from ol_desk.core.integrity.witness import write_witness
from ol_desk.core.model import Meta

from . import migrations
from .location import describe, resolve_url, sqlite_path

BUSY_TIMEOUT_MS = 10_000


WRITE_OPTION = "ol_desk_write"
EVIDENCE_DIR_VAR = "OL_DESK_EVIDENCE_DIR"


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


WRITE_LOCK = 0x01DE5C_0002  # the server's one write lock: ol-desk's writers take turns, as on SQLite
WRITE_LOCK_WAIT = "10s"


def _server_begin(conn) -> None:
    """On a server, write transactions take one advisory lock first (held to commit), for the same guarantees as
    SQLite's BEGIN IMMEDIATE: the audit chain's tail, versions and undo ranges read under it cannot move, the
    chain never forks, and outbox seqs become visible in order, so no workstation's index skips a change."""
    if conn.get_execution_options().get(WRITE_OPTION):
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{WRITE_LOCK_WAIT}'")
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")


def make_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        path = sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    engine = create_engine(url, pool_pre_ping=True)
    if url.get_backend_name() == "postgresql":
        event.listen(engine, "begin", _server_begin)
    return engine


def _first_line(orig) -> str:
    diag = getattr(orig, "diag", None)
    primary = getattr(diag, "message_primary", None) if diag is not None else None
    return (primary or str(orig)).strip().splitlines()[0].rstrip(".")


class Database:
    """One open database: the engine, a session factory, and the folders that belong to it."""

    def __init__(self, target: str | os.PathLike | None = None, *, migrate: bool = True):
        self.url = resolve_url(target)
        self.path = sqlite_path(self.url)
        self.name = describe(self.url)
        from .location import default_data_dir
        self._data_dir = default_data_dir()
        try:
            self.engine = make_engine(self.url)
            self.created = False
            self.backup_path: Path | None = None
            self.upgraded_from: str | None = None   # the schema revision an upgrade started from
            if migrate and self.is_server:
                migrations.check_server(self.engine, self.name)  # clients never run DDL on a server
            elif migrate:
                before, _after, self.backup_path = migrations.upgrade(self.engine, self.path)
                self.upgraded_from = before if before != _after else None
                self.created = before is None
        except DatabaseError:
            raise
        except DBAPIError as exc:
            if self.is_server and getattr(exc.orig, "sqlstate", None) == "42501":
                login = self.url.username or "this login"
                raise PermissionDenied(
                    f"The login '{login}' is not an ol-desk user on {self.name}: an administrator adds it with "
                    f"`ol-desk server add-user {login} --role ROLE`.") from exc
            raise DatabaseError(f"Cannot open the database {self.name}: {exc.orig}") from exc
        except SQLAlchemyError as exc:
            raise DatabaseError(f"Cannot open the database {self.name}: {exc}") from exc
        # Reads see one snapshot on both stores (SQLite's deferred BEGIN gives one; PostgreSQL needs asking).
        readers = self.engine.execution_options(isolation_level="REPEATABLE READ") if self.is_server else self.engine
        self.Session = sessionmaker(readers, expire_on_commit=False)
        self.WriteSession = sessionmaker(self.engine.execution_options(**{WRITE_OPTION: True}),
                                         expire_on_commit=False)
        self.uid = self._ensure_uid()

    @property
    def is_server(self) -> bool:
        """A shared PostgreSQL database: logins are people and the server enforces their roles."""
        return self.url.get_backend_name() == "postgresql"

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
                head = self._head_if_appended(session)
            if head is not None:
                write_witness(head, self.name)
        except StaleDataError as exc:  # the version counter's own check, when a row moved on under the write
            raise ConflictError("Someone else saved a change to the same item while yours was being written; "
                                "nothing of yours was saved. Reload it and try again.") from exc
        except DBAPIError as exc:
            code = getattr(exc.orig, "sqlstate", None)
            if code == "42501":  # insufficient_privilege: a grant, a row-level policy or a guard trigger
                raise PermissionDenied(f"The server refused this change: {_first_line(exc.orig)}. Nothing was "
                                       f"saved.") from exc
            if code == "55P03" or (isinstance(exc, OperationalError) and "locked" in str(exc.orig).lower()):
                raise DatabaseError(
                    f"The database {self.name} is busy: another ol-desk window or command is writing "
                    f"to it. Nothing was saved; try again when it has finished.") from exc
            raise
        except OperationalError as exc:  # pragma: no cover - DBAPIError above catches these
            if "locked" not in str(exc.orig).lower():
                raise
            raise DatabaseError(f"The database {self.name} is busy: another ol-desk window or command is writing "
                                f"to it. Nothing was saved; try again when it has finished.") from exc
        finally:
            session.close()

    def _head_if_appended(self, session: Session) -> Anchor | None:
        """The chain's head for this workstation's witness, read under the write lock just before the commit, and
        only when the transaction appended events (the last event by primary key, and a count: cheap)."""
        if not session.info.pop(APPENDED_KEY, False) or not hasattr(self, "uid"):
            return None
        session.flush()  # what the caller's block left unflushed is the caller's write, flushed here as at commit
        return chain_head(session, self.uid)

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
        """A folder beside the database for the evidence store and the search index. On a server: this
        workstation's own, in the user-data folder (as it was when the database was opened), keyed by the
        server database's uid."""
        if self.path is not None:
            return self.path.with_name(self.path.name + ".d")
        return self._data_dir / "by-uid" / self.uid

    @property
    def evidence_dir(self) -> Path:
        """Where attached files are kept. On a server, $OL_DESK_EVIDENCE_DIR names a folder every workstation
        shares (a file share); without it, files stay on the workstation that attached them."""
        if self.is_server and os.environ.get(EVIDENCE_DIR_VAR):
            return Path(os.environ[EVIDENCE_DIR_VAR]) / self.uid
        return self.side_dir / "evidence"

    @property
    def index_dir(self) -> Path:
        return self.side_dir / "search-index"

    def _ensure_uid(self) -> str:
        if self.is_server:  # `server init` wrote it; app logins may not write meta
            with self.reading() as s:
                row = s.get(Meta, "uid")
            if row is None:
                raise DatabaseError(f"The server database {self.name} is not set up for ol-desk: run "
                                    f"`ol-desk server init` with the owner's URL.")
            return row.value
        from ol_desk.core.services.database_uid import ensure_uid  # imported here: the services import the store
        with self.transaction() as s:
            return ensure_uid(s)

    def is_empty(self) -> bool:
        from ol_desk.core.model import Hub
        with self.reading() as s:
            return s.scalar(select(Hub.id).limit(1)) is None


def open_database(target: str | os.PathLike | None = None, *, seed: bool = True) -> Database:
    """Open (creating and migrating as needed) a database; a new one gets the reference data."""
    db = Database(target)
    if seed and not db.is_server and db.is_empty():  # a server is seeded by `ol-desk server init`
        from ol_desk.core.reference_data.seed import seed_reference_data
        with db.transaction() as s:
            seed_reference_data(s)
    elif seed and not db.is_server and db.upgraded_from in migrations.WORDLESS_THEMES:
        from ol_desk.core.reference_data.seed import fill_standard_theme_words
        with db.transaction() as s:
            fill_standard_theme_words(s)
    return db
