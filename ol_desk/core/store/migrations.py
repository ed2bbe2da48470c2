"""Alembic migrations run from code when a database is opened.

Before a migration touches an existing SQLite file it is backed up beside itself. A database whose schema is newer
than this code is refused: opening it could lose data that a newer ol-desk wrote.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

from ol_desk.core.errors import DatabaseError

SCRIPT_LOCATION = str(Path(__file__).with_name("alembic"))


WORDLESS_THEMES = ("0001", "0002")   # schemas before themes had words: an upgrade gives the standard ones theirs


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", SCRIPT_LOCATION)
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:  # pragma: no cover - guarded by a test
        raise DatabaseError(f"ol-desk's migrations have {len(heads)} heads; expected exactly one")
    return heads[0]


SERVER_INIT_LOCK = 0x01DE5C_0001  # advisory lock key: one `server init` at a time


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return current_revision_on(conn)


def current_revision_on(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def check_server(engine: Engine, name: str) -> str:
    """A client never migrates a server: its schema must be exactly the one this ol-desk knows, or we refuse and
    say which side to upgrade."""
    head = head_revision()
    current = current_revision(engine)
    if current == head:
        return current
    if current is None:
        raise DatabaseError(f"The server database {name} has no ol-desk schema yet: an administrator runs "
                            f"`ol-desk --db <owner URL> server init` once to set it up.")
    if current not in known_revisions():
        raise DatabaseError(f"The server {name} has a newer ol-desk schema ({current}) than this ol-desk knows "
                            f"({head}): upgrade ol-desk on this workstation to the server's version.")
    raise DatabaseError(f"The server {name} has an older ol-desk schema ({current}) than this ol-desk needs "
                        f"({head}): the administrator upgrades the server first, with `ol-desk server init` from "
                        f"this version; nothing was changed.")


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def backup_sqlite(path: Path, revision: str | None) -> Path:
    """Copy a SQLite file (consistently, with the backup API) to `<name>.bak-<rev>-<timestamp>`."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.bak-{revision or 'none'}-{stamp}")
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def upgrade(engine: Engine, sqlite_file: Path | None) -> tuple[str | None, str, Path | None]:
    """Bring the schema to head. Returns (revision before, revision after, backup path or None)."""
    head = head_revision()
    before = current_revision(engine)
    if before == head:
        return before, head, None
    if before is not None and before not in known_revisions():
        raise DatabaseError(
            f"This database was written by a newer version of ol-desk (schema {before}); this version knows "
            f"schemas up to {head}. Install the newer ol-desk to open it; nothing was changed.")
    backup = None
    if before is not None and sqlite_file is not None and sqlite_file.exists():
        backup = backup_sqlite(sqlite_file, before)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    return before, head, backup
