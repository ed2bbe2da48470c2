"""The 40 real coroners' reports of the sample register (tests/samples/pfd_reports_register.xlsx, text as published
on judiciary.uk), each laid out as a PDF in the template: the PDF gives the same matters of concern as the
register importer gives for the report's concerns cell, with its reference, date, coroner and area."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from ol_desk.core.excel.register_import.concern_split import split_concerns
from ol_desk.core.pfd_pdf import read_report

from .pfd_report_pdfs import variant, write_report

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "pfd_reports_register.xlsx"


def _rows() -> list[tuple]:
    wb = openpyxl.load_workbook(SAMPLE, read_only=True)
    rows = [r for r in wb.active.iter_rows(min_row=2, values_only=True) if r[0]]
    wb.close()
    return rows


ROWS = _rows()


def _printable(text: str) -> str:
    """The Symbol-font bullet some reports carry is written as a bullet our test font has."""
    return text.replace("\uf0b7", "\u2022")


@pytest.mark.parametrize("row", ROWS, ids=[r[0] for r in ROWS])
def test_a_real_report_as_a_pdf_gives_the_registers_concerns(tmp_path, row):
    ref, date, coroner, area, _sent_to, cell, _link = row
    cell = _printable(cell)
    day = dt.date.fromisoformat(str(date)[:10])
    path = write_report(tmp_path / "report.pdf", variant(
        reference=ref, date=day, date_text=f"{day.day} {day:%B %Y}", coroner=coroner.strip(),
        coroner_title="Senior Coroner", area=area.strip(), concerns_text=cell, response_by=""))
    report = read_report(path)
    assert (report.reference, report.date_issued) == (ref, day)
    assert (report.coroner, report.area) == (f"{coroner.strip()}, Senior Coroner", area.strip())
    split = split_concerns(cell)
    if split is not None:
        assert report.concerns == [" ".join(item.split()) for item in split.items]
    else:
        whole = " ".join(cell.split())
        assert len(report.concerns) == 1 and whole.endswith(report.concerns[0])
        assert "revealed matters giving rise to concern" not in report.concerns[0]   # the standard words: notes
