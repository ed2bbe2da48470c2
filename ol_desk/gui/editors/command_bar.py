"""Lifecycle commands as buttons, enabled only when the rules allow; a disabled one says why (tooltip, accessible
description, and a line under the bar for the commands that are one step away)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Set
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ol_desk.core.dates import today
from ol_desk.core.lifecycle import Command

from .colours import error_style
from .fields import get_date, set_date
from .link_pickers import ItemFinder


class CommandBar(QWidget):
    triggered = Signal(str)

    def __init__(self, commands: dict[str, Command], parent=None):
        super().__init__(parent)
        self.commands = commands
        self.buttons: dict[str, QPushButton] = {}
        row = QGridLayout()  # two rows when there are many, so the window fits a small or 200%-scaled screen
        row.setContentsMargins(0, 0, 0, 0)
        per_row = 5 if len(commands) > 6 else max(len(commands), 1)
        for index, (name, cmd) in enumerate(commands.items()):
            button = QPushButton(cmd.label, self)
            button.setAccessibleName(cmd.label)
            button.setEnabled(False)
            button.clicked.connect(lambda _checked=False, n=name: self.triggered.emit(n))
            self.buttons[name] = button
            row.addWidget(button, index // per_row, index % per_row)
        row.setColumnStretch(per_row, 1)
        self.why = QLabel(self)
        self.why.setWordWrap(True)
        self.why.setAccessibleName("Why some commands are not available")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.why)

    def set_state(self, reasons: dict[str, str | None], status=None, *, busy: bool = False) -> None:
        """`reasons`: command -> None when allowed, else why not. Commands valid for the status but blocked
        (by the role or by what the item lacks) are explained under the bar; the rest only in tooltips."""
        near = []
        for name, button in self.buttons.items():
            reason = reasons.get(name, "not available for a new item; save it first")
            cmd = self.commands[name]
            button.setEnabled(reason is None and not busy)
            text = cmd.needs and f"Needs {cmd.needs}." or ""
            button.setToolTip(f"{cmd.label}: {text}" if reason is None else f"Not now: {reason}.")
            button.setAccessibleDescription("" if reason is None else f"Not available: {reason}")
            if reason is not None and status is not None and status in cmd.sources:
                near.append(f"{reason}." if reason.startswith(cmd.label) else f"{cmd.label}: {reason}.")
        self.why.setText("\n".join(near))
        self.why.setVisible(bool(near))


# What each command asks for before it runs: (input key, label, kind, placeholder).
INPUTS: dict[str, list[tuple[str, str, str, str]]] = {
    "return_to_hub": [("reason", "Reason", "text", "What is missing from the evidence?")],
    "reopen": [("reason", "Reason", "text", "Why is it reopened?")],
    "not_accept": [("reason", "Rationale", "text", "Why is the recommendation not accepted?")],
    "close": [("decision_date", "Board decision date", "date", ""),
              ("minute_ref", "Minute reference", "line", "e.g. OLB/2025/14")],
    "supersede": [("superseded_by_id", "Replaced by", "recommendation", "")],
    "complete": [("note", "Completion note", "text", "What was delivered? (or attach evidence first)")],
    "cancel": [("reason", "Reason", "text", "Why is the action cancelled?")],
    "embed": [("note", "Evidenced outcome", "text", "How do we know the change has stuck?")],
}


class CommandInputDialog(QDialog):
    """Asks for what a lifecycle command needs; says what is missing instead of closing."""

    def __init__(self, cmd: Command, fields, parent=None, *, optional: Set[str] = frozenset(),
                 pick_recommendation: Callable[[QWidget], ItemFinder] | None = None):
        super().__init__(parent)
        self.setWindowTitle(cmd.label)
        self.setMinimumWidth(440)
        self.optional = optional
        self.widgets: dict[str, tuple[QWidget, str, str]] = {}
        form = QFormLayout()
        for key, label, kind, placeholder in fields:
            w: QWidget
            if kind == "text":
                w = text = QPlainTextEdit(self)
                text.setTabChangesFocus(True)
                text.setPlaceholderText(placeholder)
                text.setMaximumHeight(100)
            elif kind == "date":
                w = date = QDateEdit(self)
                date.setCalendarPopup(True)
                date.setDisplayFormat("dd MMM yyyy")
                set_date(date, today())
            elif kind == "recommendation":
                assert pick_recommendation is not None, "a command that asks for a recommendation needs a picker"
                w = pick_recommendation(self)
            else:
                w = line = QLineEdit(self)
                line.setPlaceholderText(placeholder)
            w.setAccessibleName(label)
            self.widgets[key] = (w, label, kind)
            form.addRow(f"{label}:", w)
        self.message = QLabel(self)
        self.message.setStyleSheet(error_style())
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(cmd.label)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if cmd.needs:
            intro = QLabel(f"{cmd.label} needs {cmd.needs}.", self)
            intro.setWordWrap(True)
            layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, (w, _label, kind) in self.widgets.items():
            # Each kind was made as one widget class in __init__.
            if kind == "text":
                assert isinstance(w, QPlainTextEdit)
                out[key] = w.toPlainText().strip()
            elif kind == "date":
                assert isinstance(w, QDateEdit)
                out[key] = get_date(w)
            elif kind == "recommendation":
                assert isinstance(w, ItemFinder)
                out[key] = w.value()
            else:
                assert isinstance(w, QLineEdit)
                out[key] = w.text().strip()
        return out

    def _check(self) -> None:
        missing = [label for key, (w, label, _k) in self.widgets.items()
                   if key not in self.optional and self.values()[key] in (None, "", dt.date(1900, 1, 1))]
        if missing:
            self.message.setText(f"Still needed: {', '.join(missing)}.")
            return
        self.accept()
