"""Installs the insight panels (dashboard, learning triage, statutory clocks) and the menus beside them (Gold Group
capture, workbook import and export, the Board report) in the main window.

    from ol_desk.gui.insight_panels_and_menus import install
    install(window)      # window: MainWindow (add_panel, show_panel, set_opener, menu_file, ctx)

Panels: Dashboard (Ctrl+0, first), Learning triage (Ctrl+6), Statutory clocks (Ctrl+7), Theme pages
(Ctrl+8). Action: File › Log Gold
Group learning… (Ctrl+L, also on a toolbar). Opening a learning entry shows it in the triage panel.
File › Import workbook… (Ctrl+I) and File › Export › Board register pack… / Hub workbook for update… / Read a
returned hub workbook… / Board report (PDF)…; a workbook dropped on the window opens the import wizard (or, for a
returned hub workbook, the diff).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

from ol_desk.core.model.enums import Entity
from ol_desk.core.services.learning import CAPTURERS

from .theme import icon as theme_icon


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
    from .theme_page.theme_page_panel import ThemePagePanel
    ctx = window.ctx
    first = window._keys[0] if getattr(window, "_keys", None) else None
    window.add_panel("dashboard", "Dashboard", DashboardPanel(ctx), icon="dashboard", shortcut="Ctrl+0",
                     before=first)
    triage = window.add_panel("triage", "Learning triage", TriagePanel(ctx), icon="learning", shortcut="Ctrl+6")
    window.add_panel("clocks", "Statutory clocks", ClocksPanel(ctx), icon="overdue", shortcut="Ctrl+7")
    window.add_panel("themes", "Theme pages", lambda: ThemePagePanel(ctx), icon="filter", shortcut="Ctrl+8")

    def show_entry(_ctx, _entity, entry_id, _parent):
        if entry_id is None:
            open_capture(ctx, window)
        else:
            window.show_panel("triage")
            triage.select_item(Entity.LEARNING, entry_id)
    window.set_opener(Entity.LEARNING, show_entry)

    capture = QAction(theme_icon("learning"), "Log &Gold Group learning…", window)
    capture.setObjectName("captureLearningAction")
    capture.setShortcut(QKeySequence("Ctrl+L"))
    capture.setStatusTip("Quick capture of learning identified by a Gold Group (Ctrl+L)")
    capture.triggered.connect(lambda _=False: _capture(window))
    window.menu_file.insertAction(window.menu_file.actions()[0] if window.menu_file.actions() else None, capture)
    window.addAction(capture)
    bar = QToolBar("Learning", window)
    bar.setObjectName("learningToolbar")
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.addAction(capture)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    window.capture_action = capture
    _install_excel(window)


WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".csv"}
PDF_SUFFIXES = {".pdf"}       # a coroner's PFD report: read into a preview to confirm (pfd_report_dialog)


def open_import(ctx, path=None, parent=None):
    from .wizards.import_wizard import ImportWizard
    wizard = ImportWizard(ctx, path, parent)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.open()
    return wizard


def open_pfd_report(ctx, path=None, parent=None):
    from .wizards.pfd_report_dialog import PfdReportDialog
    return _show(PfdReportDialog(ctx, path, parent))


def _show(dialog):
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def current_register_filter(window):
    """The recommendations register's filter as the user left it (for the Board pack), or None."""
    panel = window.panel("recommendations")
    model = getattr(panel, "model", None)
    query = getattr(model, "query", None)
    return getattr(query, "filter", None)


def _install_excel(window) -> None:
    from .report.report_action import export_board_report
    from .wizards.export_dialogs import BoardPackDialog, HubWorkbookDialog, ReturnedWorkbookDialog
    ctx = window.ctx
    menu = window.menu_file
    before = window.menu_file.actions()[1] if len(menu.actions()) > 1 else None
    imp = QAction("&Import workbook…", window)
    imp.setObjectName("importAction")
    imp.setShortcut(QKeySequence("Ctrl+I"))
    imp.triggered.connect(lambda _=False: open_import(ctx, None, window))
    menu.insertAction(before, imp)
    pfd = QAction("Import &PFD report (PDF)…", window)
    pfd.setObjectName("importPfdAction")
    pfd.setStatusTip("Read a coroner's Regulation 28 report from its PDF, check it, and import its concerns")
    pfd.triggered.connect(lambda _=False: open_pfd_report(ctx, None, window))
    menu.insertAction(before, pfd)
    export = menu.addMenu("E&xport")
    menu.insertMenu(before, export)
    pack = export.addAction("&Board register pack…")
    pack.triggered.connect(lambda _=False: _show(BoardPackDialog(ctx, current_register_filter(window), window)))
    hub = export.addAction("&Hub workbook for update…")
    hub.triggered.connect(lambda _=False: _show(HubWorkbookDialog(ctx, window)))
    back = export.addAction("&Read a returned hub workbook…")
    back.triggered.connect(lambda _=False: _show(ReturnedWorkbookDialog(ctx, None, window)))
    export.addSeparator()
    report = export.addAction("Board &report (PDF)…")
    report.triggered.connect(lambda _=False: export_board_report(
        ctx, window, lambda message: window.statusBar().showMessage(message, 15000)))
    def writes_allowed() -> None:  # import, hub workbook and returned workbook write; the pack and report only read
        for act in (imp, pfd, hub, back):
            act.setEnabled(not getattr(ctx, "read_only", False))
    writes_allowed()
    window.identity_changed.connect(writes_allowed)
    window.import_action, window.import_pfd_action, window.export_menu = imp, pfd, export
    window.setAcceptDrops(True)
    window._workbook_drops = WorkbookDrops(window)
    window.installEventFilter(window._workbook_drops)


class WorkbookDrops(QObject):
    """A workbook dropped on the window: a returned hub workbook opens as a diff, anything else in the wizard; a
    PDF opens as a PFD report to confirm."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window

    @staticmethod
    def _workbook(event) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
        return next((p for p in paths if p.suffix.lower() in WORKBOOK_SUFFIXES | PDF_SUFFIXES), None)

    def eventFilter(self, _obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and self._workbook(event):
            event.acceptProposedAction()
            return True
        if event.type() == QEvent.Type.Drop:
            path = self._workbook(event)
            if path is not None:
                event.acceptProposedAction()
                self.open(path)
                return True
        return False

    def open(self, path: Path) -> None:
        from ol_desk.core.excel.hub_roundtrip.roundtrip import is_roundtrip_workbook

        from .wizards.export_dialogs import ReturnedWorkbookDialog
        ctx = self.window.ctx
        if ctx.read_only:
            self.window.statusBar().showMessage(
                f"Signed in as {ctx.actor.role.label}: browsing only, so workbooks cannot be read in.", 8000)
            return
        if path.suffix.lower() in PDF_SUFFIXES:
            open_pfd_report(ctx, path, self.window)
            return

        def chosen(returned: bool) -> None:
            if returned:
                _show(ReturnedWorkbookDialog(ctx, path, self.window))
            else:
                open_import(ctx, path, self.window)
        ctx.ops.read(lambda _session: is_roundtrip_workbook(path), label="Read workbook", on_done=chosen)


def _capture(window) -> None:
    if window.ctx.actor.role not in CAPTURERS:
        window.statusBar().showMessage(f"Signed in as {window.ctx.actor.role.label}: you cannot log learning.", 8000)
        return
    open_capture(window.ctx, window)
