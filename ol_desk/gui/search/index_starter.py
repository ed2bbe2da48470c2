"""Bringing the search index up to date at start-up without holding up the database worker.

A missing, damaged or old-schema index is rebuilt in a worker *process* (Whoosh holds the GIL); that can take
minutes at 200,000 recommendations. Waiting for it on the one DB worker thread would stall every register page,
editor and dashboard read behind it, so the wait happens on a thread of its own that does nothing else: the app
keeps `ctx.search_index` unset meanwhile (search says it is not ready yet) and sets it when the index is ready.
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from ol_desk.gui.ops import readable


class IndexStarter(QObject):
    progressed = Signal(int, int, str)   # done, total, message
    ready = Signal(object, str)          # the SearchIndex, what ensure() did
    failed = Signal(str)                 # a readable message

    def __init__(self, index, parent: QObject | None = None):
        super().__init__(parent)
        self.index = index
        self.done = False
        self._cancel = threading.Event()
        self._thread = threading.Thread(target=self._run, name="ol-desk-index", daemon=True)
        self.ready.connect(self._finished)
        self.failed.connect(self._finished)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def _finished(self, *_args) -> None:
        self.done = True

    def _run(self) -> None:
        def progress(done, total=None, message=""):
            self.progressed.emit(int(done), int(total or 0), message)
        try:
            what = self.index.ensure(progress=progress, cancel=self._cancel.is_set)
        except BaseException as exc:  # noqa: BLE001 - reported to the UI thread as words
            self.failed.emit(readable(exc))
            return
        self.ready.emit(self.index, what)
