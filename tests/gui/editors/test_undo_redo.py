"""Ctrl+Z / Ctrl+Shift+Z undo and redo an edit and a lifecycle command; an undo that would throw away somebody
else's later change is refused with the reason and stays on the stack."""
from __future__ import annotations

from PySide6.QtCore import Qt

from ol_desk.core.model import Recommendation
from ol_desk.core.model.enums import Entity, RecStatus
from ol_desk.core.services import recommendations
from ol_desk.gui.editors import open_editor
from tests.core.factories import assigned_recommendation

from .conftest import settle


def _title_and_status(db, rec):
    with db.reading() as s:
        row = s.get(Recommendation, rec)
        return row.title, row.status


def test_undo_and_redo_an_edit_and_a_lifecycle_command(ctx, ops, db, qtbot, cpic):
    with db.transaction() as s:
        rec = assigned_recommendation(s, cpic, title="Rousing checks")
        recommendations.run_command(s, cpic, rec, "assign")
    editor = open_editor(ctx, Entity.RECOMMENDATION, rec)
    qtbot.addWidget(editor)
    settle(ops)
    assert not editor.undo_action.isEnabled()

    editor.ui.titleEdit.setText("Rousing checks every 30 minutes")
    editor.save_button.click()
    settle(ops)
    editor.command_bar.buttons["start"].click()
    settle(ops)
    assert _title_and_status(db, rec) == ("Rousing checks every 30 minutes", RecStatus.IN_PROGRESS)
    assert editor.undo_action.text().startswith("Undo start work")

    editor.undo_action.trigger()          # the command
    settle(ops)
    assert _title_and_status(db, rec) == ("Rousing checks every 30 minutes", RecStatus.ASSIGNED)
    assert editor.command_bar.buttons["start"].isEnabled()   # the editor followed the undo
    editor.undo_action.trigger()          # the edit
    settle(ops)
    assert _title_and_status(db, rec) == ("Rousing checks", RecStatus.ASSIGNED)
    assert editor.ui.titleEdit.text() == "Rousing checks"
    assert editor.redo_action.isEnabled() and editor.redo_action.text().startswith("Redo save recommendation")

    editor.redo_action.trigger()
    settle(ops)
    editor.redo_action.trigger()
    settle(ops)
    assert _title_and_status(db, rec) == ("Rousing checks every 30 minutes", RecStatus.IN_PROGRESS)
    assert not editor.redo_action.isEnabled()
    assert "Undid a change" in editor.history.toPlainText()


def _editor_after_saving_a_title(ctx, ops, db, qtbot, cpic, title: str, *, closed_by_test: bool = False):
    with db.transaction() as s:
        rec = assigned_recommendation(s, cpic, title="Rousing checks")
    editor = open_editor(ctx, Entity.RECOMMENDATION, rec)
    if not closed_by_test:
        qtbot.addWidget(editor)
    settle(ops)
    editor.ui.titleEdit.setText(title)
    editor.save_button.click()
    settle(ops)
    return editor, rec


def test_the_keyboard_shortcuts_reach_the_undo_stack(ctx, ops, db, qtbot, cpic):
    editor, rec = _editor_after_saving_a_title(ctx, ops, db, qtbot, cpic, "Changed")
    editor.tabs.setFocus()  # not in a text field, whose own Ctrl+Z undoes typing
    qtbot.keyClick(editor.tabs, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(ops)
    assert _title_and_status(db, rec)[0] == "Rousing checks"
    qtbot.keyClick(editor.tabs, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settle(ops)
    assert _title_and_status(db, rec)[0] == "Changed"


def test_an_undo_that_would_lose_a_later_change_is_refused_and_kept(ctx, ops, db, qtbot, cpic):
    editor, rec = _editor_after_saving_a_title(ctx, ops, db, qtbot, cpic, "Mine")
    with db.transaction() as s:  # another person's change, made outside this app
        recommendations.update_recommendation(s, cpic, rec, notes="Board asked for the audit figures")
    editor.undo_action.trigger()
    settle(ops)
    assert _title_and_status(db, rec)[0] == "Mine"
    assert "Cannot undo" in editor.banner.text() and "changed afterwards" in editor.banner.text()
    assert editor.undo_action.isEnabled()


def test_the_stack_outlives_a_closed_editor(ctx, ops, db, qtbot, cpic):
    editor, rec = _editor_after_saving_a_title(ctx, ops, db, qtbot, cpic, "Changed", closed_by_test=True)
    stack = editor.undo
    editor.close()
    from PySide6.QtCore import QCoreApplication, QEvent
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the window is really gone
    assert stack.undo(cpic)
    settle(ops)
    assert _title_and_status(db, rec)[0] == "Rousing checks"
