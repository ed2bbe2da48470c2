"""Panels that reload after a write touching what they show: at once while visible, else when next shown."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent

from ol_desk.core.model.enums import Entity
from ol_desk.core.services.changes import Changes
from ol_desk.gui.panel import PanelDefaults

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget as _WidgetBase

    from ol_desk.gui.ops import Operations
else:
    _WidgetBase = object   # at run time the panel's own QWidget base follows this mixin in the MRO


class RefreshWhenShown(PanelDefaults, _WidgetBase):
    """Mix in before QWidget; set WATCHED (Entity values), define refresh(), call watch(ctx.ops) once. A Panel
    (ol_desk.gui.panel): on_shown is its own, the rest PanelDefaults' no-ops unless the panel defines them."""

    WATCHED: tuple[Entity, ...] = ()
    _stale = True

    def watch(self, ops: Operations) -> None:
        ops.changed.connect(self._changed_elsewhere)

    def mark_fresh(self) -> None:
        self._stale = False

    def on_shown(self) -> None:
        if self._stale:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.on_shown()

    def _changed_elsewhere(self, changes: Changes) -> None:
        if not changes.touches(*self.WATCHED):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True
