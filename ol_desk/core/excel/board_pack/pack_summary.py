"""The register pack's Summary sheet: the same figures as `ol-desk stats` (computed by queries.stats for the same
filter), laid out for a Board paper, with two bar charts below the figures (so the sheet prints one page across at
full size; charts beside the tables made it shrink below 8 pt)."""
from __future__ import annotations

import datetime as dt

from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.pagebreak import Break

from ol_desk.core.integrity.anchor import Anchor
from ol_desk.core.model.enums import ActionStatus, RecStatus, SourceKind
from ol_desk.core.queries.stats import Stats

from .pack_paper import LINE_POINTS, per_line, print_scale, wrapped_lines
from .pack_styles import COUNT_FORMAT, HEADER_FILL, HEADER_FONT, MARKING, setup_print

WIDTHS = (("A", 60), ("B", 18), ("C", 4))
CHART_CM = 7.5   # two charts, one above the other, fit a landscape A4 page (printable height 17 cm)
CHART_ROWS = 16  # rows of 15 pt a chart covers, and a gap

TITLE_FONT = Font(name="Calibri", size=16, bold=True, color="1F3864")
MARK_FONT = Font(name="Calibri", size=12, bold=True, color="C00000")
SECTION_FONT = Font(name="Calibri", size=12, bold=True, color="1F3864")
NOTE_FONT = Font(name="Calibri", size=9, italic=True, color="595959")
ALERT_FILL = PatternFill("solid", fgColor="FCE4D6")


def key_figures(stats: Stats, due_days: int) -> list[tuple[str, int, str]]:
    """(label, count, note) in the order the Board reads them. `alert` notes are shaded."""
    return [
        ("Recommendations", stats.recommendations, ""),
        ("Actions", stats.actions, ""),
        ("Source documents", stats.documents, ""),
        ("Recommendations overdue", stats.overdue, "alert"),
        (f"Recommendations due within {due_days} days", stats.due_within_30_days, ""),
        ("Actions overdue", stats.actions_overdue, "alert"),
        (f"Actions due within {due_days} days", stats.actions_due_within_30_days, ""),
        ("Slipped targets (recommendations past their first agreed date)", stats.slipped, "alert"),
        ("Target-date extensions recorded (recommendations)", stats.target_date_moves, ""),
        ("Due-date extensions recorded (actions)", stats.due_date_moves, ""),
        ("Closures awaiting the Board (evidence accepted)", stats.awaiting_board, ""),
        ("Delivered, awaiting CPIC review of evidence", stats.awaiting_cpic, ""),
        ("Statutory responses overdue", stats.responses_overdue, "alert"),
        ("Statutory responses due within 56 days", stats.responses_due_within_56_days, ""),
    ]


def _label(enum_cls, value: str) -> str:
    try:
        return enum_cls(value).label
    except ValueError:
        return value


class _Rows:
    """Appends rows to the write-only Summary sheet and remembers the row number reached."""

    def __init__(self, ws):
        self.ws = ws
        self.n = 0

    def add(self, *cells, points: float | None = None) -> int:
        """Append a row; `points` gives it that height (a large font, or a note wrapped onto several lines)."""
        self.n += 1
        if points is not None:
            self.ws.row_dimensions[self.n] = {"ht": str(points), "customHeight": "1"}
        self.ws.append(list(cells))
        self.ws.row_dimensions.pop(self.n, None)
        return self.n

    def note(self, text: str, font) -> int:
        """A note in column A, wrapped, in a row as tall as its lines."""
        lines = wrapped_lines(text, per_line(WIDTHS[0][1]))
        return self.add(self.cell(text, font=font, wrap=True), points=lines * LINE_POINTS + 2)

    def cell(self, value, *, font=None, fmt=None, fill=None, wrap=False):
        c = WriteOnlyCell(self.ws, value)
        if font is not None:
            c.font = font
        if fmt is not None:
            c.number_format = fmt
        if fill is not None:
            c.fill = fill
        if wrap:
            c.alignment = Alignment(wrap_text=True, vertical="top")
        return c

    def table(self, title: str, headers: tuple[str, str], items: list[tuple[str, int]]) -> tuple[int, int]:
        """A titled two-column table; returns (first data row, last data row)."""
        self.add()
        self.add(self.cell(title, font=SECTION_FONT), points=18)
        self.add(*(self.cell(h, font=HEADER_FONT, fill=HEADER_FILL) for h in headers))
        first = self.n + 1
        for label, count in items:
            self.add(label, self.cell(count, fmt=COUNT_FORMAT))
        if not items:
            self.add(self.cell("none", font=NOTE_FONT), self.cell(0, fmt=COUNT_FORMAT))
        return first, self.n


def write_summary(wb, stats: Stats, *, on: dt.date, filters: list[str], exported_by: str, database: str,
                  hub_names: dict[str, str], due_days: int = 30, anchor: Anchor | None = None) -> None:
    ws = wb.create_sheet("Summary")
    setup_print(ws, "Register pack: summary", scale=print_scale(w for _letter, w in WIDTHS))
    for letter, width in WIDTHS:
        ws.column_dimensions[letter].width = width
    r = _Rows(ws)
    r.add(r.cell(MARKING, font=MARK_FONT), points=18)
    r.add(r.cell("Organisational Learning Board: improvement register", font=TITLE_FONT), points=24)
    r.note(f"Position at {on:%d %B %Y}. Exported from ol-desk by {exported_by} at "
           f"{dt.datetime.now(dt.UTC):%d %b %Y %H:%M} UTC from {database}.", NOTE_FONT)
    r.note("Rows included: " + ("; ".join(filters) if filters else "the whole register") + ".", NOTE_FONT)
    r.add()
    r.add(r.cell("Key figures", font=SECTION_FONT), points=18)
    for label, count, note in key_figures(stats, due_days):
        fill = ALERT_FILL if note == "alert" and count else None
        r.add(r.cell(label, fill=fill), r.cell(count, fmt=COUNT_FORMAT, fill=fill))

    status_items = [(_label(RecStatus, k), n) for k, n in stats.by_status.items()]
    s_first, s_last = r.table("Recommendations by status", ("Status", "Recommendations"), status_items)
    k_first, k_last = r.table("Recommendations by source", ("Source kind", "Recommendations"),
                              [(_label(SourceKind, k), n) for k, n in stats.by_source_kind.items()])
    r.table("Recommendations by lead hub", ("Lead hub", "Recommendations"),
            [(f"{hub_names.get(code, code)} ({code})", n) for code, n in stats.by_lead_hub.items()])
    r.table("Actions by status", ("Status", "Actions"),
            [(_label(ActionStatus, k), n) for k, n in stats.actions_by_status.items()])
    r.add()
    r.note("RAG: Red = overdue; Amber = due within 30 days, slipped, or no date set; Green = on track; "
           "Complete = delivered or closed; n/a = not accepted, superseded or cancelled.", NOTE_FONT)
    if anchor is not None:
        r.note(f"Audit trail at export: {anchor.events:,} events, last event {anchor.last_id}, hash "
               f"{anchor.grouped_hash}; database {anchor.database_uid}. `ol-desk check --against` this file "
               f"proves the log still extends it.", NOTE_FONT)
    r.note(f"{MARKING}: handle and share according to the Government Security Classifications.", MARK_FONT)

    # The charts print on a page of their own: a chart cut by a page break prints over the next page's header.
    ws.row_breaks.append(Break(id=r.n))
    below = r.n + 1
    if status_items:
        ws.add_chart(_bar("Recommendations by status", ws, s_first, s_last), f"A{below}")
        below += CHART_ROWS
    if stats.by_source_kind:
        ws.add_chart(_bar("Recommendations by source", ws, k_first, k_last), f"A{below}")


def _bar(title: str, ws, first: int, last: int) -> BarChart:
    chart = BarChart()
    chart.type = "bar"
    chart.style = 10
    chart.title = title
    chart.legend = None
    chart.y_axis.title = "Recommendations"
    chart.y_axis.majorGridlines = None
    chart.add_data(Reference(ws, min_col=2, min_row=first, max_row=last), titles_from_data=False)
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    chart.height = CHART_CM
    chart.width = 16
    return chart
