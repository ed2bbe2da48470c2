"""Adds the dashboard, triage queue, statutory clocks and Gold Group capture to the main window.

    from ol_desk.gui.insight import install
    install(window)      # window: MainWindow (add_panel, show_panel, set_opener, menu_file, ctx)

Panels: Dashboard (Ctrl+0, first), Learning triage (Ctrl+6), Statutory clocks (Ctrl+7). Action: File › Log Gold
Group learning… (Ctrl+L, also on a toolbar). Opening a learning entry shows it in the triage panel.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

from ol_desk.core.model.enums import Entity
from ol_desk.core.services.learning import CAPTURERS


def open_capture(ctx, parent=None):
    from .learning.capture_dialog import LearningCaptureDialog
    dialog = LearningCaptureDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def install(window) -> None:
    from .clocks.clocks_panel import ClocksPanel
    from .dashboard.dashboard_panel import DashboardPanel
    from .learning.triage_panel import TriagePanel
    ctx = window.ctx
    first = window._keys[0] if getattr(window, "_keys", None) else None
    window.add_panel("dashboard", "Dashboard", DashboardPanel(ctx), icon="dashboard", shortcut="Ctrl+0",
                     before=first)
    triage = window.add_panel("triage", "Learning triage", TriagePanel(ctx), icon="learning", shortcut="Ctrl+6")
    window.add_panel("clocks", "Statutory clocks", ClocksPanel(ctx), icon="overdue", shortcut="Ctrl+7")

    def show_entry(_ctx, _entity, entry_id, _parent):
        if entry_id is None:
            open_capture(ctx, window)
        else:
            window.show_panel("triage")
            triage.select_item(Entity.LEARNING, entry_id)
    window.set_opener(Entity.LEARNING, show_entry)

    capture = QAction("Log &Gold Group learning…", window)
    capture.setObjectName("captureLearningAction")
    capture.setShortcut(QKeySequence("Ctrl+L"))
    capture.setStatusTip("Quick capture of learning identified by a Gold Group (Ctrl+L)")
    capture.triggered.connect(lambda _=False: _capture(window))
    window.menu_file.insertAction(window.menu_file.actions()[0] if window.menu_file.actions() else None, capture)
    window.addAction(capture)
    bar = QToolBar("Learning", window)
    bar.setObjectName("learningToolbar")
    bar.addAction(capture)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    window.capture_action = capture


def _capture(window) -> None:
    if window.ctx.actor.role not in CAPTURERS:
        window.statusBar().showMessage(f"Signed in as {window.ctx.actor.role.label}: you cannot log learning.", 8000)
        return
    open_capture(window.ctx, window)
