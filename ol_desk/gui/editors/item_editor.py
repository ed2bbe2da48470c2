"""What every editor window shares: loading through the worker thread, Save with the version it loaded, inline
messages, the conflict dialog, refreshing when another window changes the item, the lifecycle bar, undo/redo.

A subclass builds its Details form (from ui/*.ui) and binds each editable field (`bind`), adds its other tabs, and
names its loader and saver. Field values travel as plain Python values; only fields the user changed are saved.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ol_desk.core.editing import saving
from ol_desk.core.editing.history_text import FIELD_LABELS
from ol_desk.core.editing.snapshots import Choices, Snapshot, load_for_editor
from ol_desk.core.errors import ConflictError, NotFoundError, OlDeskError
from ol_desk.core.lifecycle import EDITORS, Command
from ol_desk.core.model.enums import Entity
from ol_desk.gui.ops import readable

from .command_bar import CommandBar
from .conflict import ConflictMixin
from .item_steps import StepsMixin
from .records_panels import HistoryView
from .undo_stack import undo_stack

STYLES = {"error": "background:#fde7e9; color:#8a0016; border:1px solid #f1aeb5; padding:6px;",
          "info": "background:#e8f1fb; color:#0b3d6e; border:1px solid #b6d4f2; padding:6px;",
          "ok": "background:#e6f4ea; color:#0d5223; border:1px solid #a8d5b5; padding:6px;"}


@dataclass
class Binding:
    get: Callable[[], Any]
    set: Callable[[Any], None]
    show: Callable[[Any], str]


class ItemEditor(ConflictMixin, StepsMixin, QWidget):
    entity: Entity
    commands: dict[str, Command] = {}
    closed = Signal(object)      # (entity, id) when the window closes
    item_saved = Signal(int)     # the id, after each save (a new item gets its id here)

    def __init__(self, ctx, item_id: int | None = None, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx = ctx
        self.item_id = item_id
        self.snap: Snapshot | None = None
        self.choices: Choices | None = None
        self.binds: dict[str, Binding] = {}
        self._baseline: dict[str, Any] = {}
        self._filling = False
        self._writing = 0
        self._pending_edits: dict[str, Any] = {}
        self.undo = undo_stack(ctx)
        self._build_frame()
        ctx.ops.changed.connect(self._on_changed)
        self.undo.message.connect(self._undo_message)
        self._fit_to_screen(1000, 780)
        self.reload()

    # -- frame -----------------------------------------------------------------------------------------------------
    def _build_frame(self) -> None:
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel(self)
        self.subtitle.setWordWrap(True)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName("Message")
        self.banner.setVisible(False)
        self.banner_button = QPushButton(self)
        self.banner_button.setVisible(False)
        self._banner_action: Callable[[], object] | None = None
        self.banner_button.clicked.connect(lambda: self._banner_action and self._banner_action())
        self.command_bar = CommandBar(self.commands, self) if self.commands else None
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("Sections")
        details = self.build_details()
        self._top_align(getattr(self, "ui", None))
        holder = QWidget(self)  # the form keeps its natural height; spare room goes below it
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(details)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setAccessibleName("Details")
        self.tabs.addTab(scroll, "&Details")
        self.history = HistoryView(self)
        for title, widget in self.extra_tabs():
            self.tabs.addTab(widget, title)
        self.tabs.addTab(self.history, "Histor&y")
        self.save_button = QPushButton("&Save", self)
        self.save_button.setDefault(True)
        self.revert_button = QPushButton("Re&vert", self)
        self.revert_button.setToolTip("Drop your unsaved changes and show the saved version")
        close_button = QPushButton("Close", self)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(lambda: self.reload(keep_edits=False))
        close_button.clicked.connect(self.close)
        self.state_label = QLabel(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.state_label, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(close_button)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.banner_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        if self.command_bar is not None:
            layout.addWidget(self.command_bar)
            self.command_bar.triggered.connect(self.run_command)
        layout.addLayout(banner_row)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        save_action = QAction("Save", self)
        save_action.setShortcut(QKeySequence.StandardKey.Save)
        save_action.triggered.connect(self.save)
        self.undo_action, self.redo_action = self.undo.make_actions(self, lambda: self.ctx.actor)
        for action in (save_action, self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)

    def _fit_to_screen(self, width: int, height: int) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            width, height = min(width, int(room.width() * 0.95)), min(height, int(room.height() * 0.9))
        self.resize(width, height)

    @staticmethod
    def _top_align(ui) -> None:
        """Two form columns that keep to the top; host widgets for pickers take only the height they need."""
        if ui is None or not hasattr(ui, "columns"):
            return
        for form in (ui.leftForm, ui.rightForm):
            ui.columns.setAlignment(form, Qt.AlignmentFlag.AlignTop)
        ui.columns.setStretch(0, 1)
        ui.columns.setStretch(1, 1)
        for name in dir(ui):
            if name.endswith("HostLayout"):
                getattr(ui, name).setAlignment(Qt.AlignmentFlag.AlignTop)
            if name.endswith("Host"):
                getattr(ui, name).setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    # -- what subclasses provide ----------------------------------------------------------------------------------
    def build_details(self) -> QWidget:
        raise NotImplementedError

    def extra_tabs(self) -> list[tuple[str, QWidget]]:
        return []

    def fill(self, snap: Snapshot | None) -> None:
        """Show the snapshot (None: a new item) in the form and the tabs."""

    def heading(self) -> tuple[str, str]:
        return self.entity.label, ""

    def save_call(self, fields: dict) -> tuple[Callable, tuple, dict]:
        """(fn, args, kwargs) for ops.write: saving.SAVERS by default."""
        return (saving.SAVERS[self.entity],
                (self.ctx.actor, self.item_id, self.snap.version if self.snap else None, fields), {})

    def bind(self, name: str, get, set_, show=None) -> None:
        self.binds[name] = Binding(get, set_, show or (lambda v: "—" if v in (None, "") else str(v)))

    def edited(self, *_args) -> None:
        """Connect every input's change signal here."""
        if not self._filling:
            self._show_state()

    # -- loading ---------------------------------------------------------------------------------------------------
    def reload(self, keep_edits: bool = False) -> None:
        """Read the item again. With keep_edits, the user's unsaved changes are laid back on top."""
        self._pending_edits = self.changed_fields() if keep_edits else {}
        self.read(load_for_editor, self.ctx.actor, self.entity, self.item_id, label=f"Open {self.entity.label}",
                  on_done=self._loaded, on_error=self._load_failed)

    def _loaded(self, loaded) -> None:
        self.choices, snap = loaded
        self.snap = snap
        self._filling = True
        try:
            self.fill(snap)
            self._baseline = self.values()
            for name, value in self._pending_edits.items():
                self.binds[name].set(value)
        finally:
            self._filling = False
        self._pending_edits = {}
        title, subtitle = self.heading()
        self.title.setText(title)
        self.setWindowTitle(f"{title} — ol-desk")
        self.subtitle.setText(subtitle)
        self.subtitle.setVisible(bool(subtitle))
        self.history.show_history(snap.history if snap else ())
        self._update_commands()
        self._show_state()
        if not self.can_edit:
            self._lock_inputs()

    @property
    def can_edit(self) -> bool:
        """Fields are edited by the CPIC team and hub officers; others read (and give the commands they may)."""
        return self.ctx.actor.role in EDITORS and not getattr(self.ctx, "read_only", False)

    def _lock_inputs(self) -> None:
        for line in self.tabs.findChildren(QLineEdit):
            line.setReadOnly(True)
        for text in self.tabs.findChildren(QPlainTextEdit):
            text.setReadOnly(True)
        for cls in (QComboBox, QAbstractSpinBox, QListWidget):
            for widget in self.tabs.findChildren(cls):
                widget.setEnabled(False)
        for button in self.tabs.findChildren(QPushButton):
            if button.text() != "&Open":
                button.setEnabled(False)
        self.save_button.setVisible(False)
        self.revert_button.setVisible(False)
        self.state_label.setText(f"Read only: you are signed in as {self.ctx.actor.role.label}"
                                 + (" (the commands your role allows are above)." if self.command_bar else "."))

    def _load_failed(self, exc) -> None:
        if isinstance(exc, NotFoundError):
            self.say(f"{exc} It may have been deleted or its creation undone.", "error")
            self.save_button.setEnabled(False)
            if self.command_bar is not None:
                self.command_bar.set_state({}, busy=True)
            return
        self.say(readable(exc), "error")

    def _update_commands(self) -> None:
        if self.command_bar is None:
            return
        status = self.snap.values.get("status") if self.snap else None
        self.command_bar.set_state(self.snap.commands if self.snap else {}, status, busy=self._writing > 0)

    # -- state and messages ----------------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        return {name: b.get() for name, b in self.binds.items()}

    def changed_fields(self) -> dict[str, Any]:
        if not self._baseline:
            return {}
        return {k: v for k, v in self.values().items() if self._baseline.get(k) != v}

    @property
    def dirty(self) -> bool:
        return bool(self.changed_fields())

    def _show_state(self) -> None:
        changed = self.changed_fields()
        if self.item_id is None:
            self.state_label.setText("New — not saved yet")
        elif changed:
            names = ", ".join(FIELD_LABELS.get(k, k).lower() for k in changed)
            self.state_label.setText(f"Unsaved changes: {names}")
        else:
            self.state_label.setText(f"Saved · version {self.snap.version}" if self.snap else "")
        self.save_button.setEnabled(self._writing == 0 and (self.item_id is None or bool(changed)))
        self.revert_button.setEnabled(bool(changed) and self.item_id is not None)

    def say(self, text: str, kind: str = "info", button: tuple[str, Callable] | None = None) -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(STYLES[kind])
        self.banner.setVisible(bool(text))
        self._banner_action = button[1] if button is not None else None
        self.banner_button.setVisible(button is not None)
        if button is not None:
            self.banner_button.setText(button[0])

    def _undo_message(self, text: str, error: bool) -> None:
        if self.isActiveWindow() or error:
            self.say(text, "error" if error else "ok")

    # -- talking to the worker ------------------------------------------------------------------------------------
    def _alive(self, fn: Callable | None) -> Callable | None:
        """A callback that does nothing once this window is gone (a result can arrive after it closed)."""
        if fn is None:
            return None
        return lambda *args: fn(*args) if isValid(self) else None

    def read(self, fn, *args, on_done: Callable, on_error: Callable | None = None, **kwargs) -> None:
        on_error = on_error or (lambda exc: self.say(readable(exc), "error"))
        self.ctx.ops.read(fn, *args, on_done=self._alive(on_done), on_error=self._alive(on_error), **kwargs)

    # -- writing ---------------------------------------------------------------------------------------------------
    def write(self, fn, *args, label: str, done: Callable | None = None, failed: Callable | None = None,
              conflict: tuple[Callable, Callable] | None = None, **kwargs) -> None:
        """An immediate write (date move, command, update, evidence, link): reload after, keeping unsaved edits.
        `conflict` = (rows_for(theirs), rerun(version)): when the item changed meanwhile, show both and let the
        user re-apply this step on the saved version (Keep mine) or drop it (Reload)."""
        self._writing += 1
        self._update_commands()
        self._show_state()

        def on_done(result) -> None:
            self._writing -= 1
            self.reload(keep_edits=True)
            if done is not None:
                done(result)

        def on_error(exc) -> None:
            self._writing -= 1
            self._update_commands()
            self._show_state()
            if failed is not None and failed(exc):
                return
            if isinstance(exc, ConflictError) and conflict is not None:
                self._step_conflict(exc, *conflict)
            elif isinstance(exc, ConflictError):
                self.say(f"{exc} The editor now shows the saved version; your unsaved edits are kept.", "error")
                self.reload(keep_edits=True)
            else:
                self.say(readable(exc), "error")

        self.ctx.ops.write(fn, *args, label=label, on_done=self._alive(on_done), on_error=self._alive(on_error),
                           **kwargs)

    def save(self) -> None:
        if self._writing:
            return
        fields = self.changed_fields() if self.item_id is not None else self.values()
        if self.item_id is not None and not fields:
            self.say("Nothing to save: no field has changed.", "info")
            return
        problem = self.validate(fields)
        if problem:
            self.say(problem, "error")
            return
        fn, args, kwargs = self.save_call(fields)
        self._writing += 1
        self._show_state()
        label = f"save {self.entity.label.lower()} {self.snap.label if self.snap else ''}".strip()
        self.ctx.ops.write(fn, *args, label=label, on_done=self._alive(self._saved),
                           on_error=self._alive(lambda exc: self._save_failed(exc, fields)), **kwargs)

    def validate(self, fields: dict) -> str | None:
        """What is missing, in words, before anything is sent (the services check again)."""
        return None

    def _saved(self, item_id) -> None:
        self._writing -= 1
        was_new = self.item_id is None
        self.item_id = item_id
        self.say("Created." if was_new else "Saved.", "ok")
        self.item_saved.emit(item_id)
        self.reload()

    def _save_failed(self, exc, fields: dict) -> None:
        self._writing -= 1
        self._show_state()
        if isinstance(exc, ConflictError):
            self.read(load_for_editor, self.ctx.actor, self.entity, self.item_id,
                      on_done=lambda loaded: self._resolve_conflict(exc, fields, loaded))
        elif isinstance(exc, OlDeskError):
            self.say(f"Not saved: {exc}", "error")
        else:
            self.say(readable(exc), "error")

    # -- other windows' changes ------------------------------------------------------------------------------------
    def related(self) -> dict[Entity, set[int]]:
        """Other rows whose change should refresh this editor (linked items)."""
        return {}

    def touched_by(self, changes) -> bool:
        return (self.item_id in changes.ids(self.entity)
                or any(ids & changes.ids(kind) for kind, ids in self.related().items()))

    def _on_changed(self, changes) -> None:
        if self.item_id is None or self._writing or not self.touched_by(changes):
            return
        if self.dirty:
            self.say("This item was just changed elsewhere. Your unsaved edits are kept; Save will show both "
                     "versions so you can choose.", "info", ("Reload", lambda: self.reload(keep_edits=False)))
            return
        self.reload()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.dirty and self._writing == 0:
            answer = QMessageBox.question(
                self, "Unsaved changes", "This item has changes that are not saved. Close it and drop them?",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        self.closed.emit((self.entity, self.item_id))
        try:
            self.ctx.ops.changed.disconnect(self._on_changed)
            self.undo.message.disconnect(self._undo_message)
        except (RuntimeError, TypeError):
            pass
        super().closeEvent(event)
