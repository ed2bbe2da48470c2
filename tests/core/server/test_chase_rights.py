"""Chasers on a server: a Board (read-only for items) login cannot record a chase, even in SQL; a hub officer
chases their own hub's owners and the server refuses their chase of another hub's item."""
from __future__ import annotations

import datetime as dt

import psycopg
import pytest
from sqlalchemy import select

from ol_desk.core.chase.run import run_chase
from ol_desk.core.chase.selection import ChaseCriteria
from ol_desk.core.errors import PermissionDenied
from ol_desk.core.model import Chase, Person, Recommendation
from ol_desk.core.store.server.identity import signed_in_actor
from tests.core.chase.chase_register import ON, build
from tests.pg_cluster import connect_as


@pytest.fixture
def register(open_as):
    db = open_as("carol.cpic")
    with db.transaction() as s:
        ids = build(s, signed_in_actor(db))
    return ids


def _refused(server, login: str, sql: str, params=()) -> str:
    with connect_as(server.cluster, login, server.database) as con:
        with pytest.raises(psycopg.Error) as info:
            con.execute(sql, params)
    return str(info.value)


def test_a_board_login_cannot_record_a_chase(server, register, open_as, tmp_path):
    board_db = open_as("bob.board")
    with pytest.raises(PermissionDenied, match="chase owners"):
        run_chase(board_db, ChaseCriteria(on=ON), signed_in_actor(board_db), out_dir=tmp_path)
    # and what gets past the services is refused by the server
    rec = register["overdue"]
    assert "permission denied" in _refused(server, "bob.board",
                                           "UPDATE recommendations SET last_chased_at = now() WHERE id = %s", (rec,))
    assert "permission denied" in _refused(
        server, "bob.board", "INSERT INTO chases (at, actor, owner_id, address, how) "
                             "VALUES (now(), 'Bob Board', %s, '', 'draft')", (register["alice"],))
    assert "permission denied" in _refused(server, "vic.viewer", "UPDATE actions SET last_chased_at = now()")
    with open_as("carol.cpic").reading() as s:
        assert s.get(Recommendation, rec).last_chased_at is None


def test_a_hub_officer_chases_their_hub_and_the_server_refuses_another_hubs_item(server, register, open_as,
                                                                                 tmp_path):
    nick_db = open_as("nick.nw")
    _changes, report = run_chase(nick_db, ChaseCriteria(on=ON), signed_in_actor(nick_db), out_dir=tmp_path)
    assert [o.chase.name for o in report.outcomes] == ["Nora North"] and report.outcomes[0].recorded
    with nick_db.reading() as s:
        assert s.scalars(select(Person.name).join(Chase, Chase.owner_id == Person.id)).all() == ["Nora North"]
        chase_id = s.scalar(select(Chase.id))
    # Another hub's (MD) recommendation: the row policy refuses the chase item, and hides the row from an UPDATE.
    other = register["overdue"]
    assert "row-level security" in _refused(
        server, "nick.nw", "INSERT INTO chase_items (chase_id, entity, entity_id) VALUES (%s, 'recommendation', %s)",
        (chase_id, other))
    with connect_as(server.cluster, "nick.nw", server.database) as con:
        assert con.execute("UPDATE recommendations SET last_chased_at = %s WHERE id = %s",
                           (dt.datetime(2030, 1, 1), other)).rowcount == 0
