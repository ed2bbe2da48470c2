"""Two writers on one database file: what the loser is told (one line, nothing half-saved)."""
from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select

from ol_desk.core.errors import ConflictError, DatabaseError
from ol_desk.core.model import AuditEvent, Recommendation
from ol_desk.core.services import recommendations
from ol_desk.core.store import Database, database

from .factories import make_document, make_recommendation


def _events(db) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count(AuditEvent.id)))


@pytest.mark.sqlite_only  # another program through sqlite3; on a server: tests/core/server/test_workstations.py
def test_a_write_while_another_program_holds_the_database_says_it_is_busy(db, cpic, monkeypatch):
    with db.transaction() as s:
        doc = make_document(s, cpic)
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    other = Database(db.path)
    holder = sqlite3.connect(db.path)
    try:
        holder.execute("BEGIN IMMEDIATE")
        events = _events(db)
        with pytest.raises(DatabaseError, match="busy: another ol-desk window or command is writing"):
            with other.transaction() as s:
                make_recommendation(s, cpic, doc)
        holder.rollback()
        assert _events(db) == events
    finally:
        holder.close()
        other.dispose()


@pytest.mark.sqlite_only  # another program through sqlite3; on a server: tests/core/server/test_workstations.py
def test_no_other_program_can_change_a_row_while_an_edit_of_it_is_being_written(db, cpic):
    """Write transactions take the write lock at BEGIN, so the version an edit checked cannot move under it."""
    with db.transaction() as s:
        rec_id = make_recommendation(s, cpic, make_document(s, cpic))
    with db.transaction() as s:
        loaded = s.get(Recommendation, rec_id)
        other = sqlite3.connect(db.path, timeout=0.05)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("UPDATE recommendations SET title = 'theirs', version = version + 1 WHERE id = ?",
                              (rec_id,))
        finally:
            other.close()
        recommendations.update_recommendation(s, cpic, rec_id, expected_version=loaded.version, title="mine")
    with db.reading() as s:
        assert s.get(Recommendation, rec_id).title == "mine"


@pytest.mark.sqlite_only  # another program through sqlite3; on a server: tests/core/server/test_workstations.py
def test_an_edit_against_a_version_that_moved_on_before_it_began_is_a_conflict(db, cpic):
    with db.transaction() as s:
        rec_id = make_recommendation(s, cpic, make_document(s, cpic))
    with sqlite3.connect(db.path) as other:
        other.execute("UPDATE recommendations SET title = 'theirs', version = version + 1 WHERE id = ?", (rec_id,))
    with pytest.raises(ConflictError, match="changed by someone else"):
        with db.transaction() as s:
            recommendations.update_recommendation(s, cpic, rec_id, expected_version=1, title="mine")
    with db.reading() as s:
        assert s.get(Recommendation, rec_id).title == "theirs"
