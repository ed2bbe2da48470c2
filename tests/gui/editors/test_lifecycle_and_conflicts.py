"""Walking a recommendation to closure through the buttons with the roles each step needs, disabled buttons that
say why, and an edit that meets somebody else's change (reload / keep mine)."""
from __future__ import annotations

import datetime as dt

from ol_desk.core.model import Action, Recommendation
from ol_desk.core.model.enums import ActionStatus, Entity, RecStatus
from ol_desk.core.services import recommendations
from ol_desk.gui.editors import conflict as conflict_module
from ol_desk.gui.editors import open_editor
from ol_desk.gui.editors.conflict import ConflictDialog
from tests.core.factories import hub_id, make_action, make_document, make_recommendation

from .conftest import command_answers, settle


def _open(ctx, ops, qtbot, entity, item_id):
    editor = open_editor(ctx, entity, item_id)
    qtbot.addWidget(editor)
    settle(ops)
    return editor


def _status(db, cls, item_id):
    with db.reading() as s:
        return s.get(cls, item_id).status


def test_walk_a_recommendation_to_closure_through_the_buttons(ctx, hub_officer_ctx, board_ctx, ops, db, qtbot,
                                                              monkeypatch, cpic):
    with db.transaction() as s:
        rec = make_recommendation(s, cpic, make_document(s, cpic))
        action = make_action(s, cpic, [rec], reference="MD-015", hub_id=hub_id(s, "NW"))
    cpic_editor = _open(ctx, ops, qtbot, Entity.RECOMMENDATION, rec)
    bar = cpic_editor.command_bar

    # Assign needs a hub: the button says so until one is saved.
    assert not bar.buttons["assign"].isEnabled()
    assert "assign at least one hub first" in bar.buttons["assign"].toolTip()
    assert "Assign: assign at least one hub first." in bar.why.text()
    with ops.db.reading() as s:
        nw = hub_id(s, "NW")  # the hub officer's hub
    cpic_editor.hubs.list.set_checked([nw])
    cpic_editor.save_button.click()
    settle(ops)
    assert bar.buttons["assign"].isEnabled()
    bar.buttons["assign"].click()
    settle(ops)
    assert _status(db, Recommendation, rec) == RecStatus.ASSIGNED

    # The hub officer starts the work; delivering waits for the open action.
    hub_editor = _open(hub_officer_ctx, ops, qtbot, Entity.RECOMMENDATION, rec)
    hub_editor.command_bar.buttons["start"].click()
    settle(ops)
    assert _status(db, Recommendation, rec) == RecStatus.IN_PROGRESS
    deliver = hub_editor.command_bar.buttons["deliver"]
    assert not deliver.isEnabled() and "1 linked action(s) are still open (MD-015)" in deliver.toolTip()

    action_editor = _open(hub_officer_ctx, ops, qtbot, Entity.ACTION, action)
    command_answers(monkeypatch, ops, note="All 212 custody sergeants briefed; attendance sheets kept.")
    action_editor.command_bar.buttons["complete"].click()
    settle(ops)
    assert _status(db, Action, action) == ActionStatus.COMPLETE
    assert "All 212 custody sergeants briefed" in action_editor.ui.completedLabel.text()
    qtbot.waitUntil(lambda: hub_editor.command_bar.buttons["deliver"].isEnabled(), timeout=5000)
    hub_editor.command_bar.buttons["deliver"].click()
    settle(ops)
    assert _status(db, Recommendation, rec) == RecStatus.DELIVERED

    # Only the CPIC team accepts evidence; the hub officer is told why not.
    accept = hub_editor.command_bar.buttons["accept_evidence"]
    assert not accept.isEnabled()
    assert "is for CPIC learning team; you are signed in as Hub officer" in accept.toolTip()
    assert "Accept evidence is for CPIC learning team" in hub_editor.command_bar.why.text()
    cpic_editor.command_bar.buttons["accept_evidence"].click()
    settle(ops)
    assert _status(db, Recommendation, rec) == RecStatus.EVIDENCE_ACCEPTED

    # The Board closes it against its decision; the dialog insists on the minute reference.
    board_editor = _open(board_ctx, ops, qtbot, Entity.RECOMMENDATION, rec)
    command_answers(monkeypatch, ops, decision_date=dt.date(2025, 4, 8))
    board_editor.command_bar.buttons["close"].click()
    settle(ops)
    assert _status(db, Recommendation, rec) == RecStatus.EVIDENCE_ACCEPTED
    command_answers(monkeypatch, ops, decision_date=dt.date(2025, 4, 8), minute_ref="OLB/2025/14")
    board_editor.command_bar.buttons["close"].click()
    settle(ops)
    with db.reading() as s:
        row = s.get(Recommendation, rec)
        assert row.status == RecStatus.CLOSED and row.board_minute_ref == "OLB/2025/14"
        assert row.board_decision_on == dt.date(2025, 4, 8)
    assert "OLB/2025/14" in board_editor.ui.boardLabel.text()
    assert board_editor.command_bar.buttons["reopen"].isEnabled()
    assert not board_editor.command_bar.buttons["start"].isEnabled()
    # Every open editor of the item followed along.
    qtbot.waitUntil(lambda: "Closed" in cpic_editor.ui.statusLabel.text(), timeout=5000)
    history = cpic_editor.history.toPlainText()
    assert "Close (Board decision) — Board Chair" in history
    assert "Status: Evidence accepted → Closed" in history and "Board minute: — → OLB/2025/14" in history
    assert "Hubs: none → North West" in history


def test_a_viewer_sees_every_command_disabled_with_the_reason(ctx_for, ops, db, qtbot, cpic):
    from .conftest import VIEWER
    with db.transaction() as s:
        rec = make_recommendation(s, cpic, make_document(s, cpic))
    editor = _open(ctx_for(VIEWER), ops, qtbot, Entity.RECOMMENDATION, rec)
    buttons = editor.command_bar.buttons
    assert not any(b.isEnabled() for b in buttons.values())
    assert "you are signed in as Viewer" in buttons["not_accept"].toolTip()
    assert buttons["not_accept"].accessibleDescription().startswith("Not available:")


def _edited_behind_the_back(db, rec, board_actor):
    with db.transaction() as s:
        recommendations.update_recommendation(s, board_actor, rec, title="Rousing checks (Board wording)")


def test_conflict_keep_mine_applies_my_fields_on_top_of_theirs(ctx, ops, db, qtbot, monkeypatch, cpic):
    with db.transaction() as s:
        rec = make_recommendation(s, cpic, make_document(s, cpic), title="Rousing checks")
    editor = _open(ctx, ops, qtbot, Entity.RECOMMENDATION, rec)
    editor.ui.notesEdit.setPlainText("Checked against the custody audit of March.")
    editor.ui.titleEdit.setText("Rousing checks on detainees")
    _edited_behind_the_back(db, rec, cpic)
    shown = []

    def choose(dialog):
        table = dialog.ui.changesTable
        shown.extend((table.item(r, 0).text(), table.item(r, 1).text(), table.item(r, 2).text())
                     for r in range(table.rowCount()))
        dialog.ui.keepMineButton.click()
        return dialog.choice
    monkeypatch.setattr(ConflictDialog, "ask", choose)
    editor.save_button.click()
    settle(ops)
    assert ("Title", "Rousing checks on detainees", "Rousing checks (Board wording)") in shown
    with db.reading() as s:
        row = s.get(Recommendation, rec)
        assert row.title == "Rousing checks on detainees"
        assert row.notes == "Checked against the custody audit of March."
    assert not editor.dirty and "Saved" in editor.state_label.text()


def test_conflict_reload_takes_theirs_and_later_keeps_editing(ctx, ops, db, qtbot, monkeypatch, cpic):
    with db.transaction() as s:
        rec = make_recommendation(s, cpic, make_document(s, cpic), title="Rousing checks")
    editor = _open(ctx, ops, qtbot, Entity.RECOMMENDATION, rec)
    editor.ui.notesEdit.setPlainText("My note")
    _edited_behind_the_back(db, rec, cpic)

    monkeypatch.setattr(ConflictDialog, "ask", lambda dialog: conflict_module.LATER)
    editor.save_button.click()
    settle(ops)
    assert editor.ui.notesEdit.toPlainText() == "My note" and "Not saved" in editor.banner.text()

    monkeypatch.setattr(ConflictDialog, "ask", lambda dialog: conflict_module.RELOAD)
    editor.save_button.click()
    settle(ops)
    assert editor.ui.titleEdit.text() == "Rousing checks (Board wording)"
    assert editor.ui.notesEdit.toPlainText() == "" and not editor.dirty
    with db.reading() as s:
        assert s.get(Recommendation, rec).notes == ""


def test_an_editor_follows_a_change_made_in_another_window(ctx, ops, db, qtbot, cpic):
    with db.transaction() as s:
        rec = make_recommendation(s, cpic, make_document(s, cpic), title="Rousing checks")
    editor = _open(ctx, ops, qtbot, Entity.RECOMMENDATION, rec)
    ops.write(recommendations.update_recommendation, cpic, rec, title="Rousing checks every 30 minutes",
              label="edit elsewhere")
    settle(ops)
    assert editor.ui.titleEdit.text() == "Rousing checks every 30 minutes"

    editor.ui.notesEdit.setPlainText("unsaved")  # with unsaved edits it keeps them and says so
    ops.write(recommendations.update_recommendation, cpic, rec, title="Third wording", label="edit elsewhere")
    settle(ops)
    assert editor.ui.notesEdit.toPlainText() == "unsaved" and "changed elsewhere" in editor.banner.text()


def test_completing_an_action_asks_for_a_note_unless_evidence_is_attached(hub_officer_ctx, ops, db, qtbot,
                                                                           monkeypatch, cpic, tmp_path):
    from ol_desk.core.services import records
    with db.transaction() as s:
        rec = make_recommendation(s, cpic, make_document(s, cpic))
        action = make_action(s, cpic, [rec], reference="MD-020", hub_id=hub_id(s, "NW"))
    editor = _open(hub_officer_ctx, ops, qtbot, Entity.ACTION, action)
    shown = []
    command_answers(monkeypatch, ops)  # an empty note
    from ol_desk.gui.editors.command_bar import CommandInputDialog
    original = CommandInputDialog.exec

    def record_message(dialog):
        result = original(dialog)
        shown.append(dialog.message.text())
        return result
    monkeypatch.setattr(CommandInputDialog, "exec", record_message)
    editor.command_bar.buttons["complete"].click()
    settle(ops)
    assert shown == ["Still needed: Completion note."]
    assert _status(db, Action, action) == ActionStatus.OPEN

    evidence = tmp_path / "sign-off.txt"
    evidence.write_text("Custody sergeants' briefing sign-off sheet")
    with db.transaction() as s:
        records.add_evidence_file(s, cpic, db.evidence_dir, evidence, action_id=action)
    editor.reload()  # (written outside the app, so nothing announced it)
    settle(ops)
    editor.command_bar.buttons["complete"].click()   # with evidence attached the note may stay empty
    settle(ops)
    assert _status(db, Action, action) == ActionStatus.COMPLETE


def test_superseding_picks_the_newer_recommendation(ctx, ops, db, qtbot, monkeypatch, cpic):
    from ol_desk.gui.editors.command_bar import CommandInputDialog
    with db.transaction() as s:
        doc = make_document(s, cpic)
        old = make_recommendation(s, cpic, doc, reference="4", title="Old wording")
        new = make_recommendation(s, cpic, doc, reference="4A", title="Revised wording after the review")
    editor = _open(ctx, ops, qtbot, Entity.RECOMMENDATION, old)

    def fill(dialog):
        finder = dialog.widgets["superseded_by_id"][0]
        finder.search.setText("Revised wording")
        finder.refresh()
        settle(ops)
        dialog._check()
        return dialog.result()
    monkeypatch.setattr(CommandInputDialog, "exec", fill)
    editor.command_bar.buttons["supersede"].click()
    settle(ops)
    with db.reading() as s:
        row = s.get(Recommendation, old)
        assert row.status == RecStatus.SUPERSEDED and row.superseded_by_id == new
    assert "4A" in editor.ui.supersededLabel.text()


def test_a_date_move_that_meets_a_change_elsewhere_can_still_be_applied(ctx, ops, db, qtbot, monkeypatch, cpic):
    from ol_desk.gui.editors.date_history import DateExtensionDialog
    from ol_desk.gui.editors.fields import set_date

    from .conftest import answer_dialog
    with db.transaction() as s:
        rec = make_recommendation(s, cpic, make_document(s, cpic), target_date=dt.date(2025, 6, 30))
    editor = _open(ctx, ops, qtbot, Entity.RECOMMENDATION, rec)
    _edited_behind_the_back(db, rec, cpic)

    def fill(dialog):
        set_date(dialog.ui.newDateEdit, dt.date(2025, 8, 31))
        dialog.ui.reasonEdit.setPlainText("Board agreed two more months")
        dialog.ui.buttonBox.accepted.emit()
    answer_dialog(monkeypatch, DateExtensionDialog, fill)
    shown = []

    def keep_mine(dialog):
        table = dialog.ui.changesTable
        shown.append(tuple(table.item(0, c).text() for c in range(3)))
        return conflict_module.KEEP_MINE
    monkeypatch.setattr(ConflictDialog, "ask", keep_mine)
    editor.target.change_button.click()
    settle(ops)
    assert shown == [("Target date", "31 Aug 2025", "30 Jun 2025")]
    with db.reading() as s:
        row = s.get(Recommendation, rec)
        assert row.current_target_date == dt.date(2025, 8, 31) and row.title == "Rousing checks (Board wording)"
    assert editor.ui.titleEdit.text() == "Rousing checks (Board wording)"
