"""The standard register panels, added to the main window in navigation order."""
from __future__ import annotations

from ol_desk.core.model.enums import Entity
from .panel import RegisterPanel
from .specs import SPECS

# key, entity, navigation title, icon, shortcut
REGISTERS = (
    ("recommendations", Entity.RECOMMENDATION, "Recommendations", "recommendation", "Ctrl+1"),
    ("actions", Entity.ACTION, "Actions", "action", "Ctrl+2"),
    ("documents", Entity.DOCUMENT, "Source documents", "document", "Ctrl+3"),
    ("learning", Entity.LEARNING, "Learning log", "learning", "Ctrl+4"),
)


def add_register_panels(window) -> None:
    for key, entity, title, icon_name, shortcut in REGISTERS:
        panel = RegisterPanel(window.ctx, SPECS[entity], key, window.identity)
        window.add_panel(key, title, panel, icon=icon_name, shortcut=shortcut)
    from .reference_panel import ReferencePanel
    window.add_panel("reference", "Hubs & people", ReferencePanel(window.ctx), icon="people", shortcut="Ctrl+5")
