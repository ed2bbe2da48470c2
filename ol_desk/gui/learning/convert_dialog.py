"""Convert a learning entry into a recommendation with actions: its wording, a target date, one action a line."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QPlainTextEdit, QVBoxLayout)

from ol_desk.core.dates import today


class ConvertDialog(QDialog):
    def __init__(self, operation: str, learning: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Convert to a recommendation")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(f"The learning from <b>{operation}</b> becomes a learning point under the operation's Gold "
                       f"Group document. The entry and the recommendation stay linked both ways.", self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.text = QPlainTextEdit(learning, self)
        self.text.setAccessibleName("Recommendation text")
        self.text.setTabChangesFocus(True)
        form.addRow("&Recommendation:", self.text)
        self.has_target = QCheckBox("&Target date:", self)
        self.target = QDateEdit(self)
        self.target.setCalendarPopup(True)
        self.target.setDisplayFormat("dd MMM yyyy")
        due = today() + dt.timedelta(days=90)
        self.target.setDate(QDate(due.year, due.month, due.day))
        self.target.setAccessibleName("Target date")
        self.has_target.setChecked(True)
        self.has_target.toggled.connect(self.target.setEnabled)
        form.addRow(self.has_target, self.target)
        self.actions = QPlainTextEdit(self)
        self.actions.setAccessibleName("Actions, one a line")
        self.actions.setPlaceholderText("One action a line, e.g.\nBrief all custody sergeants on rousing checks")
        self.actions.setTabChangesFocus(True)
        form.addRow("&Actions (one a line):", self.actions)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Convert")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> dict:
        return dict(text=self.text.toPlainText(),
                    target_date=self.target.date().toPython() if self.has_target.isChecked() else None,
                    action_titles=[line for line in self.actions.toPlainText().splitlines() if line.strip()])
