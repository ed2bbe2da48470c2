"""Where the app's errors go: a log file in the user-data folder, and one readable message box for an error that
escapes a click or a callback (a windowed app has no console, so without this it would vanish silently).

    install(parent_for_messages=lambda: window)   # once, in run_gui, before the window exists
"""
from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from ol_desk.core.store.location import default_data_dir

LOG_NAME = "ol-desk.log"
log = logging.getLogger("ol_desk")


def log_path() -> Path:
    return default_data_dir() / LOG_NAME


def install(parent_for_messages=lambda: None) -> Path | None:
    """Log WARNING and above to the log file (kept to ~3 MB) and show unexpected exceptions in a message box.
    Returns the log file, or None when it cannot be written (then errors go to stderr only)."""
    writable = log_path()
    path: Path | None = None
    try:
        writable.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(writable, maxBytes=1_000_000, backupCount=2, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.setLevel(logging.WARNING)
        log.addHandler(handler)
        path = writable
    except OSError:
        pass
    showing: list[bool] = []

    def excepthook(kind, exc, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log.error("unexpected error", exc_info=(kind, exc, tb))
        if showing:   # an error while a message is up (or raised by the message itself): log it only
            return
        from PySide6.QtWidgets import QApplication, QMessageBox

        from ol_desk.core.errors import OlDeskError
        if QApplication.instance() is None:
            sys.__excepthook__(kind, exc, tb)
            return
        text = str(exc) if isinstance(exc, OlDeskError) else (
            f"Something went wrong on screen ({kind.__name__}: {exc}). What was already saved is kept.")
        if path is not None:
            text += f"\n\nDetails are in the log: {path}"
        showing.append(True)
        try:
            QMessageBox.warning(parent_for_messages(), "ol-desk", text)
        finally:
            showing.clear()
    sys.excepthook = excepthook
    return path
