"""On a big register a damaged index is repaired on the maintenance thread: a search says "not ready" at once
instead of rebuilding for ten minutes on the thread that saves edits, and answers again once the repair is done."""
from __future__ import annotations

import shutil
import threading

import pytest

from ol_desk.core.search import IndexNotReady, SearchIndex
from ol_desk.core.search import index as index_module
from ol_desk.core.search.store import IndexStore

from .conftest import found


@pytest.fixture
def big(monkeypatch):
    """As on a register above the size a search may repair itself."""
    monkeypatch.setattr(index_module, "INLINE_REPAIR_ROWS", 0)


def held(index):
    """Hold the maintenance thread's ensure() until released (a long rebuild); returns (release, started)."""
    release, started = threading.Event(), threading.Event()
    ensure = index.ensure

    def slow(progress=None, cancel=None):
        started.set()
        assert release.wait(30), "the test never released the repair"
        return ensure(progress=progress, cancel=cancel)
    index.ensure = slow
    return release, started


def test_a_search_on_a_deleted_index_says_not_ready_and_the_repair_runs_on_its_own_thread(db, index, sample, big):
    index.close()
    shutil.rmtree(db.index_dir)
    fresh = SearchIndex(db, use_process=False)
    release, started = held(fresh)
    with pytest.raises(IndexNotReady, match="being brought up to date .*missing.*everything else works"):
        fresh.search("rousing")
    assert started.wait(5) and fresh.maintenance.running
    with pytest.raises(IndexNotReady):        # asked again meanwhile: still not ready, and no second repair
        fresh.ids_matching("rousing", "recommendation")
    assert fresh.maintenance.start("again") is False
    release.set()
    assert fresh.maintenance.wait(30)
    assert ("recommendation", sample.rousing) in found(fresh.search("rousing"))
    fresh.close()


def test_an_unreadable_index_is_rebuilt_by_the_maintenance_thread(db, index, sample, big):
    index.close()
    for path in IndexStore(db.index_dir).current_dir().iterdir():
        path.write_bytes(b"\x00garbage" * 100)
    fresh = SearchIndex(db, use_process=False)
    with pytest.raises(IndexNotReady):
        fresh.search("rousing")
    assert fresh.maintenance.wait(30)
    assert ("recommendation", sample.rousing) in found(fresh.search("rousing"))
    fresh.close()


def test_a_repair_that_fails_is_reported_to_the_listeners_and_search_tries_again(db, index, sample, big):
    index.close()
    shutil.rmtree(db.index_dir)
    fresh = SearchIndex(db, use_process=False)
    outcomes = []
    fresh.maintenance.on_finished.append(lambda what, error: outcomes.append((what, error)))
    ensure = fresh.ensure

    def broken(progress=None, cancel=None):
        raise OSError("disk full")
    fresh.ensure = broken
    with pytest.raises(IndexNotReady):
        fresh.search("rousing")
    assert fresh.maintenance.wait(30)
    assert outcomes and outcomes[0][0] is None and "disk full" in str(outcomes[0][1])
    fresh.ensure = ensure        # the disk has room again: the next search starts a new repair
    with pytest.raises(IndexNotReady):
        fresh.search("rousing")
    assert fresh.maintenance.wait(30)
    assert outcomes[1][1] is None and outcomes[1][0].startswith("rebuilt")
    assert ("recommendation", sample.rousing) in found(fresh.search("rousing"))
    fresh.close()


def test_a_small_register_is_still_repaired_by_the_search_itself(db, index, sample):
    index.close()
    shutil.rmtree(db.index_dir)
    fresh = SearchIndex(db, use_process=False)
    assert ("recommendation", sample.rousing) in found(fresh.search("rousing"))
    assert not fresh.maintenance.running
    fresh.close()
