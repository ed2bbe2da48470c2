"""Writes the thematic briefing PDF: one theme's page for a Head of Profession or the Board — its figures, the
timeline and repeated-concern charts, the repeated concerns with the history of each (every time it was raised,
by whom, and what was done), and the evidence of learning embedded. OFFICIAL-SENSITIVE in the header and footer
of every page (the Board report's page machinery).

    pages = write_theme_briefing_pdf(page, "custody.pdf")   # page: core.theme_page.page.ThemePage

Needs a QApplication (the charts are drawn through Qt Charts); the CLI starts an offscreen one.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QMarginsF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPdfWriter

from ol_desk.core.theme_page.page import ThemePage
from ol_desk.core.theme_page.repeated_concerns import by_whom
from ol_desk.gui.dashboard.charts import short
from ol_desk.gui.theme_page.theme_charts import concerns_chart, timeline_chart

from .board_report import DPI, MARKING, ReportError, _grid, _Pages, _tiles

GROUPS_IN_FULL = 12     # groups whose history is listed (all are in the summary table and the workbook)
RAISED_LISTED = 15      # times raised listed per group


def _date(d) -> str:
    return f"{d:%d %b %Y}" if d else ""


def _wrapped(pages: _Pages, text: str, points: float, bold: bool = False, gap: float = 2) -> None:
    """A paragraph that wraps at the page's width (pages.text draws one line)."""
    pages.font(points, bold)
    flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
    h = pages.painter.fontMetrics().boundingRect(QRect(0, 0, pages.width, 10_000), flags, text).height()
    pages.need(h)
    pages.painter.setPen(QColor("#000000"))
    pages.painter.drawText(QRect(0, pages.y, pages.width, h), flags, text)
    pages.y += h + int(gap * pages.unit)


def _chart(pages: _Pages, chart, size: QSize) -> None:
    h = int(pages.width * size.height() / size.width())
    pages.need(h)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.resize(size)
    pages.painter.drawImage(QRectF(0, pages.y, pages.width, h), view.grab().toImage())
    view.deleteLater()
    pages.y += h + int(8 * pages.unit)


def _groups(pages: _Pages, page: ThemePage) -> None:
    groups = page.repeated.groups
    rows = [(str(n), g.title, f"{g.size:,}", f"{g.first.year}" if g.first else "", by_whom(g.kinds),
             f"{g.open.count:,}", f"{g.delivered.count:,} of {g.actions.count:,}", f"{g.evidenced.count:,}")
            for n, g in enumerate(groups, 1)]
    _grid(pages, f"Repeated concerns ({len(groups):,})",
          ("No.", "Concern, as first raised", "Times", "Since", "Raised by", "Open", "Delivered", "Evidenced"),
          (0.04, 0.33, 0.07, 0.07, 0.2, 0.07, 0.12, 0.10), rows, len(groups))


def _history(pages: _Pages, page: ThemePage) -> None:
    for n, g in enumerate(page.repeated.groups[:GROUPS_IN_FULL], 1):
        pages.need(int(110 * pages.unit))
        _wrapped(pages, f"{n}. {g.summary}", 11, True)
        _wrapped(pages, f"First raised: {g.title}", 9)
        _wrapped(pages, f"{g.documents:,} documents, {_date(g.first)} to {_date(g.last)}; {g.open.count:,} still "
                        f"open; {g.delivered.count:,} of {g.actions.count:,} actions delivered; outcome evidenced "
                        f"for {g.evidenced.count:,} of {g.size:,}.", 8)
        rows = [(_date(m.opened), short(m.kind.label), m.label, m.status.label, m.done_words())
                for m in g.members[:RAISED_LISTED]]
        _grid(pages, "Each time it was raised, and what was done",
              ("Raised", "Source", "Reference", "Status", "What was done"), (0.12, 0.13, 0.23, 0.12, 0.40),
              rows, g.size, title_points=9)


def _embedded(pages: _Pages, page: ThemePage) -> None:
    rows = [(_date(e.on), e.finding, e.action, e.note) for e in page.embedded]
    _grid(pages, "Evidence that the learning is embedded (latest)", ("Evidenced", "Answers", "Action", "What shows it"),
          (0.11, 0.17, 0.34, 0.38), rows, len(rows))


def write_theme_briefing_pdf(page: ThemePage, path: str | Path) -> int:
    """Write the briefing to `path`; returns the number of pages."""
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        raise ReportError(f"The thematic briefing is a PDF: give a file name ending in .pdf (not '{path.name}').")
    if not path.parent.exists():
        raise ReportError(f"The folder {path.parent} does not exist.")
    title = f"Thematic briefing: {page.theme.name}"
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setTitle(f"{title} — {MARKING}")
    writer.setCreator("ol-desk")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    pages = _Pages(writer, f"Theme briefing, {page.on:%d %b %Y}", path)
    pages.text(title, 18, True)
    pages.text(f"As at {page.on:%A %d %B %Y}: everything the register holds on this theme, across every source "
               f"and year.", 9, gap=8)
    if page.is_empty:
        pages.text("No finding carries this theme yet.", 11)
        return pages.finish()
    _tiles(pages, page.numbers + page.action_numbers, per_row=5, height=40,
           alert=("overdue", "stale", "actions_overdue", "actions_stale"))
    _chart(pages, timeline_chart(page), QSize(1000, 380))
    _chart(pages, concerns_chart(page), QSize(1000, 380))
    r = page.repeated
    scope = f" Scope: {r.scope}." if r.scope else ""
    pages.new_page()
    _wrapped(pages, "A repeated concern: findings from different bodies or years that say the same thing "
                    f"(matched by their words).{scope}", 8, gap=6)
    _groups(pages, page)
    _history(pages, page)
    _embedded(pages, page)
    return pages.finish()
