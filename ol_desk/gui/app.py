"""Starting the desktop app: QApplication, theme, the database, who you are (first run), the main window."""
from __future__ import annotations

import os
import sys

SMOKE_QUIT_ENV = "OL_DESK_SMOKE_QUIT_MS"


def run_gui(db_target: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from . import error_log
    from .settings import app_settings, load_identity, save_identity, theme_setting
    from .theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication), "the GUI needs a QApplication, not a QCoreApplication"
    app.setApplicationName("ol-desk")
    app.setOrganizationName("ol-desk")
    error_log.install(lambda: QApplication.activeWindow())
    settings = app_settings()
    apply_theme(app, theme_setting(settings))
    db = open_configured_database(settings, db_target, ask=lambda text: QMessageBox.question(
        None, "ol-desk cannot open the database", text) == QMessageBox.StandardButton.Yes,
        tell=lambda text: QMessageBox.critical(None, "ol-desk cannot open the database", text))
    if db is None:
        return 2
    if db.is_server:  # the login is the person; the server says who they are and what they may do
        identity = server_identity(db, tell=lambda text: QMessageBox.critical(None, "ol-desk", text))
        if identity is None:
            return 2
    else:
        identity = load_identity(settings)
    if identity is None:
        identity = ask_identity(db)
        if identity is None:
            return 0
        save_identity(settings, identity)
    from .main_window import MainWindow
    window = MainWindow(db, identity, settings)
    window.show()
    quit_after = os.environ.get(SMOKE_QUIT_ENV)
    if quit_after:  # packaging smoke tests: prove the window comes up, then leave cleanly
        from PySide6.QtCore import QTimer
        QTimer.singleShot(int(quit_after), window.close)
    return app.exec()


def open_configured_database(settings, db_target, *, ask, tell):
    """The database from --db, else the one chosen in Settings, else the default. When the one chosen in Settings
    cannot be opened, offer the default instead (and forget the choice) so the user is never locked out."""
    from ol_desk.core.errors import OlDeskError
    from ol_desk.core.store import open_database

    from .settings import database_setting
    chosen = db_target or database_setting(settings)
    try:
        return open_database(chosen)
    except OlDeskError as exc:
        if db_target or not chosen or not ask(f"{exc}\n\nThis is the database chosen in Settings. "
                                              f"Open the default database instead?"):
            tell(str(exc))
            return None
    settings.remove("database/path")
    try:
        return open_database(None)
    except OlDeskError as exc:
        tell(str(exc))
        return None


def server_identity(db, *, tell):
    """Who the server says is signed in (None, after telling the user, when the login is not an ol-desk user)."""
    from ol_desk.core.errors import OlDeskError
    from ol_desk.core.store.server.identity import signed_in_actor

    from .settings import Identity
    try:
        return Identity.of(signed_in_actor(db))
    except OlDeskError as exc:
        tell(str(exc))
        return None


def ask_identity(db):
    """First run: who are you? (None when the user cancels.) Reads the hubs once, before the window exists."""
    from .identity_dialog import IdentityDialog, hub_choices
    with db.reading() as session:
        hubs = hub_choices(session)
    dialog = IdentityDialog(hubs)
    return dialog.identity() if dialog.exec() else None
