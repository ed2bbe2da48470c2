"""GUI test fixtures: settings in a temporary file (never the user's), a main window on the test database."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """Every GUI test gets its own QSettings file, so identity, views and window state never leak."""
    path = tmp_path / "ol-desk-settings.ini"
    monkeypatch.setenv("OL_DESK_SETTINGS", str(path))
    return path


@pytest.fixture
def make_window(qtbot, db):
    """make_window(role=Role.CPIC, hub="NW") -> a shown MainWindow signed in as that person."""
    from ol_desk.core.model.enums import Role
    from ol_desk.gui.main_window import MainWindow
    from ol_desk.gui.settings import Identity

    def make(role=Role.CPIC, hub="NW", name="Learning Officer", **kwargs):
        kwargs.setdefault("extensions", ())   # the registers alone; tests of other panels build their own
        window = MainWindow(db, Identity(name, role, hub), **kwargs)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window._started, timeout=5000)
        starter = getattr(window, "_index_starter", None)
        if starter is not None:
            qtbot.waitUntil(lambda: starter.done, timeout=20000)
        assert window.ops.wait_idle()
        return window
    return make
