"""Register column widths: sized to their content when a register first shows rows, then the user's.

A register opened for the first time fits each visible column to the header and the rows on screen, so a
reference such as "2013-0123" is shown whole rather than cut to "2013-…"; long text columns stop at a readable
width. Once the user drags a column the header state (widths, order, hidden columns) is saved for that register
at once, and from then on it is restored rather than fitted, in this session and the next.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QTableView

PADDING = 16        # beyond the longest text: the cell's margins and a little air
MIN_WIDTH = 44
MAX_WIDTH = {"title": 460, "text": 300}   # by column kind; others may grow to MAX_OTHER
MAX_OTHER = 240


class ColumnWidths(QObject):
    def __init__(self, table: QTableView, kinds: list[str], settings, key: str):
        super().__init__(table)
        self.table, self.kinds, self.settings, self.key = table, kinds, settings, f"registers/{key}/header"
        self.fitted = False
        self._fitting = False
        self._save_soon = QTimer(self, singleShot=True, interval=400)
        self._save_soon.timeout.connect(self.save)
        table.horizontalHeader().sectionResized.connect(self._resized)
        # fit to the rows on screen only: measuring further rows would fetch pages of a 200,000-row register
        table.verticalHeader().setResizeContentsPrecision(0)

    def restore(self) -> bool:
        """Put back the widths the user chose for this register; False when there are none yet."""
        state = self.settings.value(self.key) if self.settings is not None else None
        if state is None:
            return False
        self.fitted = bool(self.table.horizontalHeader().restoreState(state))
        return self.fitted

    def fit_once(self) -> None:
        """Fit the visible columns to their content, the first time rows arrive (never over the user's widths)."""
        model = self.table.model()
        if self.fitted or model is None or model.rowCount() == 0:
            return
        self.fitted, self._fitting = True, True
        header = self.table.horizontalHeader()
        try:
            for i, kind in enumerate(self.kinds):
                if self.table.isColumnHidden(i) or i == header.count() - 1:   # the last column stretches
                    continue
                wanted = max(self.table.sizeHintForColumn(i), header.sectionSizeHint(i)) + PADDING
                header.resizeSection(i, max(MIN_WIDTH, min(wanted, MAX_WIDTH.get(kind, MAX_OTHER))))
        finally:
            self._fitting = False

    def _resized(self, *_args) -> None:
        if not self._fitting and self.fitted:
            self._save_soon.start()   # the user dragged a column: theirs from now on

    def save(self) -> None:
        """Keep the header as it is now (not before the first fit: a closed-at-once register fits next time)."""
        if self.settings is not None and self.fitted:
            self.settings.setValue(self.key, self.table.horizontalHeader().saveState())
