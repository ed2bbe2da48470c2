"""The chain's head kept outside the database: the witness after every commit, and `check --against` proving that
today's log extends an anchor unchanged, whatever was done to the file (cut, deleted, reordered, recomputed)."""
from __future__ import annotations

import pytest

from ol_desk.core.errors import ValidationError
from ol_desk.core.integrity.anchor import chain_head
from ol_desk.core.integrity.check import quick_check, run_check
from ol_desk.core.integrity.witness import read_witness, witness_path

from ..factories import make_action, make_document, make_recommendation
from .tamper import alter_event, cut_tail, delete_event, event_ids, swap_events


def _some_history(db, cpic, n: int = 3) -> None:
    for i in range(n):
        with db.transaction() as s:
            doc = make_document(s, cpic, reference=f"2025-{i:04d}")
            make_action(s, cpic, [make_recommendation(s, cpic, doc)])


def test_every_commit_that_appends_events_leaves_the_head_in_the_witness(db, cpic, _config_dir):
    _some_history(db, cpic, 1)
    with db.reading() as s:
        head = chain_head(s, db.uid)
    path = witness_path(db.uid)
    assert path.parent.parent == _config_dir
    assert read_witness(path) == head and head.events > 0
    with pytest.raises(ValidationError):  # a failed transaction leaves the witness as it was
        with db.transaction() as s:
            make_document(s, cpic, reference="2025-9999")
            make_document(s, cpic, title="", reference="")
    assert read_witness(path) == head


def test_an_unwritable_config_folder_does_not_fail_a_commit(db, cpic, _config_dir, monkeypatch):
    monkeypatch.setenv("OL_DESK_CONFIG_DIR", str(_config_dir / "a-file"))
    _config_dir.mkdir(parents=True, exist_ok=True)
    (_config_dir / "a-file").write_text("not a folder")
    _some_history(db, cpic, 1)  # committed; the witness could not be written


def test_an_untouched_database_passes_against_its_witness(db, cpic):
    _some_history(db, cpic)
    report = run_check(db)
    assert report.ok, report.problems
    assert any("witness" in line for line in report.passed)
    assert quick_check(db).ok


@pytest.mark.parametrize("tamper, says", [
    (lambda db, ids: cut_tail(db, 3), "the log was cut"),
    (lambda db, ids: delete_event(db, ids[len(ids) // 2], recompute=False), "does not follow the event before it"),
    (lambda db, ids: delete_event(db, ids[len(ids) // 2], recompute=True), "were removed from the log"),
    (lambda db, ids: swap_events(db, ids[2], ids[3], recompute=False), "was altered after it was written"),
    (lambda db, ids: swap_events(db, ids[2], ids[3], recompute=True), "altered or reordered"),
    (lambda db, ids: alter_event(db, ids[1], recompute=True), "altered or reordered and the chain recomputed"),
], ids=["tail cut", "middle delete", "middle delete, chain recomputed", "reorder", "reorder, chain recomputed",
        "early event altered, chain recomputed"])
def test_each_tamper_form_fails_the_check_with_one_line_saying_which(db, cpic, tamper, says):
    _some_history(db, cpic)
    tamper(db, event_ids(db))
    report = run_check(db)
    assert not report.ok
    assert says in report.problems[0], report.problems  # the chain's line first; rows the log lost follow it


def test_the_quick_start_up_check_catches_a_cut_tail_and_a_recomputed_chain(db, cpic):
    _some_history(db, cpic)
    cut_tail(db, 2)
    assert "the log was cut" in quick_check(db).problems[0]


def test_the_quick_check_catches_a_recomputed_chain(db, cpic):
    _some_history(db, cpic)
    alter_event(db, event_ids(db)[0], recompute=True)
    assert "altered or reordered" in quick_check(db).problems[0]


def test_a_witness_file_given_with_against_is_read_and_checked(db, cpic, tmp_path):
    _some_history(db, cpic, 2)
    kept = tmp_path / "kept-witness.json"
    kept.write_bytes(witness_path(db.uid).read_bytes())
    witness_path(db.uid).unlink()  # the holder removed this workstation's own witness too
    cut_tail(db, 1)
    assert run_check(db, quick=True).ok  # the chain alone: nothing left to prove it against
    assert "no creating event" in " ".join(run_check(db).problems)  # but the rows the cut events made are there
    problems = run_check(db, against=kept, quick=True).problems
    assert len(problems) == 1 and problems[0].startswith("against kept-witness.json: the log was cut")


def test_an_anchor_of_another_database_is_not_evidence_either_way(db, cpic, tmp_path):
    _some_history(db, cpic, 1)
    other = tmp_path / "other.json"
    other.write_text(witness_path(db.uid).read_text().replace(db.uid, "0" * 32))
    assert "of another database" in run_check(db, against=other).problems[0]


def test_a_file_without_an_anchor_is_refused_in_one_line(db, tmp_path):
    junk = tmp_path / "notes.xlsx"
    junk.write_bytes(b"not a workbook")
    with pytest.raises(ValidationError, match="cannot be read as a workbook"):
        run_check(db, against=junk)
    with pytest.raises(ValidationError, match="holds no ol-desk audit anchor"):
        (tmp_path / "x.json").write_text("{}")
        run_check(db, against=tmp_path / "x.json")
