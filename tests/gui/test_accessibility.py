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


def test_the_dashboard_triage_clocks_and_theme_page_controls_have_names(make_window):
    window = make_window(extensions=("ol_desk.gui.insight_panels_and_menus",))
    unnamed = []
    for key in ("dashboard", "triage", "clocks", "themes"):
        panel = window.show_panel(key)
        assert window.ops.wait_idle()
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


def test_editor_controls_have_names_too(make_window, db, cpic):
    """Editable pickers (owner, hub) take the focus in their typing field, which must say what it is."""
    from PySide6.QtWidgets import QLabel

    from ol_desk.core.model.enums import Entity
    from ol_desk.gui.editors import open_editor
    from tests.core import factories as f
    with db.transaction() as s:
        rec = f.make_recommendation(s, cpic, f.make_document(s, cpic, title="A report"), text="Do better.")
    window = make_window()
    unnamed = []
    for entity, item_id in ((Entity.RECOMMENDATION, rec), (Entity.ACTION, None)):
        editor = open_editor(window.ctx, entity, item_id, window)
        assert window.ops.wait_idle()
        buddies = {id(label.buddy()) for label in editor.findChildren(QLabel) if label.buddy() is not None}
        unnamed += [f"{entity.value}: {type(w).__name__} in {w.parent().objectName()!r}" for w in _focusable(editor)
                    if not _spoken(w) and id(w) not in buddies]
        editor.close()
    assert unnamed == []
