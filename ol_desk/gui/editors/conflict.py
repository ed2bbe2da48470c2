"""The conflict dialog: somebody else saved the item after this editor loaded it.

Shows each field the user changed beside the value saved now, and offers Reload (take theirs), Keep mine (apply my
changed fields on top of their version) or Decide later (keep editing; nothing lost).
"""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem

from ol_desk.gui.forms.ui_conflict_dialog import Ui_ConflictDialog

RELOAD, KEEP_MINE, LATER = "reload", "keep_mine", "later"


class ConflictDialog(QDialog):
    def __init__(self, message: str, rows: list[tuple[str, str, str]], parent=None):
        """`rows`: (field label, my value, the value saved now)."""
        super().__init__(parent)
        self.ui = Ui_ConflictDialog()
        self.ui.setupUi(self)
        self.choice = LATER
        self.ui.messageLabel.setText(message)
        table = self.ui.changesTable
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                table.setItem(r, c, QTableWidgetItem(value))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.ui.reloadButton.clicked.connect(lambda: self._choose(RELOAD))
        self.ui.keepMineButton.clicked.connect(lambda: self._choose(KEEP_MINE))
        self.ui.cancelButton.clicked.connect(lambda: self._choose(LATER))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API: rows fit their text once the columns have widths
        super().showEvent(event)
        self.ui.changesTable.resizeRowsToContents()

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept() if choice != LATER else self.reject()

    def ask(self) -> str:
        self.exec()
        return self.choice
