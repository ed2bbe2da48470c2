"""Export dialogs: the Board register pack (current register filters pre-filled), a hub's round-trip workbook, and
reading a returned hub workbook as a diff (changes to apply, conflicts and problems left alone)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ol_desk.core.dates import today
from ol_desk.core.model.enums import Entity
from ol_desk.core.queries.register_filter import RegisterFilter
from ol_desk.gui.learning.hub_list import hub_ids_by_code
from ol_desk.gui.ops import readable
from ol_desk.gui.theme import error_label

from . import export_work as work

XLSX = "Excel workbook (*.xlsx)"


class FileRow(QWidget):
    def __init__(self, parent, default: str, save: bool = True):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(default, self)
        self.edit.setAccessibleName("File")
        self.setFocusProxy(self.edit)  # the row's label mnemonic lands in the file name
        self.save = save
        browse = QPushButton("&Browse…", self)
        browse.clicked.connect(self.browse)
        row.addWidget(self.edit, 1)
        row.addWidget(browse)

    def browse(self) -> None:
        pick = QFileDialog.getSaveFileName if self.save else QFileDialog.getOpenFileName
        path, _ = pick(self, "Choose the workbook", self.edit.text(), XLSX)
        if path:
            self.edit.setText(path)

    @property
    def path(self) -> Path:
        return Path(self.edit.text().strip()).expanduser()


class _JobDialog(QDialog):
    """A dialog that runs one export job with a progress bar, a cancel, and one readable error."""

    label = "Export"

    def __init__(self, ctx, title: str, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.handle = None
        self.result_report = None
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.bar = QProgressBar(self)
        self.bar.hide()
        self.layout_.addWidget(self.bar)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.layout_.addWidget(self.message)
        self.error = error_label(self)
        self.layout_.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close,
                                        self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("&Export")
        self.ok.clicked.connect(self.start)
        self.buttons.rejected.connect(self._close_or_cancel)
        self.layout_.addWidget(self.buttons)
        ctx.ops.progress.connect(self._progress)

    def submit(self):  # returns the JobHandle
        raise NotImplementedError

    def start(self) -> None:
        self.error.setText("")
        self.message.setText("Writing…")
        self.ok.setEnabled(False)
        self.bar.setRange(0, 0)
        self.bar.show()
        self.handle = self.submit()

    def _progress(self, label: str, done: int, total: int, message: str) -> None:
        if label == self.label and isValid(self) and total:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
            self.message.setText(message)

    def done_(self, report) -> None:
        if not isValid(self):
            return
        self.handle = None
        self.result_report = report
        self.bar.hide()
        self.ok.setEnabled(True)
        self.message.setText(report.summary())

    def failed(self, exc) -> None:
        if not isValid(self):
            return
        self.handle = None
        self.bar.hide()
        self.ok.setEnabled(True)
        self.message.setText("")
        self.error.setText(readable(exc))

    def _close_or_cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.message.setText("Stopping; no file is written…")
        else:
            self.reject()

    def reject(self) -> None:
        """Escape or the window's close while writing stops the job: no half-known file is left behind."""
        if self.handle is not None:
            self.handle.cancel()
        super().reject()


class BoardPackDialog(_JobDialog):
    """The Board register pack, pre-filled with the register's current filter."""

    label = "Board pack"

    def __init__(self, ctx, register: RegisterFilter | None = None, parent=None):
        super().__init__(ctx, "Export the Board register pack", parent)
        self.register = register or RegisterFilter()
        self.file = FileRow(self, str(Path.home() / f"board-pack-{today():%Y-%m-%d}.xlsx"))
        self.form.addRow("&Save as:", self.file)
        words = ", ".join(self.register.labels) or ("search: " + self.register.text if self.register.text else "")
        self.filters = QLabel(words or "the whole register (no filter)", self)
        self.filters.setWordWrap(True)
        self.form.addRow("Filters:", self.filters)
        self.use_filters = QComboBox(self)
        self.use_filters.addItem("Use the register's current filters", True)
        self.use_filters.addItem("Export the whole register", False)
        self.use_filters.setEnabled(not self.register.is_empty)
        self.form.addRow("&Rows:", self.use_filters)
        note = QLabel("Sheets: Summary, Recommendations, Actions, Overdue, For Board decision. Marked "
                      "OFFICIAL-SENSITIVE.", self)
        note.setWordWrap(True)
        self.form.addRow(note)

    def submit(self):
        register = self.register if self.use_filters.currentData() else RegisterFilter()
        return self.ctx.ops.job(work.board_pack, self.file.path, register, self.ctx.actor.name,
                                self.ctx.search_index, label=self.label, on_done=self.done_, on_error=self.failed)


class HubWorkbookDialog(_JobDialog):
    """A hub's open items in a workbook it can update and send back."""

    label = "Hub workbook"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, "Export a hub's workbook for update", parent)
        self.hub = QComboBox(self)
        self.hub.setAccessibleName("Hub")
        self.form.addRow("&Hub:", self.hub)
        self.file = FileRow(self, "")
        self.form.addRow("&Save as:", self.file)
        self.hub.currentIndexChanged.connect(self._default_name)
        ctx.ops.read(hub_ids_by_code, label="Load hubs", on_done=self._hubs)

    def _hubs(self, hubs) -> None:
        if not isValid(self):
            return
        for _id, code, name in hubs:
            self.hub.addItem(f"{name} ({code})", code)
        mine = self.hub.findData(self.ctx.actor.hub_code) if self.ctx.actor.hub_code else -1
        self.hub.setCurrentIndex(max(mine, 0))
        self._default_name()

    def _default_name(self) -> None:
        code = self.hub.currentData()
        if code:
            self.file.edit.setText(str(Path.home() / f"{code}-for-update-{today():%Y-%m-%d}.xlsx"))

    def submit(self):
        return self.ctx.ops.job(work.hub_workbook, self.file.path, self.hub.currentData(), self.ctx.actor.name,
                                label=self.label, on_done=self.done_, on_error=self.failed)


class ReturnedWorkbookDialog(QDialog):
    """Read a returned hub workbook: what will change, what conflicts with later edits in the app, what cannot be
    applied and why. Each change is accepted or rejected row by row (the tick); applying writes the accepted ones as
    one undoable batch. Conflicts and problems are never applied: open the item to settle them by hand."""

    def __init__(self, ctx, path: str | Path | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.diff = None
        self.report = None
        self.setWindowTitle("Read a returned hub workbook")
        self.setMinimumSize(860, 520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.file = FileRow(self, str(path or ""), save=False)
        self.file.edit.editingFinished.connect(self.read)
        form.addRow("&Workbook:", self.file)
        layout.addLayout(form)
        self.summary = QLabel("Choose the workbook the hub sent back.", self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("diffTable")
        self.table.setAccessibleName("Differences")
        self.table.setHorizontalHeaderLabels(("Decision", "Row", "Field changes", "Why"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(self._open)
        layout.addWidget(self.table, 1)
        self.error = error_label(self)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.read_button = buttons.addButton("&Read", QDialogButtonBox.ButtonRole.ActionRole)
        self.apply_button = buttons.addButton("&Apply the changes", QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setEnabled(False)
        self.read_button.clicked.connect(self.read)
        self.apply_button.clicked.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if path:
            self.read()

    def read(self) -> None:
        if not self.file.edit.text().strip():
            return
        self.error.setText("")
        self.apply_button.setEnabled(False)
        self.ctx.ops.read(work.read_returned, self.file.path, self.ctx.actor, label="Read workbook",
                          on_done=self._show, on_error=self._failed)

    def _failed(self, exc) -> None:
        if isValid(self):
            self.error.setText(readable(exc))

    def _show(self, diff) -> None:
        if not isValid(self):
            return
        self.diff = diff
        self.summary.setText(diff.summary())
        rows = ([("Apply", "#2e8b57", c.entity, c.id, c.label, c.fields, "untick to reject this row")
                 for c in diff.changes]
                + [("Conflict: not applied", "#b36b00", c.entity, c.id, c.label, c.fields,
                    f"changed in ol-desk since the export (version {c.exported_version} → {c.current_version}); "
                    f"open it to merge by hand") for c in diff.conflicts]
                + [("Problem: not applied", "#c0392b", p.entity, p.id, p.label, [], p.message)
                   for p in diff.problems])
        self.table.setRowCount(len(rows))
        for r, (decision, colour, entity, ident, label, fields, why) in enumerate(rows):
            changes = "; ".join(f"{f.field}: {f.old or '—'} → {f.new or '—'}" for f in fields)
            for col, text in enumerate((decision, label, changes, why)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, (entity, ident))
                if col == 0:
                    item.setForeground(QBrush(QColor(colour)))
                    if r < len(diff.changes):  # a change: accepted unless unticked
                        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                        item.setCheckState(Qt.CheckState.Checked)
                self.table.setItem(r, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.apply_button.setEnabled(bool(diff.changes))

    def _open(self, item: QTableWidgetItem) -> None:
        entity, ident = item.data(Qt.ItemDataRole.UserRole)
        if ident is not None:
            self.ctx.open_item(Entity(entity), ident)

    def ticked(self) -> list[tuple[str, int]]:
        """The changes ticked to apply."""
        out = []
        for r in range(len(self.diff.changes) if self.diff else 0):
            item = self.table.item(r, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def apply(self) -> None:
        only = self.ticked()
        if not only:
            self.error.setText("Every change is unticked: nothing to apply.")
            return
        self.apply_button.setEnabled(False)
        self.ctx.ops.write(work.apply_returned, self.ctx.actor, self.file.path, only, label="Apply hub workbook",
                           on_done=self._applied, on_error=self._failed)

    def _applied(self, report) -> None:
        if isValid(self):
            self.report = report
            self.summary.setText(report.summary())
