"""An error that escapes a click or a callback reaches the user as one message and the log file, not a console."""
from __future__ import annotations

import logging
import sys

import pytest


@pytest.fixture
def installed(tmp_path, monkeypatch, qapp):
    from ol_desk.gui import error_log
    monkeypatch.setattr(error_log, "log_path", lambda: tmp_path / "logs" / "ol-desk.log")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)   # restored after the test
    before = list(error_log.log.handlers)
    path = error_log.install()
    yield path
    for handler in error_log.log.handlers[len(before):]:
        error_log.log.removeHandler(handler)
        handler.close()


def _raise(exc):
    try:
        raise exc
    except BaseException as caught:  # noqa: BLE001
        return type(caught), caught, caught.__traceback__


def test_an_unexpected_error_on_screen_is_one_message_naming_the_log(installed, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    sys.excepthook(*_raise(KeyError("hub")))
    assert len(shown) == 1
    assert "KeyError" in shown[0] and str(installed) in shown[0] and "Traceback" not in shown[0]
    logging.getLogger("ol_desk").handlers[-1].flush()
    text = installed.read_text(encoding="utf-8")
    assert "Traceback" in text and "KeyError: 'hub'" in text


def test_a_known_error_is_shown_in_its_own_words(installed, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from ol_desk.core.errors import OlDeskError
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    sys.excepthook(*_raise(OlDeskError("That hub is closed.")))
    assert shown and shown[0].startswith("That hub is closed.")
