"""Fixtures shared by every test: a fresh temporary database per test, and actors in each role."""
from __future__ import annotations

import os
import tempfile

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Witness files (written after every commit) never go to the real user config folder, not even for the session
# fixtures built before any test's monkeypatch; each test then gets a config folder of its own (`_config_dir`).
os.environ["OL_DESK_CONFIG_DIR"] = tempfile.mkdtemp(prefix="ol-desk-config-")

from tests.server_fixtures import open_as, server  # noqa: E402,F401 - fixtures for the server tests
from tests.write_boundary import _one_door  # noqa: E402,F401 - every test keeps the one-door rule


@pytest.fixture(autouse=True)
def _config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("OL_DESK_CONFIG_DIR", str(tmp_path / "user-config"))
    return tmp_path / "user-config"


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


STORES = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc):
    """Every core test that takes a database runs on both stores; GUI tests run on SQLite."""
    if "store" in metafunc.fixturenames and "tests/core/" in metafunc.definition.path.as_posix():
        if metafunc.definition.get_closest_marker("sqlite_only") is None:
            metafunc.parametrize("store", STORES, indirect=True)


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only: the test is about the SQLite file store (backups, pragmas)")


@pytest.fixture
def store(request):
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_cluster():
    """A PostgreSQL cluster started for this run from the installed binaries (skips if there are none)."""
    from tests.pg_cluster import HOW_TO_INSTALL, Cluster, find_bindir
    bindir = find_bindir()
    if bindir is None:
        pytest.skip(HOW_TO_INSTALL)
    cluster = Cluster(bindir).start()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def pg_template(pg_cluster):
    """A migrated and seeded database on the cluster; each test gets a copy made with CREATE DATABASE … TEMPLATE."""
    from ol_desk.core.store.server.admin import init_server
    from tests.pg_cluster import admin_execute
    admin_execute(pg_cluster, "CREATE DATABASE ol_template")
    init_server(pg_cluster.url("ol_template"))
    return "ol_template"


@pytest.fixture
def pg_database(pg_cluster, pg_template):
    """A fresh database of its own on the test cluster, copied from the template; dropped afterwards."""
    from tests.pg_cluster import fresh_database
    with fresh_database(pg_cluster, pg_template) as name:
        yield pg_cluster.url(name)


@pytest.fixture
def db(request, tmp_path, monkeypatch, template_db_file, store):
    monkeypatch.setenv("OL_DESK_DB", str(tmp_path / "env-default.sqlite3"))
    if store == "postgresql":
        from ol_desk.core.store import open_database
        url = request.getfixturevalue("pg_database")
        monkeypatch.setenv("OL_DESK_DATA_DIR", str(tmp_path / "user-data"))
        database = open_database(url)
    else:
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
