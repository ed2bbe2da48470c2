"""The import wizard's preview page: what the import would do to each row (new, changed field by field, rejected
with the reason, the themes each new row's words suggest), and the choices that change it: keep numbered concerns
whole, one document for the sheet, tag the suggested themes, import despite many rejections."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)
from shiboken6 import isValid

from ol_desk.core.excel.register_import.importer import COUNT_NOTE, SPLIT_NOTE, ImportReport
from ol_desk.gui.ops import readable
from ol_desk.gui.theme import error_label

from . import import_work as work

if TYPE_CHECKING:
    from .import_wizard import ImportWizard

OUTCOME_COLOURS = {"new": "#2e8b57", "changed": "#b36b00", "rejected": "#c0392b", "unchanged": "#777777"}


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self.w = wizard
        self.setTitle("Preview")
        self.setSubTitle("What the import would do to each row. Rejected rows are skipped, with the reason.")
        layout = QVBoxLayout(self)
        self.counts = QLabel("Reading the workbook…", self)
        self.counts.setWordWrap(True)
        layout.addWidget(self.counts)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("previewTable")
        self.table.setAccessibleName("Preview of the rows")
        self.table.setHorizontalHeaderLabels(("Row", "Outcome", "Item", "What changes / why rejected"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        rerun = self.initializePage   # these choices change what the preview shows: run it again
        self.keep_whole = self._option(layout, "keepConcernsWhole", rerun, "&Keep each numbered list of concerns as "
                                       "one finding", "Normally a PFD concerns cell holding a numbered list (1. … "
                                       "2. …, (a) … (b) …) becomes one finding per item, the words before the list "
                                       "kept in the report's notes. Tick this to keep each cell as one finding.")
        self.one_document = self._option(layout, "oneDocumentForSheet", rerun, "File every row under &one document "
                                         "for the sheet (not one per row)", "Each row carries its own report's "
                                         "details (a date, a coroner, a link), so each becomes its own source "
                                         "document with its own statutory clock. Tick this to treat the reference "
                                         "column as each finding's own reference instead.")
        self.one_document_header: str | None = None    # the column taken as each row's report reference
        self.tag_themes = self._option(layout, "tagThemes", None, "", "Suggested from each finding's words and the "
                                       "themes' words (Hubs & people). Undoing the import removes them too; later, "
                                       "select rows in the register and press Ctrl+Shift+T to review suggestions "
                                       "one by one.")
        self.accept = self._option(layout, "acceptRejections", self.completeChanged.emit, "", "")
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.report: ImportReport | None = None

    def _option(self, layout, name: str, on_toggle, text: str, tip: str) -> QCheckBox:
        box = QCheckBox(text, self)
        box.setObjectName(name)
        box.setToolTip(tip)
        if on_toggle is not None:
            box.toggled.connect(lambda _on: on_toggle())
        box.hide()
        layout.addWidget(box)
        return box

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.report = None
        self.error.setText("")
        self.accept.setChecked(False)
        self.accept.hide()
        self.table.setRowCount(0)
        self.counts.setText("Reading the workbook…")
        self.completeChanged.emit()
        self.w.ctx.ops.job(work.run_preview, self.w.path, self.w.import_options(), label="Import preview",
                           on_done=self._show, on_error=self._failed)

    def _failed(self, exc) -> None:
        if isValid(self):
            self.counts.setText("")
            self.error.setText(readable(exc))

    def _show(self, report: ImportReport) -> None:
        if not isValid(self):
            return
        self.report = report
        c = report.counts
        shown_notes = [n for n in report.info.notes if n.startswith(SPLIT_NOTE) or n.startswith(COUNT_NOTE)]
        self.counts.setText(f"<b>{c['new']:,} new</b>, <b>{c['changed']:,} changed</b>, {c['unchanged']:,} "
                            f"unchanged, <b style='color:#c0392b'>{c['rejected']:,} rejected</b>"
                            + (f"; {len(report.warnings)} warning(s): " + "; ".join(report.warnings[:3])
                               if report.warnings else "")
                            + "".join(f"<br>{note}" for note in shown_notes))
        self.keep_whole.setVisible(self.keep_whole.isChecked()
                                   or any(n.startswith(SPLIT_NOTE) for n in report.info.notes))
        if report.info.mapping.row_report_header:
            self.one_document_header = report.info.mapping.row_report_header
        self.one_document.setVisible(self.one_document_header is not None)
        self.tag_themes.setText(f"&Tag {len(report.themes):,} new finding(s) with their suggested themes (listed "
                                "below)")
        self.tag_themes.setVisible(bool(report.themes))
        rows = report.rows
        self.table.setRowCount(len(rows))
        for r, o in enumerate(rows):
            detail = o.reason if o.outcome == "rejected" else ", ".join(
                f"{k}: {_short(old)} → {_short(new)}" for k, (old, new) in o.changes.items())
            if o.outcome == "new" and (o.row, o.label) in report.themes:
                detail = "suggested themes: " + ", ".join(report.themes[(o.row, o.label)])
            cells = (str(o.row), o.outcome, f"{o.entity} {o.label}", detail)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 1:
                    item.setForeground(QBrush(QColor(OUTCOME_COLOURS.get(o.outcome, "#000000"))))
                item.setToolTip(text)
                self.table.setItem(r, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        if report.mostly_rejected and c["new"] + c["changed"]:
            total = sum(c.values())
            self.error.setText(f"{c['rejected']:,} of {total:,} rows would be rejected — more than half. Check the "
                               f"header row (now row {report.info.header_row}) and the columns on the previous page.")
            self.accept.setText(f"Import the other {c['new'] + c['changed']:,} rows &anyway, skipping the "
                                f"{c['rejected']:,} rejected")
            self.accept.show()
        elif not c["new"] + c["changed"]:
            self.error.setText("Nothing would change: there is nothing to import.")
        self.completeChanged.emit()

    def nextId(self) -> int:  # noqa: N802 - Qt API
        """The Values page when the rows use category words ol-desk does not know exactly; else the import."""
        ids = self.w.page_ids
        return ids[self.w.values_page] if self.report is not None and self.report.values else ids[self.w.import_page]

    def tags_themes(self) -> bool:
        return not self.tag_themes.isHidden() and self.tag_themes.isChecked()

    def accepts_rejections(self) -> bool:
        return not self.accept.isHidden() and self.accept.isChecked()   # the page itself may be hidden now

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        if self.report is None or (self.report.counts["new"] + self.report.counts["changed"]) == 0:
            return False
        return not self.report.mostly_rejected or self.accept.isChecked()


def _short(value) -> str:
    text = "—" if value in (None, "", []) else " ".join(str(value).split())
    return text if len(text) <= 40 else text[:39] + "…"
