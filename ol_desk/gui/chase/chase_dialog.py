"""File › Chase owners…: choose whom to chase (hub, owner, overdue only, stale after N days), preview who would be
sent what (a dry run), then write the drafts into a folder or send them through the relay. The work runs on the
worker thread with progress; the result says who was chased, who has no email address and any failed send."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)
from shiboken6 import isValid

from ol_desk.core.chase.run import ChaseReport
from ol_desk.core.chase.selection import ChaseCriteria
from ol_desk.core.chase.smtp_sender import SmtpSettings
from ol_desk.core.dates import DEFAULT_STALE_DAYS, today
from ol_desk.core.errors import ValidationError
from ol_desk.core.model.enums import Role
from ol_desk.gui.ops import readable
from ol_desk.gui.settings import save_smtp_setting, smtp_setting
from ol_desk.gui.theme import error_label
from ol_desk.gui.wizards.export_dialogs import FileRow

from . import chase_work as work

LABEL = "Chase owners"
COLUMNS = ("Owner", "Email", "Items", "Overdue", "Due soon", "Stale", "Result")


class _FolderRow(FileRow):
    def __init__(self, parent, default: str):
        super().__init__(parent, default)
        self.edit.setAccessibleName("Output folder")

    def browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Folder for the chasers", self.edit.text())
        if path:
            self.edit.setText(path)


class ChaseDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.handle = None
        self.report: ChaseReport | None = None
        self.setObjectName("chaseDialog")
        self.setWindowTitle("Chase owners")
        self.setMinimumSize(760, 560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.hub = QComboBox(self)
        self.hub.setAccessibleName("Hub")
        self.hub.addItem("Every hub", None)
        form.addRow("&Hub:", self.hub)
        self.owner = QComboBox(self)
        self.owner.setAccessibleName("Owner")
        self.owner.addItem("Every owner", None)
        form.addRow("O&wner:", self.owner)
        self.overdue = QCheckBox("Only &overdue items", self)
        form.addRow("", self.overdue)
        self.stale = QSpinBox(self)
        self.stale.setAccessibleName("Stale after days")
        self.stale.setRange(1, 3650)
        self.stale.setValue(DEFAULT_STALE_DAYS)
        self.stale.setSuffix(" days without an update")
        form.addRow("&Stale after:", self.stale)
        self.folder = _FolderRow(self, str(Path.home() / f"chasers-{today():%Y-%m-%d}"))
        form.addRow("Write to &folder:", self.folder)
        layout.addLayout(form)
        layout.addWidget(self._relay_box())
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("chasePreview")
        self.table.setAccessibleName("Owners to chase")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in range(2, len(COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.empty = QLabel("", self)
        self.empty.setObjectName("chaseEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        layout.addWidget(self.empty, 1)
        self.bar = QProgressBar(self)
        self.bar.hide()
        layout.addWidget(self.bar)
        self.message = QLabel("Preview lists who would be chased for what; nothing is written until you choose "
                              "Write drafts or Send.", self)
        self.message.setObjectName("chaseMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.error = error_label(self)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.preview_button = buttons.addButton("&Preview", QDialogButtonBox.ButtonRole.ActionRole)
        self.write_button = buttons.addButton("&Write drafts", QDialogButtonBox.ButtonRole.ActionRole)
        self.send_button = buttons.addButton("Se&nd", QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.clicked.connect(lambda: self.run(dry_run=True))
        self.write_button.clicked.connect(lambda: self.run())
        self.send_button.clicked.connect(lambda: self.run(send=True))
        buttons.rejected.connect(self._close_or_cancel)
        layout.addWidget(buttons)
        self._buttons = (self.preview_button, self.write_button, self.send_button)
        self._relay_changed()
        ctx.ops.progress.connect(self._progress)
        ctx.ops.read(work.choices, label="Load hubs and people", on_done=self._choices)

    def _relay_box(self) -> QGroupBox:
        box = QGroupBox("Send through the mail relay (optional)", self)
        form = QFormLayout(box)
        saved = smtp_setting(self.ctx.settings) if self.ctx.settings is not None else {}
        host = saved.get("host", "")
        self.relay = QLineEdit(f"{host}:{saved.get('port', 25)}" if host else "", box)
        self.relay.setAccessibleName("SMTP relay")
        self.relay.setPlaceholderText("mail.example.police.uk:25")
        form.addRow("&Relay (host:port):", self.relay)
        self.from_address = QLineEdit(saved.get("sender", ""), box)
        self.from_address.setAccessibleName("From address")
        self.from_address.setPlaceholderText("organisational.learning@example.police.uk")
        form.addRow("&From:", self.from_address)
        self.starttls = QCheckBox("Use STARTTLS", box)
        self.starttls.setChecked(bool(saved.get("starttls")))
        form.addRow("", self.starttls)
        self.relay.textChanged.connect(self._relay_changed)
        self.from_address.textChanged.connect(self._relay_changed)
        return box

    def _relay_changed(self) -> None:
        ready = bool(self.relay.text().strip() and self.from_address.text().strip())
        self.send_button.setEnabled(ready and self.handle is None)
        self.send_button.setToolTip("" if ready else "Fill in the relay and the From address to send")

    def _choices(self, data: dict) -> None:
        if not isValid(self):
            return
        actor = self.ctx.actor
        for _id, code, name in data["hubs"]:
            self.hub.addItem(f"{name} ({code})", code)
        if actor.role is Role.HUB_OFFICER and actor.hub_code:
            self.hub.setCurrentIndex(max(0, self.hub.findData(actor.hub_code)))
            self.hub.setEnabled(False)
            self.hub.setToolTip("A hub officer chases the owners of their own hub's items")
        for person_id, name in data["people"]:
            self.owner.addItem(name, person_id)

    # -- running ------------------------------------------------------------------------------------------------
    def criteria(self) -> ChaseCriteria:
        return ChaseCriteria(hub_code=self.hub.currentData(), owner_id=self.owner.currentData(),
                             overdue_only=self.overdue.isChecked(), stale_days=self.stale.value())

    def _smtp(self) -> SmtpSettings:
        relay = SmtpSettings.parse(self.relay.text(), sender=self.from_address.text().strip(),
                                   starttls=self.starttls.isChecked())
        if self.ctx.settings is not None:
            save_smtp_setting(self.ctx.settings, relay.host, relay.port, relay.sender, relay.starttls)
        return relay

    def run(self, *, dry_run: bool = False, send: bool = False) -> None:
        self.error.setText("")
        try:
            smtp = self._smtp() if send else None
            folder = self.folder.path if not dry_run else None
            if not dry_run and not self.folder.edit.text().strip():
                raise ValidationError("Choose a folder for the drafts.")
        except ValidationError as exc:
            self.error.setText(str(exc))
            return
        for b in self._buttons:
            b.setEnabled(False)
        self.bar.setRange(0, 0)
        self.bar.show()
        self.message.setText("Finding what to chase…" if dry_run else "Writing the chasers…")
        self.handle = self.ctx.ops.job(work.chase, self.criteria(), self.ctx.actor, folder, dry_run, smtp,
                                       self.from_address.text().strip(),
                                       label=LABEL, on_done=self._done, on_error=self._failed)

    def _progress(self, label: str, done: int, total: int, message: str) -> None:
        if label == LABEL and isValid(self):
            if total:
                self.bar.setRange(0, total)
                self.bar.setValue(done)
            if message:
                self.message.setText(message)

    def _finish(self) -> None:
        self.handle = None
        self.bar.hide()
        self.preview_button.setEnabled(True)
        self.write_button.setEnabled(True)
        self._relay_changed()

    def _done(self, outcome: work.ChaseOutcome) -> None:
        if not isValid(self):
            return
        self._finish()
        self.report = outcome.report
        if outcome.changes:
            self.ctx.ops.changed.emit(outcome.changes)  # the registers show "last chased"
        self._show(outcome.report)

    def _failed(self, exc) -> None:
        if not isValid(self):
            return
        self._finish()
        self.message.setText("")
        self.error.setText(readable(exc))

    def _show(self, report: ChaseReport) -> None:
        self.message.setText(report.summary())
        empty = not report.outcomes
        self.table.setVisible(not empty)
        self.empty.setVisible(empty)
        if empty:
            self.empty.setText("Nothing to chase.\nNo owner in this selection has an overdue, due-soon or stale "
                               "item. Try every hub, or fewer days before an item counts as stale.")
            return
        self.table.setRowCount(len(report.outcomes))
        for row, o in enumerate(report.outcomes):
            c = o.chase
            values = (c.name, c.email or "(no email address: To left empty)", len(c.items), c.count("overdue"),
                      c.count("due soon"), c.count("stale"), o.status + (f" — {o.problem}" if o.problem else ""))
            for col, value in enumerate(values):
                item = QTableWidgetItem(f"{value:,}" if isinstance(value, int) else str(value))
                if isinstance(value, int):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)

    def _close_or_cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.message.setText("Stopping after this owner; owners not reached are not chased…")
        else:
            self.reject()

