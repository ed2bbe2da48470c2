"""Suggested themes under the recommendation editor's theme picker: one button per suggestion, one click to accept.

The suggestions (the theme's words found in the text, the themes of similar tagged items) are worked out on the
worker thread when the editor shows an item. Clicking one ticks that theme in the picker, as a user would; the
Save that follows writes it through the same service and audit event as any theme change.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget
from shiboken6 import isValid

from ol_desk.core.themes.suggestions import Suggestion, ThemeSuggester


def suggest_for(db, _progress, _cancel, index, rec_id: int) -> list[Suggestion]:
    with db.reading() as session:
        return ThemeSuggester(session, index).for_recommendations([rec_id]).get(rec_id, [])


class ThemeSuggestionBar(QWidget):
    accepted = Signal(int)     # the theme id the user accepted

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setAccessibleName("Suggested themes")
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel("Suggested:", self)
        self._row.addWidget(self.label)
        self._row.addStretch(1)
        self.buttons: list[QPushButton] = []
        self._asked: int | None = None
        self.hide()

    def ask(self, rec_id: int | None) -> None:
        """Work out the suggestions for `rec_id` (None: a new item, none shown)."""
        self._asked = rec_id
        self.show_suggestions([])
        if rec_id is None:
            return
        self.ctx.ops.job(suggest_for, self.ctx.search_index, rec_id, label="Suggest themes",
                         on_done=lambda found, r=rec_id: self._arrived(r, found), on_error=lambda _exc: None)

    def _arrived(self, rec_id: int, found: list[Suggestion]) -> None:
        if isValid(self) and rec_id == self._asked:
            self.show_suggestions(found)

    def show_suggestions(self, found: list[Suggestion]) -> None:
        for b in self.buttons:
            self._row.removeWidget(b)
            b.deleteLater()
        self.buttons = []
        for n, s in enumerate(found):
            b = QPushButton(f"+ {s.name}", self)
            b.setToolTip(f"Suggested from {s.why}. Click to add the theme, then save.")
            b.setAccessibleName(f"Accept suggested theme {s.name}")
            b.clicked.connect(lambda _c=False, s=s, b=b: self._accept(s, b))
            self._row.insertWidget(1 + n, b)
            self.buttons.append(b)
        self.setVisible(bool(found))

    def _accept(self, s: Suggestion, button: QPushButton) -> None:
        self.accepted.emit(s.theme_id)
        button.setEnabled(False)
        button.setText(f"✓ {s.name}")
