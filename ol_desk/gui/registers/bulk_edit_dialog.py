"""The "Change selected rows" dialog: one change (hubs and lead, a theme, the owner, a lifecycle command, the date)
for every selected row of a register, with one reason. The work is core/services/bulk_edit.py; this only asks."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ol_desk.core.lifecycle import ACTION_COMMANDS, REC_COMMANDS
from ol_desk.core.model.enums import Entity
from ol_desk.core.services.bulk_edit import BulkEdit, BulkResult

from .. import theme

_OPTIONS = {  # what may be set, per register, in the order offered
    Entity.RECOMMENDATION: [("hubs", "Hubs and lead hub"), ("add_theme", "Add a theme"), ("owner", "Owner"),
                            ("command", "Status (a lifecycle step)"), ("date", "Target date")],
    Entity.ACTION: [("owner", "Owner"), ("command", "Status (a lifecycle step)"), ("date", "Due date")],
}
_NOT_IN_BULK = {"supersede"}   # needs a different newer recommendation for each row: one at a time
SHOWN_REFUSALS = 12


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    edit.setDate(QDate.currentDate())
    return edit


def _day(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


class BulkEditDialog(QDialog):
    def __init__(self, entity: Entity, count: int, choices: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.entity = entity
        noun = entity.label.lower() + ("s" if count != 1 else "")
        self.setWindowTitle("Change selected rows")
        heading = QLabel(f"<b>Change {count:,} selected {noun}</b><br>Each row is checked as if edited on its "
                         f"own; rows the rules do not allow are left as they are and listed. One undo (Ctrl+Z) "
                         f"puts all of it back.")
        heading.setWordWrap(True)
        self.what = QComboBox()
        self.what.setAccessibleName("What to change")
        for key, words in _OPTIONS[entity]:
            self.what.addItem(words, key)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._hubs_page(choices) if entity is Entity.RECOMMENDATION else QWidget())
        self.theme = self._combo("Theme", [(t.id, t.name) for t in choices.get("themes", ())])
        self.owner = self._combo("Owner", [(None, "(nobody)")] + [(p.id, p.name) for p in choices.get("people", ())])
        commands = REC_COMMANDS if entity is Entity.RECOMMENDATION else ACTION_COMMANDS
        self.command = self._combo("Lifecycle step", [(c.name, f"{c.label}" + (f" (needs {c.needs})" if c.needs
                                                                               else ""))
                                                      for c in commands.values() if c.name not in _NOT_IN_BULK])
        self.decision = _date_edit()
        self.minute = QLineEdit()
        self.minute.setPlaceholderText("e.g. OLB/2026/14")
        command_page = QWidget()
        self._command_form = QFormLayout(command_page)
        self._command_form.addRow("&Step:", self.command)
        self._command_form.addRow("Board &decision date:", self.decision)
        self._command_form.addRow("&Minute reference:", self.minute)
        self.date = _date_edit()
        for page in (self._one("&Theme:", self.theme), self._one("&Owner:", self.owner), command_page,
                     self._one("New &date:", self.date)):
            self.pages.addWidget(page)
        self.reason = QLineEdit()
        self.reason.setAccessibleName("Reason")
        self.reason.setPlaceholderText("One reason for every row: moving a date, returning, reopening, cancelling")
        self.error = theme.error_label(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(f"&Change {count:,} rows")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        top = QFormLayout()
        top.addRow("&Set:", self.what)
        reason_form = QFormLayout()
        reason_form.addRow("&Reason or note:", self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(top)
        layout.addWidget(self.pages)
        layout.addLayout(reason_form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.what.currentIndexChanged.connect(self._show_page)
        self.command.currentIndexChanged.connect(self._show_close_fields)
        self._show_page()
        self.resize(520, 420)

    # -- pages ----------------------------------------------------------------------------------------------------
    def _hubs_page(self, choices: dict) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.hubs = QListWidget()
        self.hubs.setAccessibleName("Hubs")
        for h in choices.get("hubs", ()):
            item = QListWidgetItem(f"{h.name} ({h.code})")
            item.setData(Qt.ItemDataRole.UserRole, h.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.hubs.addItem(item)
        self.lead = self._combo("Lead hub", [(None, "(the first hub ticked)")]
                                + [(h.id, f"{h.name} ({h.code})") for h in choices.get("hubs", ())])
        form.addRow("&Hubs:", self.hubs)
        form.addRow("&Lead hub:", self.lead)
        return page

    @staticmethod
    def _combo(name: str, items: list[tuple[object, str]]) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(name)
        for value, words in items:
            box.addItem(words, value)
        return box

    @staticmethod
    def _one(label: str, widget: QWidget) -> QWidget:
        page = QWidget()
        QFormLayout(page).addRow(label, widget)
        return page

    def _key(self) -> str:
        return self.what.currentData()

    def _show_page(self) -> None:
        order = ["hubs", "add_theme", "owner", "command", "date"]
        self.pages.setCurrentIndex(order.index(self._key()))
        self._show_close_fields()
        self.error.setText("")

    def _show_close_fields(self) -> None:
        closing = self._key() == "command" and self.command.currentData() == "close"
        for w in (self.decision, self.minute):
            self._command_form.setRowVisible(w, closing)

    # -- the answer ----------------------------------------------------------------------------------------------
    def ticked_hubs(self) -> tuple[int, ...]:
        return tuple(self.hubs.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.hubs.count())
                     if self.hubs.item(i).checkState() == Qt.CheckState.Checked)

    def edit(self) -> BulkEdit:
        key, reason = self._key(), self.reason.text().strip()
        if key == "hubs":
            return BulkEdit("hubs", hub_ids=self.ticked_hubs(), lead_hub_id=self.lead.currentData())
        if key == "add_theme":
            return BulkEdit("add_theme", theme_id=self.theme.currentData())
        if key == "owner":
            return BulkEdit("owner", owner_id=self.owner.currentData())
        if key == "date":
            return BulkEdit("date", new_date=_day(self.date), reason=reason)
        decision = _day(self.decision)
        return BulkEdit("command", command=self.command.currentData(), reason=reason,
                        decision_date=decision, minute_ref=self.minute.text().strip())

    def _accept(self) -> None:
        edit = self.edit()
        if edit.what == "hubs" and not edit.hub_ids:
            self.error.setText("Tick at least one hub.")
        elif edit.what == "hubs" and edit.lead_hub_id is not None and edit.lead_hub_id not in edit.hub_ids:
            self.error.setText("The lead hub must be one of the hubs ticked.")
        elif edit.what == "add_theme" and edit.theme_id is None:
            self.error.setText("There are no themes yet: add them in Hubs & people.")
        else:
            self.accept()


def show_result(parent: QWidget, result: BulkResult) -> None:
    """Say what was changed; list each refused row with its reason (all of them in the details)."""
    if not result.refused:
        return
    lines = [f"{r.label}: {r.reason}" for r in result.refused]
    box = QMessageBox(QMessageBox.Icon.Information, "Change selected rows", result.summary(),
                      QMessageBox.StandardButton.Ok, parent)
    shown = "\n".join(lines[:SHOWN_REFUSALS])
    more = len(lines) - SHOWN_REFUSALS
    box.setInformativeText(f"Not changed:\n{shown}" + (f"\n… and {more:,} more (Show Details)" if more > 0 else ""))
    box.setDetailedText("\n".join(lines))
    box.open()
