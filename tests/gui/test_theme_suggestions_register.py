"""Suggest themes for selected rows in the Recommendations register: the dialog lists each finding's suggestions
ticked, with why; accepting adds the ticked ones in one change (one Ctrl+Z undoes it); a theme the findings need
that the force does not have can be added from the list, and the suggestions follow it."""
from __future__ import annotations

from PySide6.QtCore import Qt

from ol_desk.core.model import Recommendation, Theme
from ol_desk.core.model.enums import Entity, Role
from ol_desk.gui.editors.undo_stack import undo_stack
from tests.core import factories as f

RESTRAINT = "Officers held him in the prone position and a Taser was discharged twice."
ROAD = "There is no pedestrian crossing at the junction of the dual carriageway."


def _register(make_window, qtbot, **kw):
    window = make_window(**kw)
    panel = window.show_panel("recommendations")
    qtbot.waitUntil(lambda: panel.model.loaded_once and panel.model.rowCount() > 0, timeout=5000)
    return window, panel


def _open_dialog(window, panel, qtbot):
    panel.table.selectAll()
    assert panel.theme_suggester.action.isEnabled()
    panel.theme_suggester.action.trigger()
    qtbot.waitUntil(lambda: panel.theme_suggester.dialog is not None
                    and panel.theme_suggester.dialog.isVisible(), timeout=10000)
    return panel.theme_suggester.dialog


def test_ticked_suggestions_are_added_in_one_undoable_change(make_window, db, cpic, qtbot):
    with db.transaction() as s:
        doc = f.make_document(s, cpic)
        ids = [f.make_recommendation(s, cpic, doc, reference=str(i), text=text)
               for i, text in enumerate((RESTRAINT, RESTRAINT, "The ferrule slipped."), 1)]
        force = f.theme_id(s, "use-of-force")
    window, panel = _register(make_window, qtbot)
    dialog = _open_dialog(window, panel, qtbot)
    assert dialog.tree.topLevelItemCount() == 2                  # the third finding has no suggestion
    assert "Themes suggested for 2 of 3 findings" in dialog.summary.text()
    second = dialog.tree.topLevelItem(1).child(0)
    assert second.text(0) == "Use of force, Taser, restraint" and "Taser" in second.text(1)
    second.setCheckState(0, Qt.CheckState.Unchecked)           # the user disagrees for this one
    assert dialog.ticked() == {ids[0]: (force,)}
    dialog.accept_button.click()
    assert window.ops.wait_idle()
    with db.reading() as s:
        assert [[t.id for t in s.get(Recommendation, i).themes] for i in ids] == [[force], [], []]
    stack = undo_stack(window.ctx)
    assert stack.undo_text() == "Undo Accept suggested themes"
    assert stack.undo(window.ctx.actor)
    assert window.ops.wait_idle()
    with db.reading() as s:
        assert not s.get(Recommendation, ids[0]).themes


def test_a_theme_the_register_needs_is_added_from_the_list(make_window, db, cpic, qtbot):
    with db.transaction() as s:
        doc = f.make_document(s, cpic)
        for i in (1, 2):
            f.make_recommendation(s, cpic, doc, reference=str(i), text=ROAD)
    window, panel = _register(make_window, qtbot)
    dialog = _open_dialog(window, panel, qtbot)
    assert dialog.tree.topLevelItemCount() == 0 and "None of the selected findings" in dialog.summary.text()
    assert dialog.new_list.count() == 1 and dialog.new_list.item(0).text().startswith("Road safety and highways")
    dialog.new_list.setCurrentRow(0)
    dialog.add_button.click()
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 2, timeout=10000)
    assert dialog.new_list.isHidden()
    with db.reading() as s:
        assert s.query(Theme).filter_by(code="road-safety").one().words.startswith("road safety")


def test_a_board_member_who_only_reads_cannot_suggest_themes(make_window, db, cpic, qtbot):
    with db.transaction() as s:
        f.make_recommendation(s, cpic, f.make_document(s, cpic), text=ROAD)
        f.make_recommendation(s, cpic, f.make_document(s, cpic, reference="2"), text=ROAD)
    _window, panel = _register(make_window, qtbot, role=Role.BOARD)
    panel.table.selectAll()
    assert not panel.theme_suggester.action.isEnabled()


def test_a_themes_words_are_edited_in_hubs_and_people_and_bad_words_are_refused(make_window, db, qtbot):
    window = make_window()
    tab = window.show_panel("reference").tab_for[Entity.THEME]
    qtbot.waitUntil(lambda: tab.table.rowCount() > 0, timeout=5000)
    with db.reading() as s:
        force = f.theme_id(s, "use-of-force")
    tab.select(force)
    assert "restrain*" in tab.editors["words"].text()
    tab.editors["words"].setText("Taser; baton ; taser")
    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        tab.save()
    qtbot.waitUntil(lambda: tab.problem.text() == "Saved." and tab.editing is not None, timeout=5000)
    assert tab.editing["id"] == force and tab.editors["words"].text() == "Taser; baton"   # still editing it
    with db.reading() as s:
        assert s.get(Theme, force).words == "Taser; baton"
    tab.editors["words"].setText("re*strain")
    tab.save()
    qtbot.waitUntil(lambda: "may only end" in tab.problem.text(), timeout=5000)
