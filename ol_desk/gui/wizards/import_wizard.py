"""The import wizard: file and sheet → header row and column mapping (pre-filled, profiles) → preview with new,
changed and rejected rows and their reasons → import with progress and cancel → summary with "undo this import".

Every step runs on the worker thread through ctx.ops and the importer's documented functions; a refused file gets
its one clear message on the first page and nothing is written.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)
from shiboken6 import isValid

from ol_desk.core.excel.register_import import column_mapping as cm
from ol_desk.core.excel.register_import.importer import ImportOptions, ImportReport
from ol_desk.core.model.enums import Entity, Role
from ol_desk.gui.ops import readable
from ol_desk.gui.theme import error_label

from . import import_work as work
from .import_preview_page import PreviewPage
from .import_values_page import ValuesPage
from .import_work import Inspection

WORKBOOKS = "Registers (*.xlsx *.xlsm *.csv);;Excel workbooks (*.xlsx *.xlsm);;CSV files (*.csv);;All files (*)"


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self.w = wizard
        self.setTitle("Choose the workbook")
        self.setSubTitle("A register, tracker or hub action list in Excel (.xlsx). Nothing is written until the "
                         "last step.")
        form = QFormLayout(self)
        row = QHBoxLayout()
        self.path = QLineEdit(self)
        self.path.setAccessibleName("Workbook file")
        self.path.editingFinished.connect(lambda: self.w.inspect(sheet=None))
        browse = QPushButton("&Browse…", self)
        browse.clicked.connect(self.browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        caption = QLabel("&File:", self)
        caption.setBuddy(self.path)
        form.addRow(caption, row)
        self.sheet = QComboBox(self)
        self.sheet.setAccessibleName("Sheet")
        self.sheet.activated.connect(lambda _i: self.w.inspect(sheet=self.sheet.currentText()))
        form.addRow("&Sheet:", self.sheet)
        self.found = QLabel("", self)
        self.found.setWordWrap(True)
        form.addRow(self.found)
        self.error = error_label(self)
        form.addRow(self.error)

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import a workbook", self.path.text(), WORKBOOKS)
        if path:
            self.path.setText(path)
            self.w.inspect(sheet=None)

    def show_inspection(self, ins: Inspection | None, error: str = "") -> None:
        self.error.setText(error)
        self.sheet.clear()
        if ins is None:
            self.found.setText("")
        else:
            self.sheet.addItems(ins.sheets)
            self.sheet.setCurrentText(ins.sheet)
            self.found.setText(f"Header found on row {ins.header_row} of '{ins.sheet}'; the rows describe "
                               f"<b>{ins.mode}</b>." + (f" Profile: {ins.profile}." if ins.profile else ""))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self.w.inspection is not None and not self.w.busy


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self.w = wizard
        self.setTitle("Header row and columns")
        self.setSubTitle("Each column is matched to a field by its name or content. Check the amber ones; choose "
                         "'ignore' for a column that should not be read.")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        header_row = QHBoxLayout()
        self.header_row = QSpinBox(self)
        self.header_row.setObjectName("headerRow")
        self.header_row.setAccessibleName("Header row")
        self.header_row.setRange(1, 9999)   # a sheet row number; rows beyond those read are refused, with why
        self.header_row.setKeyboardTracking(False)   # one re-read per choice, not per digit typed
        self.header_row.setToolTip("The row holding the column names. Change it when the one found is wrong: the "
                                   "columns are read again from the row you choose.")
        self.header_row.valueChanged.connect(self._header_row_chosen)
        self.header = QLabel("", self)
        self.header.setWordWrap(True)
        header_row.addWidget(self.header_row)
        header_row.addWidget(self.header, 1)
        caption = QLabel("&Header row:", self)
        caption.setBuddy(self.header_row)
        form.addRow(caption, header_row)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName("Source kind")
        for value, label in work.KINDS:
            self.kind.addItem(label, value)
        form.addRow("Source &kind of these rows:", self.kind)
        self.profile = QComboBox(self)
        self.profile.setAccessibleName("Saved profile")
        self.profile.activated.connect(self._profile_chosen)
        form.addRow("Saved &profile:", self.profile)
        self.save_as = QLineEdit(self)
        self.save_as.setAccessibleName("Save the mapping as a profile")
        self.save_as.setPlaceholderText("optional: a name to reuse this mapping next time")
        form.addRow("Save mapping &as:", self.save_as)
        self.historic = QCheckBox("Record the register's &statuses as they stand (migrating an old register)", self)
        self.historic.setObjectName("historicStatus")
        self.historic.setToolTip(
            "Normally each status is reached by the lifecycle's own steps: an import never closes an item (that is "
            "the Board's decision) and stops short where a row lacks what a step needs, with a warning. Tick this "
            "to take a migrated register's statuses and Board details as given; CPIC only, and the audit trail "
            "marks every item recorded this way.")
        form.addRow("", self.historic)
        layout.addLayout(form)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("mappingTable")
        self.table.setAccessibleName("Column mapping")
        self.table.setHorizontalHeaderLabels(("Column in the workbook", "Read as", "Confidence", "Matched by"))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.notes = QLabel("", self)
        self.notes.setWordWrap(True)
        layout.addWidget(self.notes)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.combos: list[tuple[str, str | None, QComboBox]] = []
        self._sheet: str | None = None

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        ins = self.w.inspection
        assert ins is not None, "the mapping page follows a finished inspection"
        self.error.setText("")
        self.header_row.blockSignals(True)
        self.header_row.setValue(ins.header_row)
        self.header_row.blockSignals(False)
        sure = f"<span style='color:#b36b00'>{ins.header_confidence:.0%}</span>" if ins.header_confidence < 0.8 \
            else f"{ins.header_confidence:.0%}"
        self.header.setText(f"of sheet '{ins.sheet}' — confidence {sure} ({ins.header_why}); the rows describe "
                            f"{ins.mode}")
        self.kind.setCurrentIndex(max(0, self.kind.findData(ins.kind)))
        self.profile.clear()
        self.profile.addItem("(none: match by names)", None)
        for name in ins.profiles:
            self.profile.addItem(name, name)
        self.profile.setCurrentIndex(max(0, self.profile.findData(ins.profile)))
        self.historic.setEnabled(self.w.ctx.actor.role is Role.CPIC)  # courtesy: the service refuses the rest
        self.table.setRowCount(len(ins.columns))
        self.combos = []
        for r, (header, key, confidence, how) in enumerate(ins.columns):
            self.table.setItem(r, 0, QTableWidgetItem(header))
            combo = QComboBox(self.table)
            combo.setAccessibleName(f"Read column {header} as")
            for value, label in work.FIELD_CHOICES:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(key or cm.IGNORE)))
            self.table.setCellWidget(r, 1, combo)
            conf = QTableWidgetItem(f"{confidence:.0%}" if key else "")
            if key and confidence < 0.8:
                conf.setForeground(QBrush(QColor("#b36b00")))
            self.table.setItem(r, 2, conf)
            self.table.setItem(r, 3, QTableWidgetItem(how))
            self.combos.append((header, key, combo))
        self.notes.setText("\n".join(ins.notes))
        self._sheet = ins.sheet
        self.completeChanged.emit()

    def _header_row_chosen(self, row: int) -> None:
        ins = self.w.inspection
        if ins is not None and row == ins.header_row:
            return
        self.w.header_row = row
        self.w.inspect(sheet=ins.sheet if ins else self._sheet, then=self.initializePage)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self.w.inspection is not None and not self.w.busy

    def _profile_chosen(self, _index: int) -> None:
        self.w.options_profile = self.profile.currentData()
        self.w.inspect(sheet=self.w.inspection.sheet if self.w.inspection else None, then=self.initializePage)

    def overrides(self) -> dict[str, str]:
        return {header: combo.currentData() for header, key, combo in self.combos
                if combo.currentData() != (key or cm.IGNORE)}


class ImportPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self.w = wizard
        self.setTitle("Importing")
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "&Import")
        layout = QVBoxLayout(self)
        self.state = QLabel("Press Import to write the rows. All rows are written in one go, or none.", self)
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName("Import progress")
        self.bar.setRange(0, 0)
        self.bar.hide()
        layout.addWidget(self.bar)
        self.cancel = QPushButton("&Cancel the import", self)
        self.cancel.hide()
        self.cancel.clicked.connect(self._cancel)
        layout.addWidget(self.cancel)
        self.error = error_label(self)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.report: ImportReport | None = None
        self.handle = None
        wizard.ctx.ops.progress.connect(self._progress)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.report = None
        self.error.setText("")
        self.state.setText(f"Importing {self.w.path.name}…")
        self.bar.show()
        self.cancel.show()
        self.cancel.setEnabled(True)
        # A writing job: the helper announces its changes (the registers refresh even when the wizard was closed
        # meanwhile) and its audit events (Ctrl+Z undoes the import like any edit).
        self.handle = self.w.ctx.ops.job(work.run_import, self.w.path, self.w.ctx.actor, self.w.import_options(),
                                         label="Import", on_done=self._done, on_error=self._failed)
        self.completeChanged.emit()

    def _progress(self, label: str, done: int, _total: int, message: str) -> None:
        if label == "Import" and isValid(self):
            self.state.setText(f"Importing {self.w.path.name}: {done:,} rows read ({message}).")

    def _cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.cancel.setEnabled(False)
            self.state.setText("Stopping…")

    def _failed(self, exc) -> None:
        if not isValid(self):
            return
        self.bar.hide()
        self.cancel.hide()
        self.state.setText("Nothing was written.")
        self.error.setText(readable(exc))
        self.handle = None

    def _done(self, report: ImportReport) -> None:
        if not isValid(self):
            return
        self.report = report
        self.handle = None
        self.bar.hide()
        self.cancel.hide()
        self.state.setText(report.summary())
        self.completeChanged.emit()
        self.w.next()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self.report is not None


class SummaryPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self.w = wizard
        self.setTitle("Done")
        layout = QVBoxLayout(self)
        self.summary = QLabel("", self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.undo = QPushButton("&Undo this import", self)
        self.undo.clicked.connect(self._undo)
        layout.addWidget(self.undo)
        self.undone = QLabel("", self)
        self.undone.setWordWrap(True)
        layout.addWidget(self.undone)
        self.repeats_button = QPushButton("&Look for repeats of older recommendations", self)
        self.repeats_button.setToolTip("For the first new recommendations: the closest one already in the register "
                                       "from another source (double-click to open it)")
        self.repeats_button.clicked.connect(self._look_for_repeats)
        layout.addWidget(self.repeats_button)
        self.repeats = QTableWidget(0, 3, self)
        self.repeats.setObjectName("repeatsTable")
        self.repeats.setAccessibleName("Possible repeats")
        self.repeats.setHorizontalHeaderLabels(("New", "Closest existing", "Source · status — text"))
        self.repeats.verticalHeader().hide()
        self.repeats.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.repeats.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.repeats.itemActivated.connect(
            lambda item: self.w.ctx.open_item(Entity.RECOMMENDATION, item.data(Qt.ItemDataRole.UserRole)))
        self.repeats.hide()
        layout.addWidget(self.repeats, 1)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        report = self.w.import_page.report
        assert report is not None, "the summary page follows a finished import"
        warnings = "".join(f"<li>{w}</li>" for w in report.warnings[:10])
        self.summary.setText(f"<p>{report.summary()}.</p>" + (f"<p>Warnings:</p><ul>{warnings}</ul>" if warnings
                                                              else ""))
        self.undo.setEnabled(report.batch_id is not None)
        self.undone.setText("")
        new = report.changes.created.get(Entity.RECOMMENDATION, frozenset())
        self.repeats_button.setVisible(bool(new) and self.w.ctx.search_index is not None)
        self.repeats.hide()

    def _look_for_repeats(self) -> None:
        report = self.w.import_page.report
        assert report is not None, "the button shows only after an import"
        new = report.changes.created.get(Entity.RECOMMENDATION, frozenset())
        self.repeats_button.setEnabled(False)
        self.repeats_button.setText("Looking for repeats…")
        self.w.ctx.ops.job(work.repeats, self.w.ctx.search_index, new, label="Look for repeats",
                           on_done=self._show_repeats, on_error=self._repeats_failed)

    def _repeats_failed(self, exc: BaseException) -> None:
        if isValid(self):
            self.undone.setText(readable(exc))

    def _show_repeats(self, found) -> None:
        if not isValid(self):
            return
        self.repeats_button.setText("&Look for repeats of older recommendations")
        self.repeats_button.setEnabled(True)
        self.repeats.setRowCount(len(found))
        for r, (new_id, new_label, hit) in enumerate(found):
            for col, (text, rec_id) in enumerate(((new_label, new_id), (hit.label, hit.id),
                                                  (f"{hit.source} · {hit.status} — {hit.text}", hit.id))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, rec_id)
                self.repeats.setItem(r, col, item)
        self.repeats.resizeColumnsToContents()
        self.repeats.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.repeats.setVisible(bool(found))
        if not found:
            self.undone.setText("None of the new recommendations repeats one already in the register.")

    def _undo(self) -> None:
        report = self.w.import_page.report
        assert report is not None and report.batch_id is not None, "Undo is enabled only for a written batch"
        batch = report.batch_id
        self.undo.setEnabled(False)
        self.w.ctx.ops.write(work.undo_import, self.w.ctx.actor, batch, label="Undo import",
                             on_done=lambda _c: self._undone(batch), on_error=self._undo_failed)

    def _undone(self, batch: int) -> None:
        if isValid(self):
            self.undone.setText(f"Import batch {batch} was undone: everything it wrote is back as it was.")

    def _undo_failed(self, exc: BaseException) -> None:
        if isValid(self):
            self.undone.setText(readable(exc))
            self.undo.setEnabled(True)


class ImportWizard(QWizard):
    def __init__(self, ctx, path: str | Path | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Import a workbook")
        self.setObjectName("importWizard")
        self.setMinimumSize(820, 560)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.inspection: Inspection | None = None
        self.options_profile: str | None = None
        self.header_row: int | None = None   # chosen on the mapping page; None: the one found
        self.busy = False
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.values_page = ValuesPage(self)
        self.import_page = ImportPage(self)
        self.summary_page = SummaryPage(self)
        self.page_ids = {page: self.addPage(page) for page in (self.file_page, self.mapping_page, self.preview_page,
                                                                self.values_page, self.import_page,
                                                                self.summary_page)}
        if path:
            self.file_page.path.setText(str(path))
            self.inspect(sheet=None)

    def reject(self) -> None:
        """Cancel, Escape or the window's close while the rows are being written stops the import (none written)."""
        if self.import_page.handle is not None:
            self.import_page.handle.cancel()
        super().reject()

    @property
    def path(self) -> Path:
        return Path(self.file_page.path.text().strip())

    def import_options(self) -> ImportOptions:
        """What the pages say (not QWizard.options(), the wizard's own style flags)."""
        page = self.mapping_page
        return ImportOptions(sheet=self.inspection.sheet if self.inspection else None,
                             profile=self.options_profile, save_profile=page.save_as.text().strip() or None,
                             overrides=self._overrides(), value_maps=self.values_page.value_maps(),
                             kind=page.kind.currentData() if page.combos and page.kind.currentData() !=
                             (self.inspection.kind if self.inspection else None) else None,
                             historic_status=page.historic.isChecked(), header_row=self.header_row,
                             accept_rejections=self.preview_page.accepts_rejections(),
                             keep_concerns_whole=self.preview_page.keep_whole.isChecked(),
                             tag_themes=self.preview_page.tags_themes())

    def _overrides(self) -> dict[str, str]:
        out = self.mapping_page.overrides() if self.mapping_page.combos else {}
        header = self.preview_page.one_document_header
        if header and self.preview_page.one_document.isChecked():
            out[header] = "reference"     # the user's choice: one document for the sheet
        return out

    def inspect(self, sheet: str | None, then=None) -> None:
        if not self.file_page.path.text().strip():
            return
        self.inspection = None
        self.busy = True
        if then is None:  # a new file or sheet: forget choices made for the last one
            self.mapping_page.combos = []
            self.values_page.choices = []
            self.header_row = None
        self.file_page.found.setText("Reading the workbook…")
        self.file_page.completeChanged.emit()
        options = ImportOptions(sheet=sheet, profile=self.options_profile, header_row=self.header_row)

        def done(ins: Inspection) -> None:
            if not isValid(self):
                return
            self.busy = False
            self.inspection = ins
            self.file_page.show_inspection(ins)
            if then is not None:
                then()

        def failed(exc) -> None:
            if not isValid(self):
                return
            self.busy = False
            self.file_page.show_inspection(None, readable(exc))
            if then is not None:   # a choice made on the mapping page: say there what is wrong with it
                self.mapping_page.error.setText(readable(exc))
                self.mapping_page.completeChanged.emit()
        self.ctx.ops.read(work.inspect, self.path, options, label="Read workbook", on_done=done, on_error=failed)
