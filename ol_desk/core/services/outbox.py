"""Forgetting search-outbox rows the index has applied (the outbox is written by every change, in writes.py).

On a workstation the indexer deletes what it has committed to the index; on a server, where other workstations'
indexes still need the rows, they are kept KEEP_DAYS and trimmed by age through a server function.
"""
from __future__ import annotations

from sqlalchemy import delete, func, select, text
from sqlalchemy.exc import OperationalError

from ol_desk.core.model import OutboxEntry
from ol_desk.core.store.database import BUSY_TIMEOUT_MS

KEEP_DAYS = 30         # on a server: outbox rows kept this long for every workstation's index
TRIM_STEP = 20_000     # outbox rows deleted per write transaction (each holds the write lock for milliseconds)
TRIM_WAIT_MS = 100     # how long a trim waits for another writer before leaving the rows for next time


def trim(db, upto: int) -> int:
    """Delete the outbox rows at or below `upto` (applied and committed in the index); returns how many went.

    Safe because a rebuild reads the tables, not the outbox. Runs in small write transactions that give way at
    once to another writer (an import, an edit in another window): rows left behind are deleted next time.

    On a server other workstations' indexes still need the rows: there the outbox is trimmed by age instead (rows
    older than KEEP_DAYS), by a server function any app login may call, and an index that fell behind what is
    kept rebuilds itself (see indexer.diagnose).
    """
    if db.is_server:
        return trim_by_age(db, KEEP_DAYS)
    deleted = 0
    with db.engine.connect() as conn:
        _busy_timeout(conn, TRIM_WAIT_MS)
        try:
            while True:
                with conn.begin():
                    lo = conn.scalar(select(func.min(OutboxEntry.seq)))
                    if lo is None or lo > upto:
                        return deleted
                    hi = min(upto, lo + TRIM_STEP - 1)
                    deleted += conn.execute(delete(OutboxEntry).where(OutboxEntry.seq <= hi)).rowcount or 0
        except OperationalError as exc:
            if "locked" not in str(exc.orig).lower() and "busy" not in str(exc.orig).lower():
                raise
            return deleted
        finally:
            _busy_timeout(conn, BUSY_TIMEOUT_MS)


def trim_by_age(db, keep_days: int) -> int:
    with db.engine.begin() as conn:
        return int(conn.scalar(text("SELECT ol_trim_search_outbox(:days)"), {"days": keep_days}) or 0)


def _busy_timeout(conn, ms: int) -> None:
    """Set on the driver's connection: a statement through SQLAlchemy would open a transaction."""
    if conn.dialect.name == "sqlite":
        conn.connection.dbapi_connection.execute(f"PRAGMA busy_timeout={ms}")
