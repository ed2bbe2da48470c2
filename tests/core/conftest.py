"""Fixtures for the core tests that drive the command line against the test's own database, on either store."""
from __future__ import annotations

import pytest


@pytest.fixture
def cli_db(db, store, request):
    """cli_db(name=None, role=None) -> the leading `ol-desk` arguments that open `db` as that person.

    On SQLite that is `--db FILE` with `--as`/`--role` (a person declares who they are). On PostgreSQL a person
    is who they sign in as (--as/--role are refused there), so the person gets a login of their own for the role,
    added with `server add-user`, and the arguments are `--db URL` with that login. A hub officer's hub is NW."""
    added: dict[str, str | None] = {}

    def args(name: str | None = None, role: str | None = None) -> list[str]:
        if store != "postgresql":
            return (["--db", str(db.path)] + (["--as", name] if name else [])
                    + (["--role", role] if role else []))
        from ol_desk.core.store.server.admin import add_user
        from tests.pg_cluster import ensure_logins
        role = role or "cpic"
        login = f"cli_{role}"
        if login not in added or (name and added[login] != name):  # each add-user is a change to the person
            ensure_logins(request.getfixturevalue("pg_cluster"), login)
            add_user(db.url.render_as_string(hide_password=False), login, role,
                     hub_code="NW" if role == "hub_officer" else None, name=name)
            added[login] = name
        return ["--db", db.url.set(username=login).render_as_string(hide_password=False)]
    return args
