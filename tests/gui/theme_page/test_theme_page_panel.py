"""The theme page panel: a chosen theme's figures, charts, repeated concerns and embedded learning; every number
opens the register on exactly its rows (in a real window too, from Ctrl+8); empty states say what to do."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from sqlalchemy import select

from ol_desk.core.model import Recommendation
from ol_desk.core.model.enums import Entity
from ol_desk.core.queries.register_filter import recommendation_conditions
from ol_desk.gui.theme_page.theme_page_panel import ThemePagePanel
from tests.core.theme_page.test_repeated_concerns import ON, _register


def _panel(qtbot, ctx, code):
    panel = ThemePagePanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.page is not None, timeout=10_000)
    panel.show_theme(code)
    qtbot.waitUntil(lambda: panel.page is not None and panel.page.theme.code == code and not panel._loading,
                    timeout=10_000)
    return panel


def test_numbers_groups_and_embedded_learning_open_what_they_count(qtbot, ctx, db, cpic, on_day):
    on_day(ON)
    ids = _register(db, cpic)
    panel = _panel(qtbot, ctx, "custody")
    page = panel.page
    assert panel.tiles["all"].number.text() == "6" and panel.tiles["actions_embedded"].number.text() == "1"
    qtbot.mouseClick(panel.tiles["overdue"], Qt.MouseButton.LeftButton)
    assert ctx.registers[-1] == (Entity.RECOMMENDATION, page.number("overdue").filter)
    qtbot.mouseClick(panel.tiles["actions_delivered"], Qt.MouseButton.LeftButton)
    assert ctx.registers[-1] == (Entity.ACTION, page.number("actions_delivered").filter)

    tree = panel.tree
    assert tree.topLevelItemCount() == 1
    group = tree.topLevelItem(0)
    assert group.text(1) == "3" and "coroners" in group.text(3) and group.childCount() == 3
    tree.itemActivated.emit(group, 1)
    entity, f = ctx.registers[-1]
    assert entity == Entity.RECOMMENDATION and set(f.ids) == {ids["pfd"], ids["iopc"], ids["hmic"]}
    tree.itemActivated.emit(group, 5)                      # actions delivered
    assert ctx.registers[-1] == (Entity.ACTION, page.repeated.groups[0].delivered.filter)
    tree.itemActivated.emit(group.child(0), 0)             # a finding opens itself
    assert ctx.opened[-1] == (Entity.RECOMMENDATION, ids["pfd"])

    assert panel.embedded.rowCount() == 1
    panel.embedded.itemActivated.emit(panel.embedded.item(0, 2))
    assert ctx.opened[-1] == (Entity.ACTION, ids["done"])
    assert panel.views["timeline"].chart().series() and panel.views["concerns"].chart().series()
    assert panel.pdf_button.isEnabled() and panel.xlsx_button.isEnabled()


def test_a_theme_nobody_tagged_says_how_to_tag(qtbot, ctx, db, cpic, on_day):
    on_day(ON)
    _register(db, cpic)
    panel = _panel(qtbot, ctx, "pursuits")
    assert "No finding carries" in panel.heading.text() and "Ctrl+Shift+T" in panel.heading.text()
    assert panel.tree.topLevelItemCount() == 0 and not panel.pdf_button.isEnabled()
    assert "no action of this theme" in panel.embedded_heading.text()


def test_ctrl_8_opens_theme_pages_and_a_number_lands_on_its_rows(make_window, qtbot, db, cpic, on_day):
    on_day(ON)
    _register(db, cpic)
    window = make_window(extensions=("ol_desk.gui.insight_panels_and_menus",))
    action = next(a for a in window.findChildren(QAction) if a.shortcut() == QKeySequence("Ctrl+8"))
    assert "Theme pages" in action.text()
    action.trigger()
    assert window.current_key() == "themes"
    panel = window.panel("themes")
    qtbot.waitUntil(lambda: panel.page is not None and not panel._loading, timeout=10_000)
    panel.show_theme("custody")
    qtbot.waitUntil(lambda: panel.page.theme.code == "custody" and not panel._loading, timeout=10_000)
    tile = panel.tiles["open"]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert window.current_key() == "recommendations"
    register = window.panel("recommendations")
    qtbot.waitUntil(lambda: register.model.rowCount() == tile.slice.count, timeout=10_000)
    shown = {register.model.id_at(r) for r in range(register.model.rowCount())}
    with db.reading() as s:
        expected = set(s.scalars(select(Recommendation.id).where(*recommendation_conditions(tile.slice.filter, ON))))
    assert shown == expected and len(shown) == tile.slice.count > 0
