"""Every workstation in step: each keeps its own index, the outbox is kept for all, a stale save is a conflict, and
a client killed mid-import leaves nothing half-written."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ol_desk.core import audit
from ol_desk.core.errors import ConflictError
from ol_desk.core.model import OutboxEntry, Recommendation
from ol_desk.core.search import SearchIndex
from ol_desk.core.search import changes as ch
from ol_desk.core.services import outbox, recommendations
from ol_desk.core.store.server.identity import signed_in_actor
from tests.core.factories import assigned_recommendation, make_document, make_recommendation
from tests.pg_cluster import SUPERUSER, connect_as

ROOT = Path(__file__).resolve().parents[3]


def _refs(result) -> set[tuple[str, int]]:
    return {(h.kind, h.id) for h in result.hits}


def test_two_workstations_with_their_own_indexes_see_each_others_edits(open_as):
    a_db, b_db = open_as("carol.cpic", "A"), open_as("nick.nw", "B")
    assert a_db.index_dir != b_db.index_dir and a_db.uid == b_db.uid
    carol, nick = signed_in_actor(a_db), signed_in_actor(b_db)
    a, b = SearchIndex(a_db, use_process=False), SearchIndex(b_db, use_process=False)
    try:
        assert a.search("ligature").hits == [] and b.search("ligature").hits == []
        with a_db.transaction() as s:  # workstation A records a finding for NW
            rec = assigned_recommendation(s, carol, "NW", text="Cell doors must be checked for ligature points.")
        assert _refs(a.search("ligature")) == {("recommendation", rec)}
        # A applied the outbox; the rows are still there for B, whose index catches up at its next search.
        with b_db.reading() as s:
            assert s.scalar(select(func.count()).select_from(OutboxEntry)) > 0
        assert _refs(b.search("ligature")) == {("recommendation", rec)}
        with b_db.transaction() as s:  # and back: B's edit reaches A
            recommendations.update_recommendation(s, nick, rec, text="Cell hatches must be checked hourly.")
        assert _refs(a.search("hatches")) == {("recommendation", rec)}
        assert a.search("ligature").hits == []
    finally:
        a.close()
        b.close()


def test_an_index_older_than_what_the_server_keeps_rebuilds_itself(server, open_as):
    a_db, b_db = open_as("carol.cpic", "A"), open_as("carol.cpic", "B")
    carol = signed_in_actor(a_db)
    a, b = SearchIndex(a_db, use_process=False), SearchIndex(b_db, use_process=False)
    try:
        b.search("anything")  # B's index exists, up to date with an empty register
        with a_db.transaction() as s:
            doc = make_document(s, carol)
            rec = make_recommendation(s, carol, doc, text="Rousing checks on intoxicated detainees were missed.")
        a.search("rousing")
        # B stays away for longer than the outbox is kept: the rows it needed are trimmed by age.
        with connect_as(server.cluster, SUPERUSER, server.database) as owner:
            owner.execute("UPDATE search_outbox SET at = now() - interval '90 days'")
        assert outbox.trim(a_db, 0) > 0
        with a_db.reading() as s:
            assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0
            assert ch.trimmed_upto(s) > 0
        from ol_desk.core.search import indexer
        assert "older than the changes the server keeps" in indexer.diagnose(b_db, b.store)
        b.close()
        b = SearchIndex(b_db, use_process=False)
        b.ensure()
        assert _refs(b.search("rousing")) == {("recommendation", rec)}
    finally:
        a.close()
        b.close()


def test_a_stale_save_from_another_workstation_is_a_conflict(open_as):
    a_db, b_db = open_as("carol.cpic", "A"), open_as("nick.nw", "B")
    carol, nick = signed_in_actor(a_db), signed_in_actor(b_db)
    with a_db.transaction() as s:
        rec = assigned_recommendation(s, carol, "NW")
    with a_db.reading() as s:
        seen = s.get(Recommendation, rec).version
    with b_db.transaction() as s:
        recommendations.update_recommendation(s, nick, rec, expected_version=seen, notes="B's note")
    with pytest.raises(ConflictError) as info:
        with a_db.transaction() as s:
            recommendations.update_recommendation(s, carol, rec, expected_version=seen, notes="A's note")
    assert info.value.expected_version == seen and info.value.current_version == seen + 1
    with a_db.reading() as s:
        assert s.get(Recommendation, rec).notes == "B's note"


def _write_register(path: Path, rows: int) -> None:
    from openpyxl import Workbook
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Register")
    ws.append(["Report", "Ref", "Recommendation", "Lead hub", "Target date"])
    for i in range(rows):
        ws.append([f"Review {i // 50}", f"R{i}", f"Recommendation {i}: supervisors review custody records "
                   f"for detainee number {i} at every handover.", "NW", "2027-03-31"])
    wb.save(path)


def test_a_client_killed_mid_import_leaves_nothing_half_written(server, open_as, tmp_path):
    db = open_as("carol.cpic")
    with db.reading() as s:
        before = (s.scalar(select(func.count()).select_from(Recommendation)), audit.verify(s).events)
    book = tmp_path / "register.xlsx"
    _write_register(book, 20_000)
    env = {**os.environ, "OL_DESK_DATA_DIR": str(tmp_path / "killed")}
    proc = subprocess.Popen([sys.executable, "-m", "ol_desk", "--db", server.url("carol.cpic"), "import",
                             str(book), "--kind", "independent_review"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        # Wait until the import holds the write lock and has written rows the server has not committed.
        deadline = time.monotonic() + 120
        with connect_as(server.cluster, SUPERUSER, server.database) as watch:
            while time.monotonic() < deadline and proc.poll() is None:
                held = watch.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
                                     "AND database = (SELECT oid FROM pg_database WHERE datname = %s)",
                                     (server.database,)).fetchone()[0]
                if held:
                    time.sleep(1.0)  # well into the rows
                    break
                time.sleep(0.05)
        assert proc.poll() is None, proc.stderr.read().decode()
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        # The server ends the killed client's transaction when its connection drops.
        with connect_as(server.cluster, SUPERUSER, server.database) as watch:
            for _ in range(200):
                if watch.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND usename = "
                                 "'carol.cpic' AND state <> 'idle'", (server.database,)).fetchone()[0] == 0:
                    break
                time.sleep(0.05)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stderr.close()
    with db.reading() as s:
        after = (s.scalar(select(func.count()).select_from(Recommendation)), audit.verify(s).events)
        assert audit.verify(s).ok
    assert after == before


def test_a_write_while_another_workstation_holds_the_write_lock_says_it_is_busy(server, open_as, monkeypatch):
    from ol_desk.core.errors import DatabaseError
    from ol_desk.core.store import database
    monkeypatch.setattr(database, "WRITE_LOCK_WAIT", "300ms")
    db = open_as("carol.cpic")
    carol = signed_in_actor(db)
    with connect_as(server.cluster, "nick.nw", server.database) as other:
        other.autocommit = False
        other.execute("SELECT pg_advisory_xact_lock(%s)", (database.WRITE_LOCK,))  # a long import elsewhere
        with pytest.raises(DatabaseError, match="busy.*Nothing was saved"):
            with db.transaction() as s:
                make_document(s, carol)
        other.rollback()
    with db.transaction() as s:  # and once it is done, the same write goes through
        make_document(s, carol)


def test_a_register_filtered_by_thousands_of_ids_reads_the_same_on_the_server(open_as):
    """Search hits reach the register as one JSON parameter (past 500 ids) on both stores."""
    from ol_desk.core.queries.register_filter import RegisterFilter
    from ol_desk.gui.registers import query as rq
    from ol_desk.gui.registers.specs import RECOMMENDATIONS
    db = open_as("carol.cpic")
    carol = signed_in_actor(db)
    with db.transaction() as s:
        doc = make_document(s, carol)
        made = [make_recommendation(s, carol, doc, reference=str(i)) for i in range(1, 701)]
    wanted = tuple(made[::2]) + (10**9,)  # 350 of them and an id that does not exist
    with db.reading() as s:
        q = rq.RegisterQuery(RegisterFilter(ids=wanted * 2))
        assert list(rq.fetch_ids(s, RECOMMENDATIONS, q)) == sorted(made[::2])
        assert rq.count_matching(s, RECOMMENDATIONS, q) == 350
