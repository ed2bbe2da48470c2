"""The thematic briefing: the PDF has OFFICIAL-SENSITIVE in the header and footer of every page and the repeated
concerns with their history; the workbook opens, is marked, and holds every group and each time it was raised;
`ol-desk theme CODE --pdf --xlsx` writes both."""
from __future__ import annotations

import datetime as dt
import io
import unicodedata

import pytest
from openpyxl import load_workbook
from pdfminer.high_level import extract_text
from pdfminer.pdfpage import PDFPage

from ol_desk.cli.main import main
from ol_desk.core.demo.generate import generate_demo
from ol_desk.core.excel.theme_briefing.briefing_workbook import write_theme_briefing
from ol_desk.core.theme_page.page import theme_page
from ol_desk.gui.report.board_report import ReportError
from ol_desk.gui.report.theme_briefing import write_theme_briefing_pdf
from tests.core.theme_page.test_repeated_concerns import _register

ON = dt.date(2025, 6, 1)


def _page_texts(path) -> list[str]:
    with open(path, "rb") as f:
        count = sum(1 for _ in PDFPage.get_pages(f))
    # one space between words, ligatures ("ﬁ") as letters
    return [" ".join(unicodedata.normalize("NFKC", extract_text(str(path), page_numbers=[i])).split())
            for i in range(count)]


@pytest.fixture
def demo_page(db):
    generate_demo(db, 400, seed=3, on=ON)
    with db.reading() as s:
        return theme_page(s, "custody", on=ON)


def test_every_pdf_page_is_marked_and_the_groups_are_in_it(qapp, demo_page, tmp_path):
    out = tmp_path / "custody.pdf"
    pages = write_theme_briefing_pdf(demo_page, out)
    texts = _page_texts(out)
    assert pages == len(texts) >= 3
    for n, text in enumerate(texts, 1):
        assert text.count("OFFICIAL-SENSITIVE") == 2, f"page {n}"        # header and footer
        assert f"Page {n}" in text
    whole = " ".join(texts)
    assert "Thematic briefing: Custody and detention" in whole
    groups = demo_page.repeated.groups
    assert f"Repeated concerns ({len(groups)})" in whole
    for n, g in enumerate(groups[:3], 1):
        assert f"{n}. {g.summary}" in whole
        assert g.members[0].label in whole                               # the first time it was raised
    assert "Each time it was raised, and what was done" in whole


def test_a_theme_without_findings_still_makes_a_marked_page(qapp, db, cpic, tmp_path):
    _register(db, cpic)
    with db.reading() as s:
        page = theme_page(s, "pursuits", on=ON)
    out = tmp_path / "pursuits.pdf"
    assert write_theme_briefing_pdf(page, out) == 1
    (text,) = _page_texts(out)
    assert text.count("OFFICIAL-SENSITIVE") == 2 and "No finding carries this theme yet" in text
    with pytest.raises(ReportError, match="ending in .pdf"):
        write_theme_briefing_pdf(page, tmp_path / "briefing.docx")


def test_the_workbook_holds_every_group_and_its_history(demo_page, tmp_path):
    out = tmp_path / "custody.xlsx"
    rows = write_theme_briefing(demo_page, out, exported_by="A. Analyst")
    wb = load_workbook(out)
    assert wb.sheetnames == ["Summary", "Timeline", "Repeated concerns", "Concern history", "Learning embedded"]
    assert wb.properties.keywords == "OFFICIAL-SENSITIVE" and "Custody and detention" in wb.properties.title
    groups = demo_page.repeated.groups
    sheet = wb["Repeated concerns"]
    assert sheet.max_row == len(groups) + 1 == rows["repeated concerns"] + 1
    assert [c.value for c in sheet[2]][:3] == [1, f"{groups[0].title}\n{groups[0].summary}", groups[0].size]
    history = wb["Concern history"]
    listed = [r for r in history.iter_rows(min_row=2, values_only=True) if r[4]]
    assert len(listed) == sum(len(g.members) for g in groups)
    assert {r[4] for r in listed} >= {m.label for m in groups[0].members}
    for ws in wb.worksheets:
        assert "OFFICIAL-SENSITIVE" in (ws.oddHeader.center.text or "") + (ws.oddFooter.center.text or "")
    assert wb["Timeline"]._charts, "the timeline sheet carries its chart"
    summary = {r[0]: r[1] for r in wb["Summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["Findings: Overdue"] == demo_page.number("overdue").count


def test_the_command_writes_text_json_pdf_and_workbook(qapp, db, cpic, tmp_path, capsys):
    _register(db, cpic)
    assert main(["--db", str(db.path), "theme", "custody"]) == 0
    text = capsys.readouterr().out
    assert "Custody and detention (custody)" in text
    assert "1. Raised 3 times since 2019 by HMICFRS, coroners and the IOPC" in text
    assert "1 of 2 actions delivered; outcome evidenced" in text
    assert main(["--db", str(db.path), "theme", "Custody and detention", "--json"]) == 0
    import json
    data = json.load(io.StringIO(capsys.readouterr().out))
    (group,) = data["repeated_concerns"]["groups"]
    assert group["times"] == 3 and group["by"] == ["hmicfrs", "pfd", "iopc"] and group["delivered"] == 1
    pdf, xlsx = tmp_path / "b.pdf", tmp_path / "b.xlsx"
    assert main(["--db", str(db.path), "theme", "custody", "--pdf", str(pdf), "--xlsx", str(xlsx)]) == 0
    assert "OFFICIAL-SENSITIVE" in capsys.readouterr().out
    assert all(t.count("OFFICIAL-SENSITIVE") == 2 for t in _page_texts(pdf))
    assert load_workbook(xlsx)["Repeated concerns"].max_row == 2
    assert main(["--db", str(db.path), "theme", "nonsense"]) == 2
    assert "no theme 'nonsense'" in capsys.readouterr().err
