"""Files that cannot be read as a PFD report are refused with one message that says why and what to do."""
from __future__ import annotations

import pytest

from ol_desk.core.pfd_pdf import PdfRefused, read_report

from .pdf_writer import PdfWriter
from .pfd_report_pdfs import variant, write_report


def test_a_scanned_report_with_no_text_layer(tmp_path):
    writer = PdfWriter()
    writer.page(image=True)
    writer.page(image=True)
    with pytest.raises(PdfRefused, match=r"^This PDF has no text layer — it looks scanned; .*OCR"):
        read_report(writer.write(tmp_path / "scan.pdf"))


def test_one_scanned_page_among_pages_of_text_is_named(tmp_path):
    path = write_report(tmp_path / "part.pdf", variant(pages_after=["image"], filler_lines=20))
    with pytest.raises(PdfRefused, match=r"^Page 3 of 3 of this PDF has no text layer — it looks scanned; .*OCR"):
        read_report(path)


def test_an_empty_page_is_not_a_scan(tmp_path):
    path = write_report(tmp_path / "blank.pdf", variant(pages_after=["blank"]))
    assert read_report(path).concerns


def test_not_a_pdf(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_text("Regulation 28 report\n5 CORONER'S CONCERNS\n1. a concern")
    with pytest.raises(PdfRefused, match="is not a PDF"):
        read_report(path)


def test_an_encrypted_pdf(tmp_path):
    writer = PdfWriter()
    writer.page().text(72, 100, "5 CORONER'S CONCERNS")
    with pytest.raises(PdfRefused, match="is encrypted \\(password-protected\\)"):
        read_report(writer.write(tmp_path / "locked.pdf", encrypted=True))


def test_a_damaged_pdf(tmp_path):
    good = write_report(tmp_path / "good.pdf").read_bytes()
    path = tmp_path / "damaged.pdf"
    path.write_bytes(good[:200] + b"\x00garbage" * 50)
    with pytest.raises(PdfRefused, match="(damaged|no text)"):
        read_report(path)


def test_a_pdf_that_is_not_a_pfd_report(tmp_path):
    writer = PdfWriter()
    page = writer.page()
    page.text(72, 100, "PEEL 2023-25: An inspection of the Metropolitan Police Service", bold=True)
    page.text(72, 130, "Area for improvement 1: the force should improve how it records crime.")
    with pytest.raises(PdfRefused, match="does not look like a Regulation 28 .* no CORONER'S CONCERNS or MATTERS "
                                         "OF CONCERN section"):
        read_report(writer.write(tmp_path / "peel.pdf"))


def test_no_such_file(tmp_path):
    with pytest.raises(PdfRefused, match="There is no file"):
        read_report(tmp_path / "missing.pdf")
