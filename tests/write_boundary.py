"""The one-door rule, checked on every statement the suite runs: a row is written only from ol_desk/core/services.

Every INSERT, UPDATE or DELETE that SQLAlchemy sends is traced to the innermost frame of ol-desk's own code that
asked for it; that frame must be in `ol_desk.core.services`. Statements asked for by test code alone (tests that
simulate another process, a crash or a tampered file) are the tests' business and pass, and so are the
migrations' own tables (alembic_version, SQLite's _alembic_tmp_ copies), which hold the schema, not the register.
A breach fails the test that caused it, naming the module, line and statement. (The demo seed writes through the
driver's cursor, which SQLAlchemy does not see; it lives in the services too, and ruff's banned-api rule keeps
SQLAlchemy's insert, update and delete out of every other module of the package.)
"""
from __future__ import annotations

import re
import sys

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

_WRITE = re.compile(r"^\s*(?:--[^\n]*\n\s*)*(?:INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
_SCHEMA = re.compile(r"^\s*(?:INSERT INTO|UPDATE|DELETE FROM) _?alembic_(?:version\b|tmp_)")  # migrations' own
ALLOWED = ("ol_desk.core.services.",)
# Neutral: the transaction wrapper flushes at commit what its caller's block left unflushed (so the caller is the
# writer), and a SQLite migration copies a table through _alembic_tmp_<table> (schema, not a record).
NEUTRAL = ("ol_desk.core.store.database",)
breaches: list[str] = []


def _writer(statement: str) -> str | None:
    """The ol-desk module and line that asked for this write, if it is outside the services."""
    frame = sys._getframe(2)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if (module == "ol_desk" or module.startswith("ol_desk.")) and module not in NEUTRAL:
            if module.startswith(ALLOWED):
                return None
            return f"{module}:{frame.f_lineno} wrote a row outside the services: {' '.join(statement.split())[:160]}"
        frame = frame.f_back
    return None


@event.listens_for(Engine, "before_cursor_execute")
def _check(conn, cursor, statement, parameters, context, executemany) -> None:
    if _WRITE.match(statement) and not _SCHEMA.match(statement):
        breach = _writer(statement)
        if breach is not None:
            breaches.append(breach)


@pytest.fixture(autouse=True)
def _one_door():
    breaches.clear()
    yield
    assert not breaches, "\n".join(dict.fromkeys(breaches))
