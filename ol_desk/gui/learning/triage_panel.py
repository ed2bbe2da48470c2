"""The CPIC triage queue: Gold Group learning awaiting a decision — no action (with a reason), convert to a
recommendation with actions, or merge into an existing recommendation (the link is kept both ways)."""
from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ol_desk.core.errors import NotFoundError
from ol_desk.core.model.enums import Entity, Role, TriageOutcome
from ol_desk.core.queries.dashboard_empty import LEARNING_START
from ol_desk.core.queries.learning_queue import QueueRow, queue, recommendation_by_label
from ol_desk.core.services.learning import TRIAGERS, triage_merge, triage_no_action
from ol_desk.core.services.triage import convert_with_actions
from ol_desk.gui.dashboard.refresh_when_shown import RefreshWhenShown
from ol_desk.gui.ops import readable

from .convert_dialog import ConvertDialog
from .similar_items import SimilarItems

COLUMNS = ("Operation", "Incident", "Gold lead", "Suggested hub", "Learning", "Outcome")


class TriagePanel(RefreshWhenShown, QWidget):
    WATCHED = (Entity.LEARNING, Entity.RECOMMENDATION)
    status_text = Signal(str)
    loaded = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[QueueRow] = []
        self._select_id: int | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = QLabel("<b>Gold Group learning awaiting triage</b>", self)
        self.heading.setWordWrap(True)   # an empty state's words must not widen the window
        top.addWidget(self.heading, 1)
        self.show_all = QCheckBox("Show &triaged entries too", self)
        self.show_all.toggled.connect(lambda _on: self.refresh())
        top.addWidget(self.show_all)
        layout.addLayout(top)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.table = QTableWidget(0, len(COLUMNS), split)
        self.table.setObjectName("triageTable")
        self.table.setAccessibleName("Learning awaiting triage")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        side = QWidget(split)
        right = QVBoxLayout(side)
        self.detail = QTextBrowser(side)
        self.detail.setAccessibleName("Learning entry")
        self.detail.setOpenLinks(False)
        self.detail.anchorClicked.connect(lambda url: self.ctx.open_item(Entity.RECOMMENDATION, int(url.path())))
        right.addWidget(self.detail, 2)
        right.addWidget(QLabel("Similar existing recommendations (select one to merge into):", side))
        self.similar_list = QListWidget(side)
        self.similar_list.setAccessibleName("Similar existing recommendations")
        right.addWidget(self.similar_list, 1)
        self.similar = SimilarItems(ctx, self.similar_list, parent=self)
        buttons = QHBoxLayout()
        self.no_action_button = QPushButton("&No action…", side)
        self.convert_button = QPushButton("&Convert to recommendation…", side)
        self.merge_button = QPushButton("&Merge into…", side)
        for b, slot in ((self.no_action_button, self.no_action), (self.convert_button, self.convert),
                        (self.merge_button, self.merge)):
            b.clicked.connect(slot)
            buttons.addWidget(b)
        right.addLayout(buttons)
        self.why = QLabel("", side)
        self.why.setWordWrap(True)
        right.addWidget(self.why)
        split.addWidget(self.table)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([640, 420])
        layout.addWidget(split, 1)
        self.watch(ctx.ops)
        self._update_buttons()

    def connect_status(self, show: Callable[[str], None]) -> None:
        self.status_text.connect(show)

    # -- loading ---------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.mark_fresh()
        self.ctx.ops.read(queue, include_triaged=self.show_all.isChecked(), label="Triage queue",
                          on_done=self._show)

    def _show(self, rows: list[QueueRow]) -> None:
        keep = self._select_id if self._select_id is not None else self.current_id()
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = (row.operation, f"{row.incident_date:%d %b %Y}" if row.incident_date else "", row.gold_lead,
                     row.hub, " ".join(row.learning.split())[:200], row.outcome.label)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        for col in range(4):  # leave the learning itself room to be read
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 150))
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(5, not self.show_all.isChecked())  # the outcome says something only then
        pending = sum(1 for r in rows if r.outcome == TriageOutcome.PENDING)
        self.heading.setText(f"<b>Gold Group learning awaiting triage: {pending:,}</b>" if rows else
                             f"<b>Gold Group learning awaiting triage: none</b> — nothing has been logged yet. "
                             f"{LEARNING_START}")
        self.status_text.emit(f"{pending:,} awaiting triage")
        index = next((i for i, row in enumerate(rows) if row.id == keep), 0 if rows else -1)
        self._select_id = None
        if index >= 0:
            self.table.selectRow(index)
        else:
            self.detail.setHtml("<p>Nothing is waiting for triage.</p>")
        self._update_buttons()
        self.loaded.emit()

    def select_item(self, entity: Entity, entry_id: int) -> None:
        """Show one entry (opened from the learning log or a search hit), triaged or not."""
        self._select_id = entry_id
        if not self.show_all.isChecked():
            self.show_all.setChecked(True)  # reloads
        else:
            self.refresh()

    # -- selection -------------------------------------------------------------------------------------------
    def current(self) -> QueueRow | None:
        r = self.table.currentRow()
        return self.rows[r] if 0 <= r < len(self.rows) else None

    def current_id(self) -> int | None:
        row = self.current()
        return row.id if row else None

    def _selected(self) -> None:
        row = self.current()
        self._update_buttons()
        if row is None:
            return
        linked = (f"<p>{row.outcome.label}: <a href='rec:{row.linked_id}'>{html.escape(row.linked)}</a></p>"
                  if row.linked_id else "")
        reason = f"<p><i>{html.escape(row.reason)}</i></p>" if row.reason else ""
        self.detail.setHtml(
            f"<h3>{html.escape(row.operation)}</h3>"
            f"<p>{html.escape(row.learning)}</p>"
            f"<p>Gold lead: {html.escape(row.gold_lead or '—')} · suggested owner: "
            f"{html.escape(row.suggested_owner or '—')} · hub: {html.escape(row.hub or '—')}</p>{linked}{reason}")
        self.similar.lookup(row.learning)
        self.similar.lookup_now()

    def _update_buttons(self) -> None:
        row = self.current()
        allowed = self.ctx.actor.role in TRIAGERS
        pending = row is not None and row.outcome == TriageOutcome.PENDING
        for b in (self.no_action_button, self.convert_button, self.merge_button):
            b.setEnabled(allowed and pending)
        if not allowed:
            self.why.setText(f"Only the {Role.CPIC.label} triages learning; you are signed in as "
                             f"{self.ctx.actor.role.label}.")
        elif row is not None and not pending:
            self.why.setText(f"Already triaged: {row.outcome.label}.")
        else:
            self.why.setText("")

    def identity_changed(self) -> None:
        self._update_buttons()

    # -- decisions -------------------------------------------------------------------------------------------
    def _write(self, fn, *args, label: str, **kw) -> None:
        self._select_id = self.current_id()
        self.ctx.ops.write(fn, self.ctx.actor, *args, label=label, on_error=self._failed, **kw)

    def _failed(self, exc) -> None:
        self.why.setText(readable(exc))

    def no_action(self) -> None:
        row = self.current()
        if row is None:
            return
        reason, ok = QInputDialog.getMultiLineText(self, "No action", f"Why does the learning from {row.operation} "
                                                   f"need no action?")
        if ok:
            self._write(triage_no_action, row.id, reason, expected_version=row.version, label="Triage: no action")

    def convert(self) -> None:
        row = self.current()
        if row is None:
            return
        dialog = ConvertDialog(row.operation, row.learning, self)
        if dialog.exec():
            self._write(convert_with_actions, row.id, expected_version=row.version, label="Triage: convert",
                        **dialog.values())

    def merge(self) -> None:
        row = self.current()
        if row is None:
            return
        target = self.similar.selected_id()
        if target is not None:
            self._write(triage_merge, row.id, target, expected_version=row.version, label="Triage: merge")
            return
        label, ok = QInputDialog.getText(self, "Merge into a recommendation",
                                         "Recommendation to merge into (document reference and reference, "
                                         "e.g. \"2021/153511 R2\", or #id):")
        if not ok or not label.strip():
            return

        def found(rec_id):
            if rec_id is None:
                self._failed(NotFoundError(f"No recommendation is called '{label.strip()}'."))
            else:
                self._write(triage_merge, row.id, rec_id, expected_version=row.version, label="Triage: merge")
        self.ctx.ops.read(recommendation_by_label, label, on_done=found, label="Find recommendation")
