"""A register's "Change selected…" button and menu item: ask (BulkEditDialog), then run the bulk edit as ONE write
on the operation thread, so the registers refresh what changed and one Ctrl+Z undoes it all."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from ol_desk.core.model.enums import Entity
from ol_desk.core.services.bulk_edit import BulkResult, bulk_edit

from ..ops import readable
from .bulk_edit_dialog import BulkEditDialog, show_result
from .filter_bar import choices

BULK_ENTITIES = frozenset({Entity.RECOMMENDATION, Entity.ACTION})
SHORTCUT = "Ctrl+Shift+E"


def selection_action(panel, text: str, shortcut: str, slot) -> QAction:
    """An action on the register's selected rows: in the table's context menu, with its shortcut."""
    action = QAction(text, panel.table)
    action.setShortcut(QKeySequence(shortcut))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(slot)
    panel.table.addAction(action)
    panel.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return action


class BulkEditor(QObject):
    def __init__(self, panel):
        super().__init__(panel)
        self.panel = panel
        self.action = selection_action(panel, "&Change selected rows…", SHORTCUT, self.start)
        panel.bulk_button.clicked.connect(self.start)
        panel.bulk_button.setToolTip(f"{panel.bulk_button.toolTip()} ({SHORTCUT})")
        panel.table.selectionModel().selectionChanged.connect(self.update_enabled)
        panel.model.modelReset.connect(self.update_enabled)
        self.dialog: BulkEditDialog | None = None

    def update_enabled(self, *_args) -> None:
        selected = bool(self.panel.table.selectionModel().hasSelection())
        can = selected and not self.panel.ctx.read_only
        self.panel.bulk_button.setEnabled(can)
        self.action.setEnabled(can)

    def start(self) -> None:
        ids = self.panel.selected_ids()
        if not ids or self.panel.ctx.read_only:
            return
        self.panel.ctx.ops.read(choices, label="Load pickers", on_done=lambda data: self._ask(ids, data))

    def _ask(self, ids: list[int], data: dict) -> None:
        self.dialog = BulkEditDialog(self.panel.spec.entity, len(ids), data, self.panel)
        self.dialog.accepted.connect(lambda: self._run(ids))
        self.dialog.open()

    def _run(self, ids: list[int]) -> None:
        assert self.dialog is not None
        edit = self.dialog.edit()
        ctx = self.panel.ctx
        ctx.ops.write(bulk_edit, ctx.actor, self.panel.spec.entity, ids, edit, label="Change selected rows",
                      on_done=self._done, on_error=self._failed)

    def _done(self, result: BulkResult) -> None:
        self.panel.status_text.emit(result.summary())
        show_result(self.panel, result)

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self.panel, "Change selected rows", readable(exc))
