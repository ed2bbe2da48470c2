"""Gold Group quick capture: operation, date, learning identified, suggested owner or hub — under a minute.

Saved through services.learning.capture_learning on the worker thread; the entry waits in the CPIC triage queue.
Similar existing recommendations appear as the learning is typed.
"""
from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from shiboken6 import isValid

from ol_desk.core.dates import today
from ol_desk.core.model.enums import Entity
from ol_desk.core.services.learning import capture_learning
from ol_desk.gui.forms.ui_learning_capture_dialog import Ui_LearningCaptureDialog
from ol_desk.gui.ops import readable

from .hub_list import hub_ids_by_code
from .similar_items import SimilarItems


class LearningCaptureDialog(QDialog):
    captured = Signal(int)  # the new learning entry's id

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_LearningCaptureDialog()
        self.ui.setupUi(self)
        day = today()
        self.ui.dateEdit.setMaximumDate(QDate(day.year, day.month, day.day))
        self.ui.dateEdit.setDate(QDate(day.year, day.month, day.day))
        self.ui.hubCombo.addItem("No suggestion", None)
        self.save_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip("Save (Ctrl+Enter)")
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self).activated.connect(self.save)
        self.similar = SimilarItems(ctx, self.ui.similarList, parent=self)
        self.ui.learningEdit.textChanged.connect(
            lambda: self.similar.lookup(self.ui.learningEdit.toPlainText()))
        ctx.ops.read(hub_ids_by_code, label="Load hubs", on_done=self._hubs_loaded)
        self.ui.operationEdit.setFocus()

    def _hubs_loaded(self, hubs) -> None:
        if not isValid(self):  # closed before the hubs arrived
            return
        for hub_id, code, name in hubs:
            self.ui.hubCombo.addItem(f"{name} ({code})", hub_id)
        if self.ctx.actor.hub_code:
            index = next((i for i, (_id, code, _n) in enumerate(hubs, 1) if code == self.ctx.actor.hub_code), 0)
            self.ui.hubCombo.setCurrentIndex(index)

    def values(self) -> dict:
        d = self.ui.dateEdit.date()
        return dict(operation=self.ui.operationEdit.text(), learning=self.ui.learningEdit.toPlainText(),
                    incident_date=d.toPython(), suggested_owner=self.ui.ownerEdit.text(),
                    suggested_hub_id=self.ui.hubCombo.currentData())

    def save(self) -> None:
        self.save_button.setEnabled(False)
        self.ui.errorLabel.setText("")
        self.ctx.ops.write(capture_learning, self.ctx.actor, label="Log Gold Group learning",
                           on_done=self._saved, on_error=self._failed, **self.values())

    def _saved(self, changes) -> None:
        if not isValid(self):
            return
        self.captured.emit(next(iter(changes.created[Entity.LEARNING])))
        self.accept()

    def _failed(self, exc) -> None:
        if not isValid(self):
            return
        self.save_button.setEnabled(True)
        self.ui.errorLabel.setText(readable(exc))
