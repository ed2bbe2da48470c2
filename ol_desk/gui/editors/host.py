"""What the editor mixins (conflicts, steps, records) rely on ItemEditor to provide, declared once for the type
checker. At run time the class is empty: ItemEditor itself sets these attributes and defines these methods."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from PySide6.QtWidgets import QTabWidget

    from ol_desk.core.editing.snapshots import Snapshot
    from ol_desk.core.lifecycle import Command
    from ol_desk.core.model.enums import Entity
    from ol_desk.gui.app_context import AppContext

    from .item_editor import Binding


class EditorHost:
    """The part of ItemEditor that its mixins use."""

    if TYPE_CHECKING:
        entity: Entity
        commands: dict[str, Command]
        ctx: AppContext
        item_id: int | None
        snap: Snapshot | None
        binds: dict[str, Binding]
        tabs: QTabWidget
        _pending_edits: dict[str, Any]

        def say(self, text: str, kind: str = "info", button: tuple[str, Callable] | None = None) -> None: ...

        def changed_fields(self) -> dict[str, Any]: ...

        def _loaded(self, loaded: Any) -> None: ...

        def save(self) -> None: ...

        def read(self, fn: Callable, *args: Any, on_done: Callable, on_error: Callable | None = None,
                 **kwargs: Any) -> None: ...

        def write(self, fn: Callable, *args: Any, label: str, done: Callable | None = None,
                  failed: Callable | None = None, conflict: tuple[Callable, Callable] | None = None,
                  **kwargs: Any) -> None: ...
