"""Search results: typing in the search field lists hits (kind icon, reference, title, highlighted snippet).
An evidence hit shows the file's name, the item it is attached to and a snippet of the file's words, and opens that
item.

Down moves from the field into the list; Enter (in the field or the list) opens the current hit; Escape goes back
to the panel you came from. Searches run on the operation thread; an answer to an older query is dropped.
"""
from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ol_desk.core.model.enums import Entity

from ..ops import readable
from ..panel import PanelDefaults
from ..theme import icon, is_dark

if TYPE_CHECKING:
    from ..main_window import MainWindow

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ICONS = {"recommendation": "recommendation", "action": "action", "update": "update", "document": "document",
              "learning": "learning", "evidence": "document"}
KIND_WORDS = {"recommendation": "Recommendation", "action": "Action", "update": "Progress update",
              "document": "Source document", "learning": "Learning entry", "evidence": "Evidence file"}
LIMIT = 50


def hit_html(hit, dark: bool) -> str:
    mark = ("background-color:#7a5d00;color:#ffffff" if dark else "background-color:#ffe58a;color:#000000")
    snippet = re.sub(r"<mark>", f'<span style="{mark}">', hit.snippet_html).replace("</mark>", "</span>")
    ref = html.escape(hit.reference or f"#{hit.id}")
    title = html.escape(hit.title or "")
    return (f"<div><b>{ref}</b> &nbsp;{title} <span style='color:gray'>· {KIND_WORDS.get(hit.kind, hit.kind)}"
            f"</span></div><div>{snippet}</div>")


class HitDelegate(QStyledItemDelegate):
    """Draws a hit as rich text (the snippet's matched words highlighted), wrapped to the list's width."""

    def _doc(self, option, index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(index.data(Qt.ItemDataRole.DisplayRole + 0x100) or "")
        doc.setTextWidth(max(200, option.rect.width() - 40))
        return doc

    def paint(self, painter, option, index):
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._doc(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.translate(opt.rect.left() + 36, opt.rect.top() + 4)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        group = QPalette.ColorGroup.Active
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        painter.setClipRect(QRectF(0, 0, opt.rect.width() - 36, opt.rect.height()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option, index):
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        if opt.rect.width() <= 0 and isinstance(opt.widget, QAbstractItemView):
            opt.rect.setWidth(opt.widget.viewport().width())
        doc = self._doc(opt, index)
        return QSize(int(doc.idealWidth()) + 40, int(doc.size().height()) + 8)


class SearchResultsPanel(PanelDefaults, QWidget):
    def __init__(self, ctx, field: QLineEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.field = field
        self._seq = 0
        self._query = ""
        self.message = QLabel("Type in the search field above (Ctrl+F).")
        self.message.setObjectName("searchMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Search status")
        self.list = QListWidget()
        self.list.setObjectName("searchResults")
        self.list.setAccessibleName("Search results")
        self.list.setItemDelegate(HitDelegate(self.list))
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setIconSize(QSize(22, 22))
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.list, 1)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.search_now)
        field.textEdited.connect(self._typed)
        field.returnPressed.connect(self._enter_in_field)
        field.installEventFilter(self)
        self.list.itemActivated.connect(self._open)
        self.list.installEventFilter(self)

    def _main_window(self) -> MainWindow:
        from ..main_window import MainWindow  # imported here: the main window module imports this one
        window = self.window()
        assert isinstance(window, MainWindow), "the search results panel lives in the main window"
        return window

    # -- typing ----------------------------------------------------------------------------------------------
    def _typed(self, text: str) -> None:
        if text.strip():
            self._main_window().show_search_results()
            self._debounce.start()
        else:
            self.list.clear()
            self.message.setText("Type in the search field above (Ctrl+F).")

    def search_now(self) -> None:
        self._debounce.stop()
        text = self.field.text().strip()
        if not text or text == self._query:
            return
        index = self.ctx.search_index
        if index is None:   # opened just after start-up; the same words searched again then will run
            self.message.setText("Search is not ready yet. Press Enter in a moment to search.")
            return
        self._query = text
        self._seq += 1
        seq = self._seq
        self.message.setText("Searching…")
        self.ctx.ops.read(lambda _session: index.search(text, limit=LIMIT),
                          on_done=lambda result: self._show(seq, text, result),
                          on_error=lambda exc: self._failed(seq, exc), label="Search")

    def _show(self, seq: int, text: str, result) -> None:
        if seq != self._seq:
            return
        self.list.clear()
        dark = is_dark()
        for hit in result.hits:
            item = QListWidgetItem(icon(KIND_ICONS.get(hit.kind, "search")), "")
            item.setData(Qt.ItemDataRole.DisplayRole + 0x100, hit_html(hit, dark))
            # Evidence opens the item it is attached to (its file name, item and snippet are in the hit's text).
            item.setData(HIT_ROLE, (hit.parent_kind, hit.parent_id) if hit.parent_kind else (hit.kind, hit.id))
            words = f"{KIND_WORDS.get(hit.kind, hit.kind)} {hit.reference}: {hit.title}. {hit.snippet_text}"
            item.setData(Qt.ItemDataRole.AccessibleTextRole, words)
            item.setToolTip(words)
            self.list.addItem(item)
        n = len(result.hits)
        # The count is exact unless a phrase's candidates were checked only as far as the shown page: then "about".
        more = f" (showing the best {n})" if result.total_estimate > n else ""
        about = "About " if result.total_estimate > n and not result.total_exact else ""
        corrected = (f" — searched for “{result.corrected_query}”" if result.corrected_query else "")
        self.message.setText(f"No matches for “{text}”{corrected}." if n == 0 else
                             f"{about}{result.total_estimate:,} match{'' if result.total_estimate == 1 else 'es'} for "
                             f"“{text}”{more}{corrected}. "
                             f"Enter opens the highlighted one.")
        if n:
            self.list.setCurrentRow(0)

    def _failed(self, seq: int, exc: BaseException) -> None:
        if seq == self._seq:
            self._query = ""
            self.list.clear()
            self.message.setText(readable(exc))

    # -- keys ------------------------------------------------------------------------------------------------------
    def _enter_in_field(self) -> None:
        if self.field.text().strip() != self._query:
            self.search_now()
            return
        item = self.list.currentItem() or self.list.item(0)
        if item is not None:
            self._open(item)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if obj is self.field and key == Qt.Key.Key_Down and self.list.count():
                self._main_window().show_search_results()
                self.list.setFocus()
                return True
            if key == Qt.Key.Key_Escape and (obj is self.list or obj is self.field):
                self._main_window().leave_search()
                if obj is self.list:
                    self.field.setFocus()
                return obj is self.list
        return super().eventFilter(obj, event)

    def _open(self, item: QListWidgetItem) -> None:
        kind, item_id = item.data(HIT_ROLE)
        if kind == "update":
            self.ctx.ops.read(_update_parent, item_id, on_done=lambda parent: parent and self.ctx.open_item(*parent),
                              label="Find the update's item")
            return
        self.ctx.open_item(Entity(kind), item_id)


def _update_parent(session, update_id: int):
    """A progress update opens the recommendation or action it was written on."""
    from ol_desk.core.model import ProgressUpdate
    row = session.get(ProgressUpdate, update_id)
    if row is None:
        return None
    if row.recommendation_id is not None:
        return Entity.RECOMMENDATION, row.recommendation_id
    return Entity.ACTION, row.action_id
