"""What is recorded against an item: the timeline of progress updates and the evidence list."""
from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ol_desk.core.dates import today

from .colours import error_style
from .fields import get_date, set_date, show_date


class ProgressTimeline(QWidget):
    """Newest update first; below, a box to post a new one."""

    post = Signal(str, object)  # text, written_on

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view = QTextBrowser(self)
        self.view.setAccessibleName("Progress updates, newest first")
        self.view.setOpenLinks(False)
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName("New progress update")
        self.text.setPlaceholderText("What has happened since the last update?")
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(90)
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd MMM yyyy")
        self.date.setAccessibleName("Date of the update")
        self.button = QPushButton("&Post update", self)
        self.message = QLabel(self)
        self.message.setStyleSheet(error_style())
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel("Written on:", self))
        row.addWidget(self.date)
        row.addStretch(1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.text)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.button.clicked.connect(self._post)
        set_date(self.date, today())

    def show_updates(self, updates) -> None:
        if not updates:
            self.view.setHtml("<p><i>No progress updates yet.</i></p>")
            return
        parts = []
        for u in updates:
            text = html.escape(u.text).replace("\n", "<br>")
            parts.append(f"<p><b>{show_date(u.written_on)}</b> — {html.escape(u.author)}<br>{text}</p>")
        self.view.setHtml("".join(parts))

    def _post(self) -> None:
        text = self.text.toPlainText().strip()
        if not text:
            self.message.setText("Write the update first: what happened, and what comes next.")
            self.text.setFocus()
            return
        self.message.setText("")
        self.post.emit(text, get_date(self.date) or today())

    def posted(self) -> None:
        self.text.clear()
        self.message.setText("")


def size_words(size: int | None) -> str:
    if size is None:
        return ""
    amount: float = size
    for unit in ("bytes", "KB", "MB", "GB"):
        if amount < 1024 or unit == "GB":
            return f"{size:,} {unit}" if unit == "bytes" else f"{amount:,.1f} {unit}"
        amount /= 1024
    return ""


class EvidencePanel(QWidget):
    attach_file = Signal(str, str)   # path, description
    add_link = Signal(str, str)      # url, description
    open_item = Signal(object)       # EvidenceRow

    COLUMNS = ("Kind", "File or address", "Description", "Size", "Text", "SHA-256", "Added by", "Added")
    TEXT_COLUMN = 4

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: tuple = ()
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.setAccessibleName("Evidence")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self._open())
        self.description = QLineEdit(self)
        self.description.setAccessibleName("Description of the evidence to add")
        self.description.setPlaceholderText("Description (what this shows), then attach a file or add a link")
        self.file_button = QPushButton("Attach &file…", self)
        self.link_button = QPushButton("Add &link…", self)
        self.open_button = QPushButton("&Open", self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.file_button.clicked.connect(self._pick_file)
        self.link_button.clicked.connect(self._ask_link)
        self.open_button.clicked.connect(self._open)
        row = QHBoxLayout()
        row.addWidget(self.description, 1)
        row.addWidget(self.file_button)
        row.addWidget(self.link_button)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)

    def show_evidence(self, rows) -> None:
        self.rows = tuple(rows)
        self.table.setRowCount(len(self.rows))
        for r, e in enumerate(self.rows):
            values = ("File" if e.kind == "file" else "Link", e.name, e.description, size_words(e.size_bytes), "",
                      e.sha256[:12] + "…" if e.sha256 else "", e.added_by, f"{e.created_at:%d %b %Y}")
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 5 and e.sha256:
                    item.setToolTip(e.sha256)
                self.table.setItem(r, c, item)
        self.open_button.setEnabled(bool(self.rows))
        if not self.rows:
            self.message.setStyleSheet("")
            self.message.setText("No evidence yet. Files are copied into the database's evidence store and "
                                 "fingerprinted (SHA-256); links are kept as addresses.")

    def show_text_status(self, words: dict[int, tuple[str, str]]) -> None:
        """{evidence id: (what the Text column says, tooltip)}: whether search finds the file's words (from the
        search index, fetched off the UI thread)."""
        for r, e in enumerate(self.rows):
            if e.id in words:
                text, tip = words[e.id]
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                self.table.setItem(r, self.TEXT_COLUMN, item)

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(error_style() if error else "")
        self.message.setText(text)

    def _pick_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, "Attach evidence file")
        if path:
            self.attach_file.emit(path, self.description.text().strip())

    def _ask_link(self) -> None:
        url, ok = QInputDialog.getText(self, "Add evidence link", "Address (URL or shared-drive path):")
        if ok:
            if not url.strip():
                self.say("A link needs an address.", error=True)
                return
            self.add_link.emit(url.strip(), self.description.text().strip())

    def _open(self) -> None:
        row = self.table.currentRow()
        if row < 0 and len(self.rows) == 1:
            row = 0
        if row < 0:
            self.say("Choose the evidence to open.", error=True)
            return
        self.open_item.emit(self.rows[row])

    def added(self) -> None:
        self.description.clear()


class HistoryView(QTextBrowser):
    """The item's audit history in words, newest first."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName("History of this item")
        self.setOpenLinks(False)

    def show_history(self, lines) -> None:
        if not lines:
            self.setHtml("<p><i>No history yet: it starts when the item is saved.</i></p>")
            return
        parts = []
        for line in lines:
            when = line.at.astimezone().strftime("%d %b %Y %H:%M") if isinstance(line.at, dt.datetime) else ""
            details = "".join(f"<li>{html.escape(d)}</li>" for d in line.details)
            parts.append(f"<p style='margin-bottom:0'><b>{html.escape(line.what)}</b> — {html.escape(line.actor)}"
                         f" <span style='color:gray'>{when}</span></p>"
                         + (f"<ul style='margin-top:0'>{details}</ul>" if details else ""))
        self.setHtml("".join(parts))
