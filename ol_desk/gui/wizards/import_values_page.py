"""The import wizard's Values page: for each category column (source, finding type, status, hubs), every distinct
value the preview found that ol-desk does not know exactly, with how many rows use it and a suggested mapping,
pre-selected in a combo box the user can change. A profile's mappings show pre-filled; saving the profile keeps
them. The page shows only when the preview found such values; it never creates hubs or other reference data."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)
from shiboken6 import isValid

from ol_desk.core.excel.register_import import value_mapping as vm
from ol_desk.core.excel.register_import.importer import ImportReport
from ol_desk.core.model.enums import ActionStatus, FindingType, RecStatus, ResponsePosition, SourceKind
from ol_desk.gui.ops import readable
from ol_desk.gui.theme import error_label

from . import import_work as work

if TYPE_CHECKING:
    from .import_wizard import ImportWizard

LEAVE = "— leave as is —"
LEAVE_TIP = ("'Leave as is': the row is imported with this field at its neutral value (source 'other', no hub, the "
             "status the lifecycle gives), a warning naming the row, and the register's words kept in its notes.")
TITLES = {"source_kind": "Source", "finding_type": "Finding type", "status": "Status",
          "response_position": "Response", "hubs": "Hub"}


class ValuesPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self.w = wizard
        self.setTitle("Values")
        self.setSubTitle("Words in the register's category columns that ol-desk does not know exactly. Each has a "
                         "suggested meaning: check it, or choose another. Rows are never lost over these words.")
        layout = QVBoxLayout(self)
        self.summary = QLabel("", self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        self.body = QWidget(scroll)
        self.tables_layout = QVBoxLayout(self.body)
        self.tables_layout.setContentsMargins(0, 0, 0, 0)
        scroll.setWidget(self.body)
        layout.addWidget(scroll, 1)
        row = QHBoxLayout()
        self.check = QPushButton("&Preview again with these meanings", self)
        self.check.setToolTip("Reads the rows again with the meanings chosen here (nothing is written)")
        self.check.clicked.connect(self._check)
        row.addWidget(self.check)
        self.checked = QLabel("", self)
        self.checked.setWordWrap(True)
        row.addWidget(self.checked, 1)
        layout.addLayout(row)
        self.error = error_label(self)
        layout.addWidget(self.error)
        # (field, the register's words, suggested target, kind combo, finding combo or None)
        self.choices: list[tuple[str, str, str | None, QComboBox, QComboBox | None]] = []
        self.tables: dict[str, QTableWidget] = {}

    # -- showing -----------------------------------------------------------------------------------------------
    def initializePage(self) -> None:  # noqa: N802 - Qt API
        report = self.w.preview_page.report
        assert report is not None, "the values page follows a finished preview"
        self.error.setText("")
        self.checked.setText("")
        self._clear()
        values = report.values
        new = sum(v.why != "mapped" for v in values)
        self.summary.setText(f"{len(values)} value(s) in {len({v.field for v in values})} column(s)"
                             + (f", {new} not seen before" if new != len(values) else "")
                             + ". The choices are used for this import; give a profile name on the columns page "
                               "to keep them for the next register of this layout.")
        headers = {c.field: c.header for c in report.info.mapping.columns if c.field}
        actions = report.info.mode == "actions"
        for fkey in vm.MAPPED_FIELDS:
            rows = [v for v in values if v.field == fkey]
            if rows:
                self._table(fkey, headers.get(fkey, TITLES[fkey]), rows, actions)
        self.tables_layout.addStretch(1)

    def _clear(self) -> None:
        while self.tables_layout.count():
            item = self.tables_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.choices, self.tables = [], {}

    def _table(self, fkey: str, header: str, rows: list[vm.UnknownValue], actions: bool) -> None:
        box = QGroupBox(f"{TITLES[fkey]} — column '{header}'", self.body)
        inner = QVBoxLayout(box)
        source = fkey == "source_kind"
        table = QTableWidget(len(rows), 5 if source else 4, box)
        table.setObjectName(f"values_{fkey}")
        table.setAccessibleName(f"Values of the {header} column")
        labels = ["Value in the register", "Rows", "Read as", *(["Finding type"] if source else []), "Why"]
        table.setHorizontalHeaderLabels(labels)
        table.verticalHeader().hide()
        for r, v in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(v.value))
            table.setItem(r, 1, QTableWidgetItem(f"{v.count:,}"))
            kind, finding = (v.suggestion or "").partition("/")[::2] if source else (v.suggestion, None)
            combo = self._combo(table, fkey, actions, v.value)
            combo.setCurrentIndex(max(0, combo.findData(kind if v.suggestion is not None else None)))
            table.setCellWidget(r, 2, combo)
            second = None
            if source:
                second = QComboBox(table)
                second.setAccessibleName(f"Finding type for {v.value}")
                second.addItem("— as the row says —", "")
                for ft in FindingType:
                    second.addItem(ft.label, ft.value)
                second.setCurrentIndex(max(0, second.findData(finding or "")))
                table.setCellWidget(r, 3, second)
            table.setItem(r, 4 if source else 3, QTableWidgetItem(v.why))
            self.choices.append((fkey, v.value, v.suggestion, combo, second))
        head = table.horizontalHeader()
        for col in range(1, table.columnCount()):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()
        height = table.horizontalHeader().height() + sum(table.rowHeight(r) for r in range(len(rows))) + 4
        table.setMinimumHeight(min(height, 260))
        table.setMaximumHeight(height)
        inner.addWidget(table)
        self.tables[fkey] = table
        self.tables_layout.addWidget(box)

    def _combo(self, parent, fkey: str, actions: bool, words: str) -> QComboBox:
        combo = QComboBox(parent)
        combo.setAccessibleName(f"Read {words} as")
        combo.setToolTip(LEAVE_TIP)
        combo.addItem(LEAVE, None)
        if fkey == "source_kind":
            for k in SourceKind:
                combo.addItem(k.label, k.value)
        elif fkey == "finding_type":
            for ft in FindingType:
                combo.addItem(ft.label, ft.value)
        elif fkey == "status":
            for s in (ActionStatus if actions else RecStatus):
                combo.addItem(s.label, s.value)
        elif fkey == "response_position":   # not accepted is a status, with its rationale
            for p in ResponsePosition:
                if p != ResponsePosition.NOT_ACCEPTED:
                    combo.addItem(p.label, p.value)
        else:   # existing hubs only: a hub is never created from a register's words
            combo.addItem("— leave blank (no hub, no warning) —", vm.LEAVE_BLANK)
            ins = self.w.inspection
            for _hid, code, name in (ins.hubs if ins else []):
                combo.addItem(f"{name} ({code})", code)
        return combo

    # -- choosing ----------------------------------------------------------------------------------------------
    def value_maps(self) -> dict[str, dict[str, str | None]]:
        """field → {the register's words → target}: every row's choice (a 'leave as is' drops a saved mapping)."""
        out: dict[str, dict[str, str | None]] = {}
        for fkey, words, _suggested, combo, second in self.choices:
            target = combo.currentData()
            if target is not None and second is not None and second.currentData():
                target = f"{target}/{second.currentData()}"
            out.setdefault(fkey, {})[words] = target
        return out

    def _check(self) -> None:
        self.check.setEnabled(False)
        self.checked.setText("Reading the rows again…")
        self.w.ctx.ops.job(work.run_preview, self.w.path, self.w.import_options(), label="Import preview",
                           on_done=self._checked, on_error=self._failed)

    def _checked(self, report: ImportReport) -> None:
        if not isValid(self):
            return
        self.check.setEnabled(True)
        c = report.counts
        left = [v for v in report.values if v.why != "mapped"]
        self.checked.setText(f"With these meanings: {c['new']:,} new, {c['changed']:,} changed, {c['rejected']:,} "
                             f"rejected, {len(report.warnings)} warning(s); {len(left)} value(s) left as they are.")

    def _failed(self, exc) -> None:
        if isValid(self):
            self.check.setEnabled(True)
            self.checked.setText("")
            self.error.setText(readable(exc))
