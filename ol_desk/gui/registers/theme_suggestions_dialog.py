"""The register's "Suggest themes" dialog: each selected finding's suggested themes, ticked, with why; accept the
ticked ones in one change; and the catalogue themes the selection may need, to add with one click (CPIC)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ol_desk.core.themes.suggestion_report import SuggestionReport

ID_ROLE = Qt.ItemDataRole.UserRole


class ThemeSuggestionsDialog(QDialog):
    add_theme = Signal(str)      # the catalogue code of a theme to create

    def __init__(self, report: SuggestionReport, *, can_add_themes: bool, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Suggest themes")
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("suggestionsTree")
        self.tree.setAccessibleName("Suggested themes for each finding")
        self.tree.setHeaderLabels(("Finding / suggested theme", "Why"))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        layout.addWidget(self.tree, 1)
        self.new_label = QLabel("Themes this selection may need that you do not have yet:", self)
        layout.addWidget(self.new_label)
        row = QHBoxLayout()
        self.new_list = QListWidget(self)
        self.new_list.setAccessibleName("Themes you could add")
        self.new_list.setMaximumHeight(90)
        row.addWidget(self.new_list, 1)
        self.add_button = QPushButton("&Add theme", self)
        self.add_button.setToolTip("Create the chosen theme (with its words, editable in Hubs & people) and "
                                   "suggest again")
        self.add_button.clicked.connect(self._add)
        self.add_button.setEnabled(False)
        self.new_list.currentRowChanged.connect(lambda r: self.add_button.setEnabled(can_add_themes and r >= 0))
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self.can_add_themes = can_add_themes
        buttons = QDialogButtonBox(self)
        self.accept_button = buttons.addButton("A&ccept ticked", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.tree.itemChanged.connect(lambda *_a: self._count())
        self.show_report(report)

    def show_report(self, report: SuggestionReport) -> None:
        self.report = report
        self.tree.blockSignals(True)
        self.tree.clear()
        for f in report.findings:
            if not f.suggestions:
                continue
            top = QTreeWidgetItem(self.tree, [f.label, ""])
            top.setData(0, ID_ROLE, f.id)
            top.setToolTip(0, f.label)
            for s in f.suggestions:
                child = QTreeWidgetItem(top, [s.name, s.why])
                child.setData(0, ID_ROLE, s.theme_id)
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                child.setCheckState(0, Qt.CheckState.Checked)
                child.setToolTip(1, s.why)
        self.tree.expandAll()
        self.tree.setColumnWidth(0, 520)
        self.tree.blockSignals(False)
        self.new_list.clear()
        for t in report.new_themes:
            item = QListWidgetItem(t.line(), self.new_list)
            item.setData(ID_ROLE, t.code)
        shown = bool(report.new_themes)
        for w in (self.new_label, self.new_list, self.add_button):
            w.setVisible(shown)
        if shown and not self.can_add_themes:
            self.add_button.setToolTip("Only CPIC can add themes.")
        self._count()

    def _count(self) -> None:
        ticked = sum(len(v) for v in self.ticked().values())
        words = self.report.summary()
        if not self.report.suggested:
            words += (" None of the selected findings' words or similar tagged items point to a theme. Add words "
                      "to the themes in Hubs & people, or tag a few findings by hand: similar ones follow.")
        else:
            words += f" {ticked:,} ticked to add."
        self.summary.setText(words)
        self.accept_button.setEnabled(ticked > 0)

    def ticked(self) -> dict[int, tuple[int, ...]]:
        out: dict[int, tuple[int, ...]] = {}
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            assert top is not None, "i is below the count"
            children = [c for j in range(top.childCount()) if (c := top.child(j)) is not None]
            themes = tuple(c.data(0, ID_ROLE) for c in children if c.checkState(0) == Qt.CheckState.Checked)
            if themes:
                out[top.data(0, ID_ROLE)] = themes
        return out

    def _add(self) -> None:
        item = self.new_list.currentItem()
        if item is not None:
            self.add_button.setEnabled(False)
            self.add_theme.emit(item.data(ID_ROLE))
