"""Starting the desktop app: QApplication, the database, the main window."""
from __future__ import annotations

import sys


def run_gui(db_target: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ol_desk.core.errors import OlDeskError
    from ol_desk.core.store import open_database
    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("ol-desk")
    app.setOrganizationName("ol-desk")
    try:
        db = open_database(db_target)
    except OlDeskError as exc:
        QMessageBox.critical(None, "ol-desk cannot open the database", str(exc))
        return 2
    window = MainWindow(db)
    window.show()
    return app.exec()
