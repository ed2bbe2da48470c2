"""What the main window asks of a panel (ol_desk.gui.main_window), as one explicit protocol instead of probing
each widget for the methods it happens to have.

    class MyPanel(PanelDefaults, QWidget):    # PanelDefaults first: its no-ops stand in for what MyPanel leaves out
        def refresh(self) -> None: ...

    window.add_panel("mine", "Mine", MyPanel(ctx))   # refused (TypeError) if the widget is not a Panel

Register panels may also select an item (SelectsItems) or take a filter (AppliesFilters); open_item and
show_register use those, and only on the panels REGISTER_PANELS names.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from ol_desk.core.model.enums import Entity
from ol_desk.core.queries.register_filter import RegisterFilter


@runtime_checkable
class Panel(Protocol):
    """A page of the main window's stack."""

    def on_shown(self) -> None:
        """It has just become the current panel."""

    def refresh(self) -> None:
        """View › Refresh: read again what it shows."""

    def identity_changed(self) -> None:
        """Signed in as someone else (Settings): ctx.actor and ctx.read_only are the new ones."""

    def save_state(self) -> None:
        """The window is closing: remember what the user set up (columns, views, …)."""

    def connect_status(self, show: Callable[[str], None]) -> None:
        """Call show(text) whenever its line for the status bar changes (shown while it is current)."""

    def when_loaded(self, done: Callable[[], None]) -> None:
        """Call done() when its first content is on screen; start-up waits for that on the first panel (or 1.5 s)."""


PANEL_METHODS = ("on_shown", "refresh", "identity_changed", "save_state", "connect_status", "when_loaded")


def check_panel(widget: object) -> Panel:
    """The widget as a Panel, or TypeError naming what it lacks (the main window checks each panel once)."""
    if not isinstance(widget, Panel):
        missing = [m for m in PANEL_METHODS if not callable(getattr(widget, m, None))]
        raise TypeError(f"{type(widget).__name__} is not a Panel (ol_desk.gui.panel); it lacks {', '.join(missing)}")
    return widget


class PanelDefaults:
    """Every Panel method as a no-op; mix in before the widget's Qt base and define what the panel needs."""

    def on_shown(self) -> None:
        pass

    def refresh(self) -> None:
        pass

    def identity_changed(self) -> None:
        pass

    def save_state(self) -> None:
        pass

    def connect_status(self, show: Callable[[str], None]) -> None:
        pass

    def when_loaded(self, done: Callable[[], None]) -> None:
        pass


@runtime_checkable
class SelectsItems(Protocol):
    """A register panel: open_item on a kind without an editor selects the item in its register."""
    def select_item(self, entity: Entity, item_id: int) -> None: ...


@runtime_checkable
class AppliesFilters(Protocol):
    """A register panel that ctx.show_register can filter."""
    def apply_filter(self, f: RegisterFilter) -> None: ...
