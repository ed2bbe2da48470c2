"""Editors are driven as a user would: real widgets, a real database per test, dialogs answered by monkeypatching
their exec (modal loops cannot run in a test)."""
from __future__ import annotations

import datetime as dt

import pytest

from ol_desk.core.model.enums import Role
from ol_desk.core.services import Actor
from ol_desk.gui.app_context import AppContext
from ol_desk.gui.ops import Operations


@pytest.fixture
def ops(qapp, db):
    o = Operations(db)
    yield o
    from ol_desk.gui import editors
    for editor in list(editors._OPEN.values()):
        try:
            editor.deleteLater()
        except RuntimeError:
            pass
    editors._OPEN.clear()
    o.wait_idle()
    o.shutdown()


@pytest.fixture
def ctx_for(db, ops):
    """An AppContext for a given actor (the same database and worker for all of them)."""
    def make(actor: Actor) -> AppContext:
        return AppContext(db, ops, actor)
    return make


@pytest.fixture
def ctx(ctx_for, cpic):
    return ctx_for(cpic)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setenv("OL_DESK_TODAY", "2025-04-10")
    return dt.date(2025, 4, 10)


@pytest.fixture(autouse=True)
def no_real_prompts(monkeypatch):
    """A close with unsaved edits would ask; tests discard unless they say otherwise."""
    from PySide6.QtWidgets import QMessageBox
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))


def settle(ops) -> None:
    assert ops.wait_idle(10_000), "the worker did not finish"


def answer_dialog(monkeypatch, cls, fill):
    """Make `cls.exec` call fill(dialog) (which sets values and presses its buttons) instead of a modal loop."""
    def fake_exec(self):
        fill(self)
        return self.result()
    monkeypatch.setattr(cls, "exec", fake_exec)


def command_answers(monkeypatch, ops, **values):
    """Answer the lifecycle command dialog with these input values (reason, note, decision_date, minute_ref…)."""
    from PySide6.QtWidgets import QDateEdit, QLineEdit, QPlainTextEdit

    from ol_desk.gui.editors.command_bar import CommandInputDialog
    from ol_desk.gui.editors.fields import set_date

    def fill(dialog):
        for key, (widget, _label, _kind) in dialog.widgets.items():
            value = values.get(key)
            if value is None:
                continue
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
            elif isinstance(widget, QDateEdit):
                set_date(widget, value)
            elif isinstance(widget, QLineEdit):
                widget.setText(value)
        dialog._check()
    answer_dialog(monkeypatch, CommandInputDialog, fill)


@pytest.fixture
def hub_officer_ctx(ctx_for, hub_officer):
    return ctx_for(hub_officer)


@pytest.fixture
def board_ctx(ctx_for, board):
    return ctx_for(board)


VIEWER = Actor("Read Only", Role.VIEWER)


def new_editor(entity):
    """The unsaved editor window of this kind that a button just opened."""
    from PySide6.QtWidgets import QApplication
    return next(w for w in QApplication.topLevelWidgets()
                if getattr(w, "entity", None) is entity and w.item_id is None and w.isVisible())


def pick_in_link_dialog(monkeypatch, ops, text: str) -> None:
    """Answer the next link/choose dialog by searching for `text` and taking the first match."""
    from ol_desk.gui.editors.link_pickers import LinkDialog

    def pick(dialog):
        dialog.finder.search.setText(text)
        dialog.finder.refresh()
        settle(ops)
        dialog._check()
    answer_dialog(monkeypatch, LinkDialog, pick)
