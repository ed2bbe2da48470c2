"""Statutory clocks: each outstanding PFD, IOPC or HMICFRS response with its due date, days left (overdue in red)
and who owns it. Double-click or Enter opens the source document."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ol_desk.core.model.enums import Entity
from ol_desk.core.queries.dashboard_empty import CLOCKS_START
from ol_desk.core.queries.statutory_clocks import Clock, clocks
from ol_desk.gui.dashboard.refresh_when_shown import RefreshWhenShown

COLUMNS = ("Days left", "Response due", "Source", "Reference", "Owner", "Title")
RED = QColor("#c0392b")
AMBER = QColor("#b36b00")


def days_text(c: Clock) -> str:
    if c.days_left < 0:
        return f"{-c.days_left} overdue"
    return "due today" if c.days_left == 0 else f"{c.days_left}"


class ClocksPanel(RefreshWhenShown, QWidget):
    WATCHED = (Entity.DOCUMENT, Entity.RECOMMENDATION, Entity.PERSON, Entity.IMPORT)
    status_text = Signal(str)
    loaded = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[Clock] = []
        layout = QVBoxLayout(self)
        self.heading = QLabel("<b>Statutory clocks</b>", self)
        self.heading.setWordWrap(True)   # an empty state's words must not widen the window
        layout.addWidget(self.heading)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("clocksTable")
        self.table.setAccessibleName("Statutory responses outstanding")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.itemActivated.connect(self._open)
        layout.addWidget(self.table, 1)
        note = QLabel("PFD (Coroners Regulations reg 29), IOPC (Police Reform Act Sch 3 para 28B) and HMICFRS "
                      "(Police Act 1996 s55) responses are due 56 days after the report unless extended. "
                      "Owner: the people who own the report's recommendations, else its lead hubs.", self)
        note.setWordWrap(True)
        note.setEnabled(False)
        layout.addWidget(note)
        self.watch(ctx.ops)

    def connect_status(self, show: Callable[[str], None]) -> None:
        self.status_text.connect(show)

    def refresh(self) -> None:
        self.mark_fresh()
        self.ctx.ops.read(clocks, label="Statutory clocks", on_done=self._show)

    def _show(self, rows: list[Clock]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        bold = QFont(self.font())
        bold.setBold(True)
        for r, c in enumerate(rows):
            due = f"{c.response_due:%d %b %Y}" + (" (extended)" if c.extended else "")
            cells = (days_text(c), due, c.kind.label, c.reference, c.owner or "not assigned",
                     " ".join(c.title.split())[:160])
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, c.document_id)
                if col == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c.overdue:
                    item.setForeground(QBrush(RED))
                    if col == 0:
                        item.setFont(bold)
                elif c.days_left <= 14 and col == 0:
                    item.setForeground(QBrush(AMBER))
                self.table.setItem(r, col, item)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(4, min(self.table.columnWidth(4), 260))
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        late = sum(1 for c in rows if c.overdue)
        text = f"{len(rows):,} response{'' if len(rows) == 1 else 's'} outstanding, {late:,} overdue"
        self.heading.setText(f"<b>Statutory clocks</b> — {text}" if rows else
                             f"<b>Statutory clocks</b> — no statutory response is outstanding. {CLOCKS_START}")
        self.status_text.emit(text)
        self.loaded.emit()

    def _open(self, item: QTableWidgetItem) -> None:
        self.ctx.open_item(Entity.DOCUMENT, item.data(Qt.ItemDataRole.UserRole))
