"""Fills a list widget with recommendations similar to some text, looked up on the worker thread as the user types.

Double-click (or Enter) opens the recommendation. The list says plainly when search is unavailable or nothing is
close, so an empty list never looks like a fault.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem
from shiboken6 import isValid

from ol_desk.core.model.enums import Entity
from ol_desk.core.similar import SimilarItem, similar_recommendations

DEBOUNCE_MS = 500


class SimilarItems(QObject):
    found = Signal(list)  # list[SimilarItem]

    def __init__(self, ctx, list_widget: QListWidget, *, limit: int = 5, parent=None):
        super().__init__(parent or list_widget)
        self.ctx = ctx
        self.view = list_widget
        self.limit = limit
        self.items: list[SimilarItem] = []
        self._text = ""
        self._document_id: int | None = None
        self._exclude: tuple[int, ...] = ()
        self._asked = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.lookup_now)
        self.view.itemActivated.connect(self._open)
        self.view.setWordWrap(True)  # whole lines, no sideways scrolling
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._note("Type the learning to see similar recommendations.")

    def lookup(self, text: str, *, document_id: int | None = None, exclude_ids=()) -> None:
        """Look up after a pause in typing."""
        self._text, self._document_id, self._exclude = text, document_id, tuple(exclude_ids)
        self._timer.start()

    def lookup_now(self) -> None:
        self._timer.stop()
        if self.ctx.search_index is None:
            self._note("Search is not available, so similar items cannot be shown.")
            return
        if len(self._text.split()) < 3:
            self._show([])
            return
        self._asked += 1
        asked = self._asked
        self.ctx.ops.read(similar_recommendations, self.ctx.search_index, self._text, exclude_ids=self._exclude,
                          document_id=self._document_id, limit=self.limit, label="Similar items",
                          on_done=lambda items: self._answered(asked, items),
                          on_error=lambda exc: self._lookup_failed())

    def _answered(self, asked: int, items: list[SimilarItem]) -> None:
        if asked == self._asked:   # else a newer lookup is on its way
            self._show(items)

    def _lookup_failed(self) -> None:
        if isValid(self.view):   # the dialog may have closed while the lookup ran
            self._note("Similar items could not be looked up.")

    def _note(self, text: str) -> None:
        self.view.clear()
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.view.addItem(item)

    def _show(self, items: list[SimilarItem]) -> None:
        if not isValid(self.view):  # the dialog closed while the lookup ran
            return
        self.items = items
        if not items:
            self._note("Nothing similar in the register yet.")
        else:
            self.view.clear()
            for s in items:
                item = QListWidgetItem(s.line())
                item.setData(Qt.ItemDataRole.UserRole, s.id)
                item.setToolTip(f"{s.label} ({s.source}, {s.status}). Double-click to open.")
                self.view.addItem(item)
        self.found.emit(items)

    def selected_id(self) -> int | None:
        item = self.view.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _open(self, item: QListWidgetItem) -> None:
        rec_id = item.data(Qt.ItemDataRole.UserRole)
        if rec_id is not None:
            self.ctx.open_item(Entity.RECOMMENDATION, rec_id)
