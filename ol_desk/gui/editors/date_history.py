"""A date that moves only with a recorded reason: shows the current and first dates, how often it slipped, and
the history of moves. "Change…" asks for the new date and the reason (the first date needs none)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ol_desk.core.dates import days_left, today
from ol_desk.gui.forms.ui_date_extension_dialog import Ui_DateExtensionDialog

from .colours import bad, error_style
from .fields import get_date, set_date, show_date


def days_words(days: int | None) -> str:
    if days is None:
        return ""
    if days < 0:
        return f"overdue by {-days} day{'s' if days != -1 else ''}"
    if days == 0:
        return "due today"
    return f"{days} day{'s' if days != 1 else ''} left"


class DateExtensionDialog(QDialog):
    """Asks for the new date and, when a date already exists, the reason for moving it."""

    def __init__(self, what: str, current: dt.date | None, parent=None):
        super().__init__(parent)
        self.ui = Ui_DateExtensionDialog()
        self.ui.setupUi(self)
        self.current = current
        self.ui.reasonEdit.setMaximumHeight(110)
        self.ui.messageLabel.setStyleSheet(error_style())
        self.setWindowTitle(f"Change the {what}" if current else f"Set the {what}")
        self.ui.currentLabel.setText(show_date(current, "not set yet"))
        set_date(self.ui.newDateEdit, current or today())
        if current is None:
            self.ui.introLabel.setText(f"This sets the first {what}; later moves will need a reason.")
            self.ui.reasonEdit.setPlaceholderText("optional for the first date")
        self.ui.buttonBox.accepted.connect(self._check)
        self.ui.buttonBox.rejected.connect(self.reject)

    @property
    def new_date(self) -> dt.date | None:
        return get_date(self.ui.newDateEdit)

    @property
    def reason(self) -> str:
        return self.ui.reasonEdit.toPlainText().strip()

    def _check(self) -> None:
        if self.new_date == self.current:
            self.ui.messageLabel.setText("Pick a date different from the current one.")
        elif self.current is not None and not self.reason:
            self.ui.messageLabel.setText("Say why the date moves (for example who agreed the extension, and when).")
            self.ui.reasonEdit.setFocus()
        else:
            self.accept()


class DateHistoryField(QWidget):
    moved = Signal(object, str)  # new date, reason

    def __init__(self, what: str, parent=None):
        super().__init__(parent)
        self.what = what
        self.current: dt.date | None = None
        self.value_label = QLabel(self)
        self.value_label.setAccessibleName(what.capitalize())
        self.change_button = QPushButton("Change…", self)
        self.change_button.setAccessibleName(f"Change the {what}")
        self.change_button.clicked.connect(self.ask)
        self.history_label = QLabel(self)
        self.history_label.setWordWrap(True)
        self.history_label.setAccessibleName(f"History of the {what}")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.value_label, 1)
        row.addWidget(self.change_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.history_label)

    def show_value(self, current: dt.date | None, original: dt.date | None, moves, *, finished: bool = False) -> None:
        self.current = current
        left = "" if finished or current is None else days_words(days_left(current))
        colour = bad() if left.startswith("overdue") else "palette(text)"
        text = f"<b>{show_date(current, 'not set')}</b>"
        if left:
            text += f" &nbsp;<span style='color:{colour}'>{left}</span>"
        self.value_label.setText(text)
        extensions = [m for m in moves if m.old is not None]
        if not extensions:
            self.history_label.setText("")
            self.history_label.setVisible(False)
            return
        lines = [f"First agreed {show_date(original)}; moved {len(extensions)} time"
                 f"{'s' if len(extensions) != 1 else ''}:"]
        for m in extensions:
            lines.append(f"• {show_date(m.old)} → {show_date(m.new)} — {m.reason} ({m.by}, {m.at:%d %b %Y})")
        self.history_label.setText("\n".join(lines))
        self.history_label.setVisible(True)

    def ask(self) -> None:
        dialog = DateExtensionDialog(self.what, self.current, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.moved.emit(dialog.new_date, dialog.reason)
