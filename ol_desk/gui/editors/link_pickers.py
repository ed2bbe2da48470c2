"""Finding an existing item to link: an action for a recommendation, a recommendation for an action (or as the
one that supersedes). Searches run on the worker thread; typing waits a moment before it asks."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ol_desk.core.editing.snapshots import find_actions, find_documents, find_recommendations

from .colours import error_style
from .fields import show_date


def row_text(row) -> str:
    ref = f"{row.reference} — " if row.reference else f"#{row.id} — "
    due = f", due {show_date(row.due)}" if row.due else ""
    return f"{ref}{row.title[:90]}  [{row.status}{due}]"


class ItemFinder(QWidget):
    """A search box over a list of matches; `value()` is the chosen id (or None)."""

    def __init__(self, ops, find, *, exclude=None, parent=None):
        super().__init__(parent)
        self.ops, self.find_rows, self.exclude = ops, find, exclude  # not .find: QWidget.find(id) exists
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Type an id, reference or words from the title")
        self.search.setAccessibleName("Search")
        self.list = QListWidget(self)
        self.list.setAccessibleName("Matches")
        self.status = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self._ask = 0
        self.refresh()

    def refresh(self) -> None:
        self._ask += 1
        ask = self._ask
        self.status.setText("Searching…")
        args = (self.search.text(),) + ((self.exclude,) if self.exclude is not None else ())
        self.ops.read(self.find_rows, *args, on_done=lambda rows: self._show(ask, rows),
                      on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isValid(self):
            self.status.setText(str(exc))

    def _show(self, ask: int, rows) -> None:
        if not isValid(self) or ask != self._ask:
            return  # the dialog has closed, or a newer search is on its way
        self.list.clear()
        for row in rows:
            item = QListWidgetItem(row_text(row), self.list)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
        if rows:
            self.list.setCurrentRow(0)
        self.status.setText(f"{len(rows)} match{'es' if len(rows) != 1 else ''}"
                            + (" (showing the first 50)" if len(rows) >= 50 else ""))

    def value(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None


class LinkDialog(QDialog):
    def __init__(self, ops, title: str, find, *, exclude=None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(620, 420)
        self.finder = ItemFinder(ops, find, exclude=exclude, parent=self)
        self.message = QLabel(self)
        self.message.setStyleSheet(error_style())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Link")
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        self.finder.list.itemActivated.connect(lambda _i: self._check())
        layout = QVBoxLayout(self)
        layout.addWidget(self.finder, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _check(self) -> None:
        if self.finder.value() is None:
            self.message.setText("Choose one of the matches (search by id, reference or title).")
            return
        self.chosen_text = self.finder.list.currentItem().text()
        self.accept()

    def value(self) -> int | None:
        return self.finder.value()


def action_link_dialog(ops, rec_id: int, parent=None) -> LinkDialog:
    return LinkDialog(ops, "Link an existing action", find_actions, exclude=rec_id, parent=parent)


def recommendation_link_dialog(ops, parent=None) -> LinkDialog:
    return LinkDialog(ops, "Link to a recommendation", find_recommendations, parent=parent)


def document_dialog(ops, parent=None) -> LinkDialog:
    dialog = LinkDialog(ops, "Which source document is it from?", find_documents, parent=parent)
    dialog.ok_button.setText("Choose")
    return dialog


def recommendation_finder(ops) -> Callable[[QWidget], ItemFinder]:
    return lambda parent: ItemFinder(ops, find_recommendations, parent=parent)
