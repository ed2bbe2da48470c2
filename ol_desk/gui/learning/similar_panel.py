"""A panel for an opened recommendation: similar ones from other sources, and those already linked as related.

For the recommendation editor (or any view of one item) to embed:

    panel = SimilarPanel(ctx)
    panel.show_for(rec_id, text, document_id)   # looks up on the worker thread

"Link as related" records the link through services.related (audited, undoable); double-click opens an item.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget
from shiboken6 import isValid

from ol_desk.core.model import Recommendation
from ol_desk.core.model.enums import Entity
from ol_desk.core.services.related import link_related, related_ids, unlink_related
from ol_desk.gui.ops import readable

from .similar_items import SimilarItems

WATCHED = (Entity.RECOMMENDATION,)


def _related_lines(session, rec_id: int) -> list[tuple[int, str]]:
    out = []
    for other in related_ids(session, rec_id):
        rec = session.get(Recommendation, other)
        out.append((other, f"{rec.label} — {' '.join((rec.title or rec.text).split())[:120]}"))
    return out


class SimilarPanel(QWidget):
    linked = Signal(int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.rec_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Similar recommendations from other sources:", self))
        self.similar_list = QListWidget(self)
        self.similar_list.setAccessibleName("Similar recommendations")
        layout.addWidget(self.similar_list, 2)
        self.similar = SimilarItems(ctx, self.similar_list, parent=self)
        buttons = QHBoxLayout()
        self.link_button = QPushButton("&Link as related", self)
        self.link_button.clicked.connect(self.link)
        buttons.addWidget(self.link_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(QLabel("Linked as related:", self))
        self.related_list = QListWidget(self)
        self.related_list.setAccessibleName("Related recommendations")
        self.related_list.itemActivated.connect(
            lambda item: self.ctx.open_item(Entity.RECOMMENDATION, item.data(Qt.ItemDataRole.UserRole)))
        layout.addWidget(self.related_list, 1)
        self.unlink_button = QPushButton("&Unlink", self)
        self.unlink_button.clicked.connect(self.unlink)
        layout.addWidget(self.unlink_button)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.link_button.setEnabled(not getattr(ctx, "read_only", False))
        ctx.ops.changed.connect(self._changed)

    def show_for(self, rec_id: int, text: str, document_id: int | None) -> None:
        self.rec_id = rec_id
        self.similar.lookup(text, document_id=document_id, exclude_ids=(rec_id,))
        self.similar.lookup_now()
        self._load_related()

    def _load_related(self) -> None:
        if self.rec_id is not None:
            self.ctx.ops.read(_related_lines, self.rec_id, label="Related", on_done=self._show_related)

    def _show_related(self, lines) -> None:
        if not isValid(self):
            return
        self.related_list.clear()
        for other, text in lines:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, other)
            self.related_list.addItem(item)
        self.unlink_button.setEnabled(bool(lines) and not getattr(self.ctx, "read_only", False))

    def _changed(self, changes) -> None:
        if self.rec_id is not None and self.rec_id in changes.ids(Entity.RECOMMENDATION):
            self._load_related()

    def link(self) -> None:
        other = self.similar.selected_id()
        if self.rec_id is None or other is None:
            self.message.setText("Choose one of the similar recommendations first.")
            return
        self.message.setText("")
        self.ctx.ops.write(link_related, self.ctx.actor, self.rec_id, other, label="Link as related",
                           on_done=lambda _c: self.linked.emit(other), on_error=self._failed)

    def unlink(self) -> None:
        item = self.related_list.currentItem()
        if self.rec_id is None or item is None:
            return
        self.ctx.ops.write(unlink_related, self.ctx.actor, self.rec_id, item.data(Qt.ItemDataRole.UserRole),
                           label="Unlink related", on_error=self._failed)

    def _failed(self, exc) -> None:
        if isValid(self):
            self.message.setText(readable(exc))
