"""Gold Group quick capture lands in the CPIC triage queue; triage converts, merges or closes with a reason."""
from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from ol_desk.core.model import Action, LearningEntry, Recommendation
from ol_desk.core.model.enums import Role, TriageOutcome
from ol_desk.core.services import learning
from ol_desk.core.services.actor import Actor
from ol_desk.gui.learning import triage_panel as triage_module
from ol_desk.gui.learning.capture_dialog import LearningCaptureDialog
from ol_desk.gui.learning.triage_panel import TriagePanel
from tests.core.factories import make_document, make_recommendation


def _capture(qtbot, ctx, operation="Operation Kestrel", text="Handover between custody shifts missed the "
             "detainee's self-harm warning marker."):
    dialog = LearningCaptureDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    ctx.ops.wait_idle()
    dialog.ui.operationEdit.setText(operation)
    dialog.ui.dateEdit.setDate(QDate(2025, 5, 20))
    dialog.ui.learningEdit.setPlainText(text)
    dialog.ui.ownerEdit.setText("Ch Supt Reid")
    dialog.ui.hubCombo.setCurrentIndex(dialog.ui.hubCombo.findText("Met Detention (MD)"))
    with qtbot.waitSignal(dialog.captured, timeout=5000) as got:
        qtbot.keyClick(dialog.ui.ownerEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    return got.args[0]


def _panel(qtbot, ctx):
    panel = TriagePanel(ctx)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        panel.show()
    return panel


def test_capture_then_convert_with_actions_keeps_the_link_both_ways(qtbot, db, ctx, monkeypatch):
    entry_id = _capture(qtbot, ctx)
    panel = _panel(qtbot, ctx)
    assert [r.id for r in panel.rows] == [entry_id]
    assert panel.rows[0].hub == "Met Detention"
    assert panel.convert_button.isEnabled()

    class Accepting(triage_module.ConvertDialog):
        def exec(self):
            self.ui.actionsEdit.setPlainText("Add the warning marker to the handover checklist\n\nAudit ten handovers")
            return QDialog.DialogCode.Accepted
    monkeypatch.setattr(triage_module, "ConvertDialog", Accepting)
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        panel.convert_button.click()
    assert panel.rows == []                                       # the queue is empty again

    with db.reading() as s:
        entry = s.get(LearningEntry, entry_id)
        assert entry.triage_outcome == TriageOutcome.CONVERTED
        rec = s.get(Recommendation, entry.recommendation_id)
        assert "self-harm warning marker" in rec.text and rec.document.kind.value == "gold_group"
        assert rec.lead_hub.code == "MD"
        assert sorted(a.title for a in rec.actions) == ["Add the warning marker to the handover checklist",
                                                        "Audit ten handovers"]
        assert [e.id for e in learning.learning_for(s, rec.id)] == [entry_id]   # and back again


def test_no_action_needs_a_reason_and_merge_links_to_an_existing_recommendation(qtbot, db, ctx, cpic, monkeypatch):
    with db.transaction() as s:
        doc = make_document(s, cpic, kind="iopc", reference="2021/153511")
        existing = make_recommendation(s, cpic, doc, reference="R2", finding_type="recommendation")
    first = _capture(qtbot, ctx, "Operation Alder")
    second = _capture(qtbot, ctx, "Operation Birch", "Radio coverage failed in the basement car park.")
    panel = _panel(qtbot, ctx)
    panel.table.selectRow([r.id for r in panel.rows].index(second))

    monkeypatch.setattr(triage_module.QInputDialog, "getMultiLineText", staticmethod(lambda *a, **k: ("", True)))
    panel.no_action()
    qtbot.waitUntil(lambda: "Say why" in panel.why.text(), timeout=5000)     # refused, nothing lost
    monkeypatch.setattr(triage_module.QInputDialog, "getMultiLineText",
                        staticmethod(lambda *a, **k: ("Known coverage gap; fixed by the estates programme", True)))
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        panel.no_action()

    panel.table.selectRow(0)
    assert panel.current().id == first
    monkeypatch.setattr(triage_module.QInputDialog, "getText", staticmethod(lambda *a, **k: ("2021/153511 R2", True)))
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        panel.merge()
    with db.reading() as s:
        assert s.get(LearningEntry, second).triage_outcome == TriageOutcome.NO_ACTION
        merged = s.get(LearningEntry, first)
        assert (merged.triage_outcome, merged.recommendation_id) == (TriageOutcome.MERGED, existing)
        assert s.scalar(select(Action.id)) is None
    panel.show_all.setChecked(True)
    qtbot.waitUntil(lambda: len(panel.rows) == 2, timeout=5000)
    assert {r.linked for r in panel.rows} == {"2021/153511 R2", ""}


def test_roles_that_cannot_triage_are_told_why(qtbot, db, ctx):
    _capture(qtbot, ctx)
    ctx.actor = Actor("Gold Lead", Role.GOLD_LEAD)
    panel = _panel(qtbot, ctx)
    assert not panel.convert_button.isEnabled()
    assert "Only the CPIC learning team triages" in panel.why.text()


def test_capture_refuses_a_missing_operation_with_one_message(qtbot, db, ctx):
    dialog = LearningCaptureDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.ui.learningEdit.setPlainText("Something to learn")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.ui.errorLabel.text() != "", timeout=5000)
    assert dialog.ui.errorLabel.text() == "Name the operation or incident."
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.save_button.isEnabled()
    with db.reading() as s:
        assert s.scalar(select(LearningEntry.id)) is None
