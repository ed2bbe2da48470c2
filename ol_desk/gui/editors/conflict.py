"""The conflict dialog: somebody else saved the item after this editor loaded it.

Shows each field the user changed beside the value saved now, and offers Reload (take theirs), Keep mine (apply my
changed fields on top of their version) or Decide later (keep editing; nothing lost).
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem

from ol_desk.core.editing.history_text import FIELD_LABELS
from ol_desk.core.editing.snapshots import Snapshot, load_for_editor
from ol_desk.core.errors import ConflictError
from ol_desk.gui.forms.ui_conflict_dialog import Ui_ConflictDialog

from .host import EditorHost

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


class ConflictMixin(EditorHost):
    """ItemEditor's side of a conflict: a Save against a stale copy, or a step (date move, command) that met a
    change made elsewhere. Needs ItemEditor's binds, _loaded, save, say and ctx."""

    def _step_conflict(self, exc: ConflictError, rows_for: Callable, rerun: Callable) -> None:
        self._pending_edits = self.changed_fields()

        def loaded(result) -> None:
            self._loaded(result)  # theirs on screen, my unsaved field edits still on top
            assert self.snap is not None  # a step is taken on a saved item, so the reload has its snapshot
            choice = ConflictDialog(f"{exc}\n\nWhat you were doing is below beside what is saved now.",
                                    rows_for(self.snap), self).ask()
            if choice == KEEP_MINE:
                rerun(self.snap.version)
            elif choice == RELOAD:
                self.say("Kept the saved version; your step was not applied.", "info")
            else:
                self.say("Not done: this item was changed elsewhere. Try the step again when ready.", "error")
        self.read(load_for_editor, self.ctx.actor, self.entity, self.item_id, on_done=loaded)

    def conflict_rows(self, fields: dict, theirs: Snapshot) -> list[tuple[str, str, str]]:
        rows = []
        for name, mine in fields.items():
            saved = self.saved_value(name, theirs)
            rows.append((FIELD_LABELS.get(name, name.replace("_", " ").capitalize()),
                         self.binds[name].show(mine), self.binds[name].show(saved)))
        return rows

    def saved_value(self, name: str, snap: Snapshot):
        return snap.values.get(name)

    def _resolve_conflict(self, exc: ConflictError, fields: dict, loaded) -> None:
        choices, theirs = loaded
        message = (f"{exc}\n\nYour changes are below beside what is saved now.")
        choice = ConflictDialog(message, self.conflict_rows(fields, theirs), self).ask()
        if choice == RELOAD:
            self._pending_edits = {}
            self._loaded(loaded)
            self.say("Reloaded the saved version; your changes were dropped.", "info")
        elif choice == KEEP_MINE:
            self._pending_edits = dict(fields)
            self._loaded(loaded)
            self.say("Applying your changes on top of the saved version…", "info")
            self.save()
        else:
            self.say("Not saved: this item was changed elsewhere. Your edits are still here; Save again to "
                     "decide.", "error")

