"""Fixtures for the dashboard, learning, wizard and report GUI tests: an operation helper and a context that
records where navigation was asked to go."""
from __future__ import annotations

import pytest

from ol_desk.gui.app_context import AppContext
from ol_desk.gui.ops import Operations


@pytest.fixture
def ops(qapp, db):
    o = Operations(db)
    yield o
    o.wait_idle()
    o.shutdown()


@pytest.fixture
def ctx(db, ops, cpic):
    opened: list = []
    registers: list = []
    c = AppContext(db, ops, cpic, open_item=lambda entity, i: opened.append((entity, i)),
                   show_register=lambda entity, f: registers.append((entity, f)))
    c.opened, c.registers = opened, registers
    return c


@pytest.fixture
def on_day(monkeypatch):
    """Pin today's date (the dashboard and clocks count relative to it)."""
    from ol_desk.core.dates import TODAY_ENV

    def pin(day):
        monkeypatch.setenv(TODAY_ENV, day.isoformat())
        return day
    return pin
