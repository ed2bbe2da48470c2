"""Opening databases: pragmas, locations, migrations that match the ORM, backups, refusing newer schemas."""
from __future__ import annotations

import shutil
import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from ol_desk.core.errors import DatabaseError
from ol_desk.core.model import Base
from ol_desk.core.store import Database, migrations, open_database, resolve_url


def test_migrations_give_exactly_the_orm_schema(tmp_path):
    db = Database(tmp_path / "m.sqlite3")
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []
    db.dispose()


def test_migrations_have_one_head():
    assert migrations.head_revision()


@pytest.mark.sqlite_only  # the SQLite file store
def test_sqlite_pragmas_are_set(db):
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_new_database_is_seeded_with_hubs_and_themes(db):
    with db.reading() as s:
        hubs = s.execute(text("SELECT code, kind FROM hubs")).all()
        themes = s.execute(text("SELECT count(*) FROM themes")).scalar()
    assert sum(1 for _, kind in hubs if kind == "bcu") == 12
    assert {"MD", "DPS"} <= {code for code, _ in hubs}
    assert themes == 16


def test_location_accepts_paths_urls_and_the_environment(tmp_path, monkeypatch):
    assert resolve_url(tmp_path / "a.db").database == str(tmp_path / "a.db")
    assert resolve_url("sqlite:///:memory:").database == ":memory:"
    monkeypatch.setenv("OL_DESK_DB", str(tmp_path / "env.db"))
    assert resolve_url(None).database == str(tmp_path / "env.db")


def test_any_sqlalchemy_url_opens(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'via-url.sqlite3'}")
    with db.reading() as s:
        assert s.execute(text("SELECT count(*) FROM hubs")).scalar() > 0
    db.dispose()


def test_database_newer_than_the_code_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "newer.sqlite3"
    Database(path).dispose()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num='9999_future'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="newer version of ol-desk"):
        Database(path)
    assert path.read_bytes() == before


def test_not_a_database_gives_a_clear_error(tmp_path):
    path = tmp_path / "junk.sqlite3"
    path.write_text("this is not a database" * 100)
    with pytest.raises(DatabaseError, match="Cannot open the database"):
        Database(path)


def test_a_pending_migration_backs_the_file_up_first(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite3"
    Database(path).dispose()
    # A copy of the real migrations plus one more, standing in for the next release's schema change.
    scripts = tmp_path / "alembic"
    shutil.copytree(migrations.SCRIPT_LOCATION, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    head = migrations.head_revision()
    (scripts / "versions" / "9999_test.py").write_text(
        "from alembic import op\nimport sqlalchemy as sa\n"
        f"revision = '9999_test'\ndown_revision = '{head}'\n"
        "branch_labels = None\ndepends_on = None\n"
        "def upgrade():\n    op.add_column('hubs', sa.Column('phone', sa.String(40)))\n"
        "def downgrade():\n    op.drop_column('hubs', 'phone')\n")
    monkeypatch.setattr(migrations, "SCRIPT_LOCATION", str(scripts))
    db = Database(path, migrate=True)
    assert db.backup_path is not None and db.backup_path.exists()
    assert f"bak-{head}-" in db.backup_path.name
    with db.engine.connect() as conn:
        cols = [r[1] for r in conn.execute(text("PRAGMA table_info(hubs)"))]
    assert "phone" in cols
    backup_cols = [r[1] for r in sqlite3.connect(db.backup_path).execute("PRAGMA table_info(hubs)")]
    assert "phone" not in backup_cols
    db.dispose()


@pytest.mark.sqlite_only  # the SQLite file store
def test_side_folders_sit_beside_the_database(db):
    assert db.evidence_dir.parent == db.side_dir
    assert db.side_dir.name == db.path.name + ".d"
    assert len(db.uid) == 32


def test_a_workstation_database_from_before_the_server_release_upgrades_and_keeps_its_rows(tmp_path):
    from alembic import command
    path = tmp_path / "first-release.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(migrations.alembic_config(conn), "0001")
        conn.execute(text("INSERT INTO people (name, role, email, active, version, created_at, updated_at) "
                          "VALUES ('Jane Smith', 'hub_officer', '', 1, 1, '2026-01-01', '2026-01-01')"))
        conn.execute(text("INSERT INTO search_outbox (entity, entity_id, op) VALUES ('person', 1, 'upsert')"))
    engine.dispose()
    db = Database(path)
    try:
        assert db.backup_path is not None and "bak-0001-" in db.backup_path.name
        with db.reading() as s:
            assert s.execute(text("SELECT name, login FROM people")).all() == [("Jane Smith", None)]
            assert s.execute(text("SELECT entity_id, at FROM search_outbox")).all() == [(1, None)]
    finally:
        db.dispose()
