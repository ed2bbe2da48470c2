"""What every panel and dialog is given: the database, the operation helper, who is signed in, and navigation.

No global app object: the main window builds one AppContext and hands it down.

    ctx.open_item(Entity.RECOMMENDATION, 42)   # open an item (its editor; hubs/people select in their register)
    ctx.new_item(Entity.ACTION)                # open an editor on a new, unsaved item
    ctx.show_register(Entity.ACTION, RegisterFilter(overdue=True, labels=("Overdue",)))
    ctx.read_only                              # viewers and Board members browse the registers only
    ctx.search_index                           # the one SearchIndex of this database (use it on the ops thread)
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ol_desk.core.model.enums import Entity
from ol_desk.core.queries.register_filter import RegisterFilter
from ol_desk.core.services.actor import Actor

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from ol_desk.core.search.index import SearchIndex
    from ol_desk.core.store.database import Database
    from ol_desk.gui.ops import Operations


def _nowhere(*_args, **_kwargs) -> None:
    return None


@dataclass
class AppContext:
    db: Database
    ops: Operations
    actor: Actor
    # Navigation, wired by the main window: open an item's editor; show a register filtered.
    open_item: Callable[[Entity, int], None] = field(default=_nowhere)
    show_register: Callable[[Entity, RegisterFilter], None] = field(default=_nowhere)
    new_item: Callable[[Entity], None] = field(default=_nowhere)
    read_only: bool = False
    search_index: SearchIndex | None = None   # None when search is unavailable
    settings: QSettings | None = None
