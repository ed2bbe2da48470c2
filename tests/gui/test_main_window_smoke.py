"""The main window opens on a temporary database (offscreen) and shows it."""
from __future__ import annotations


def test_main_window_opens_on_a_temporary_database(qtbot, db):
    from ol_desk.gui.main_window import MainWindow
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert db.name in window.windowTitle()
