"""install(window) adds the dashboard, triage and clocks panels and Gold capture; the clocks list is urgent-first."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from ol_desk.core.model import SourceDocument
from ol_desk.core.model.enums import Entity, Role
from ol_desk.core.services import learning
from ol_desk.gui.clocks.clocks_panel import ClocksPanel
from ol_desk.gui.insight_panels_and_menus import install
from ol_desk.gui.learning.capture_dialog import LearningCaptureDialog
from tests.core.test_dashboard_queries import ON, _build


def test_install_adds_panels_capture_and_the_learning_opener(make_window, qtbot, db, cpic):
    window = make_window()
    install(window)
    assert window.navigation.item(0).text() == "Dashboard"
    assert window.panel("triage") is not None and window.panel("clocks") is not None
    assert window.capture_action.shortcut().toString() == "Ctrl+L"
    assert window.menu_file.actions()[0] is window.capture_action

    window.capture_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, LearningCaptureDialog))
    assert dialog.isVisible()
    dialog.reject()

    with db.transaction() as s:
        changes = learning.capture_learning(s, cpic, operation="Operation Yew", learning="Cordon log lost.")
    entry_id = next(iter(changes.created[Entity.LEARNING]))
    window.ctx.open_item(Entity.LEARNING, entry_id)
    triage = window.panel("triage")
    assert window.current_key() == "triage"
    qtbot.waitUntil(lambda: triage.current_id() == entry_id, timeout=5000)


def test_capture_is_not_offered_to_a_board_member(make_window):
    window = make_window(role=Role.BOARD, hub=None, name="Board Chair")
    install(window)
    window.capture_action.trigger()
    assert not any(isinstance(w, LearningCaptureDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    assert "cannot log learning" in window.statusBar().currentMessage()


def test_clocks_show_days_left_with_overdue_in_red_and_open_the_document(qtbot, db, cpic, ctx, on_day):
    on_day(ON)
    _build(db, cpic)
    panel = ClocksPanel(ctx)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        panel.show()
    cells = [[panel.table.item(r, c).text() for c in range(panel.table.columnCount())]
             for r in range(panel.table.rowCount())]
    assert [row[0] for row in cells] == ["14 overdue", "36"]
    assert cells[0][2] == "IOPC recommendation" and cells[1][4] == "North West"
    assert panel.table.item(0, 0).foreground().color().name() == "#c0392b"
    assert "2 responses outstanding, 1 overdue" in panel.heading.text()
    panel.table.itemActivated.emit(panel.table.item(1, 3))
    with db.reading() as s:
        pfd = s.scalar(select(SourceDocument.id).where(SourceDocument.kind == "pfd"))
    assert ctx.opened == [(Entity.DOCUMENT, pfd)]


def test_file_menu_offers_import_and_exports_and_a_dropped_workbook_opens_the_wizard(make_window, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtCore import Qt as QtNS
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from ol_desk.core.queries.register_filter import RegisterFilter
    from ol_desk.gui.wizards.export_dialogs import BoardPackDialog
    from ol_desk.gui.wizards.import_wizard import ImportWizard
    window = make_window()
    install(window)
    assert window.import_action.shortcut().toString() == "Ctrl+I"
    assert [a.text() for a in window.export_menu.actions() if not a.isSeparator()] == [
        "&Board register pack…", "&Hub workbook for update…", "&Read a returned hub workbook…",
        "Board &report (PDF)…"]
    window.show_register(Entity.RECOMMENDATION, RegisterFilter(overdue=True, labels=("Overdue",)))
    window.export_menu.actions()[0].trigger()
    pack = next(w for w in QApplication.topLevelWidgets() if isinstance(w, BoardPackDialog) and w.isVisible())
    assert pack.register.overdue                                   # the register's filter, pre-filled
    pack.reject()

    book = tmp_path / "tracker.xlsx"
    from openpyxl import Workbook
    Workbook().save(book)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(book))])
    args = (QPoint(10, 10), QtNS.DropAction.CopyAction, data, QtNS.MouseButton.LeftButton,
            QtNS.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(*args)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()                                      # a workbook may be dropped here
    QApplication.sendEvent(window, QDropEvent(*args))
    qtbot.waitUntil(lambda: any(isinstance(w, ImportWizard) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=5000)
    wizard = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ImportWizard) and w.isVisible())
    assert wizard.file_page.path.text() == str(book)
    wizard.reject()


def test_signing_in_as_a_board_member_turns_off_import_and_workbook_drops(make_window, qtbot, monkeypatch, tmp_path):
    from ol_desk.gui.settings_dialog import SettingsDialog
    window = make_window()
    install(window)
    assert window.import_action.isEnabled()

    def fake_exec(self):
        self.ui.nameEdit.setText("Board Chair")
        self.ui.roleCombo.setCurrentIndex(self.ui.roleCombo.findData("board"))
        self.accept()
        return 1
    monkeypatch.setattr(SettingsDialog, "exec", fake_exec)
    window.open_settings()
    qtbot.waitUntil(lambda: window.ctx.read_only, timeout=5000)
    assert not window.import_action.isEnabled()
    window._workbook_drops.open(tmp_path / "register.xlsx")
    assert "browsing only" in window.statusBar().currentMessage()
    assert window.ops.wait_idle()
    from ol_desk.gui.wizards.import_wizard import ImportWizard
    assert not any(isinstance(w, ImportWizard) and w.isVisible() for w in QApplication.topLevelWidgets())
