"""Panels that reload after a write touching what they show: at once while visible, else when next shown."""
from __future__ import annotations


class RefreshWhenShown:
    """Mix in before QWidget; set WATCHED (Entity values), define refresh(), call watch(ctx.ops) once."""

    WATCHED: tuple = ()
    _stale = True

    def watch(self, ops) -> None:
        ops.changed.connect(self._changed_elsewhere)

    def mark_fresh(self) -> None:
        self._stale = False

    def on_shown(self) -> None:
        if self._stale:
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.on_shown()

    def _changed_elsewhere(self, changes) -> None:
        if not changes.touches(*self.WATCHED):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True
