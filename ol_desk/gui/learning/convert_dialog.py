"""Convert a learning entry into a recommendation with actions: its wording, a target date, one action a line."""
from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from ol_desk.core.dates import today
from ol_desk.gui.forms.ui_convert_learning_dialog import Ui_ConvertLearningDialog

DEFAULT_TARGET_DAYS = 90


class ConvertDialog(QDialog):
    def __init__(self, operation: str, learning: str, parent=None):
        super().__init__(parent)
        self.ui = Ui_ConvertLearningDialog()
        self.ui.setupUi(self)
        self.ui.introLabel.setText(f"The learning from <b>{html.escape(operation)}</b> becomes a learning point under "
                                   f"the operation's Gold Group document. The entry and the recommendation stay "
                                   f"linked both ways.")
        self.ui.textEdit.setPlainText(learning)
        due = today() + dt.timedelta(days=DEFAULT_TARGET_DAYS)
        self.ui.targetEdit.setDate(QDate(due.year, due.month, due.day))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("Convert")

    def values(self) -> dict:
        return dict(text=self.ui.textEdit.toPlainText(),
                    target_date=self.ui.targetEdit.date().toPython() if self.ui.targetCheck.isChecked() else None,
                    action_titles=[line for line in self.ui.actionsEdit.toPlainText().splitlines() if line.strip()])
