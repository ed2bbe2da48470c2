"""Coroners' Regulation 28 Prevention of Future Deaths reports read straight from their PDF: `text_lines` turns the
PDF into lines of text in reading order (running headers, footers and page numbers left out; encrypted, scanned
or non-PDF files refused), `report_parse` finds the template's sections in those lines and gives a `PfdReport` to
preview, correct and import (`services/pfd_reports.py`). No database and no Qt here."""
from __future__ import annotations

from .report_parse import PfdReport, parse_report, read_report
from .text_lines import PdfRefused

__all__ = ["PdfRefused", "PfdReport", "parse_report", "read_report"]
