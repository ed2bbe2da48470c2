"""Creating a document and its recommendation through the editors, assigning hubs and themes, adding and linking
actions, and what a form says when something is missing."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from sqlalchemy import select

from ol_desk.core.model import Action, Recommendation, SourceDocument
from ol_desk.core.model.enums import Entity, SourceKind
from ol_desk.core.services import reference
from ol_desk.gui.editors import new_action, new_document, open_editor
from ol_desk.gui.editors.fields import set_data, set_date
from tests.core.factories import hub_id, make_action, make_document, make_recommendation, theme_id

from .conftest import new_editor, pick_in_link_dialog, settle


def test_new_document_gets_its_statutory_clock_and_a_new_recommendation_its_hubs(ctx, ops, db, qtbot):
    editor = new_document(ctx)
    qtbot.addWidget(editor)
    settle(ops)
    ui = editor.ui
    set_data(ui.kindCombo, SourceKind.IOPC.value)
    ui.referenceEdit.setText("2021/153511")
    ui.titleEdit.setText("Learning recommendations after a death following police contact")
    ui.issuingBodyEdit.setText("IOPC")
    set_date(ui.dateIssuedEdit, dt.date(2025, 3, 1))
    assert "56 days" in ui.clockLabel.text()
    editor.save_button.click()
    settle(ops)
    assert editor.item_id is not None
    with db.reading() as s:
        doc = s.get(SourceDocument, editor.item_id)
        assert doc.response_due == dt.date(2025, 4, 26) and doc.reference == "2021/153511"
    assert "16 days left" in ui.clockLabel.text()  # today is fixed at 10 April 2025
    assert "Saved" in editor.state_label.text()

    editor.add_rec_button.click()
    settle(ops)
    rec_editor = new_editor(Entity.RECOMMENDATION)
    qtbot.addWidget(rec_editor)
    rui = rec_editor.ui
    rui.referenceEdit.setText("R1")
    rui.textEdit.setPlainText("The force should ensure that officers recognise acute behavioural disturbance.")
    with db.reading() as s:
        md, cn, mh = hub_id(s, "MD"), hub_id(s, "CN"), theme_id(s, "mental-health")
    rec_editor.hubs.list.set_checked([md, cn])
    rec_editor.hubs.lead.setCurrentIndex(rec_editor.hubs.lead.findData(cn))
    rec_editor.themes.set_checked([mh])
    rec_editor.save_button.click()
    settle(ops)
    with db.reading() as s:
        rec = s.get(Recommendation, rec_editor.item_id)
        assert rec.document_id == editor.item_id and rec.reference == "R1"
        assert {h.code for h in rec.hubs} == {"MD", "CN"} and rec.lead_hub.code == "CN"
        assert [t.code for t in rec.themes] == ["mental-health"]
    # The document editor heard about the new recommendation and lists it.
    qtbot.waitUntil(lambda: editor.recs.rowCount() == 1, timeout=5000)
    assert rec_editor.hubs.summary.text().endswith("lead: Central North (CN)")


def test_a_form_says_what_is_missing_and_writes_nothing(ctx, ops, db, qtbot):
    editor = new_document(ctx)
    qtbot.addWidget(editor)
    settle(ops)
    editor.save_button.click()
    settle(ops)
    assert editor.banner.isVisible() and "title or a reference" in editor.banner.text()
    with db.reading() as s:
        assert s.scalars(select(SourceDocument)).first() is None

    action_editor = new_action(ctx, None)
    qtbot.addWidget(action_editor)
    settle(ops)
    action_editor.save_button.click()
    assert "Describe the work" in action_editor.banner.text()


def test_actions_are_added_new_and_linked_existing(ctx, ops, db, qtbot, monkeypatch, cpic):
    with db.transaction() as s:
        doc = make_document(s, cpic)
        rec = make_recommendation(s, cpic, doc)
        other = make_recommendation(s, cpic, doc, reference="2")
        existing = make_action(s, cpic, [other], reference="MD-007", title="Review custody CCTV retention")
        reference.create_person(s, cpic, name="Insp. Dana Okafor", hub_id=hub_id(s, "MD"))
    rec_editor = open_editor(ctx, Entity.RECOMMENDATION, rec)
    qtbot.addWidget(rec_editor)
    settle(ops)
    assert rec_editor.actions_table.rowCount() == 0

    rec_editor.new_action_button.click()
    settle(ops)
    action_editor = new_editor(Entity.ACTION)
    qtbot.addWidget(action_editor)
    action_editor.ui.referenceEdit.setText("MD-015")
    action_editor.ui.titleEdit.setPlainText("Brief all custody sergeants on rousing checks")
    owner = action_editor.ui.ownerCombo
    owner.setCurrentIndex(owner.findText("Insp. Dana Okafor", flags=Qt.MatchFlag.MatchStartsWith))
    action_editor.save_button.click()
    settle(ops)
    qtbot.waitUntil(lambda: rec_editor.actions_table.rowCount() == 1, timeout=5000)

    pick_in_link_dialog(monkeypatch, ops, "MD-007")
    rec_editor.link_action_button.click()
    settle(ops)
    assert rec_editor.actions_table.rowCount() == 2
    with db.reading() as s:
        linked = s.get(Action, existing)
        assert sorted(r.id for r in linked.recommendations) == sorted([rec, other])
        assert s.get(Action, action_editor.item_id).owner.name == "Insp. Dana Okafor"

    rec_editor.actions_table.setCurrentCell(rec_editor.actions_table.ids.index(existing), 0)
    rec_editor.unlink_action_button.click()
    settle(ops)
    with db.reading() as s:
        assert [r.id for r in s.get(Action, existing).recommendations] == [other]


def test_opening_an_open_item_raises_the_same_window(ctx, ops, db, qtbot, cpic):
    with db.transaction() as s:
        doc = make_document(s, cpic)
    first = open_editor(ctx, Entity.DOCUMENT, doc)
    qtbot.addWidget(first)
    settle(ops)
    assert open_editor(ctx, Entity.DOCUMENT, doc) is first


def test_a_new_recommendation_opened_from_a_register_asks_for_its_document(ctx, ops, db, qtbot, monkeypatch, cpic):
    with db.transaction() as s:
        doc = make_document(s, cpic, reference="IX/1932/20", title="IOPC learning: vehicle pursuit")
    editor = open_editor(ctx, Entity.RECOMMENDATION, None)   # what the main window's "New" does
    qtbot.addWidget(editor)
    settle(ops)
    editor.ui.textEdit.setPlainText("Pursuit trained drivers should refresh their tactical contact training.")
    editor.save_button.click()
    assert "Choose the source document" in editor.banner.text()

    pick_in_link_dialog(monkeypatch, ops, "IX/1932")
    editor.document_button.click()
    assert "IX/1932/20" in editor.ui.documentLabel.text()
    editor.save_button.click()
    settle(ops)
    with db.reading() as s:
        assert s.get(Recommendation, editor.item_id).document_id == doc
    assert not editor.document_button.isVisible()


def test_a_viewer_reads_but_cannot_edit(ctx_for, ops, db, qtbot, cpic):
    from .conftest import VIEWER
    with db.transaction() as s:
        rec = make_recommendation(s, cpic, make_document(s, cpic))
    editor = open_editor(ctx_for(VIEWER), Entity.RECOMMENDATION, rec)
    qtbot.addWidget(editor)
    settle(ops)
    assert editor.ui.titleEdit.isReadOnly() and not editor.ui.ownerCombo.isEnabled()
    assert not editor.hubs.list.isEnabled() and not editor.timeline.button.isEnabled()
    assert not editor.save_button.isVisible() and "Read only" in editor.state_label.text()


def test_closing_with_unsaved_changes_asks_first(ctx, ops, db, qtbot, monkeypatch, cpic):
    from PySide6.QtWidgets import QMessageBox
    with db.transaction() as s:
        doc = make_document(s, cpic)
    editor = open_editor(ctx, Entity.DOCUMENT, doc)
    qtbot.addWidget(editor)
    settle(ops)
    editor.ui.notesEdit.setPlainText("Half-written note")
    assert "Unsaved changes: notes" in editor.state_label.text()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Cancel))
    editor.close()
    assert editor.isVisible() and editor.ui.notesEdit.toPlainText() == "Half-written note"
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))
    editor.close()
    assert not editor.isVisible()


def test_a_result_arriving_after_the_window_closed_is_ignored(ctx, ops, db, cpic):
    from PySide6.QtCore import QCoreApplication, QEvent
    with db.transaction() as s:
        doc = make_document(s, cpic)
    editor = open_editor(ctx, Entity.DOCUMENT, doc)   # its read is on its way
    editor.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    settle(ops)   # the read reports back to a window that no longer exists: nothing happens, nothing raises
    assert open_editor(ctx, Entity.DOCUMENT, doc) is not editor


def test_closing_the_main_window_asks_about_an_editor_with_unsaved_changes(make_window, db, qtbot, monkeypatch, cpic):
    from PySide6.QtWidgets import QMessageBox
    with db.transaction() as s:
        doc = make_document(s, cpic)
    window = make_window()
    editor = open_editor(window.ctx, Entity.DOCUMENT, doc, window)
    assert window.ops.wait_idle()
    editor.ui.notesEdit.setPlainText("Half-written note")
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Cancel))
    window.close()
    assert window.isVisible() and editor.isVisible() and editor.ui.notesEdit.toPlainText() == "Half-written note"
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))
    window.close()
    assert not window.isVisible() and not editor.isVisible()


def test_the_document_editor_shows_and_saves_the_reports_area_and_addressees(ctx, ops, db, qtbot, cpic):
    with db.transaction() as s:
        doc = make_document(s, cpic, area="Wessex", addressees="Chief Constable of Wessex Police; NHS England")
    editor = open_editor(ctx, Entity.DOCUMENT, doc)
    qtbot.addWidget(editor)
    settle(ops)
    assert editor.area_edit.text() == "Wessex"
    assert editor.addressees_edit.text() == "Chief Constable of Wessex Police; NHS England"
    editor.addressees_edit.setText("Chief Constable of Wessex Police; NHS England; Home Office")
    editor.save_button.click()
    settle(ops)
    with db.reading() as s:
        assert s.get(SourceDocument, doc).addressees.endswith("; Home Office")
