"""The status bar: database, who is signed in, the current register's count, and background-job progress."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton, QWidget

from .theme import icon


class StatusBar(QStatusBar):
    def __init__(self, ops, database: str, who: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.database = QLabel(f"Database: {database}")
        self.database.setAccessibleName("Database in use")
        self.database.setToolTip(database)
        self.who = QLabel(who)
        self.who.setAccessibleName("Signed in as")
        self.counts = QLabel("")
        self.counts.setAccessibleName("Rows in the current register")
        self.job = QLabel("")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.setAccessibleName("Background job progress")
        self.cancel = QToolButton()
        self.cancel.setIcon(icon("cancel"))
        self.cancel.setToolTip("Cancel the background job")
        self.cancel.setAccessibleName("Cancel the background job")
        self.cancel.clicked.connect(self._cancel)
        for w in (self.job, self.progress, self.cancel):
            w.hide()
            self.addPermanentWidget(w)
        for w in (self.counts, self.who, self.database):
            self.addPermanentWidget(w)
        self._hide_timer = QTimer(self, singleShot=True, interval=800)
        self._hide_timer.timeout.connect(self._job_finished)
        ops.progress.connect(self._on_progress)
        ops.busy_changed.connect(self._on_busy)

    def set_counts(self, text: str) -> None:
        self.counts.setText(text)

    def set_who(self, text: str) -> None:
        self.who.setText(text)

    def _on_progress(self, label: str, done: int, total: int, message: str) -> None:
        self._hide_timer.stop()
        self.job.setText(f"{label}: {message}" if message else label)
        self.progress.setRange(0, total if total > 0 else 0)
        if total > 0:
            self.progress.setValue(min(done, total))
        for w in (self.job, self.progress, self.cancel):
            w.show()

    def _on_busy(self, busy: bool) -> None:
        if not busy:
            self._hide_timer.start()

    def _job_finished(self) -> None:
        for w in (self.job, self.progress, self.cancel):
            w.hide()

    def _cancel(self) -> None:
        self.ops.cancel_jobs()
        self.job.setText("Cancelling…")
