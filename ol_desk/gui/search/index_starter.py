"""Keeping the search index up to date without holding up the database worker.

A missing, damaged or old-schema index is rebuilt on the index's maintenance thread (core/search/maintenance.py;
the heavy part runs in a worker process, Whoosh holds the GIL); that can take minutes at 200,000
recommendations. At start-up the app keeps `ctx.search_index` unset meanwhile (search says it is not ready yet)
and sets it when the index is ready. Later, a search that finds the index damaged hands the repair to the same
thread and says "not ready"; this relay shows its progress and runs the search again when it is done.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ol_desk.gui.ops import readable


class _Relay(QObject):
    """What the maintenance thread emits on. It belongs to the application (never to the starter): the starter, a
    child of the window, may be deleted while a rebuild is still running, and a thread emitting on a deleted
    QObject crashes the process. Qt drops the queued connections to the starter when the starter goes."""
    progressed = Signal(int, int, str)
    ready = Signal(object, str)
    failed = Signal(str)


class IndexStarter(QObject):
    progressed = Signal(int, int, str)   # done, total, message
    ready = Signal(object, str)          # the SearchIndex, what it did
    failed = Signal(str)                 # a readable message

    def __init__(self, index, parent: QObject | None = None):
        super().__init__(parent)
        self.index = index
        relay = _Relay(QCoreApplication.instance())
        relay.progressed.connect(self.progressed)
        relay.ready.connect(self.ready)
        relay.failed.connect(self.failed)

        def finished(what, error):
            if error is None:
                relay.ready.emit(index, what or "")
            else:
                relay.failed.emit(readable(error))
        index.maintenance.on_progress.append(lambda done, total, message: relay.progressed.emit(
            int(done), int(total or 0), message))
        index.maintenance.on_finished.append(finished)

    @property
    def done(self) -> bool:
        return not self.index.maintenance.running

    def start(self) -> None:
        self.index.maintenance.start("opening the register")

    def cancel(self) -> None:
        self.index.maintenance.cancel()
