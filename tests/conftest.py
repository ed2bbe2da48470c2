"""Fixtures shared by every test: a fresh temporary database per test, and actors in each role."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def db(tmp_path, monkeypatch):
    from ol_desk.core.store import open_database
    monkeypatch.setenv("OL_DESK_DB", str(tmp_path / "env-default.sqlite3"))
    database = open_database(tmp_path / "test.sqlite3")
    yield database
    database.dispose()


@pytest.fixture
def cpic():
    from ol_desk.core.model.enums import Role
    from ol_desk.core.services import Actor
    return Actor("Learning Officer", Role.CPIC)


@pytest.fixture
def hub_officer():
    from ol_desk.core.model.enums import Role
    from ol_desk.core.services import Actor
    return Actor("Hub Officer", Role.HUB_OFFICER, "NW")


@pytest.fixture
def board():
    from ol_desk.core.model.enums import Role
    from ol_desk.core.services import Actor
    return Actor("Board Chair", Role.BOARD)
