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
    """Each register is built when first shown (start-up builds only the one on screen)."""
    for key, entity, title, icon_name, shortcut in REGISTERS:
        window.add_panel(key, title, lambda k=key, e=entity: RegisterPanel(window.ctx, SPECS[e], k, window.identity),
                         icon=icon_name, shortcut=shortcut)
    window.add_panel("reference", "Hubs & people", lambda: _reference_panel(window.ctx), icon="people",
                     shortcut="Ctrl+5")


def _reference_panel(ctx):
    from .reference_panel import ReferencePanel
    return ReferencePanel(ctx)
