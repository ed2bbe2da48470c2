"""The pack on paper (issue 19, item 3): a register of 22 reports whose concerns run to 1,000–8,000 characters
prints at 8 pt or more in landscape, nothing printed over anything else, the whole text readable (in the row, or
continued on the Full text sheet the row points to), and every overdue statutory response listed.

The page setup is checked from the workbook (openpyxl reads back scale and column widths); the print itself by
converting with LibreOffice and reading the PDF's words with their positions (skipped without soffice/pdftotext)."""
from __future__ import annotations

import datetime as dt
import random
import shutil
import subprocess

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from ol_desk.core.excel.board_pack.pack_paper import (
    BODY_POINTS,
    LINE_POINTS,
    POINTS_PER_UNIT,
    PRINTABLE_POINTS,
    per_line,
    printed_points,
    wrapped_lines,
)
from ol_desk.core.excel.board_pack.register_pack import export_register_pack
from ol_desk.core.queries.stats import compute
from ol_desk.core.queries.statutory_responses import responses
from ol_desk.core.services import recommendations
from tests.core.factories import hub_id, make_document, make_recommendation

from . import pdf_text

ON = dt.date(2026, 6, 1)
WORDS = ("the custody sergeant did not record the rousing checks required by the care plan and the detainee was "
         "left without a review for several hours while officers dealt with other prisoners in the suite").split()


def concern(n: int, length: int) -> str:
    """Prose of about `length` characters in paragraphs, opening BEGIN<n> and closing END<n> (found in the PDF)."""
    rnd = random.Random(n)
    paragraphs, size = [], 0
    while size < length:
        words = [rnd.choice(WORDS) for _ in range(rnd.randint(30, 90))]
        text = " ".join(words).capitalize() + "."
        paragraphs.append(text)
        size += len(text) + 1
    return f"BEGIN{n} " + "\n".join(paragraphs) + f" END{n}"


@pytest.fixture
def reports(db, cpic, monkeypatch):
    """22 PFD reports, issued 20 to 230 days before ON (so most responses are overdue), one long concern each."""
    monkeypatch.setenv("OL_DESK_TODAY", ON.isoformat())
    texts = {}
    with db.transaction() as s:
        nw = hub_id(s, "NW")
        for n in range(22):
            doc = make_document(s, cpic, kind="pfd", title=f"Regulation 28 report {n}: death following restraint",
                                reference=f"PFD-{n:02d}", issuing_body=f"HM Senior Coroner, Area {n}",
                                date_issued=ON - dt.timedelta(days=20 + 10 * n))
            text = concern(n, 1000 + n * 7000 // 21)
            rec = make_recommendation(s, cpic, doc, reference="MoC 1", text=text,
                                      title=f"Concern {n}: checks on detainees", target_date=ON - dt.timedelta(days=n))
            recommendations.set_hubs(s, cpic, rec, [nw], nw)
            texts[rec] = text
    return texts


def _export(db, path):
    with db.reading() as s:
        export_register_pack(path, s, on=ON)
        return compute(s, ON), responses(s, ON)


SOFFICE = shutil.which("soffice")
needs_pdf = pytest.mark.skipif(SOFFICE is None or pdf_text.PDFTOTEXT is None,
                               reason="needs LibreOffice (soffice) and poppler's pdftotext on PATH")


def _sheets(wb):
    return [ws for ws in wb.worksheets if ws.sheet_state == "visible"]


def test_every_sheet_prints_at_8pt_or_more_with_headers_and_page_numbers(db, reports, tmp_path):
    pack = tmp_path / "pack.xlsx"
    _export(db, pack)
    wb = load_workbook(pack)
    assert wb.sheetnames[-1] == "Full text"
    for ws in _sheets(wb):
        setup = ws.page_setup
        assert setup.orientation == "landscape" and int(setup.paperSize) == 9, ws.title
        assert not ws.sheet_properties.pageSetUpPr.fitToPage, ws.title  # fitting 25 columns shrank text to 4 pt
        scale = int(setup.scale)
        assert printed_points(scale) >= 8, (ws.title, scale)
        widths = [ws.column_dimensions[get_column_letter(c)].width for c in range(1, ws.max_column + 1)
                  if get_column_letter(c) in ws.column_dimensions]
        page = PRINTABLE_POINTS * 100 / scale
        assert max(widths) * POINTS_PER_UNIT <= page, ws.title  # every column fits on a page
        if sum(widths) * POINTS_PER_UNIT > page:  # several pages across: the ID column on each
            assert ws.print_title_cols == "$A:$A", ws.title
        for part in (ws.oddHeader.left, ws.oddHeader.center, ws.oddFooter.left, ws.oddFooter.center,
                     ws.oddFooter.right):
            assert printed_points(scale * part.size / BODY_POINTS) >= 8, ws.title
        assert ws.oddFooter.right.text == "Page &P of &N"
        if ws.title != "Summary":
            assert ws.print_title_rows == "$1:$1", ws.title


def test_rows_are_as_tall_as_their_text_and_long_text_continues_on_full_text(db, reports, tmp_path):
    pack = tmp_path / "pack.xlsx"
    _export(db, pack)
    wb = load_workbook(pack)
    for ws in _sheets(wb):
        if ws.title == "Summary":
            continue
        header = [c.value for c in ws[1]]
        wrapped = [(i, ws.column_dimensions[get_column_letter(i + 1)].width) for i, c in enumerate(ws[2])
                   if c.alignment.wrap_text] if ws.max_row > 1 else []
        for row in ws.iter_rows(min_row=2):
            needed = max([1] + [wrapped_lines(row[i].value, per_line(w)) for i, w in wrapped
                                if isinstance(row[i].value, str)])
            height = ws.row_dimensions[row[0].row].height or LINE_POINTS
            assert needed * LINE_POINTS <= height <= 409, (ws.title, row[0].row, header)
    recs = {r[0].value: r[8].value for r in wb["Recommendations"].iter_rows(min_row=2)}
    full = list(wb["Full text"].iter_rows(min_row=2, values_only=True))
    continued = 0
    for rec, text in reports.items():
        shown = recs[rec]
        if shown == text:
            continue
        continued += 1
        head, _sep, note = shown.rpartition("\n")
        assert note.startswith("… continued on Full text, row ")
        first = int(note.rsplit(" ", 1)[1])
        total = int(full[first - 2][4].split(" of ")[1])
        rows = full[first - 2:first - 2 + total]
        assert [(r[0], r[2], r[3], r[4]) for r in rows] == [
            ("Recommendations", rec, "Recommendation", f"{n} of {total}") for n in range(1, total + 1)]
        assert " ".join(" ".join(r[5] for r in rows).split()) == " ".join(text.split())  # nothing lost
        assert " ".join(text.split()).startswith(" ".join(head.split()))
    assert continued >= 15  # 1,000 characters fit in a row; 8,000 do not


def _print_to_pdf(pack, tmp_path):
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(pack)], capture_output=True, check=True, timeout=300)
    return pdf_text.pages(tmp_path / f"{pack.stem}.pdf")


SOFFICE = shutil.which("soffice")
needs_pdf = pytest.mark.skipif(SOFFICE is None or pdf_text.PDFTOTEXT is None,
                               reason="needs LibreOffice (soffice) and poppler's pdftotext on PATH: apt-get install "
                                      "libreoffice-calc-nogui poppler-utils")


@needs_pdf
def test_printed_pack_reads_at_8pt_with_nothing_overprinted(db, reports, tmp_path):
    pack = tmp_path / "pack.xlsx"
    stats, listed = _export(db, pack)
    pages = _print_to_pdf(pack, tmp_path)
    # Calibrate: the Summary prints at 100 %, its footer's "Page" at 11 pt; word boxes are a font's ascent+descent.
    page_word = next(w for w in pages[0][-1].words if w.text == "Page")
    per_point = page_word.height / 11
    for n, page in enumerate(pages, 1):
        assert pdf_text.overprinted(page) == [], f"page {n}: text printed over text"
        smallest = min(w.height for line in page for w in line.words) / per_point
        assert smallest >= 7.9, f"page {n} has text at {smallest:.1f} pt"
    text = [" ".join(line.text for line in page) for page in pages]
    every = " ".join(text)
    for n in range(len(reports)):  # each concern printed from its first word to its last
        assert every.count(f"BEGIN{n}") >= 1 and f"END{n}" in every, n

    # Every overdue statutory response is printed on the Statutory responses pages.
    responses_pages = " ".join(t for t in text if "Statutory responses overdue or due within 56 days" in t)
    overdue = [r for r in listed if r.overdue]
    assert len(overdue) == stats.responses_overdue == 18
    for r in overdue:
        assert r.reference in responses_pages and f"Overdue by {r.days_over} days" in responses_pages, r
