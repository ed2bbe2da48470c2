"""CSV registers as SharePoint lists and trackers export them: UTF-8 with or without a BOM, or Windows-1252;
comma, semicolon or tab. They go through the same mapping, preview, profiles and undo as a workbook; a workbook
named .csv, and a binary file, are refused with nothing written."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from ol_desk.cli.main import main
from ol_desk.core.excel.register_import.importer import ImportOptions, import_file
from ol_desk.core.excel.workbook_reader import WorkbookRefused
from ol_desk.core.model import Recommendation, SourceDocument
from ol_desk.core.services.history import undo_batch

from .conftest import audit_count, build_workbook, table_state

ROWS = [["Ref", "Recommendation", "Owner", "Target Date", "Status"],
        ["R1", "Custody officers should rouse detainees every 30 minutes, and record it – café", "DS Clarke",
         "01/03/2026", "Open"],
        ["R2", 'The "pursuit" policy; its authorisation, should be reviewed', "", "30/06/2026", "Open"]]


def _csv(path, sep: str, encoding: str, rows=ROWS) -> str:
    def cell(v: str) -> str:
        return f'"{v.replace(chr(34), chr(34) * 2)}"' if any(c in v for c in (sep, '"', "\n")) else v
    path.write_bytes("\r\n".join(sep.join(cell(v) for v in row) for row in rows).encode(encoding) + b"\r\n")
    return str(path)


def _texts(db) -> dict[str, str]:
    with db.reading() as s:
        return dict(s.execute(select(Recommendation.reference, Recommendation.text)).all())


@pytest.mark.parametrize("sep, encoding, said", [
    (",", "utf-8", "UTF-8, comma"), (";", "utf-8-sig", "UTF-8 (with BOM), semicolon"),
    ("\t", "cp1252", "Windows-1252, tab"), (";", "cp1252", "Windows-1252, semicolon")])
def test_each_encoding_and_separator_reads_the_same_rows(db, cpic, tmp_path, sep, encoding, said):
    path = _csv(tmp_path / "tracker.csv", sep, encoding)
    preview = import_file(db, path, cpic, ImportOptions(kind="hmicfrs"), dry_run=True)
    assert any(n == f"Read as CSV, {said}-separated." for n in preview.info.notes), preview.info.notes
    report = import_file(db, path, cpic, ImportOptions(kind="hmicfrs"))
    assert report.counts["new"] == 2 and report.counts["rejected"] == 0
    assert _texts(db) == {"R1": ROWS[1][1], "R2": ROWS[2][1]}     # the dash, the accent, quotes and separators
    with db.reading() as s:
        rec = s.scalar(select(Recommendation).where(Recommendation.reference == "R1"))
        assert str(rec.current_target_date) == "2026-03-01" and rec.document.kind.value == "hmicfrs"


def test_re_import_is_a_no_op_and_undo_removes_it(db, cpic, tmp_path):
    path = _csv(tmp_path / "tracker.csv", ",", "utf-8")
    before = table_state(db)
    report = import_file(db, path, cpic, ImportOptions(kind="iopc"))
    assert import_file(db, path, cpic, ImportOptions(kind="iopc")).nothing_changed
    with db.transaction() as s:
        undo_batch(s, cpic, report.batch_id)
    assert table_state(db) == before


def test_the_cli_imports_csv_and_saves_a_profile_that_a_workbook_of_the_same_layout_reuses(cli_db, db, tmp_path,
                                                                                           capsys):
    target = cli_db()
    path = _csv(tmp_path / "sharepoint.csv", ";", "utf-8-sig")
    assert main([*target, "import", path, "--kind", "iopc", "--save-profile", "SharePoint list",
                 "--map", "Owner=ignore"]) == 0
    assert "Undo this import with" in capsys.readouterr().out
    book = build_workbook(tmp_path / "same.xlsx", [ROWS[0], ["R9", "A third recommendation.", "DS X", "", "Open"]])
    assert main([*target, "import", str(book), "--dry-run"]) == 0
    assert "profile 'SharePoint list'" in capsys.readouterr().out
    with db.reading() as s:
        assert s.scalar(select(SourceDocument.kind)).value == "iopc"


def test_a_workbook_named_csv_and_a_binary_file_are_refused_with_nothing_written(db, cpic, tmp_path):
    book = build_workbook(tmp_path / "real.xlsx", ROWS)
    named = tmp_path / "real.csv"
    named.write_bytes(book.read_bytes())
    binary = tmp_path / "blob.csv"
    binary.write_bytes(b"Ref,Text\x00\x01\x02" * 100)
    before, events = table_state(db), audit_count(db)
    for path, words in ((named, "rename it to .xlsx"), (binary, "binary data")):
        with pytest.raises(WorkbookRefused, match=words):
            import_file(db, path, cpic)
    assert table_state(db) == before and audit_count(db) == events
