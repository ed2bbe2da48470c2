"""A dashboard tile: a big number over a short label; pressing it opens the register on exactly those rows."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout

from ol_desk.core.queries.dashboard import Slice

# Tiles whose non-zero count needs attention are drawn with a coloured edge.
ALERT_KEYS = {"overdue": "#c0392b", "stale": "#e69f00", "responses_overdue": "#c0392b"}


class TileButton(QPushButton):
    def __init__(self, key: str, title: str, parent=None):
        super().__init__(parent)
        self.key = key
        self.title = title
        self.slice: Slice | None = None
        self.setObjectName(f"tile_{key}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(78)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        self.number = QLabel("…", self)
        self.number.setObjectName("tileNumber")
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.number.setFont(font)
        self.caption = QLabel(title, self)
        self.caption.setWordWrap(True)
        for label in (self.number, self.caption):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            layout.addWidget(label)
        self.setAccessibleName(title)

    def show_slice(self, s: Slice) -> None:
        self.slice = s
        self.number.setText(f"{s.count:,}")
        colour = ALERT_KEYS.get(self.key) if s.count else None
        self.setStyleSheet(f"QPushButton#tile_{self.key} {{ border-left: 5px solid {colour}; }}" if colour else "")
        self.setToolTip(f"{s.count:,} — {self.title}. Press to open them in the register.")
        self.setAccessibleName(f"{self.title}: {s.count:,}")
