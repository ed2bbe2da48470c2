"""A slow search-index rebuild at start-up does not hold up the database worker: registers, editors and the
dashboard keep reading while it runs, search says it is not ready, and search is offered once it is."""
from __future__ import annotations

import threading


class SlowIndex:
    """Stands in for a SearchIndex whose ensure() is rebuilding for a long time (until released)."""

    def __init__(self, real):
        self.real = real
        self.release = threading.Event()
        self.started = threading.Event()

    def ensure(self, progress=None, cancel=None):
        self.started.set()
        while not self.release.wait(0.02):
            if cancel is not None and cancel():
                raise RuntimeError("cancelled")
        return self.real.ensure(progress=progress, cancel=cancel)

    def __getattr__(self, name):
        return getattr(self.real, name)


def test_the_db_worker_keeps_serving_while_the_index_rebuilds(qtbot, db):
    from ol_desk.core.model.enums import Role
    from ol_desk.core.search import SearchIndex
    from ol_desk.gui.main_window import MainWindow
    from ol_desk.gui.settings import Identity

    slow = SlowIndex(SearchIndex(db, use_process=False))
    window = MainWindow(db, Identity("Learning Officer", Role.CPIC, "NW"), search_index=slow, extensions=())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window._started, timeout=5000)
    assert slow.started.wait(5)
    got = []
    window.ops.read(lambda session: "page read", on_done=got.append)   # a register page, say
    qtbot.waitUntil(lambda: got == ["page read"], timeout=3000)
    assert window.ctx.search_index is None
    window.search_field.setText("custody")
    window.search_panel.search_now()
    assert "not ready" in window.search_panel.message.text()
    slow.release.set()
    qtbot.waitUntil(lambda: window.ctx.search_index is slow, timeout=10000)
    slow.real.close()
