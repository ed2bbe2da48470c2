"""Evidence is searchable (issue 12 item 5): the words of attached PDF, Word, Excel and text files are read in the
search worker process and found with kind:evidence and a snippet; a file with no text says why."""
from __future__ import annotations

import pytest

from ol_desk.core.model.enums import Entity
from ol_desk.core.search import SearchIndex, indexer
from ol_desk.core.search.file_reader import FileReader
from ol_desk.core.services import records
from tests.core import evidence_files as ef
from tests.core import factories as f

from .conftest import found


@pytest.fixture
def attached(db, cpic, sample, tmp_path):
    """Five files and a link on the sample register: {name: evidence id}."""
    files = {
        "custody-audit.pdf": ef.text_pdf(tmp_path / "custody-audit.pdf",
                                         [["Audit of the custody suite."],
                                          ["Every detainee had rousing checks at thirty minute intervals."]]),
        "scan.pdf": ef.image_pdf(tmp_path / "scan.pdf"),
        "minutes.docx": ef.docx(tmp_path / "minutes.docx", ["Board minute 14.",
                                                            "The quartermaster signed off the stabvest order."]),
        "course-log.xlsx": ef.xlsx(tmp_path / "course-log.xlsx", [["Officer", "Course"],
                                                                   ["PC Adams", "Tactical pursuit containment"]]),
        "note.txt": ef.cp1252_text(tmp_path / "note.txt", "Café meeting: the décor of the charge room."),
    }
    parents = {"custody-audit.pdf": {"recommendation_id": sample.rousing}, "scan.pdf": {"action_id": sample.briefing},
               "minutes.docx": {"action_id": sample.briefing}, "course-log.xlsx": {"recommendation_id": sample.pursuit},
               "note.txt": {"recommendation_id": sample.taser}}
    ids = {}
    with db.transaction() as s:
        for name, path in files.items():
            ids[name] = f.new_id(records.add_evidence_file(s, cpic, db.evidence_dir, path, **parents[name]),
                                 Entity.EVIDENCE)
        ids["link"] = f.new_id(records.add_evidence_link(s, cpic, "https://intranet/kestrel-debrief",
                                                         description="Kestrel debrief slides",
                                                         action_id=sample.policy), Entity.EVIDENCE)
    return ids


@pytest.fixture
def worker_index(db, attached):
    """The index as the app keeps it: written by the worker process (the one place files are read)."""
    ix = SearchIndex(db, use_process=True)
    ix.ensure()
    yield ix
    ix.close()


def test_words_of_each_kind_of_file_are_found_with_kind_evidence(worker_index, attached, sample):
    for query, name in (("kind:evidence rousing", "custody-audit.pdf"), ("kind:evidence stabvest", "minutes.docx"),
                        ("kind:evidence containment", "course-log.xlsx"), ("kind:evidence décor", "note.txt"),
                        ("kind:evidence kestrel", "link")):
        assert ("evidence", attached[name]) in found(worker_index.search(query)), query
    hit = next(h for h in worker_index.search("kind:evidence stabvest").hits)
    assert hit.reference == "minutes.docx"
    assert hit.parent_kind == "action" and hit.parent_id == sample.briefing
    assert hit.title.startswith("Evidence on action MD-001")
    assert "<mark>stabvest</mark>" in hit.snippet_html and "quartermaster" in hit.snippet_text


def test_a_snippet_comes_from_the_page_the_words_are_on(worker_index, attached, sample):
    hit = worker_index.search("intervals kind:evidence").hits[0]
    assert hit.id == attached["custody-audit.pdf"] and hit.parent_kind == "recommendation"
    assert hit.parent_id == sample.rousing
    assert "thirty minute <mark>intervals</mark>" in hit.snippet_html


def test_evidence_words_are_found_by_a_plain_search_too(worker_index, attached):
    assert ("evidence", attached["minutes.docx"]) in found(worker_index.search("quartermaster"))
    assert found(worker_index.search("quartermaster kind:action")) == set()


def test_each_file_says_whether_its_text_is_searchable(worker_index, attached):
    status = worker_index.evidence_status(attached.values())
    assert status[attached["custody-audit.pdf"]] == ("searchable", "")
    assert status[attached["scan.pdf"]] == ("no_text", "no text layer — scanned?")
    assert status[attached["minutes.docx"]][0] == status[attached["note.txt"]][0] == "searchable"
    assert status[attached["link"]] == ("link", "")


def test_a_file_attached_after_the_build_is_read_by_the_worker(db, cpic, sample, tmp_path):
    ix = SearchIndex(db, use_process=True)
    ix.ensure()
    with db.transaction() as s:
        eid = f.new_id(records.add_evidence_file(s, cpic, db.evidence_dir,
                                                 ef.docx(tmp_path / "late.docx", ["A zeppelin sighting."]),
                                                 recommendation_id=sample.rousing), Entity.EVIDENCE)
    # A search applies the small backlog in this process: the file is indexed as pending, unread, and the worker
    # process is started to read it.
    assert found(ix.search("kind:evidence zeppelin")) == set()
    assert ix.evidence_status([eid]) == {eid: ("pending", "")}
    ix.ensure()     # (what the GUI's index maintenance does: the worker reads what is pending)
    assert ("evidence", eid) in found(ix.search("kind:evidence zeppelin"))
    assert ix.evidence_status([eid]) == {eid: ("searchable", "")}
    ix.close()


def test_in_this_process_files_are_never_read(db, attached):
    ix = SearchIndex(db, use_process=False)
    ix.ensure()
    assert found(ix.search("kind:evidence stabvest")) == set()
    assert {s for s, _r in ix.evidence_status(attached.values()).values()} == {"pending", "link"}
    # ... until the worker's step runs (here called directly, as worker.py does).
    with ix.store.writer_lock(wait=None):
        assert indexer.read_pending_evidence(db, ix.store, FileReader(db.evidence_dir, None)) == 5
    assert ("evidence", attached["minutes.docx"]) in found(ix.search("kind:evidence stabvest"))
    ix.close()


def test_a_rebuild_includes_evidence(worker_index, attached):
    assert "rebuilt" in worker_index.rebuild()
    assert ("evidence", attached["course-log.xlsx"]) in found(worker_index.search("kind:evidence containment"))
    assert worker_index.evidence_status([attached["scan.pdf"]])[attached["scan.pdf"]][0] == "no_text"


def test_a_file_missing_from_the_store_says_so(db, attached):
    with db.reading() as s:
        from ol_desk.core.model import Evidence
        stored = s.get(Evidence, attached["minutes.docx"]).stored_path
    (db.evidence_dir / stored).unlink()
    ix = SearchIndex(db, use_process=True)
    ix.rebuild()
    assert ix.evidence_status([attached["minutes.docx"]]) == {
        attached["minutes.docx"]: ("no_text", "file missing from the evidence store")}
    ix.close()


def test_undoing_the_attachment_takes_the_file_out_of_search(db, cpic, worker_index, attached):
    from sqlalchemy import select

    from ol_desk.core.model import AuditEvent
    from ol_desk.core.services.history import undo
    eid = attached["minutes.docx"]
    assert ("evidence", eid) in found(worker_index.search("stabvest"))
    with db.transaction() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.entity == "evidence",
                                                   AuditEvent.entity_id == eid)).one()
        undo(s, cpic, [event.id])
    assert found(worker_index.search("stabvest")) == set()
    assert worker_index.evidence_status([eid]) == {}


def test_the_app_process_never_reads_a_file_even_on_a_small_database(db, attached, monkeypatch):
    """A small register is indexed in this process (quicker than starting one), but its files are still read by
    the worker process: reading one here would fail this test."""
    def not_here(*_a, **_k):
        raise AssertionError("an evidence file was read in the app's process")
    monkeypatch.setattr("ol_desk.core.search.file_reader.extract", not_here)
    ix = SearchIndex(db)
    what = ix.ensure()
    assert "read 5 evidence file(s)" in what
    assert ("evidence", attached["minutes.docx"]) in found(ix.search("kind:evidence stabvest"))
    ix.close()


def test_text_read_once_is_kept_by_sha256_so_a_rebuild_does_not_read_the_file_again(db, attached, tmp_path):
    from ol_desk.core.model import Evidence
    with db.reading() as s:
        ev = s.get(Evidence, attached["minutes.docx"])
        stored, name, sha = ev.stored_path, ev.original_name, ev.sha256
    first = FileReader(db.evidence_dir, tmp_path / "cache")
    assert "stabvest" in first.read(stored, name, sha).text and first.read_count == 1
    again = FileReader(db.evidence_dir, tmp_path / "cache")
    assert again.read(stored, name, sha) == first.read(stored, name, sha) and again.read_count == 0
    (db.evidence_dir / stored).unlink()   # gone from the store: said so, whatever was read before
    assert again.read(stored, name, sha).reason == "file missing from the evidence store"
