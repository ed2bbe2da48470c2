"""The index is derived: it catches up after crashes and other processes, and rebuilds itself when damaged."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from ol_desk.core.model import OutboxEntry, Recommendation
from ol_desk.core.search import IndexCancelled, SearchIndex
from ol_desk.core.search import changes as ch
from ol_desk.core.search.store import IndexStore, read_state
from ol_desk.core.services import outbox, recommendations, reference
from ol_desk.core.store import open_database
from tests.core import factories as f

from .conftest import found

ROOT = Path(__file__).resolve().parents[3]


def target(db) -> str:
    """What another process opens the same database with (the file, or the server URL)."""
    return str(db.path) if db.path is not None else db.url.render_as_string(hide_password=False)


def applied_seq(db) -> int:
    ix = IndexStore(db.index_dir).open()
    try:
        with ix.searcher() as s:
            return read_state(s).seq
    finally:
        ix.close()


def max_seq(db) -> int:
    with db.reading() as s:
        return ch.max_seq(s)


def test_the_index_records_the_last_outbox_seq_the_database_uid_and_catches_up(db, index, cpic, sample):
    assert applied_seq(db) == max_seq(db)
    # The crash window: the change is committed (with its outbox row) but no index write followed.
    with db.transaction() as s:
        recommendations.update_recommendation(s, cpic, sample.taser, text="Officers need body-worn video audits.")
    assert index.pending() > 0 and applied_seq(db) < max_seq(db)
    fresh = SearchIndex(db, use_process=False)  # as after a restart
    assert found(fresh.search("audits")) == {("recommendation", sample.taser)}
    assert ("recommendation", sample.taser) not in found(fresh.search("taser"))
    assert applied_seq(db) == max_seq(db)
    fresh.close()


def test_an_edit_is_searchable_at_the_next_search(db, index, cpic, sample):
    with db.transaction() as s:
        f.make_recommendation(s, cpic, sample.pfd, reference="9",
                              text="Cell doors must be checked for ligature points.")
    assert {h.kind for h in index.search("ligature").hits} == {"recommendation"}


def test_a_delete_reaches_the_index(db, index, cpic, sample):
    from ol_desk.core.model import LearningEntry
    from ol_desk.core.model.enums import Entity
    from ol_desk.core.services import writes
    with db.transaction() as s:
        writes.delete(s, cpic, Entity.LEARNING, s.get(LearningEntry, sample.learning))
    assert index.search("kestrel").hits == []


def test_renaming_a_hub_or_theme_reindexes_what_carries_its_name(db, index, cpic, sample):
    with db.transaction() as s:
        reference.update_hub(s, cpic, f.hub_id(s, "NW"), name="North Western Command")
        reference.update_theme(s, cpic, f.theme_id(s, "custody"), name="Detention and cells")
    assert found(index.search('hub:"North Western Command" kind:recommendation')) == {
        ("recommendation", sample.pursuit), ("recommendation", sample.taser)}
    assert ("recommendation", sample.rousing) in found(index.search("cells"))


def test_a_change_made_by_another_process_is_found(db, index, sample):
    code = textwrap.dedent(f"""
        from ol_desk.core.store import open_database
        from ol_desk.core.services import Actor
        from ol_desk.core.model.enums import Role
        from tests.core import factories as f
        db = open_database({target(db)!r})
        with db.transaction() as s:
            f.make_recommendation(s, Actor("Other Window", Role.CPIC), {sample.iopc}, reference="R9",
                                  text="Control rooms should log every pursuit authorisation with a timestamp.")
        db.dispose()
    """)
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=60)
    assert [h.reference for h in index.search("timestamp").hits] == ["IOPC-2024-117 R9"]


def test_a_deleted_index_folder_is_rebuilt(db, index, sample):
    index.close()
    shutil.rmtree(db.index_dir)
    assert ("recommendation", sample.rousing) in found(SearchIndex(db, use_process=False).search("rousing"))
    assert applied_seq(db) == max_seq(db)


def test_a_corrupt_index_is_rebuilt(db, index, sample):
    index.close()
    for path in IndexStore(db.index_dir).current_dir().iterdir():
        path.write_bytes(b"\x00garbage" * 100)
    fresh = SearchIndex(db, use_process=False)
    assert ("recommendation", sample.rousing) in found(fresh.search("rousing"))
    fresh.close()


def test_garbage_in_the_current_pointer_is_rebuilt(db, index, sample):
    index.close()
    (db.index_dir / "CURRENT").write_bytes(b"\xff\xfe../../etc")
    assert ("recommendation", sample.rousing) in found(SearchIndex(db, use_process=False).search("rousing"))


def test_an_index_from_another_database_is_not_used(db, index, sample, tmp_path, cpic):
    other = open_database(tmp_path / "other.sqlite3")
    with other.transaction() as s:
        doc = f.make_document(s, cpic)
        f.make_recommendation(s, cpic, doc, text="Zeppelin hangar fire safety.")
    SearchIndex(other, use_process=False).ensure()
    index.close()
    shutil.rmtree(db.index_dir)
    shutil.copytree(other.index_dir, db.index_dir)
    mine = SearchIndex(db, use_process=False)
    assert mine.search("zeppelin").hits == []
    assert ("recommendation", sample.rousing) in found(mine.search("rousing"))
    mine.close()
    other.dispose()


def test_a_rebuild_request_in_the_outbox_rebuilds(db, index, sample):
    # What the demo generator does after bulk inserts that wrote no per-row outbox entries.
    with db.transaction() as s:
        s.execute(insert(Recommendation).values(document_id=sample.pfd, reference="77", position=1,
                                                finding_type="recommendation", text="Quokka enclosure audit.",
                                                status="new"))
        s.execute(insert(OutboxEntry).values(entity="*", entity_id=0, op="rebuild"))
    assert [h.reference for h in index.search("quokka").hits] == ["2025-0241 77"]


def test_readers_do_not_wait_for_a_writer(db, index, cpic, sample):
    store = IndexStore(db.index_dir)
    with store.writer_lock(wait=0) as got:
        assert got
        with db.transaction() as s:
            recommendations.update_recommendation(s, cpic, sample.taser, text="Wombat.")
        # Another writer holds the lock: the search answers at once from what the index holds.
        assert ("recommendation", sample.taser) in found(index.search("taser"))
    assert found(index.search("wombat")) == {("recommendation", sample.taser)}


def test_rebuild_in_a_worker_process_reports_progress_and_can_be_cancelled(db, sample):
    ix = SearchIndex(db, use_process=True)
    seen = []
    what = ix.rebuild(progress=lambda done, total, msg: seen.append((done, total)))
    assert what.startswith("rebuilt") and seen and seen[-1][0] == seen[-1][1]
    live = IndexStore(db.index_dir).current_dir()
    try:
        ix.rebuild(cancel=lambda: True)
    except IndexCancelled:
        pass
    assert IndexStore(db.index_dir).current_dir() == live
    assert ("recommendation", sample.rousing) in found(ix.search("rousing"))
    ix.close()


def test_search_is_right_after_a_kill_9_in_the_middle_of_an_import(db, index, sample):
    """An import-like loop commits rows and updates the index as it goes; SIGKILL lands wherever it lands."""
    code = textwrap.dedent(f"""
        import sys
        from ol_desk.core.store import open_database
        from ol_desk.core.services import Actor
        from ol_desk.core.model.enums import Role
        from ol_desk.core.search import SearchIndex
        from tests.core import factories as f
        db = open_database({target(db)!r})
        actor = Actor("Importer", Role.CPIC)
        index = SearchIndex(db, use_process=False)
        for i in range(100000):
            with db.transaction() as s:
                for j in range(5):
                    f.make_recommendation(s, actor, {sample.pfd}, reference=f"imp-{{i}}-{{j}}",
                                          text=f"Platypus custody record number {{i}} {{j}}.")
            if i % 3 == 0:
                index.catch_up()
            print(i, flush=True)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        for line in proc.stdout:
            if int(line) >= 12:
                break
        time.sleep(0.05)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    with db.reading() as s:
        in_db = sorted(s.scalars(select(Recommendation.id).where(Recommendation.text.like("Platypus%"))))
    assert len(in_db) >= 60
    assert index.ids_matching("platypus", "recommendation") == in_db


def test_a_large_backlog_is_applied_by_a_background_process_while_searches_answer(db, index, cpic, sample,
                                                                                   monkeypatch):
    from ol_desk.core.search import index as index_module
    monkeypatch.setattr(index_module, "INLINE_ROWS", 2)
    monkeypatch.setattr(index_module, "INLINE_REBUILD_ROWS", 0)  # as on a big register
    with db.transaction() as s:
        for n in range(3):
            f.make_recommendation(s, cpic, sample.iopc, reference=f"B{n}", text=f"Numbat sighting number {n}.")
    ix = SearchIndex(db)
    assert ix.search("numbat").hits == []  # answered at once from the index as it was
    assert ix._background is not None and ix._background.wait(timeout=60) == 0
    assert len(ix.search("numbat").hits) == 3
    ix.close()


def outbox_rows(db) -> int:
    with db.reading() as s:
        return ch.pending_count(s, 0)


@pytest.mark.sqlite_only  # one index per file; a server keeps the outbox for every workstation (tests/core/server)
def test_applied_outbox_rows_are_deleted_and_new_ones_still_reach_the_index(db, index, cpic, sample):
    assert outbox_rows(db) == 0  # the build applied everything, so the log was emptied
    with db.transaction() as s:
        recommendations.update_recommendation(s, cpic, sample.taser, text="Officers need body-worn video audits.")
    assert outbox_rows(db) > 0 and index.pending() > 0  # written with the change, waiting for the index
    assert found(index.search("audits")) == {("recommendation", sample.taser)}
    assert outbox_rows(db) == 0 and index.pending() == 0
    # Sequence numbers go on rising after the rows are gone, so a new change is never mistaken for an old one.
    seq = applied_seq(db)
    with db.transaction() as s:
        recommendations.update_recommendation(s, cpic, sample.taser, text="Officers need dashcam audits.")
    assert max_seq(db) > seq
    fresh = SearchIndex(db, use_process=False)  # as after a restart: the index is not "ahead of the database"
    assert fresh.ensure().startswith("brought up to date")
    assert found(fresh.search("dashcam")) == {("recommendation", sample.taser)}
    fresh.close()


@pytest.mark.sqlite_only  # one index per file; a server keeps the outbox for every workstation (tests/core/server)
def test_a_busy_database_leaves_the_outbox_for_next_time(db, index, cpic, sample):
    with db.transaction() as s:
        recommendations.update_recommendation(s, cpic, sample.taser, text="Officers need body-worn video audits.")
        with db.reading() as other:
            upto = ch.max_seq(other)
        # Another writer holds the write lock: trimming gives way at once and deletes nothing.
        assert outbox.trim(db, upto) == 0
    assert outbox_rows(db) > 0
    assert found(index.search("audits")) == {("recommendation", sample.taser)}
    assert outbox_rows(db) == 0


def test_a_repeated_search_is_answered_again_after_a_change(db, index, cpic, sample):
    assert not index.search("ligature").hits and not index.search("ligature").hits  # the second from the cache
    with db.transaction() as s:
        new = f.make_recommendation(s, cpic, sample.pfd, reference="9", text="Check cells for ligature points.")
    assert found(index.search("ligature")) == {("recommendation", new)}
    with db.transaction() as s:
        recommendations.update_recommendation(s, cpic, new, text="Check cells for anchor points.")
    assert not index.search("ligature").hits
