"""The audit trail: one event per change in the same transaction, hash-chained, append-only, tamper-evident."""
from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select

from ol_desk.core import audit
from ol_desk.core.errors import ValidationError
from ol_desk.core.model import AuditEvent, OutboxEntry, SourceDocument
from ol_desk.core.services import documents

from .factories import make_document, make_recommendation


def _events(db):
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(AuditEvent))


def test_every_change_writes_an_event_and_an_outbox_entry(db, cpic):
    before = _events(db)
    with db.transaction() as s:
        doc = make_document(s, cpic)
        make_recommendation(s, cpic, doc)
    with db.reading() as s:
        events = s.execute(select(AuditEvent.verb, AuditEvent.entity, AuditEvent.actor)
                           .order_by(AuditEvent.id.desc()).limit(2)).all()
        outbox = s.execute(select(OutboxEntry.entity).order_by(OutboxEntry.seq.desc()).limit(2)).scalars().all()
    assert _events(db) == before + 2
    assert [(e.verb, e.entity, e.actor) for e in events] == [
        ("create", "recommendation", cpic.name), ("create", "document", cpic.name)]
    assert outbox == ["recommendation", "document"]


def test_a_failed_operation_writes_no_event(db, cpic):
    before = _events(db)
    with pytest.raises(ValidationError):
        with db.transaction() as s:
            make_document(s, cpic)
            documents.create_document(s, cpic, kind="pfd", title="")  # refused: no title or reference
    assert _events(db) == before
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(SourceDocument)) == 0


@pytest.mark.sqlite_only  # tampers through the sqlite3 shell; the server's own: tests/core/server/test_rights.py
def test_chain_verifies_and_detects_an_altered_event(db, cpic):
    with db.transaction() as s:
        make_document(s, cpic)
    with db.reading() as s:
        assert audit.verify(s).ok
    con = sqlite3.connect(db.path)
    con.execute("DROP TRIGGER audit_events_no_update")
    con.execute("UPDATE audit_events SET actor='Somebody Else' WHERE id=(SELECT max(id) FROM audit_events)")
    con.commit()
    con.close()
    with db.reading() as s:
        report = audit.verify(s)
    assert not report.ok and "altered" in report.problem


@pytest.mark.sqlite_only  # tampers through the sqlite3 shell; the server's own: tests/core/server/test_rights.py
def test_chain_detects_a_removed_event(db, cpic):
    with db.transaction() as s:
        make_document(s, cpic)
        make_document(s, cpic, reference="2025-0300")
    con = sqlite3.connect(db.path)
    con.execute("DROP TRIGGER audit_events_no_delete")
    con.execute("DELETE FROM audit_events WHERE id=(SELECT max(id) - 1 FROM audit_events)")
    con.commit()
    con.close()
    with db.reading() as s:
        report = audit.verify(s)
    assert not report.ok and "removed" in report.problem


@pytest.mark.sqlite_only  # tampers through the sqlite3 shell; the server's own: tests/core/server/test_rights.py
def test_the_database_refuses_to_edit_or_delete_audit_events(db, cpic):
    with db.transaction() as s:
        make_document(s, cpic)
    con = sqlite3.connect(db.path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("UPDATE audit_events SET actor='x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("DELETE FROM audit_events")
    con.close()
