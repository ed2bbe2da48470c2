"""The repeated concerns as a tree: one row a group (how often, since when, by whom, open, actions delivered,
outcome evidenced), its findings beneath (when, source, reference, status, what was done). Double-click or Enter
on a group's number opens the register on exactly those rows; on a finding, opens it."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from ol_desk.core.model.enums import Entity
from ol_desk.core.queries.dashboard import Slice
from ol_desk.core.theme_page.repeated_concerns import ConcernGroup, by_whom

COLUMNS = ("Repeated concern", "Times", "Since", "Raised by", "Open", "Actions delivered", "Outcome evidenced")
SLICE_ROLE = Qt.ItemDataRole.UserRole + 1
ITEM_ROLE = Qt.ItemDataRole.UserRole + 2


class ConcernTree(QTreeWidget):
    def __init__(self, on_slice: Callable[[Slice], None], on_item: Callable[[Entity, int], None], parent=None):
        super().__init__(parent)
        self.on_slice, self.on_item = on_slice, on_item
        self.setObjectName("repeatedConcerns")
        self.setAccessibleName("Repeated concerns")
        self.setColumnCount(len(COLUMNS))
        self.setHeaderLabels(COLUMNS)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        self.setUniformRowHeights(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.itemActivated.connect(self._activated)

    def show_groups(self, groups: list[ConcernGroup]) -> None:
        self.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        for n, g in enumerate(groups, 1):
            top = QTreeWidgetItem([f"{n}. {g.title}", f"{g.size:,}", f"{g.first.year}" if g.first else "",
                                   by_whom(g.kinds), f"{g.open.count:,}",
                                   f"{g.delivered.count:,} of {g.actions.count:,}", f"{g.evidenced.count:,}"])
            top.setToolTip(0, f"{g.summary}. First raised: {g.title}")
            top.setFont(1, bold)
            for col, s in ((0, g.findings), (1, g.findings), (4, g.open), (5, g.delivered), (6, g.evidenced)):
                top.setData(col, SLICE_ROLE, s)
                if col:
                    top.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    top.setToolTip(col, f"{s.count:,} {s.label} — double-click to open them in the register")
            top.setData(2, SLICE_ROLE, g.findings)
            top.setData(3, SLICE_ROLE, g.findings)
            for m in g.members:
                when = f"{m.opened:%d %b %Y}" if m.opened else "undated"
                child = QTreeWidgetItem([f"{when} · {m.kind.label} · {m.label} — {m.text[:140]}", "", "", m.body,
                                         m.status.label, f"{m.delivered} of {m.actions}",
                                         "Yes" if m.outcome_evidenced else "No"])
                child.setToolTip(0, m.text[:600])
                for col in range(len(COLUMNS)):
                    child.setData(col, ITEM_ROLE, m.id)
                top.addChild(child)
            if g.size > len(g.members):
                more = QTreeWidgetItem([f"… and {g.size - len(g.members):,} more times: double-click to open "
                                        f"all {g.size:,} in the register"])
                more.setData(0, SLICE_ROLE, g.findings)
                top.addChild(more)
            self.addTopLevelItem(top)

    def _activated(self, item: QTreeWidgetItem, column: int) -> None:
        rec_id = item.data(column, ITEM_ROLE)
        if rec_id is not None:
            self.on_item(Entity.RECOMMENDATION, int(rec_id))
            return
        s = item.data(column, SLICE_ROLE) or item.data(0, SLICE_ROLE)
        if isinstance(s, Slice):
            self.on_slice(s)
