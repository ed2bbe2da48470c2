"""The server enforces the roles: SQL typed into psql with a person's login changes nothing outside their rights."""
from __future__ import annotations

import datetime as dt

import psycopg
import pytest
from sqlalchemy import func, select

from ol_desk.core import audit
from ol_desk.core.errors import PermissionDenied
from ol_desk.core.model import AuditEvent, Hub, Recommendation
from ol_desk.core.model.enums import RecStatus
from ol_desk.core.services import audit_trail, recommendations, records
from ol_desk.core.store.server.identity import signed_in_actor
from tests.core.factories import assigned_recommendation
from tests.pg_cluster import SUPERUSER, connect_as


@pytest.fixture
def register(open_as):
    """One recommendation assigned to NW and one to SE, made by the CPIC officer through the services."""
    db = open_as("carol.cpic")
    carol = signed_in_actor(db)
    with db.transaction() as s:
        nw = assigned_recommendation(s, carol, "NW", reference="1")
        se = assigned_recommendation(s, carol, "SE", reference="2")
    return {"NW": nw, "SE": se}


def _refused(server, login: str, sql: str, params=()) -> str:
    with connect_as(server.cluster, login, server.database) as con:
        with pytest.raises(psycopg.Error) as info:
            con.execute(sql, params)
    return str(info.value)


def _rowcount(server, login: str, sql: str, params=()) -> int:
    with connect_as(server.cluster, login, server.database) as con:
        return con.execute(sql, params).rowcount


def _texts(db) -> dict[int, tuple[str, str]]:
    with db.reading() as s:
        return {r.id: (r.text, r.status.value) for r in s.scalars(select(Recommendation))}


def test_a_viewer_can_read_but_no_sql_of_theirs_changes_anything(server, register, open_as):
    db = open_as("carol.cpic")
    before = _texts(db)
    assert _rowcount(server, "vic.viewer", "SELECT id FROM recommendations") == 2
    for sql in ("UPDATE recommendations SET status = 'closed'", "DELETE FROM progress_updates",
                "INSERT INTO hubs (code, name, kind, boroughs, aliases, active, version, created_at, updated_at) "
                "VALUES ('XX', 'X', 'bcu', '', '', true, 1, now(), now())",
                "UPDATE people SET name = 'Someone else'"):
        assert "permission denied" in _refused(server, "vic.viewer", sql)
    assert _texts(db) == before


def test_a_hub_officer_changes_only_their_hubs_rows(server, register, open_as):
    db = open_as("carol.cpic")
    # Their own hub's recommendation: allowed (the register is theirs to work).
    assert _rowcount(server, "nick.nw", "UPDATE recommendations SET notes = 'NW note' WHERE id = %s",
                     (register["NW"],)) == 1
    # Another hub's, or all of them: the policy hides every other row from the UPDATE.
    assert _rowcount(server, "nick.nw", "UPDATE recommendations SET text = 'rewritten'") == 1
    assert _texts(db)[register["SE"]][0] != "rewritten"
    # Updates on another hub's recommendation are refused by the row policy.
    message = _refused(server, "nick.nw", "INSERT INTO progress_updates (recommendation_id, written_on, author, "
                                          "text, created_at) VALUES (%s, current_date, 'Nick West', 'x', now())",
                       (register["SE"],))
    assert "row-level security" in message
    # Hub assignments and reference data are CPIC's.
    assert "permission denied" in _refused(server, "nick.nw", "DELETE FROM recommendation_hubs")
    assert "permission denied" in _refused(server, "nick.nw", "UPDATE hubs SET name = 'Mine'")


def test_the_services_say_why_first_and_the_server_refuses_what_gets_past_them(register, open_as):
    from ol_desk.core.model import ProgressUpdate
    db = open_as("nick.nw")
    nick = signed_in_actor(db)
    with pytest.raises(PermissionDenied, match="That recommendation is not NW's"):
        with db.transaction() as s:
            records.add_update(s, nick, text="Checked with the SE team", recommendation_id=register["SE"])
    with pytest.raises(PermissionDenied, match="server refused"):  # a client that skips the services' check
        with db.transaction() as s:
            s.add(ProgressUpdate(recommendation_id=register["SE"], written_on=dt.date(2026, 12, 1),
                                 author=nick.name, text="Straight in"))
    with db.transaction() as s:  # their own hub's item is fine
        records.add_update(s, nick, text="Briefing booked", recommendation_id=register["NW"])


def test_only_the_board_records_a_closure_even_in_sql(server, register, open_as):
    db = open_as("carol.cpic")
    rec = register["NW"]
    with connect_as(server.cluster, SUPERUSER, server.database) as owner:
        owner.execute("UPDATE recommendations SET status = 'evidence_accepted' WHERE id = %s", (rec,))
    assert "Only a Board member" in _refused(
        server, "carol.cpic", "UPDATE recommendations SET status = 'closed' WHERE id = %s", (rec,))
    bob = signed_in_actor(open_as("bob.board"))
    board_db = open_as("bob.board")
    with board_db.transaction() as s:
        recommendations.run_command(s, bob, rec, "close", decision_date=dt.date(2026, 12, 1),
                                    minute_ref="OLB/26/12/3")
    assert _texts(db)[rec][1] == RecStatus.CLOSED.value
    # The Board may record decisions, not rewrite the finding.
    assert "permission denied" in _refused(server, "bob.board", "UPDATE recommendations SET text = 'x'")


def test_no_app_login_can_alter_the_audit_log_and_events_name_the_login(server, register, open_as):
    for login in ("carol.cpic", "nick.nw", "bob.board"):
        assert "permission denied" in _refused(server, login, "UPDATE audit_events SET actor = 'x'")
        assert "permission denied" in _refused(server, login, "DELETE FROM audit_events")
    # Not even the owner, once the trigger is in place.
    with connect_as(server.cluster, SUPERUSER, server.database) as owner:
        with pytest.raises(psycopg.Error, match="append-only"):
            owner.execute("DELETE FROM audit_events")
    # An event a login appends must name the person mapped to that login.
    nick_db = open_as("nick.nw")
    with pytest.raises(PermissionDenied, match="name the person signed in"):
        with nick_db.transaction() as s:
            audit_trail.append(s, [audit_trail.PendingEvent("Bob Board", "close", "recommendation", register["NW"],
                                                            {})])
    with nick_db.reading() as s:
        assert audit.verify(s).ok


def test_logins_are_mapped_only_by_the_administrator(server, open_as):
    assert "add-user" in _refused(server, "carol.cpic", "UPDATE people SET login = 'carol.cpic' "
                                                         "WHERE name = 'Nick West'")
    db = open_as("nick.nw")
    assert signed_in_actor(db).name == "Nick West"


def test_two_writers_appending_a_thousand_events_each_leave_one_valid_chain(server, open_as):
    import threading
    dbs = {"carol.cpic": open_as("carol.cpic"), "nick.nw": open_as("nick.nw", "B")}
    names = {login: signed_in_actor(db).name for login, db in dbs.items()}
    errors = []

    def write(login):
        try:
            for batch in range(20):
                with dbs[login].transaction() as s:
                    audit_trail.append(s, [audit_trail.PendingEvent(names[login], "note", "recommendation", None,
                                                        {"batch": batch, "i": i}) for i in range(50)])
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(login,)) for login in dbs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with dbs["carol.cpic"].reading() as s:
        report = audit.verify(s)
        by_actor = dict(s.execute(select(AuditEvent.actor, func.count()).where(AuditEvent.verb == "note")
                                  .group_by(AuditEvent.actor)).all())
    assert report.ok, report.problem
    assert by_actor == {"Carol Price": 1000, "Nick West": 1000}


def test_hub_officers_hub_comes_from_the_server(server, open_as):
    db = open_as("nick.nw")
    actor = signed_in_actor(db)
    with db.reading() as s:
        assert actor.hub_code == s.scalar(select(Hub.code).where(Hub.code == "NW"))
