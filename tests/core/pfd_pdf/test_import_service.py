"""A confirmed PFD report written in one transaction on either store: the document with its 56-day clock from the
report's date (as for one recorded by hand), one matter of concern per concern in order, the PDF as evidence on
each, one import batch that undo takes back whole; the same file or reference never imported twice; a failure
leaves the database as it was."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from ol_desk.cli.main import main
from ol_desk.core.errors import PermissionDenied, ValidationError
from ol_desk.core.model import Evidence, ImportBatch, Recommendation, SourceDocument
from ol_desk.core.model.enums import Entity, FindingType, SourceKind
from ol_desk.core.pfd_pdf import read_report
from ol_desk.core.services import documents, pfd_reports, records
from ol_desk.core.services.history import undo_batch
from tests.core.excel_import.conftest import table_state

from .pfd_report_pdfs import Report, variant, write_report


def _import(db, actor, path, report=None):
    report = report or read_report(path)
    with db.transaction() as s:
        return pfd_reports.import_pfd_report(s, actor, db.evidence_dir, path, report)


def test_the_report_becomes_a_document_with_its_concerns_clock_and_evidence(db, cpic, tmp_path):
    path = write_report(tmp_path / "report.pdf", variant(filler_lines=14))
    result = _import(db, cpic, path)
    assert not result.already and result.batch_id and len(result.recommendation_ids) == 3
    with db.reading() as s:
        doc = s.get(SourceDocument, result.document_id)
        assert (doc.kind, doc.reference, doc.title) == (SourceKind.PFD, "2024-0123", "Regulation 28 report: John Smith")
        assert (doc.issuing_body, doc.area) == ("Jane Doe, Assistant Coroner", "Avon")
        assert doc.addressees == "Chief Constable of Avon and Somerset Constabulary; Chief Executive, NHS England"
        assert doc.date_issued == dt.date(2024, 3, 12)
        assert doc.original_response_due == doc.response_due == dt.date(2024, 5, 7)
        assert doc.notes.startswith("Investigation and inquest: On 4 January 2024")
        recs = list(s.scalars(select(Recommendation).where(Recommendation.document_id == doc.id)
                              .order_by(Recommendation.position)))
        assert [r.text for r in recs] == Report().concerns
        assert [r.position for r in recs] == [1, 2, 3]
        assert {r.finding_type for r in recs} == {FindingType.MATTER_OF_CONCERN}
        evidence = list(s.scalars(select(Evidence).order_by(Evidence.recommendation_id)))
        assert [e.recommendation_id for e in evidence] == [r.id for r in recs]
        assert {e.sha256 for e in evidence} == {records.sha256_of(path)}
        assert records.evidence_path(db.evidence_dir, evidence[0]).read_bytes() == path.read_bytes()
        batch = s.get(ImportBatch, result.batch_id)
        assert (batch.kind, batch.source_name, batch.sha256) == ("pfd_report", "report.pdf", records.sha256_of(path))


def test_the_clock_is_the_one_a_hand_made_pfd_document_gets(db, cpic, tmp_path):
    result = _import(db, cpic, write_report(tmp_path / "r.pdf"))
    with db.transaction() as s:
        made = documents.create_document(s, cpic, kind=SourceKind.PFD, title="by hand",
                                         date_issued=dt.date(2024, 3, 12))
        by_hand = s.get(SourceDocument, next(iter(made.created[Entity.DOCUMENT])))
        from_pdf = s.get(SourceDocument, result.document_id)
        assert by_hand.response_due == from_pdf.response_due


def test_corrections_made_on_the_preview_are_what_is_written(db, cpic, tmp_path):
    path = write_report(tmp_path / "r.pdf", variant(reference_line=""))
    report = read_report(path)
    report.reference, report.date_issued, report.area = "2024-0999", dt.date(2024, 4, 1), "Avon and Somerset"
    report.concerns = [report.concerns[0] + " " + report.concerns[1], report.concerns[2]]   # two merged
    report.addressees = ["Chief Constable of Avon and Somerset Constabulary"]
    result = _import(db, cpic, path, report)
    with db.reading() as s:
        doc = s.get(SourceDocument, result.document_id)
        assert (doc.reference, doc.date_issued, doc.response_due, doc.area) == (
            "2024-0999", dt.date(2024, 4, 1), dt.date(2024, 5, 27), "Avon and Somerset")
        assert doc.addressees == "Chief Constable of Avon and Somerset Constabulary"
        assert len(list(s.scalars(select(Recommendation)))) == 2


def test_the_same_file_or_the_same_reference_is_not_imported_twice(db, cpic, tmp_path):
    path = write_report(tmp_path / "r.pdf")
    _import(db, cpic, path)
    before = table_state(db)
    again = _import(db, cpic, path)
    assert again.already.startswith("r.pdf was imported already (import batch") and again.batch_id is None
    other = write_report(tmp_path / "other.pdf", variant(area="Somerset"))   # another file, the same reference
    third = _import(db, cpic, other)
    assert third.already.startswith("PFD report 2024-0123 is in ol-desk already")
    assert table_state(db) == before


def test_undo_takes_the_whole_report_back_and_it_can_be_imported_again(db, cpic, tmp_path):
    path = write_report(tmp_path / "r.pdf")
    before = table_state(db)
    first = _import(db, cpic, path)
    with db.transaction() as s:
        undo_batch(s, cpic, first.batch_id)
    after = table_state(db)
    assert {t: rows for t, rows in after.items() if t != "import_batches"} == \
        {t: rows for t, rows in before.items() if t != "import_batches"}
    assert not _import(db, cpic, path).already


def test_a_failure_part_way_leaves_the_database_as_it_was(db, cpic, tmp_path, monkeypatch):
    path = write_report(tmp_path / "r.pdf")
    before = table_state(db)
    calls = []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise ValidationError("disk full")
        return real(*args, **kwargs)
    real = records.add_evidence_file
    monkeypatch.setattr(records, "add_evidence_file", failing)
    with pytest.raises(ValidationError, match="disk full"):
        _import(db, cpic, path)
    assert table_state(db) == before


def test_only_cpic_imports_and_empty_concerns_are_refused(db, cpic, hub_officer, tmp_path):
    path = write_report(tmp_path / "r.pdf")
    before = table_state(db)
    with pytest.raises(PermissionDenied):
        _import(db, hub_officer, path)
    report = read_report(path)
    report.concerns = [report.concerns[0], "  "]
    with pytest.raises(ValidationError, match="A matter of concern is empty"):
        _import(db, cpic, path, report)
    report.concerns = []
    with pytest.raises(ValidationError, match="at least one matter of concern"):
        _import(db, cpic, path, report)
    assert table_state(db) == before


def test_a_file_changed_since_it_was_read_is_refused(db, cpic, tmp_path):
    path = write_report(tmp_path / "r.pdf")
    report = read_report(path)
    write_report(path, variant(area="Elsewhere"))
    with pytest.raises(ValidationError, match="changed since it was read"):
        _import(db, cpic, path, report)


def test_cli_previews_asks_and_imports(cli_db, db, tmp_path, capsys, monkeypatch):
    path = str(write_report(tmp_path / "report.pdf", variant(marker="(1)")))
    target = cli_db()
    assert main([*target, "import", path, "--dry-run"]) == 0
    out = capsys.readouterr().out
    for words in ("Reference      2024-0123", "Date of report 12 March 2024", "Response due   07 May 2024",
                  "Coroner        Jane Doe, Assistant Coroner", "Area           Avon",
                  "Sent to        Chief Constable of Avon and Somerset Constabulary; Chief Executive, NHS England",
                  "Matters of concern (3)", "    2. The control room did not pass the call", "Nothing was written"):
        assert words in out
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main([*target, "import", path]) != 0
    assert "confirm with --yes" in capsys.readouterr().err
    with db.reading() as s:
        assert s.scalar(select(SourceDocument.id)) is None
    assert main([*target, "import", path, "--yes", "--reference", "2024-0124", "--date", "1 April 2024"]) == 0
    out = capsys.readouterr().out
    assert "Imported PFD report 2024-0124: document" in out and "ol-desk import --undo" in out
    with db.reading() as s:
        doc = s.scalars(select(SourceDocument)).one()
        assert (doc.reference, doc.response_due) == ("2024-0124", dt.date(2024, 5, 27))
    assert main([*target, "import", path, "--yes"]) == 0
    assert "was imported already" in capsys.readouterr().out


def test_cli_refuses_a_scan_in_one_line(cli_db, tmp_path, capsys):
    from .pdf_writer import PdfWriter
    writer = PdfWriter()
    writer.page(image=True)
    path = writer.write(tmp_path / "scan.pdf")
    assert main([*cli_db(), "import", str(path), "--yes"]) != 0
    err = capsys.readouterr().err
    assert "no text layer" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_cli_names_options_that_do_not_apply_to_a_pdf(cli_db, tmp_path, capsys):
    path = str(write_report(tmp_path / "report.pdf"))
    assert main([*cli_db(), "import", path, "--dry-run", "--sheet", "PFD", "--tag-themes"]) == 0
    assert "report.pdf: --sheet, --tag-themes do not apply to a PFD report PDF." in capsys.readouterr().err
