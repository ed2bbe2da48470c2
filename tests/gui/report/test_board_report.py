"""The Board report PDF: written, a real PDF with the expected pages, marked on every page; bad paths refused.

What it reads (no Qt) is tested in tests/core/test_board_report_data.py."""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import unicodedata

import pytest

from ol_desk.core.queries import board_report_data
from ol_desk.gui.report.board_report import ReportError, write_board_report
from tests.core.factories import make_document, make_recommendation
from tests.core.test_dashboard_queries import ON, _build


def _pages_in(path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


def test_report_has_summary_page_then_tables(qapp, db, cpic, tmp_path, on_day):
    on_day(ON)
    _build(db, cpic)
    with db.reading() as s:
        data = board_report_data.read(s)
    out = tmp_path / "board.pdf"
    pages = write_board_report(data, out)
    assert out.read_bytes().startswith(b"%PDF") and out.stat().st_size > 20_000  # charts are in it
    assert pages == 2 == _pages_in(out)          # tiles and charts; then the two short tables
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout
        assert text.count("OFFICIAL-SENSITIVE") == 2 * pages       # header and footer on every page
        assert "Overdue recommendations (1)" in text and "awaiting the Board (1)" in text
        assert "Statutory responses: 1 overdue, 1 due within 56 days" in text
        for r in data.responses:  # every response listed, the overdue one with its days over
            assert r.reference in text
        overdue = next(r for r in data.responses if r.overdue)
        row = next(line for line in text.splitlines() if overdue.reference in line)
        assert overdue.kind.label in row and f"{overdue.due:%d %b %Y}" in row and f" {overdue.days_over} " in row


def test_long_tables_run_over_pages_and_are_capped(qapp, db, cpic, tmp_path, on_day):
    on_day(ON)
    with db.transaction() as s:
        doc = make_document(s, cpic)
        for i in range(130):
            make_recommendation(s, cpic, doc, reference=f"R{i}", target_date=ON - dt.timedelta(days=i + 1))
    with db.reading() as s:
        data = board_report_data.read(s, cap=100)
    assert len(data.overdue) == 100                  # the cap and order: tests/core/test_board_report_data.py
    pages = write_board_report(data, tmp_path / "long.pdf")
    assert pages == _pages_in(tmp_path / "long.pdf") >= 3


def test_refuses_a_path_that_is_not_a_pdf_or_has_no_folder(qapp, db, tmp_path):
    with db.reading() as s:
        data = board_report_data.read(s)
    with pytest.raises(ReportError, match="ending in .pdf"):
        write_board_report(data, tmp_path / "board.docx")
    with pytest.raises(ReportError, match="does not exist"):
        write_board_report(data, tmp_path / "missing" / "board.pdf")


def test_file_export_board_report_writes_the_pdf_and_says_where(qtbot, db, cpic, ctx, tmp_path, monkeypatch, on_day):
    from ol_desk.gui.report import report_action
    on_day(ON)
    _build(db, cpic)
    target = tmp_path / "board.pdf"
    monkeypatch.setattr(report_action.QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "PDF (*.pdf)")))
    said = []
    report_action.export_board_report(ctx, None, said.append)
    qtbot.waitUntil(lambda: bool(said), timeout=15_000)
    assert target.exists() and said == [f"Wrote {target} (2 pages, OFFICIAL-SENSITIVE)."]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_every_overdue_statutory_response_is_in_the_report(qapp, db, cpic, tmp_path, on_day):
    on_day(ON)
    with db.transaction() as s:
        for n in range(22):  # 22 PFD reports issued 20 to 230 days ago: 56-day clocks, most run out
            make_document(s, cpic, kind="pfd", reference=f"PFD-{n:02d}", issuing_body=f"HM Senior Coroner {n}",
                          date_issued=ON - dt.timedelta(days=20 + 10 * n))
    with db.reading() as s:
        data = board_report_data.read(s, cap=5)  # the cap is for the recommendation tables only
    overdue = [r for r in data.responses if r.overdue]
    assert len(overdue) == 18 and len(data.responses) == 22
    out = tmp_path / "board.pdf"
    write_board_report(data, out)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout
    assert "Statutory responses: 18 overdue, 4 due within 56 days" in text
    for r in overdue:
        row = next(line for line in text.splitlines() if r.reference in line)
        assert f"{r.due:%d %b %Y}" in row and re.search(rf"\b{r.days_over}\b", row.split(f"{r.due:%d %b %Y}")[1]), row


def test_the_report_carries_the_audit_anchor_on_its_last_page_and_in_its_metadata(qapp, db, cpic, tmp_path):
    from ol_desk.core.integrity.anchor_files import read_anchor
    from ol_desk.core.integrity.check import run_check
    with db.transaction() as s:
        make_recommendation(s, cpic, make_document(s, cpic))
    with db.reading() as s:
        data = board_report_data.read(s)
    out = tmp_path / "board.pdf"
    write_board_report(data, out)
    assert read_anchor(out) == data.anchor and data.anchor.events > 0
    assert run_check(db, against=out).ok
    if shutil.which("pdftotext"):
        last = unicodedata.normalize("NFKC", subprocess.run(  # NFKC: the ligature pdftotext reads as one "ff"
            ["pdftotext", "-f", "2", "-layout", str(out), "-"], capture_output=True, text=True).stdout)
        assert f"last event {data.anchor.last_id}" in last and data.anchor.last_hash in last
