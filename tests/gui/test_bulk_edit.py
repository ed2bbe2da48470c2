"""Change selected rows from the register: select, choose what to set, and every row the rules allow changes in
one write; refused rows are listed with their reasons, and one Ctrl+Z puts it all back."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from ol_desk.core.model import Recommendation
from ol_desk.core.model.enums import RecStatus, Role
from ol_desk.gui.editors.undo_stack import undo_stack
from tests.core import factories as f


def _register(make_window, qtbot, **kw):
    window = make_window(**kw)
    panel = window.show_panel("recommendations")
    qtbot.waitUntil(lambda: panel.model.loaded_once and panel.model.rowCount() > 0, timeout=5000)
    return window, panel


def test_assign_many_rows_at_once_lists_the_refused_and_undoes_in_one_step(make_window, db, cpic, qtbot):
    with db.transaction() as s:
        ready = [f.assigned_recommendation(s, cpic, "NW", reference=str(i)) for i in (1, 2)]
        hubless = f.make_recommendation(s, cpic, f.make_document(s, cpic), reference="3")
    window, panel = _register(make_window, qtbot)
    assert not panel.bulk_button.isEnabled()            # nothing selected yet
    panel.table.selectAll()
    assert panel.bulk_button.isEnabled()
    panel.bulk_button.click()
    qtbot.waitUntil(lambda: panel.bulk.dialog is not None and panel.bulk.dialog.isVisible(), timeout=5000)
    dialog = panel.bulk.dialog
    dialog.what.setCurrentIndex(dialog.what.findData("command"))
    dialog.command.setCurrentIndex(dialog.command.findData("assign"))
    dialog._accept()
    assert window.ops.wait_idle()
    qtbot.waitUntil(lambda: panel.findChild(QMessageBox) is not None, timeout=5000)
    box = panel.findChild(QMessageBox)
    assert box.text() == "Ran the command on 2 recommendations; 1 refused."
    assert "assign at least one hub first" in box.informativeText()
    with db.reading() as s:
        assert [s.get(Recommendation, i).status for i in [*ready, hubless]] == [
            RecStatus.ASSIGNED, RecStatus.ASSIGNED, RecStatus.NEW]
    box.close()

    stack = undo_stack(window.ctx)
    assert stack.undo_text() == "Undo Change selected rows"
    assert stack.undo(window.ctx.actor)
    assert window.ops.wait_idle()
    with db.reading() as s:
        assert {s.get(Recommendation, i).status for i in ready} == {RecStatus.NEW}


def test_a_viewer_cannot_start_a_bulk_edit(make_window, db, cpic, qtbot):
    with db.transaction() as s:
        f.make_recommendation(s, cpic, f.make_document(s, cpic))
    _window, panel = _register(make_window, qtbot, role=Role.BOARD)
    panel.table.selectAll()
    assert not panel.bulk_button.isEnabled() and not panel.bulk.action.isEnabled()


def test_the_dialog_asks_only_what_each_change_needs(qtbot):
    import datetime as dt
    from types import SimpleNamespace as Row

    from PySide6.QtCore import QDate, Qt

    from ol_desk.core.model.enums import Entity
    from ol_desk.gui.registers.bulk_edit_dialog import BulkEditDialog
    data = {"hubs": [Row(id=1, code="NW", name="North West"), Row(id=2, code="MD", name="Missing persons")],
            "themes": [Row(id=5, code="custody", name="Custody")], "people": [Row(id=9, name="DI Example")]}
    dialog = BulkEditDialog(Entity.RECOMMENDATION, 1000, data)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.what.setCurrentIndex(dialog.what.findData("hubs"))
    dialog._accept()
    assert dialog.error.text() == "Tick at least one hub." and dialog.result() == 0
    dialog.hubs.item(1).setCheckState(Qt.CheckState.Checked)
    dialog.lead.setCurrentIndex(dialog.lead.findData(1))
    dialog._accept()
    assert dialog.error.text() == "The lead hub must be one of the hubs ticked."
    dialog.hubs.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.edit() == dialog.edit().__class__("hubs", hub_ids=(1, 2), lead_hub_id=1)

    dialog.what.setCurrentIndex(dialog.what.findData("command"))
    assert not dialog.minute.isVisible()
    dialog.command.setCurrentIndex(dialog.command.findData("close"))
    assert dialog.minute.isVisible() and dialog.decision.isVisible()
    assert dialog.command.findData("supersede") == -1     # needs a different replacement per row

    dialog.what.setCurrentIndex(dialog.what.findData("date"))
    dialog.date.setDate(QDate(2027, 3, 1))
    dialog.reason.setText("Board set one date")
    edit = dialog.edit()
    assert (edit.what, edit.new_date, edit.reason) == ("date", dt.date(2027, 3, 1), "Board set one date")
    assert [dialog.what.itemData(i) for i in range(dialog.what.count())] == [
        "hubs", "add_theme", "owner", "command", "date"]
    actions = BulkEditDialog(Entity.ACTION, 3, data)
    qtbot.addWidget(actions)
    assert [actions.what.itemData(i) for i in range(actions.what.count())] == ["owner", "command", "date"]
