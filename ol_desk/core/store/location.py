"""Where the database lives: a path or any SQLAlchemy URL, from --db, OL_DESK_DB, or the user-data folder."""
from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import URL, make_url

ENV_VAR = "OL_DESK_DB"
DEFAULT_FILE_NAME = "ol-desk.sqlite3"


DATA_DIR_VAR = "OL_DESK_DATA_DIR"


def default_data_dir() -> Path:
    """The user-data folder: $OL_DESK_DATA_DIR, or the platform's (where a server database's index lives)."""
    if os.environ.get(DATA_DIR_VAR):
        return Path(os.environ[DATA_DIR_VAR])
    from platformdirs import user_data_dir
    return Path(user_data_dir("ol-desk", appauthor=False))


def resolve_url(target: str | os.PathLike | None = None) -> URL:
    """Turn a path, a SQLAlchemy URL, or nothing (then $OL_DESK_DB, then the default file) into a URL."""
    if target is None or str(target) == "":
        target = os.environ.get(ENV_VAR) or str(default_data_dir() / DEFAULT_FILE_NAME)
    text = str(target)
    if "://" in text:
        return make_url(text)
    path = Path(text).expanduser().resolve()
    return URL.create("sqlite+pysqlite", database=str(path))


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for an in-memory or non-SQLite database."""
    if url.get_backend_name() != "sqlite":
        return None
    db = url.database
    if not db or db == ":memory:" or db.startswith("file::memory:"):
        return None
    return Path(db)


def describe(url: URL) -> str:
    """A user-facing name for a database (file path, or the URL with any password hidden)."""
    path = sqlite_path(url)
    return str(path) if path is not None else url.render_as_string(hide_password=True)
