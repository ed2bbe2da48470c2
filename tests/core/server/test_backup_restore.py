"""docs/deployment.md's backup and restore, run: pg_dump, pg_restore into a new database, and everything holds."""
from __future__ import annotations

import subprocess

import psycopg
import pytest
from sqlalchemy import func, select

from ol_desk.cli.main import main
from ol_desk.core import audit
from ol_desk.core.model import Recommendation
from ol_desk.core.store.server.admin import init_server
from ol_desk.core.store.server.identity import signed_in_actor
from tests.core.factories import assigned_recommendation
from tests.pg_cluster import SUPERUSER, admin_execute, connect_as


def test_a_dump_restored_into_a_new_database_checks_out_and_keeps_its_rights(server, open_as, capsys, tmp_path):
    db = open_as("carol.cpic")
    carol = signed_in_actor(db)
    with db.transaction() as s:
        for ref in ("1", "2", "3"):
            assigned_recommendation(s, carol, "SE", reference=ref)
    with db.reading() as s:
        before = (s.scalar(select(func.count()).select_from(Recommendation)), audit.verify(s).events)
    dump = tmp_path / "ol_desk.dump"
    cluster = server.cluster
    common = ["-h", "127.0.0.1", "-p", str(cluster.port), "-U", SUPERUSER]
    subprocess.run([str(cluster.bindir / "pg_dump"), "-Fc", *common, "-f", str(dump), server.database], check=True)
    restored = f"{server.database}_restored"
    admin_execute(cluster, f'CREATE DATABASE "{restored}"')
    try:
        subprocess.run([str(cluster.bindir / "pg_restore"), *common, "-d", restored, "--exit-on-error", str(dump)],
                       check=True)
        init_server(cluster.url(restored))  # re-applies the rights (the runbook's step)
        assert main(["--db", cluster.url(restored, "carol.cpic"), "check"]) == 0
        assert "Integrity check passed" in capsys.readouterr().out
        from ol_desk.core.store import open_database
        copy = open_database(cluster.url(restored, "carol.cpic"))
        try:
            with copy.reading() as s:
                assert (s.scalar(select(func.count()).select_from(Recommendation)),
                        audit.verify(s).events) == before
        finally:
            copy.dispose()
        with connect_as(cluster, "nick.nw", restored) as con:
            assert con.execute("UPDATE recommendations SET text = 'x'").rowcount == 0  # all SE: not his
            with pytest.raises(psycopg.Error, match="permission denied"):
                con.execute("DELETE FROM audit_events")
    finally:
        admin_execute(cluster, f'DROP DATABASE IF EXISTS "{restored}" WITH (FORCE)')
