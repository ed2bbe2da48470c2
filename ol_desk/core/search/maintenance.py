"""The index-maintenance thread: building or repairing the index while the database thread keeps serving.

A rebuild takes about ten minutes at 200,000 recommendations. Run on the thread that also saves edits and reads
register pages, it would stall every one of them behind it; so a search that finds the index missing or damaged
does not repair it itself: it hands the repair to this thread and raises IndexNotReady at once. Whoever shows
progress (the GUI's status bar, a test) listens here; listeners are called on the maintenance thread.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from ol_desk.core.errors import OlDeskError

log = logging.getLogger(__name__)

Progress = Callable[[int, "int | None", str], None]
Finished = Callable[["str | None", "BaseException | None"], None]   # what it did, or what went wrong


class IndexNotReady(OlDeskError):
    """The index is being built or repaired; search answers again when that is done (nothing else waits)."""


class IndexMaintenance:
    def __init__(self, work: Callable[[bool, Progress, Callable[[], bool]], str]):
        """work(rebuild, progress, cancel) -> what it did: SearchIndex.rebuild or .ensure, on this thread."""
        self._work = work
        self._guard = threading.Lock()
        self._thread: threading.Thread | None = None
        self._cancel = threading.Event()
        self._status = ""
        self._busy = False
        self.reason = ""
        self.on_progress: list[Progress] = []
        self.on_finished: list[Finished] = []

    @property
    def running(self) -> bool:
        with self._guard:
            return self._busy

    def start(self, reason: str, *, rebuild: bool = False) -> bool:
        """Begin bringing the index up to date (a full rebuild if asked); False if that is already under way."""
        with self._guard:
            if self._busy:
                return False
            self._busy = True
            self.reason, self._status = reason, ""
            self._cancel.clear()
            self._thread = threading.Thread(target=self._run, args=(rebuild,), name="ol-desk-index", daemon=True)
            self._thread.start()
            return True

    def cancel(self) -> None:
        """Stop at the next step; the live index is left as it was."""
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> bool:
        """True once no maintenance is running (for the CLI and tests; never call it on the database thread)."""
        with self._guard:
            thread = self._thread
        if thread is not None:
            thread.join(timeout)
            return not thread.is_alive()
        return True

    def not_ready(self) -> IndexNotReady:
        """The error a search raises meanwhile: why, and how far the repair has got."""
        why = f" ({self.reason})" if self.reason else ""
        status = f": {self._status}" if self._status else ""
        return IndexNotReady(f"The search index is being brought up to date{why}{status}. Search works again when "
                             f"that is done; everything else works meanwhile.")

    def _run(self, rebuild: bool) -> None:
        def progress(done: int, total: int | None = None, message: str = "") -> None:
            self._status = (f"{message} {done:,} of {total:,}" if total else message).strip()
            for listener in list(self.on_progress):
                listener(done, total, message)
        what: str | None = None
        error: BaseException | None = None
        try:
            what = self._work(rebuild, progress, self._cancel.is_set)
        except BaseException as exc:  # noqa: BLE001 - reported to the listeners; the thread must not die silently
            log.warning("index maintenance failed (%s)", self.reason, exc_info=True)
            error = exc
        with self._guard:
            self._busy = False   # before the listeners: one that searches again at once must find it done
        for listener in list(self.on_finished):
            try:
                listener(what, error)
            except Exception:  # noqa: BLE001 - one listener's failure must not hide the result from the others
                log.exception("an index maintenance listener failed")
