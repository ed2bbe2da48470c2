"""The operation helper runs work on one worker thread and reports results, changes and errors on the UI thread."""
from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from ol_desk.core.errors import ValidationError
from ol_desk.core.model import SourceDocument
from ol_desk.core.model.enums import Entity
from ol_desk.core.services import documents
from ol_desk.gui.ops import Operations


@pytest.fixture
def ops(qapp, db):
    o = Operations(db)
    yield o
    o.shutdown()


def test_write_commits_and_announces_changes_on_the_ui_thread(ops, db, cpic, qtbot):
    seen = {}
    main = threading.get_ident()

    def on_done(changes):
        seen["thread"] = threading.get_ident()
        seen["changes"] = changes

    with qtbot.waitSignal(ops.changed, timeout=5000) as blocker:
        ops.write(documents.create_document, cpic, kind="iopc", title="IOPC learning report", label="Create",
                  on_done=on_done)
    assert ops.wait_idle()
    assert seen["thread"] == main
    assert Entity.DOCUMENT in blocker.args[0].created
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(SourceDocument)) == 1


def test_work_runs_off_the_ui_thread(ops, qtbot):
    main = threading.get_ident()
    got = []
    ops.read(lambda session: threading.get_ident(), on_done=got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got[0] != main


def test_a_refused_write_reports_the_message_and_writes_nothing(ops, db, cpic, qtbot):
    errors = []
    ops.write(documents.create_document, cpic, kind="pfd", title="", label="Create", on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValidationError)
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(SourceDocument)) == 0


def test_an_unexpected_error_becomes_a_readable_failure(ops, qtbot):
    def boom(session):
        raise RuntimeError("disk on fire")
    with qtbot.waitSignal(ops.failed, timeout=5000) as blocker:
        ops.write(boom, label="Save")
    assert "Nothing was saved" in blocker.args[1] and "disk on fire" in blocker.args[1]


def test_jobs_report_progress_and_can_be_cancelled(ops, qtbot):
    import time
    done = []

    def long_job(db, progress, cancel):
        for i in range(200):
            if cancel():
                return ("cancelled", i)
            progress(i, 200, "working")
            time.sleep(0.005)
        return ("finished", 200)

    with qtbot.waitSignal(ops.progress, timeout=5000):
        handle = ops.job(long_job, label="Long", on_done=done.append)
    handle.cancel()
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done[0][0] == "cancelled" and done[0][1] < 200


def test_a_job_that_returns_changes_is_announced_like_a_write(ops, db, cpic, qtbot):
    """changed and written (with the audit events the job appended), and on_done gets the job's own result."""
    from ol_desk.core.model.enums import SourceKind

    def writing_job(db, progress, cancel):
        with db.transaction() as s:
            changes = documents.create_document(s, cpic, kind=SourceKind.OTHER, title="From a job")
        return changes, "report"

    changed, written, done = [], [], []
    ops.changed.connect(changed.append)
    ops.written.connect(written.append)
    ops.job(writing_job, label="Job", on_done=done.append)
    assert ops.wait_idle()
    assert done == ["report"] and changed and Entity.DOCUMENT in changed[0].created
    with db.reading() as s:
        assert len(written) == 1 and written[0].label == "Job" and len(written[0].event_ids) == 1
        assert s.scalar(select(func.count()).select_from(SourceDocument).where(SourceDocument.title == "From a job"))


def test_a_batch_job_claims_only_its_batch_events_not_another_persons_meanwhile(ops, db, cpic, qtbot):
    """On a shared server others write while a long import runs: Ctrl+Z of the import must not undo their work."""
    from ol_desk.core.model import AuditEvent
    from ol_desk.core.model.enums import SourceKind
    from ol_desk.core.services import import_batches, writes

    def importing_job(db, progress, cancel):
        with db.transaction() as s:
            batch = import_batches.open_batch(s, cpic, "register", "register.xlsx")
            with writes.in_batch(s, batch):
                changes = documents.create_document(s, cpic, kind=SourceKind.OTHER, title="Imported")
        with db.transaction() as s:   # someone else's save, committed while the job still runs
            documents.create_document(s, cpic, kind=SourceKind.OTHER, title="Someone else's")
        return Changes(created=changes.created, batch_id=batch), "report"

    from ol_desk.core.services.changes import Changes
    written = []
    ops.written.connect(written.append)
    ops.job(importing_job, label="Import", on_done=lambda _r: None)
    assert ops.wait_idle()
    with db.reading() as s:
        batch_events = s.scalars(select(AuditEvent.id).where(AuditEvent.batch_id.is_not(None))).all()
        others = s.scalars(select(AuditEvent.id).where(AuditEvent.batch_id.is_(None),
                                                       AuditEvent.id > min(batch_events))).all()
    assert list(written[0].event_ids) == batch_events and len(batch_events) == 2
    assert others and not set(others) & set(written[0].event_ids)
