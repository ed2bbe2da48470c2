"""The register pack's Statutory responses sheet: every outstanding response overdue or due within 56 days (PFD,
IOPC, HMICFRS clocks), most overdue first, read by `queries.statutory_responses` — the rows the Summary's two
response figures count, so "Statutory responses overdue: N" is N rows marked overdue here."""
from __future__ import annotations

import datetime as dt

from openpyxl.formatting.rule import ColorScaleRule
from sqlalchemy.orm import Session

from ol_desk.core.queries.register_filter import RegisterFilter
from ol_desk.core.queries.statutory_responses import Response, responses

from .pack_styles import Column, SheetSeries

TITLE = "Statutory responses"

RESPONSE_COLUMNS = [
    Column("Doc ID", 8), Column("Kind", 18, "wrap"), Column("Issuing body", 22, "wrap"), Column("Reference", 16),
    Column("Document title", 40, "wrap"), Column("Issued", 12, "date"), Column("Response due", 12, "date"),
    Column("Days over", 9, "count"), Column("Standing", 18), Column("First due", 12, "date"),
    Column("Owner", 22, "wrap"), Column("Sent to", 30, "wrap"),
]


def response_values(r: Response) -> list:
    return [r.document_id, r.kind.label, r.body, r.reference, r.title, r.issued, r.due,
            r.days_over if r.overdue else None, r.standing, r.first_due if r.extended else None, r.owner,
            r.addressees]


def write_responses(wb, session: Session, register: RegisterFilter | None, on: dt.date, *, max_rows: int,
                    **kw) -> SheetSeries:
    sheet = SheetSeries(wb, TITLE, RESPONSE_COLUMNS, print_title="Statutory responses overdue or due within 56 days",
                        max_rows=max_rows, **kw)
    for r in responses(session, on, register):
        sheet.append(response_values(r))
    for part in sheet.parts:
        part.ws.conditional_formatting.add(part.column_range("Days over"), ColorScaleRule(
            start_type="num", start_value=0, start_color="FFF2CC", end_type="percentile", end_value=90,
            end_color="F8696B"))
    return sheet
