"""Other people's changes reach this window: every few seconds, ask the database what changed since the last look
(other windows, the CLI, other workstations on a server) and announce it like a local change, so registers, the
dashboard and open editors refresh. An open editor with unsaved edits keeps them and says so; a stale save is
still refused as a conflict with both versions shown."""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from ol_desk.core.queries.changes_elsewhere import changes_since, latest

POLL_MS = 3000


class ChangeWatcher(QObject):
    def __init__(self, ops, parent: QObject | None = None, *, interval_ms: int = POLL_MS):
        super().__init__(parent)
        self.ops = ops
        self._mark = None
        self._asking = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.look)
        ops.read(latest, on_done=self._start, on_error=lambda _exc: None, label="Watch for changes")

    def _start(self, mark) -> None:
        self._mark = mark
        self._timer.start()

    def look(self) -> None:
        """Ask once (never queue a second question behind a slow one)."""
        if self._mark is None or self._asking:
            return
        self._asking = True
        self.ops.read(changes_since, self._mark, on_done=self._answer, on_error=self._failed,
                      label="Look for changes")

    def _answer(self, answer) -> None:
        self._asking = False
        self._mark, changes = answer
        if changes:
            self.ops.changed.emit(changes)

    def _failed(self, _exc) -> None:  # a dropped connection: try again at the next tick
        self._asking = False

    def stop(self) -> None:
        self._timer.stop()
