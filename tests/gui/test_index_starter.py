"""A slow search-index rebuild at start-up does not hold up the database worker: registers, editors and the
dashboard keep reading while it runs, search says it is not ready, and search is offered once it is."""
from __future__ import annotations

import threading


def slow_down(index):
    """Make index.ensure() (which the maintenance thread runs) take until released, as a rebuild at 200k does."""
    release, started = threading.Event(), threading.Event()
    ensure = index.ensure

    def slow_ensure(progress=None, cancel=None):
        started.set()
        while not release.wait(0.02):
            if cancel is not None and cancel():
                raise RuntimeError("cancelled")
        return ensure(progress=progress, cancel=cancel)
    index.ensure = slow_ensure
    return release, started


def test_the_db_worker_keeps_serving_while_the_index_rebuilds(qtbot, db):
    from ol_desk.core.model.enums import Role
    from ol_desk.core.search import SearchIndex
    from ol_desk.gui.main_window import MainWindow
    from ol_desk.gui.settings import Identity

    slow = SearchIndex(db, use_process=False)
    release, started = slow_down(slow)
    window = MainWindow(db, Identity("Learning Officer", Role.CPIC, "NW"), search_index=slow, extensions=())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window._started, timeout=5000)
    assert started.wait(5)
    got = []
    window.ops.read(lambda session: "page read", on_done=got.append)   # a register page, say
    qtbot.waitUntil(lambda: got == ["page read"], timeout=3000)
    assert window.ctx.search_index is None
    window.search_field.setText("custody")
    window.search_panel.search_now()
    assert "not ready" in window.search_panel.message.text()
    release.set()
    qtbot.waitUntil(lambda: window.ctx.search_index is slow, timeout=10000)
    slow.close()


def test_an_index_damaged_mid_session_is_repaired_while_saves_go_on(qtbot, make_window, db, cpic, monkeypatch):
    """A search that finds the index gone says so at once; a save queued behind it is done while the repair is
    still running; when the repair is done the search runs again by itself and finds the saved words."""
    import shutil

    from PySide6.QtCore import Qt

    from ol_desk.core.search import IndexNotReady, SearchIndex
    from ol_desk.core.search import index as index_module
    from ol_desk.core.services import recommendations
    from tests.core import factories as f

    with db.transaction() as s:
        rec = f.make_recommendation(s, cpic, f.make_document(s, cpic), text="Rousing checks in custody suites.")
    monkeypatch.setattr(index_module, "INLINE_REPAIR_ROWS", 0)   # as on a register of 200,000
    index = SearchIndex(db, use_process=False)
    window = make_window(search_index=index)
    release, started = slow_down(index)
    index.close()
    shutil.rmtree(db.index_dir)

    window.search_field.setText("custody")
    window.search_panel.search_now()
    qtbot.waitUntil(lambda: "being brought up to date" in window.search_panel.message.text(), timeout=5000)
    assert started.wait(5) and index.maintenance.running
    failures, saved = [], []
    window.ops.read(lambda session: index.search("custody"), on_error=failures.append)
    window.ops.write(recommendations.update_recommendation, window.ctx.actor, rec, title="Rousing and wellbeing",
                     label="Save", on_done=saved.append)
    qtbot.waitUntil(lambda: bool(saved) and bool(failures), timeout=5000)
    assert isinstance(failures[0], IndexNotReady)
    assert index.maintenance.running            # the save did not wait for the repair
    release.set()
    qtbot.waitUntil(lambda: "match" in window.search_panel.message.text(), timeout=20000)
    hits = window.search_panel.list
    assert ("recommendation", rec) in {hits.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(hits.count())}
    window.search_field.setText("wellbeing")
    window.search_panel.search_now()
    qtbot.waitUntil(lambda: "1 match for “wellbeing”" in window.search_panel.message.text(), timeout=5000)
