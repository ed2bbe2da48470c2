"""The operation helper: every database and index operation runs on ONE worker thread.

The UI thread never blocks on the database and a session never crosses threads. Results come back to the UI thread
by signal: on_done(result), and for writes `changed(Changes)` so each view refreshes only what changed.

    ops.write(services.recommendations.update_recommendation, actor, rec_id, label="Save", title="…",
              on_done=…, on_error=…)        # fn(session, *args, **kw) -> Changes | (Changes, result)
    ops.read(fn, *args, on_done=…)           # fn(session, *args, **kw) -> result
    ops.job(fn, *args, label="Import", on_done=…)  # fn(db, progress, cancel, *args, **kw) -> result
                                                   #   | Changes | (Changes, result)

A job that writes returns its Changes (or (Changes, result)), like a write: the helper then emits `changed` and
`written` with the audit events the job appended, so the registers refresh and Ctrl+Z undoes it like any edit.
"""
from __future__ import annotations

import itertools
import logging
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QElapsedTimer, QObject, QThread, Signal, Slot
from sqlalchemy import func, select

from ol_desk.core.errors import OlDeskError
from ol_desk.core.model import AuditEvent
from ol_desk.core.services.changes import Changes

log = logging.getLogger(__name__)


@dataclass
class WriteResult:
    changes: Changes
    result: Any
    event_ids: tuple[int, ...]  # the audit events the write appended (what an undo reverses)
    label: str = ""


@dataclass
class _Task:
    id: int
    kind: str  # "read" | "write" | "job"
    fn: Callable
    args: tuple
    kwargs: dict
    label: str
    cancel: threading.Event = field(default_factory=threading.Event)


class JobHandle:
    def __init__(self, task: _Task):
        self._task = task

    def cancel(self) -> None:
        self._task.cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._task.cancel.is_set()


def readable(exc: BaseException) -> str:
    """The one line a user sees for an error."""
    if isinstance(exc, OlDeskError):
        return str(exc)
    return (f"Something went wrong ({type(exc).__name__}: {exc}). Nothing was saved by this step; "
            f"details are in the log.")


class _Worker(QObject):
    finished = Signal(int, object, object)  # task id, result, exception
    progressed = Signal(int, int, int, str)  # task id, done, total, message

    def __init__(self, db):
        super().__init__()
        self.db = db

    @Slot(object)
    def execute(self, task: _Task) -> None:
        try:
            result = getattr(self, f"_{task.kind}")(task)
        except BaseException as exc:  # noqa: BLE001 - reported to the UI thread, never raised there
            if not isinstance(exc, OlDeskError):
                log.error("operation %r failed:\n%s", task.label, traceback.format_exc())
            self.finished.emit(task.id, None, exc)
            return
        self.finished.emit(task.id, result, None)

    def _read(self, task: _Task):
        with self.db.reading() as session:
            return task.fn(session, *task.args, **task.kwargs)

    def _write(self, task: _Task) -> WriteResult:
        with self.db.transaction() as session:
            before = session.scalar(select(func.max(AuditEvent.id))) or 0
            out = task.fn(session, *task.args, **task.kwargs)
            changes, result = out if isinstance(out, tuple) else (out, None)
            after = session.scalar(select(func.max(AuditEvent.id))) or 0
        return WriteResult(changes or Changes(), result, tuple(range(before + 1, after + 1)), task.label)

    def _last_event(self) -> int:
        with self.db.reading() as session:
            return session.scalar(select(func.max(AuditEvent.id))) or 0

    def _job(self, task: _Task):
        def progress(done: int, total: int | None = None, message: str = "") -> None:
            self.progressed.emit(task.id, int(done), int(total or 0), message)
        before = self._last_event()
        out = task.fn(self.db, progress, task.cancel.is_set, *task.args, **task.kwargs)
        writing = isinstance(out, Changes) or (isinstance(out, tuple) and len(out) == 2
                                               and isinstance(out[0], Changes))
        if not writing:
            return out
        changes, result = out if isinstance(out, tuple) else (out, None)
        # The job committed its own transactions: the events it appended are those after `before` — and, when it
        # wrote an import batch, only that batch's (on a shared server other people write meanwhile).
        return WriteResult(changes, result, self._events_since(before, changes.batch_id), task.label)

    def _events_since(self, before: int, batch_id: int | None) -> tuple[int, ...]:
        with self.db.reading() as session:
            if batch_id is None:
                return tuple(range(before + 1, (session.scalar(select(func.max(AuditEvent.id))) or 0) + 1))
            return tuple(session.scalars(select(AuditEvent.id).where(AuditEvent.id > before,
                                                                     AuditEvent.batch_id == batch_id)
                                         .order_by(AuditEvent.id)))


class Operations(QObject):
    changed = Signal(object)            # Changes, after each committed write (UI thread)
    written = Signal(object)            # WriteResult, after each committed write (for the undo stack)
    busy_changed = Signal(bool)
    progress = Signal(str, int, int, str)  # label, done, total, message (jobs)
    failed = Signal(str, str)           # label, readable message — when the caller gave no on_error
    _submit = Signal(object)

    def __init__(self, db, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[_Task, Callable | None, Callable | None]] = {}
        self._thread = QThread(self)
        self._thread.setObjectName("ol-desk-db")
        self._worker = _Worker(db)
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.execute)
        self._worker.finished.connect(self._on_finished)
        self._worker.progressed.connect(self._on_progress)
        self._thread.start()
        app = QCoreApplication.instance()
        if app is not None:  # however the app ends (window closed, logout, app.quit()), stop the worker first
            app.aboutToQuit.connect(self.shutdown)

    # -- submitting --------------------------------------------------------------------------------------------
    def _queue(self, kind, fn, args, kwargs, label, on_done, on_error) -> JobHandle:
        task = _Task(next(self._ids), kind, fn, args, kwargs, label)
        was_idle = not self._pending
        self._pending[task.id] = (task, on_done, on_error)
        if was_idle:
            self.busy_changed.emit(True)
        self._submit.emit(task)
        return JobHandle(task)

    def read(self, fn, *args, on_done: Callable | None = None, on_error: Callable | None = None,
             label: str = "", **kwargs) -> JobHandle:
        return self._queue("read", fn, args, kwargs, label, on_done, on_error)

    def write(self, fn, *args, label: str, on_done: Callable | None = None, on_error: Callable | None = None,
              **kwargs) -> JobHandle:
        return self._queue("write", fn, args, kwargs, label, on_done, on_error)

    def job(self, fn, *args, label: str, on_done: Callable | None = None, on_error: Callable | None = None,
            **kwargs) -> JobHandle:
        return self._queue("job", fn, args, kwargs, label, on_done, on_error)

    # -- results (UI thread) ------------------------------------------------------------------------------------
    @Slot(int, object, object)
    def _on_finished(self, task_id: int, result, exc) -> None:
        task, on_done, on_error = self._pending.pop(task_id)
        try:
            if exc is not None:
                if on_error is not None:
                    on_error(exc)
                else:
                    self.failed.emit(task.label, readable(exc))
                return
            if task.kind == "write" or isinstance(result, WriteResult):
                if result.changes:
                    self.changed.emit(result.changes)
                self.written.emit(result)
                if on_done is not None:
                    on_done(result.result if result.result is not None else result.changes)
            else:
                if on_done is not None:
                    on_done(result)
        finally:
            if not self._pending:
                self.busy_changed.emit(False)

    @Slot(int, int, int, str)
    def _on_progress(self, task_id: int, done: int, total: int, message: str) -> None:
        entry = self._pending.get(task_id)
        if entry is not None:
            self.progress.emit(entry[0].label, done, total, message)

    # -- lifetime ----------------------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """Process events until every queued operation has reported back (tests, shutdown)."""
        timer = QElapsedTimer()
        timer.start()
        while self._pending and timer.elapsed() < timeout_ms:
            QCoreApplication.processEvents()
            QThread.msleep(5)
        return not self._pending

    def cancel_jobs(self) -> int:
        """Ask every queued or running job to stop (the status bar's cancel button); returns how many were asked."""
        jobs = [task for task, _done, _err in self._pending.values() if task.kind == "job"]
        for task in jobs:
            task.cancel.set()
        return len(jobs)

    def shutdown(self) -> None:
        if not self._thread.isRunning():
            return
        for task, _done, _err in self._pending.values():
            task.cancel.set()
        self._thread.quit()
        self._thread.wait(QDeadlineTimer(10_000))
