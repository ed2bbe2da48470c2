"""Bringing the search index up to date at start-up without holding up the database worker.

A missing, damaged or old-schema index is rebuilt in a worker *process* (Whoosh holds the GIL); that can take
minutes at 200,000 recommendations. Waiting for it on the one DB worker thread would stall every register page,
editor and dashboard read behind it, so the wait happens on a thread of its own that does nothing else: the app
keeps `ctx.search_index` unset meanwhile (search says it is not ready yet) and sets it when the index is ready.
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ol_desk.gui.ops import readable


class _Relay(QObject):
    """What the waiting thread emits on. It has no parent and the thread holds it, so it lives as long as the
    thread: the starter (a child of the window) may be deleted while an index is still being rebuilt, and a
    thread emitting on a deleted QObject crashes the process ("Signal source has been deleted", or worse)."""
    progressed = Signal(int, int, str)
    ready = Signal(object, str)
    failed = Signal(str)


class IndexStarter(QObject):
    progressed = Signal(int, int, str)   # done, total, message
    ready = Signal(object, str)          # the SearchIndex, what ensure() did
    failed = Signal(str)                 # a readable message

    def __init__(self, index, parent: QObject | None = None):
        super().__init__(parent)
        self.index = index
        self.done = False
        self._cancel = threading.Event()
        # Owned by the application (so never deleted from the waiting thread), deleted on the UI thread once the
        # wait is over; its signals reach the starter queued, and Qt drops those connections if the starter goes.
        relay = _Relay(QCoreApplication.instance())
        relay.progressed.connect(self.progressed)
        relay.ready.connect(self.ready)
        relay.failed.connect(self.failed)
        relay.ready.connect(relay.deleteLater)
        relay.failed.connect(relay.deleteLater)
        self._thread = threading.Thread(target=_wait, args=(index, self._cancel, relay), name="ol-desk-index",
                                        daemon=True)
        self.ready.connect(self._finished)
        self.failed.connect(self._finished)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def _finished(self, *_args) -> None:
        self.done = True


def _wait(index, cancel: threading.Event, relay: _Relay) -> None:
    """The waiting thread: touches only the index, the cancel flag and the relay (never the starter)."""
    def progress(done, total=None, message=""):
        relay.progressed.emit(int(done), int(total or 0), message)
    try:
        what = index.ensure(progress=progress, cancel=cancel.is_set)
    except BaseException as exc:  # noqa: BLE001 - reported to the UI thread as words
        relay.failed.emit(readable(exc))
        return
    relay.ready.emit(index, what)
