"""Installs File › Chase owners… in the main window (enabled for the roles that work items: CPIC and hub
officers). The dialog module is imported only when the dialog is first opened."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from ol_desk.core.lifecycle import WORKERS


def install(window) -> None:
    action = QAction("&Chase owners…", window)
    action.setObjectName("chaseOwnersAction")
    action.setStatusTip("Write (or send) each owner an email listing their overdue, due-soon and stale items")
    action.triggered.connect(lambda _=False: open_chase(window.ctx, window))
    menu = window.menu_file
    before = next((a for a in menu.actions() if a.isSeparator()), None)
    menu.insertAction(before, action)

    def allowed() -> None:
        action.setEnabled(window.ctx.actor.role in WORKERS)
        action.setToolTip("" if action.isEnabled() else "CPIC and hub officers chase owners")
    allowed()
    window.identity_changed.connect(allowed)
    window.chase_action = action


def open_chase(ctx, parent=None):
    from .chase_dialog import ChaseDialog
    dialog = ChaseDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
