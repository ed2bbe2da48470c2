"""Every control of the main window's panels can be reached by keyboard and says what it is to a screen reader."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget


def _spoken(w: QWidget) -> str:
    if w.accessibleName():
        return w.accessibleName()
    if isinstance(w, QAbstractButton):
        return w.text().replace("&", "")
    return ""


def _focusable(panel: QWidget) -> list[QWidget]:
    return [w for w in panel.findChildren(QWidget)
            if w.isVisibleTo(panel) and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not w.objectName().startswith("qt_")]


def test_every_focusable_control_has_a_name(make_window):
    window = make_window()
    unnamed = []
    for key in ("recommendations", "actions", "documents", "learning", "reference", "search"):
        panel = window.show_panel(key)
        window.ops.wait_idle()
        unnamed += [f"{key}: {type(w).__name__} {w.objectName()!r}" for w in _focusable(panel) if not _spoken(w)]
    assert unnamed == []


def test_tab_walks_from_the_search_field_through_the_register_to_its_table(make_window, qtbot, db, cpic):
    from tests.core import factories as f
    with db.transaction() as s:
        f.make_recommendation(s, cpic, f.make_document(s, cpic, title="A report"), text="Do better.")
    window = make_window()
    panel = window.show_panel("recommendations")
    window.activateWindow()
    window.search_field.setFocus()
    seen = []
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
        if seen[-1] is panel.table:
            break
    assert window.navigation in seen and panel.filter_bar.text in seen and seen[-1] is panel.table
    order = [seen.index(w) for w in (window.navigation, panel.view_combo, panel.new_button, panel.filter_bar.text,
                                     panel.filter_bar.clear_button)]
    assert order == sorted(order)
