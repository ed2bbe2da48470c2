"""Writes the Board report PDF with Qt's own PDF writer: summary tiles, the dashboard charts, the overdue, statutory
responses and for-decision tables (at 8 pt); OFFICIAL-SENSITIVE in the header and footer of every page.

    pages = write_board_report(data, "board.pdf")   # data: board_report_data.ReportData (read on the worker thread)

Needs a QApplication (the charts are drawn through Qt Charts); the CLI starts an offscreen one.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QMarginsF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from ol_desk.core.errors import OlDeskError
from ol_desk.core.queries.board_report_data import ReportData, Row
from ol_desk.core.queries.dashboard import Slice
from ol_desk.core.queries.statutory_responses import Response
from ol_desk.gui.dashboard.dashboard_panel import build_charts

MARKING = "OFFICIAL-SENSITIVE"
DPI = 144
CHART_PIXELS = QSize(620, 360)


class ReportError(OlDeskError):
    pass


class _Pages:
    """A painter on the PDF with a cursor, page breaks, and the marking on every page."""

    def __init__(self, writer: QPdfWriter, title: str, path: Path):
        self.writer = writer
        self.title = title
        self.painter = QPainter(writer)
        if not self.painter.isActive():
            raise ReportError(f"The PDF could not be written to {path} (is the folder writable, "
                              f"or the file open in another program?).")
        self.width = writer.width()
        self.height = writer.height()
        self.unit = DPI / 72.0  # device pixels per point
        self.top = int(30 * self.unit)
        self.bottom = self.height - int(30 * self.unit)
        self.y = self.top
        self.page = 1
        self._marks()

    def font(self, points: float, bold: bool = False) -> QFont:
        f = QFont("DejaVu Sans")
        f.setPointSizeF(points)
        f.setBold(bold)
        self.painter.setFont(f)
        return f

    def _marks(self) -> None:
        p = self.painter
        self.font(9, True)
        p.setPen(QColor("#000000"))
        p.drawText(QRect(0, 0, self.width, int(20 * self.unit)), Qt.AlignmentFlag.AlignCenter, MARKING)
        self.font(8)
        foot = QRect(0, self.height - int(20 * self.unit), self.width, int(20 * self.unit))
        p.drawText(foot, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)
        self.font(9, True)
        p.drawText(foot, Qt.AlignmentFlag.AlignCenter, MARKING)
        self.font(8)
        p.drawText(foot, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"Page {self.page}")

    def new_page(self) -> None:
        self.writer.newPage()
        self.page += 1
        self.y = self.top
        self._marks()

    def need(self, height: int) -> None:
        if self.y + height > self.bottom:
            self.new_page()

    def text(self, text: str, points: float = 10, bold: bool = False, gap: float = 4) -> None:
        self.font(points, bold)
        h = self.painter.fontMetrics().height()
        self.need(h)
        self.painter.setPen(QColor("#000000"))
        self.painter.drawText(QRect(0, self.y, self.width, h), Qt.AlignmentFlag.AlignLeft, text)
        self.y += h + int(gap * self.unit)

    def finish(self) -> int:
        self.painter.end()
        return self.page


ALERT_TILES = ("overdue", "responses_overdue")


def _tiles(pages: _Pages, tiles: Sequence[Slice], per_row: int = 4, height: float = 46,
           alert: tuple[str, ...] = ALERT_TILES) -> None:
    """Boxes of big numbers with their labels, `per_row` across; a non-zero count of an `alert` key in red."""
    gap = int(6 * pages.unit)
    w = (pages.width - gap * (per_row - 1)) // per_row
    h = int(height * pages.unit)
    p = pages.painter
    for i, t in enumerate(tiles):
        if i % per_row == 0:
            pages.need(h)
            if i:
                pages.y += h + gap
        x = (i % per_row) * (w + gap)
        box = QRect(x, pages.y, w, h)
        p.setPen(QPen(QColor("#9aa0a6"), 1))
        p.setBrush(QColor("#f3f5f7"))
        p.drawRect(box)
        p.setPen(QColor("#c0392b") if t.key in alert and t.count else QColor("#000000"))
        pages.font(16, True)
        p.drawText(box.adjusted(gap, gap // 2, -gap, -h // 2),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"{t.count:,}")
        p.setPen(QColor("#000000"))
        pages.font(7.5)
        p.drawText(box.adjusted(gap, h // 2, -gap, -gap // 4),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap, t.label)
    pages.y += h + gap * 2


def _charts(pages: _Pages, data: ReportData) -> None:
    charts = build_charts(data.board)
    order = ("by_source_kind", "ageing", "closures", "responses", "by_hub")
    gap = int(8 * pages.unit)
    half = (pages.width - gap) // 2
    for i, key in enumerate(order):
        wide = key == "by_hub"
        w = pages.width if wide else half
        size = QSize(1000, 400) if wide else CHART_PIXELS  # drawn at about the page's scale, so labels stay legible
        h = int(w * size.height() / size.width())
        column = 0 if wide else i % 2
        if column == 0:
            pages.need(h)
        view = QChartView(charts[key])
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.resize(size)
        image = view.grab().toImage()
        pages.painter.drawImage(QRectF(column * (half + gap), pages.y, w, h), image)
        view.deleteLater()
        if wide or column == 1:
            pages.y += h + gap


TABLE_POINTS = 8  # the least a Board member should have to read


def _date(d) -> str:
    return f"{d:%d %b %Y}" if d else ""


def _table(pages: _Pages, title: str, rows: list[Row], total: int, date_caption: str) -> None:
    _grid(pages, title, ("Reference", "Recommendation", "Lead hub", "Owner", date_caption),
          (0.19, 0.42, 0.15, 0.13, 0.11),
          [(r.label, r.text, r.hub, r.owner, _date(r.date)) for r in rows], total)


def _responses(pages: _Pages, rows: list[Response]) -> None:
    overdue = sum(1 for r in rows if r.overdue)
    _grid(pages, f"Statutory responses: {overdue:,} overdue, {len(rows) - overdue:,} due within 56 days",
          ("Kind", "Issuing body", "Reference", "Issued", "Response due", "Days over", "Owner"),
          (0.19, 0.16, 0.14, 0.12, 0.12, 0.08, 0.19),
          [(r.kind.label, r.body, r.reference, _date(r.issued), _date(r.due),
            f"{r.days_over:,}" if r.overdue else "", r.owner) for r in rows], len(rows))


def _grid(pages: _Pages, title: str, heads: tuple[str, ...], widths: tuple[float, ...],
          rows: Sequence[tuple[str, ...]], total: int, title_points: float = 13) -> None:
    pages.need(int(60 * pages.unit))
    pages.text(title, title_points, True)
    if not rows:
        pages.text("None.", 10)
        return
    xs = [0]
    for fraction in widths[:-1]:
        xs.append(xs[-1] + int(pages.width * fraction))
    p = pages.painter

    def line(cells, bold=False, shade=False):
        pages.font(TABLE_POINTS, bold)
        metrics = p.fontMetrics()
        h = metrics.height() + int(4 * pages.unit)
        if pages.y + h > pages.bottom:
            pages.new_page()
            line(heads, bold=True, shade=True)
            pages.font(TABLE_POINTS, bold)
        if shade:
            p.fillRect(QRect(0, pages.y, pages.width, h), QColor("#e8ebee"))
        p.setPen(QColor("#000000"))
        for i, cell in enumerate(cells):
            w = (xs[i + 1] if i + 1 < len(xs) else pages.width) - xs[i] - int(4 * pages.unit)
            p.drawText(QRect(xs[i] + int(2 * pages.unit), pages.y, w, h), Qt.AlignmentFlag.AlignVCenter,
                       metrics.elidedText(cell, Qt.TextElideMode.ElideRight, w))
        p.setPen(QPen(QColor("#d0d4d8"), 1))
        p.drawLine(0, pages.y + h, pages.width, pages.y + h)
        pages.y += h

    line(heads, bold=True, shade=True)
    for cells in rows:
        line(cells)
    if total > len(rows):
        pages.y += int(4 * pages.unit)
        pages.text(f"… and {total - len(rows):,} more: see the register workbook for the full list.", 8)
    pages.y += int(10 * pages.unit)


def write_board_report(data: ReportData, path: str | Path, title: str = "Organisational Learning Board") -> int:
    """Write the report to `path`; returns the number of pages."""
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        raise ReportError(f"The Board report is a PDF: give a file name ending in .pdf (not '{path.name}').")
    if not path.parent.exists():
        raise ReportError(f"The folder {path.parent} does not exist.")
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setTitle(f"{title} — {MARKING}")
    writer.setCreator("ol-desk")
    if data.anchor is not None:
        writer.setDocumentXmpMetadata(_xmp(f"{title} — {MARKING}", data.anchor.text))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    on = data.board.on
    pages = _Pages(writer, f"Board report, {on:%d %b %Y}", path)
    pages.text(f"{title}: register summary", 18, True)
    pages.text(f"As at {on:%A %d %B %Y}. Figures are recommendations unless stated.", 9, gap=10)
    _tiles(pages, data.board.tiles)
    _charts(pages, data)
    pages.new_page()
    _table(pages, f"Overdue recommendations ({data.overdue_total:,})", data.overdue, data.overdue_total, "Target")
    _responses(pages, data.responses)
    _table(pages, f"For decision: evidence accepted, awaiting the Board ({data.for_decision_total:,})",
           data.for_decision, data.for_decision_total, "Target")
    if data.anchor is not None:
        pages.y += int(10 * pages.unit)
        pages.text(f"Audit trail as this report was written ({data.anchor.events:,} events); "
                   f"`ol-desk check --against` this PDF proves the log still extends it:", 8, True)
        head, _, digest = data.anchor.text.partition(", hash ")
        pages.text(head + ",", 7, gap=1)
        pages.text(f"hash {digest}", 7)
    return pages.finish()


def _xmp(title: str, anchor_text: str) -> bytes:
    """The PDF's XMP metadata: its title, and the audit anchor as plain text (read back by `check --against`)."""
    from xml.sax.saxutils import escape
    return (f'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
            f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            f'<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            f'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:oldesk="urn:ol-desk:audit:1">'
            f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>'
            f'<xmp:CreatorTool>ol-desk</xmp:CreatorTool>'
            f'<oldesk:AuditAnchor>{escape(anchor_text)}</oldesk:AuditAnchor>'
            f'</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>').encode()
