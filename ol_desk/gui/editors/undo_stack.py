"""Undo/redo (Ctrl+Z / Ctrl+Shift+Z) for edits and lifecycle commands, built on the audit log.

Every committed write announces the audit events it appended (`Operations.written` → WriteResult.event_ids). Undo
asks the core to reverse exactly those events (`services.history.undo`; redo is `services.history.redo`), which
refuses clearly when a later change touched the same rows. Redo reverses the undo's own events. Both run as
ordinary writes on the worker thread, so they are audited, announced to every view, and can themselves conflict.

One stack per Operations (the whole app shares one), reached with `undo_stack(ctx)`.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from shiboken6 import isValid

from ol_desk.gui.ops import readable

MAX_DEPTH = 100


@dataclass
class UndoEntry:
    label: str
    event_ids: tuple[int, ...]  # the events the step wrote (what undo reverses)


@dataclass(frozen=True)
class _Marker:
    """Returned by the stack's own writes so `written` can tell them apart from the user's."""
    entry: UndoEntry
    direction: str  # "undo" | "redo"


def _reverse(session, actor, event_ids, marker: _Marker):
    from ol_desk.core.services import history
    reverse = history.undo if marker.direction == "undo" else history.redo
    return reverse(session, actor, list(event_ids)), marker


class UndoStack(QObject):
    changed = Signal()          # what can be undone/redone changed
    message = Signal(str, bool)  # text, is_error: a line for the status bar / the editor's banner

    def __init__(self, ops, parent: QObject | None = None):
        super().__init__(parent or ops)
        self.ops = ops
        self._done: list[UndoEntry] = []
        self._undone: list[UndoEntry] = []
        self._running = False
        ops.written.connect(self._on_written)

    # -- state ---------------------------------------------------------------------------------------------------
    def can_undo(self) -> bool:
        return bool(self._done) and not self._running

    def can_redo(self) -> bool:
        return bool(self._undone) and not self._running

    def undo_text(self) -> str:
        return f"Undo {self._done[-1].label}" if self._done else "Undo"

    def redo_text(self) -> str:
        return f"Redo {self._undone[-1].label}" if self._undone else "Redo"

    # -- recording -----------------------------------------------------------------------------------------------
    def _on_written(self, result) -> None:
        marker = result.result if isinstance(result.result, _Marker) else None
        if marker is not None:
            marker.entry.event_ids = tuple(result.event_ids)
            (self._undone if marker.direction == "undo" else self._done).append(marker.entry)
        elif result.event_ids:
            self._done.append(UndoEntry(result.label or "change", tuple(result.event_ids)))
            del self._done[:-MAX_DEPTH]
            self._undone.clear()
        else:
            return
        self.changed.emit()

    # -- commands ------------------------------------------------------------------------------------------------
    def undo(self, actor) -> bool:
        return self._run(actor, self._done, "undo")

    def redo(self, actor) -> bool:
        return self._run(actor, self._undone, "redo")

    def _run(self, actor, source: list[UndoEntry], direction: str) -> bool:
        if not source or self._running:
            return False
        entry = source.pop()
        self._running = True
        self.changed.emit()
        word = "Undo" if direction == "undo" else "Redo"

        def done(_result) -> None:
            self._running = False
            self.message.emit(f"{word}: {entry.label}", False)
            self.changed.emit()

        def failed(exc) -> None:
            self._running = False
            source.append(entry)  # nothing changed: the step stays where it was
            self.message.emit(f"Cannot {word.lower()} {entry.label}: {readable(exc)}", True)
            self.changed.emit()

        self.ops.write(_reverse, actor, entry.event_ids, _Marker(entry, direction),
                       label=f"{word} {entry.label}", on_done=done, on_error=failed)
        return True

    def make_actions(self, parent, actor_of) -> tuple[QAction, QAction]:
        """Undo and Redo actions with the standard shortcuts, kept enabled and labelled with the step they take.
        `actor_of()` names who is signed in when the action fires."""
        undo = QAction("Undo", parent)
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = QAction("Redo", parent)
        keys = {QKeySequence("Ctrl+Shift+Z").toString(): QKeySequence("Ctrl+Shift+Z")}
        for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo):
            keys.setdefault(key.toString(), key)
        redo.setShortcuts(list(keys.values()))
        undo.triggered.connect(lambda: self.undo(actor_of()))
        redo.triggered.connect(lambda: self.redo(actor_of()))

        def refresh() -> None:
            if not (isValid(undo) and isValid(redo)):  # their window has closed
                self.changed.disconnect(refresh)
                return
            undo.setEnabled(self.can_undo())
            undo.setText(self.undo_text())
            redo.setEnabled(self.can_redo())
            redo.setText(self.redo_text())
        self.changed.connect(refresh)
        refresh()
        return undo, redo


_STACKS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def undo_stack(ctx) -> UndoStack:
    """The app's one undo stack (created with the first call for this Operations)."""
    stack = _STACKS.get(ctx.ops)
    if stack is None:
        stack = _STACKS[ctx.ops] = UndoStack(ctx.ops)
    return stack
