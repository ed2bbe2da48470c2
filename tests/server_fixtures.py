"""Fixtures for a force's server in the tests: a database set up by `server init` with a CPIC officer, a NW hub
officer, a Board member and a viewer added by `server add-user` (as the Done-means of the deployment issue
describes)."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from ol_desk.core.store.server.admin import add_user
from tests.pg_cluster import ensure_logins

PEOPLE = {  # login: (role, hub, name)
    "carol.cpic": ("cpic", None, "Carol Price"),
    "nick.nw": ("hub_officer", "NW", "Nick West"),
    "sam.se": ("hub_officer", "SE", "Sara East"),
    "bob.board": ("board", None, "Bob Board"),
    "vic.viewer": ("viewer", None, "Vic Viewer"),
    "gail.gold": ("gold_lead", None, "Gail Gold"),
}


@dataclass
class Server:
    cluster: object
    database: str
    owner_url: str

    def url(self, login: str) -> str:
        return self.cluster.url(self.database, login)


@pytest.fixture
def server(pg_cluster, pg_database, monkeypatch, tmp_path):
    """pg_database is a copy of a template made by `server init`; its owner is the test superuser."""
    ensure_logins(pg_cluster, *PEOPLE)
    for login, (role, hub, name) in PEOPLE.items():
        add_user(pg_database, login, role, hub_code=hub, name=name)
    monkeypatch.setenv("OL_DESK_DATA_DIR", str(tmp_path / "workstation"))
    return Server(pg_cluster, pg_database.rsplit("/", 1)[1], pg_database)


@pytest.fixture
def open_as(server, monkeypatch, tmp_path):
    """open_as(login, workstation="A") -> a Database connected as that login, with its own user-data folder."""
    from ol_desk.core.store import open_database
    opened = []

    def _open(login: str, workstation: str = "A"):
        monkeypatch.setenv("OL_DESK_DATA_DIR", str(tmp_path / f"workstation-{workstation}"))
        db = open_database(server.url(login))
        opened.append(db)
        return db
    yield _open
    for db in opened:
        db.dispose()
