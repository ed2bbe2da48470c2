"""Tables of linked items (a document's recommendations, a recommendation's actions, an action's
recommendations) with the buttons under them."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .fields import show_date


class LinkedTable(QTableWidget):
    """Rows of linked items (reference, title, status, date, owner); Enter or double-click opens one."""

    COLUMNS = ("Reference", "Title", "Status", "Date", "Owner")

    def __init__(self, name: str, date_header: str, open_current, parent=None):
        super().__init__(0, len(self.COLUMNS), parent)
        self.doubleClicked.connect(lambda _i: open_current())
        self.activated.connect(lambda _i: open_current())
        self.setHorizontalHeaderLabels(self.COLUMNS[:3] + (date_header,) + self.COLUMNS[4:])
        self.setAccessibleName(name)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.ids: list[int] = []

    def show_rows(self, rows) -> None:
        self.ids = [r.id for r in rows]
        self.setRowCount(len(rows))
        for i, r in enumerate(rows):
            for c, value in enumerate((r.reference or f"#{r.id}", r.title, r.status, show_date(r.due, ""), r.owner)):
                item = QTableWidgetItem(value)
                if c == 1:
                    item.setToolTip(r.title)
                self.setItem(i, c, item)

    def current_id(self) -> int | None:
        row = self.currentRow()
        return self.ids[row] if 0 <= row < len(self.ids) else None


def linked_page(parent, table: LinkedTable, buttons) -> tuple[QWidget, list[QPushButton]]:
    """The table above a right-aligned row of buttons: `buttons` is [(text, slot)]."""
    page = QWidget(parent)
    table.setParent(page)
    made = []
    row = QHBoxLayout()
    row.addStretch(1)
    for text, slot in buttons:
        button = QPushButton(text, page)
        button.clicked.connect(slot)
        row.addWidget(button)
        made.append(button)
    layout = QVBoxLayout(page)
    layout.addWidget(table, 1)
    layout.addLayout(row)
    return page, made
