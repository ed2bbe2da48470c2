"""`ol-desk server …` as an administrator runs it, and what a person's login may and may not claim."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from ol_desk.cli.main import main
from tests.pg_cluster import SUPERUSER, admin_execute, connect_as, ensure_logins


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def empty_server(pg_cluster):
    """A new database owned by a non-superuser owner login, as a DBA would hand it over."""
    ensure_logins(pg_cluster, "ol_owner", "carol.cpic", "nick.nw", "vic.viewer")
    admin_execute(pg_cluster, "ALTER ROLE ol_owner CREATEROLE", "DROP DATABASE IF EXISTS force WITH (FORCE)",
                  "CREATE DATABASE force OWNER ol_owner")
    admin_execute(pg_cluster, "ALTER SCHEMA public OWNER TO ol_owner", database="force")
    yield pg_cluster
    admin_execute(pg_cluster, "DROP DATABASE IF EXISTS force WITH (FORCE)")


def test_init_add_users_import_and_refuse_self_declared_roles(empty_server, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("OL_DESK_DATA_DIR", str(tmp_path / "ws"))
    owner, cpic, viewer = (empty_server.url("force", u) for u in ("ol_owner", "carol.cpic", "vic.viewer"))
    code, _, err = run(capsys, "--db", cpic, "init")
    assert code == 2 and "no ol-desk schema yet" in err and "server init" in err

    code, out, _ = run(capsys, "--db", owner, "server", "init")
    assert code == 0 and "Created the ol-desk schema" in out and "Seeded" in out
    code, out, _ = run(capsys, "--db", owner, "server", "init")  # again: nothing to do, rights re-applied
    assert code == 0 and "up to date" in out and "Seeded" not in out
    with connect_as(empty_server, SUPERUSER, "force") as con:
        groups = dict(con.execute("SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname LIKE 'ol\\_%' "
                                  "AND rolname <> 'ol_owner' AND rolname <> 'ol_test_super'").fetchall())
        owners = {r[0] for r in con.execute("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname='public'")}
    assert groups == {"ol_cpic": False, "ol_hub_officer": False, "ol_gold_lead": False, "ol_board": False,
                      "ol_viewer": False}
    assert owners == {"ol_owner"}  # app logins never own tables

    assert run(capsys, "--db", owner, "server", "add-user", "carol.cpic", "--role", "cpic",
               "--name", "Carol Price")[0] == 0
    code, _, err = run(capsys, "--db", owner, "server", "add-user", "nick.nw", "--role", "hub_officer")
    assert code == 2 and "--hub" in err
    assert run(capsys, "--db", owner, "server", "add-user", "nick.nw", "--role", "hub_officer", "--hub", "nw",
               "--name", "Nick West")[0] == 0
    assert run(capsys, "--db", owner, "server", "add-user", "vic.viewer", "--role", "viewer")[0] == 0
    code, _, err = run(capsys, "--db", owner, "server", "add-user", "ol_owner", "--role", "cpic")
    assert code == 2 and "owns the schema" in err
    code, out, _ = run(capsys, "--db", owner, "server", "users", "--json")
    users = {u["login"]: (u["role"], u["hub"]) for u in json.loads(out)}
    assert users == {"carol.cpic": ("cpic", ""), "nick.nw": ("hub_officer", "NW"), "vic.viewer": ("viewer", "")}

    # The CPIC login imports a register; the audit trail names the person, not a self-declared name.
    code, out, err = run(capsys, "--db", cpic, "import", "tests/samples/hmicfrs_tracker.xlsx")
    assert code == 0, err
    with connect_as(empty_server, "vic.viewer", "force") as con:
        actors = {r[0] for r in con.execute("SELECT DISTINCT actor FROM audit_events WHERE verb = 'import'")}
        recs = con.execute("SELECT count(*) FROM recommendations").fetchone()[0]
    assert actors == {"Carol Price"} and recs == 24

    code, _, err = run(capsys, "--db", viewer, "--role", "cpic", "stats")
    assert code == 2 and "--as and --role do not apply" in err
    code, _, err = run(capsys, "--db", viewer, "--as", "Carol Price", "import", "tests/samples/pfd_tracker.xlsx")
    assert code == 2 and "do not apply" in err
    code, _, err = run(capsys, "--db", viewer, "import", "tests/samples/pfd_tracker.xlsx")
    assert code == 2 and ("Only" in err or "refused" in err)
    assert run(capsys, "--db", cpic, "check")[0] == 0

    # Removing a person keeps them in the history but ends their sign-in.
    assert run(capsys, "--db", owner, "server", "remove-user", "vic.viewer")[0] == 0
    code, _, err = run(capsys, "--db", viewer, "search", "custody")
    assert code == 2 and "not an ol-desk user" in err and "add-user vic.viewer" in err


def test_a_client_on_another_schema_is_refused_and_told_which_side_to_upgrade(server, capsys):
    url = server.url("carol.cpic")
    assert run(capsys, "--db", url, "stats")[0] == 0
    with connect_as(server.cluster, SUPERUSER, server.database) as con:
        con.execute("UPDATE alembic_version SET version_num = '0001'")
    code, _, err = run(capsys, "--db", url, "stats")
    assert code == 2 and "older ol-desk schema" in err and "upgrades the server first" in err
    with connect_as(server.cluster, SUPERUSER, server.database) as con:
        con.execute("UPDATE alembic_version SET version_num = '0099'")
    code, _, err = run(capsys, "--db", url, "stats")
    assert code == 2 and "newer ol-desk schema" in err and "upgrade ol-desk on this workstation" in err


def test_server_commands_want_a_server_url(capsys, tmp_path):
    code, _, err = run(capsys, "--db", str(tmp_path / "one.sqlite3"), "server", "init")
    assert code == 2 and "PostgreSQL URL" in err


def test_the_migrations_give_exactly_the_orm_schema_on_postgresql_too(server):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import create_engine

    from ol_desk.core.model import Base
    engine = create_engine(server.owner_url)
    try:
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    finally:
        engine.dispose()
    assert diff == []


def test_add_user_maps_a_login_to_the_person_the_register_already_names(server, open_as):

    from ol_desk.core.model import Person
    from ol_desk.core.services import reference
    from ol_desk.core.store.server.admin import add_user
    from ol_desk.core.store.server.identity import signed_in_actor
    db = open_as("carol.cpic")
    with db.transaction() as s:  # an owner named by an imported register, before she had a login
        reference.create_person(s, signed_in_actor(db), name="Jane Smith", role="hub_officer")
    ensure_logins(server.cluster, "jane.smith")
    add_user(server.owner_url, "jane.smith", "hub_officer", hub_code="SE", name="Jane Smith")
    with db.reading() as s:
        janes = s.scalars(select(Person).where(Person.name == "Jane Smith")).all()
        assert [(p.login, p.hub.code) for p in janes] == [("jane.smith", "SE")]
    assert signed_in_actor(open_as("jane.smith")).hub_code == "SE"
