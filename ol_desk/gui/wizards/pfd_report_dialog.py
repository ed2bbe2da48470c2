"""A coroner's PFD report PDF shown as read, to confirm or correct before anything is written: the reference,
title, date (with the 56-day response date it gives), coroner, area and addressees, and each matter of concern
(edit its words, remove it, or merge it with the next). Import writes it all as one undoable batch.

Reading the PDF and writing run on the operations thread; the dialog only shows and edits."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ol_desk.core.dates import statutory_due
from ol_desk.core.excel.value_parsing import BadValue, parse_date
from ol_desk.core.model.enums import Entity, SourceKind
from ol_desk.gui.ops import readable
from ol_desk.gui.theme import error_label

PDF_FILTER = "PFD report PDF (*.pdf)"


def read_pdf(session, path: Path):
    """On the operations thread: the report as read, and where it already is ('' when new)."""
    from ol_desk.core.pfd_pdf import read_report
    from ol_desk.core.services.pfd_reports import already_imported
    report = read_report(path)
    return report, already_imported(session, report)


def write_report(session, actor, store_dir: Path, path: Path, report):
    from ol_desk.core.services.pfd_reports import import_pfd_report
    result = import_pfd_report(session, actor, store_dir, path, report)
    return result.changes, result


def _day(d) -> str:
    return f"{d:%d %B %Y}" if d else "—"


class PfdReportDialog(QDialog):
    def __init__(self, ctx, path: str | Path | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = Path(path) if path else None
        self.report = None
        self.written = None
        self.setWindowTitle("Import a PFD report (PDF)")
        self.setMinimumSize(940, 640)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.file_label = QLabel("Choose a coroner's Regulation 28 report (PDF).", self)
        self.file_label.setWordWrap(True)
        choose = QPushButton("&Choose PDF…", self)
        choose.clicked.connect(self.choose)
        top.addWidget(self.file_label, 1)
        top.addWidget(choose)
        layout.addLayout(top)
        self.summary = QLabel("", self)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("pfdSummary")
        layout.addWidget(self.summary)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        fields = QWidget(splitter)
        column = QVBoxLayout(fields)
        column.setContentsMargins(0, 0, 6, 0)
        form = QFormLayout()
        column.addLayout(form)
        self.reference = self._line(form, "&Reference:", "Reference", "e.g. 2024-0123")
        self.title = self._line(form, "&Title:", "Title", "Regulation 28 report: …")
        self.date = self._line(form, "&Date of report:", "Date of report", "e.g. 12/03/2024 or 12 March 2024")
        self.date.textChanged.connect(self._show_due)
        self.due = QLabel("—", fields)
        self.due.setObjectName("pfdResponseDue")
        form.addRow("Response due:", self.due)
        self.coroner = self._line(form, "C&oroner:", "Coroner", "e.g. Jane Doe, Senior Coroner")
        self.area = self._line(form, "&Area:", "Coroner area", "the coroner area")
        self.sent_to = QPlainTextEdit(fields)
        self.sent_to.setAccessibleName("Sent to")
        self.sent_to.setPlaceholderText("One addressee a line")
        self.sent_to.setTabChangesFocus(True)
        self.sent_to.setMaximumHeight(130)
        form.addRow("&Sent to:", self.sent_to)
        self.warnings = error_label(fields)
        self.warnings.setObjectName("pfdWarnings")
        column.addWidget(self.warnings)
        column.addStretch(1)

        concerns = QWidget(splitter)
        side = QVBoxLayout(concerns)
        side.setContentsMargins(6, 0, 0, 0)
        self.concerns_label = QLabel("&Matters of concern (each becomes a finding):", concerns)
        side.addWidget(self.concerns_label)
        self.concerns = QListWidget(concerns)
        self.concerns.setObjectName("pfdConcerns")
        self.concerns.setAccessibleName("Matters of concern")
        self.concerns.setWordWrap(True)
        self.concerns.setSpacing(3)
        self.concerns.setAlternatingRowColors(True)
        self.concerns.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.concerns.currentRowChanged.connect(self._edit_concern)
        self.concerns_label.setBuddy(self.concerns)
        side.addWidget(self.concerns, 3)
        self.concern_text = QPlainTextEdit(concerns)
        self.concern_text.setObjectName("pfdConcernText")
        self.concern_text.setAccessibleName("The selected concern's words")
        self.concern_text.setTabChangesFocus(True)
        self.concern_text.textChanged.connect(self._concern_edited)
        side.addWidget(self.concern_text, 2)
        row = QHBoxLayout()
        self.remove_button = QPushButton("Re&move", concerns)
        self.remove_button.setToolTip("Leave this concern out of the import")
        self.remove_button.clicked.connect(self.remove_concern)
        self.merge_button = QPushButton("Merge with &next", concerns)
        self.merge_button.setToolTip("Make this concern and the one after it one finding")
        self.merge_button.clicked.connect(self.merge_concern)
        row.addWidget(self.remove_button)
        row.addWidget(self.merge_button)
        row.addStretch(1)
        side.addLayout(row)
        splitter.addWidget(fields)
        splitter.addWidget(concerns)
        splitter.setSizes([400, 540])
        layout.addWidget(splitter, 1)

        self.error = error_label(self)
        self.error.setObjectName("pfdError")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = buttons.addButton("&Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.import_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._set_editable(False)
        if self.path is not None:
            self.read()

    def _line(self, form: QFormLayout, label: str, name: str, hint: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(hint)
        form.addRow(label, edit)
        return edit

    def _set_editable(self, on: bool) -> None:
        for w in (self.reference, self.title, self.date, self.coroner, self.area, self.sent_to, self.concerns,
                  self.concern_text, self.remove_button, self.merge_button):
            w.setEnabled(on)

    # -- reading -------------------------------------------------------------------------------------------------
    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose a PFD report", str(self.path or ""), PDF_FILTER)
        if path:
            self.path = Path(path)
            self.read()

    def read(self) -> None:
        assert self.path is not None, "read only once a file is chosen"
        self.file_label.setText(f"Reading {self.path.name}…")
        self.error.setText("")
        self.import_button.setEnabled(False)
        self.ctx.ops.read(read_pdf, self.path, label="Read PFD report", on_done=self._show, on_error=self._refused)

    def _refused(self, exc) -> None:
        if not isValid(self):
            return
        self.file_label.setText(self.path.name if self.path else "")
        self.summary.setText("")
        self.error.setText(readable(exc))
        self._set_editable(False)

    def _show(self, found) -> None:
        if not isValid(self):
            return
        report, already = found
        self.report = report
        self.file_label.setText(f"<b>{report.file_name}</b> — {report.pages} page{'s' if report.pages != 1 else ''}")
        self.reference.setText(report.reference)
        self.title.setText(report.title)
        self.date.setText(f"{report.date_issued:%d/%m/%Y}" if report.date_issued else "")
        self.coroner.setText(report.coroner)
        self.area.setText(report.area)
        self.sent_to.setPlainText("\n".join(report.addressees))
        self.concerns.clear()
        for text in report.concerns:
            self.concerns.addItem(QListWidgetItem(text))
        self._renumber()
        self.concerns.setCurrentRow(0)
        self.warnings.setText("\n".join(report.warnings))
        self._set_editable(True)
        self._show_due()
        if already:
            self.summary.setText(already)
            self.error.setText("This report is in ol-desk already: nothing will be imported.")
            self.import_button.setEnabled(False)
        else:
            self.summary.setText(f"Read {len(report.concerns)} matter(s) of concern. Check each field against the "
                                 "PDF and correct what is wrong; nothing is written until you press Import. The "
                                 "PDF is attached to each finding as evidence.")
            self.import_button.setEnabled(True)

    # -- editing -------------------------------------------------------------------------------------------------
    def _date(self):
        words = self.date.text().strip()
        if not words:
            return None
        parsed = parse_date(words, "date of report")
        if parsed is None or parsed.warning:
            raise BadValue(f"date of report '{words}' is not a whole date (12/03/2024 or 12 March 2024)")
        return parsed.value

    def _show_due(self) -> None:
        try:
            day = self._date()
        except BadValue as exc:
            self.due.setText(str(exc))
            return
        due = statutory_due(SourceKind.PFD, day)
        self.due.setText(f"{_day(due)} (56 days from the report's date)" if due else
                         "— (starts once the report's date is entered)")

    def _renumber(self) -> None:
        for i in range(self.concerns.count()):
            item = self.concerns.item(i)
            text = item.data(Qt.ItemDataRole.UserRole)
            if text is None:
                text = item.text()
                item.setData(Qt.ItemDataRole.UserRole, text)
            item.setText(f"{i + 1}. {text}")
        self.concerns_label.setText(f"&Matters of concern ({self.concerns.count()}), each becomes a finding:")
        row = self.concerns.currentRow()
        self.merge_button.setEnabled(0 <= row < self.concerns.count() - 1)
        self.remove_button.setEnabled(row >= 0)

    def _edit_concern(self, row: int) -> None:
        item = self.concerns.item(row) if row >= 0 else None
        self.concern_text.blockSignals(True)
        self.concern_text.setPlainText(item.data(Qt.ItemDataRole.UserRole) if item else "")
        self.concern_text.blockSignals(False)
        self.merge_button.setEnabled(0 <= row < self.concerns.count() - 1)
        self.remove_button.setEnabled(row >= 0)

    def _concern_edited(self) -> None:
        item = self.concerns.currentItem()
        if item is not None:
            text = self.concern_text.toPlainText()
            item.setData(Qt.ItemDataRole.UserRole, text)
            item.setText(f"{self.concerns.currentRow() + 1}. {text}")

    def remove_concern(self) -> None:
        row = self.concerns.currentRow()
        if row >= 0:
            self.concerns.takeItem(row)
            self._renumber()
            self._edit_concern(self.concerns.currentRow())

    def merge_concern(self) -> None:
        row = self.concerns.currentRow()
        if 0 <= row < self.concerns.count() - 1:
            first, second = self.concerns.item(row), self.concerns.takeItem(row + 1)
            merged = f"{first.data(Qt.ItemDataRole.UserRole).rstrip()} {second.data(Qt.ItemDataRole.UserRole).lstrip()}"
            first.setData(Qt.ItemDataRole.UserRole, merged)
            self._renumber()
            self.concerns.setCurrentRow(row)
            self._edit_concern(row)

    def corrected(self):
        """The report as the user left it on screen."""
        assert self.report is not None, "corrected only once a report is shown"
        texts = [self.concerns.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.concerns.count())]
        return dataclasses.replace(
            self.report, reference=self.reference.text().strip(), title=self.title.text().strip(),
            date_issued=self._date(), coroner=self.coroner.text().strip(), area=self.area.text().strip(),
            addressees=[a.strip() for a in self.sent_to.toPlainText().splitlines() if a.strip()],
            concerns=[" ".join(t.split()) for t in texts], warnings=list(self.report.warnings))

    # -- writing -------------------------------------------------------------------------------------------------
    def import_report(self) -> None:
        try:
            report = self.corrected()
        except BadValue as exc:
            self.error.setText(f"The {exc}.")
            return
        self.error.setText("")
        self.import_button.setEnabled(False)
        self.ctx.ops.write(write_report, self.ctx.actor, self.ctx.db.evidence_dir, self.path, report,
                           label="Import PFD report", on_done=self._written, on_error=self._failed)

    def _failed(self, exc) -> None:
        if isValid(self):
            self.error.setText(readable(exc))
            self.import_button.setEnabled(True)

    def _written(self, result) -> None:
        if not isValid(self):
            return
        self.written = result
        if result.already:
            self.summary.setText(result.already)
            self.error.setText("Nothing was imported.")
            return
        parent = self.parent()
        if parent is not None and hasattr(parent, "statusBar"):
            parent.statusBar().showMessage(
                f"Imported PFD report {self.reference.text() or self.title.text()}: "
                f"{len(result.recommendation_ids)} matter(s) of concern (Ctrl+Z undoes it).", 15000)
        self.accept()
        self.ctx.open_item(Entity.DOCUMENT, result.document_id)
