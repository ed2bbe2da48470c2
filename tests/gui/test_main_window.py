"""The main window: navigation between panels, the panel API other modules use, opening items, Ctrl+F."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from ol_desk.core.model.enums import Entity, Role
from ol_desk.gui.panel import PANEL_METHODS, Panel, PanelDefaults


class TextPanel(PanelDefaults, QLabel):
    """The least a panel can be: text, and PanelDefaults' no-ops."""


def test_navigation_switches_between_the_registers(make_window, qtbot):
    window = make_window()
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    for wanted in ("Recommendations", "Actions", "Source documents", "Learning log", "Hubs & people"):
        assert wanted in titles
    window.navigation.setCurrentRow(titles.index("Actions"))
    assert window.current_key() == "actions"
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "documents"


def test_another_module_can_add_a_panel_before_the_registers(make_window):
    window = make_window()
    shown = []
    panel = TextPanel("tiles")
    panel.on_shown = lambda: shown.append(True)
    window.add_panel("dashboard", "Dashboard", panel, icon="dashboard", shortcut="Ctrl+0", before="recommendations")
    assert window.navigation.item(0).text() == "Dashboard"
    assert window.show_panel("dashboard") is panel and shown


def test_a_widget_that_is_not_a_panel_is_refused_with_what_it_lacks(make_window):
    window = make_window()
    with pytest.raises(TypeError, match="QLabel is not a Panel.*lacks on_shown, refresh"):
        window.add_panel("plain", "Plain", QLabel("no panel methods"))
    assert window.panel("plain") is None


def test_the_panel_methods_named_are_the_protocol_s():
    import typing
    assert set(PANEL_METHODS) == typing._get_protocol_attrs(Panel)


def test_open_item_goes_to_the_registered_opener(make_window):
    window = make_window()
    opened = []
    window.set_opener(Entity.RECOMMENDATION, lambda ctx, entity, item_id, parent: opened.append((entity, item_id)))
    window.ctx.open_item(Entity.RECOMMENDATION, 7)
    assert opened == [(Entity.RECOMMENDATION, 7)]


def test_ctrl_f_focuses_the_search_field(make_window, qtbot):
    window = make_window()
    window.activateWindow()
    window.focus_search()
    assert window.search_field.hasFocus() or window.focusWidget() is window.search_field


def test_window_state_and_current_panel_are_remembered(make_window, db, qtbot):
    window = make_window()
    window.show_panel("learning")
    window.close()
    again = make_window()
    assert again.current_key() == "learning"


def test_viewers_are_not_offered_new_items(make_window):
    window = make_window(role=Role.VIEWER, hub=None)
    assert not window.new_actions[Entity.RECOMMENDATION].isEnabled()
    assert not window.panel("recommendations").new_button.isEnabled()


def test_extension_modules_add_their_panels_and_a_broken_one_is_skipped(make_window, monkeypatch):
    import sys
    import types
    fake = types.ModuleType("ol_desk_test_extension")
    fake.install = lambda window: window.add_panel("extra", "Extra", TextPanel("extra"), before="recommendations")
    broken = types.ModuleType("ol_desk_test_broken")
    broken.install = lambda window: 1 / 0
    monkeypatch.setitem(sys.modules, fake.__name__, fake)
    monkeypatch.setitem(sys.modules, broken.__name__, broken)
    window = make_window(extensions=(broken.__name__, fake.__name__))
    assert window.navigation.item(0).text() == "Extra"
    assert window.panel("recommendations") is not None


def test_a_background_job_shows_progress_and_the_cancel_button_stops_it(make_window, qtbot):
    import time
    window = make_window()
    outcome = []

    def long_job(db, progress, cancel):
        for i in range(400):
            if cancel():
                return "cancelled"
            progress(i, 400, "indexing")
            time.sleep(0.005)
        return "finished"

    window.ops.job(long_job, label="Rebuild the search index", on_done=outcome.append)
    qtbot.waitUntil(lambda: window.status.progress.isVisibleTo(window)
                    and "Rebuild the search index: indexing" in window.status.job.text(), timeout=5000)
    qtbot.mouseClick(window.status.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert outcome == ["cancelled"]
    qtbot.waitUntil(lambda: not window.status.progress.isVisibleTo(window), timeout=5000)


def test_an_error_in_the_background_is_shown_as_one_readable_message(make_window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    shown = []
    monkeypatch.setattr(QMessageBox, "open", lambda self: shown.append(self.text()))
    window = make_window()

    def boom(session):
        raise RuntimeError("disk on fire")
    window.ops.write(boom, label="Save")
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "Nothing was saved" in shown[0] and "Traceback" not in shown[0]
