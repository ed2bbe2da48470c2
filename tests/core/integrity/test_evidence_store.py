"""`check` re-hashes every stored evidence file: one altered or missing is listed by evidence id and item."""
from __future__ import annotations

from ol_desk.core.integrity.check import run_check
from ol_desk.core.model import Evidence
from ol_desk.core.services import records

from ..factories import make_document, make_recommendation


def _attach(db, cpic, tmp_path, name: str) -> tuple[int, Evidence]:
    source = tmp_path / name
    source.write_text(f"minutes of the meeting: {name}")
    with db.transaction() as s:
        rec = make_recommendation(s, cpic, make_document(s, cpic, reference=name))
        records.add_evidence_file(s, cpic, db.evidence_dir, source, recommendation_id=rec)
    with db.reading() as s:
        row = s.query(Evidence).filter_by(recommendation_id=rec).one()
    return rec, row


def test_an_untouched_evidence_store_passes(db, cpic, tmp_path):
    _attach(db, cpic, tmp_path, "a.txt")
    report = run_check(db)
    assert report.ok and report.evidence_files == 1


def test_an_altered_and_a_missing_evidence_file_are_each_named(db, cpic, tmp_path):
    rec_a, a = _attach(db, cpic, tmp_path, "a.txt")
    rec_b, b = _attach(db, cpic, tmp_path, "b.txt")
    (db.evidence_dir / a.stored_path).write_text("minutes, edited afterwards")
    (db.evidence_dir / b.stored_path).unlink()
    problems = run_check(db).problems
    assert problems == [
        f"evidence {a.id} ('a.txt' on recommendation {rec_a}): the stored file was altered (its SHA-256 is not "
        f"the one recorded)",
        f"evidence {b.id} ('b.txt' on recommendation {rec_b}): the file is missing from the evidence store "
        f"({db.evidence_dir / b.stored_path})"]
    assert run_check(db, quick=True).ok  # --quick: the chain only
