"""Fixtures shared by every test: a fresh temporary database per test, and actors in each role."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def template_db_file(tmp_path_factory):
    """A migrated and seeded database built once per test run; each test gets its own copy (fast)."""
    from ol_desk.core.store import open_database
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    open_database(path).dispose()  # closing the last connection checkpoints the WAL into the file
    return path


def copy_as_new_database(template, path):
    """Copy a closed template database to `path` as a database of its own (with its own uid) and open it."""
    import shutil
    import sqlite3
    import uuid

    from ol_desk.core.store import open_database
    shutil.copyfile(template, path)
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET value=? WHERE key='uid'", (uuid.uuid4().hex,))
    con.commit()
    con.close()
    return open_database(path)


@pytest.fixture
def db(tmp_path, monkeypatch, template_db_file):
    monkeypatch.setenv("OL_DESK_DB", str(tmp_path / "env-default.sqlite3"))
    database = copy_as_new_database(template_db_file, tmp_path / "test.sqlite3")
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
