"""The theme page panel (Ctrl+8): for one theme, everything the force has been told about it — the figures
(open, overdue, stale, …; each a button that opens the register on exactly its rows), the timeline by source,
the repeated concerns with what was done each time, and the evidence of learning embedded. Read on the database
worker thread (core.theme_page.page.theme_page); the briefing PDF and workbook are written from the page shown.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCharts import QChartView
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ol_desk.core.errors import OlDeskError
from ol_desk.core.model.enums import Entity
from ol_desk.core.queries.dashboard import Slice
from ol_desk.core.theme_page.page import ThemePage, ThemeRef, theme_page, themes
from ol_desk.gui.dashboard.refresh_when_shown import RefreshWhenShown
from ol_desk.gui.dashboard.tile_button import TileButton
from ol_desk.gui.ops import readable
from ol_desk.gui.theme import is_dark

from .concern_tree import ConcernTree
from .theme_charts import concerns_chart, timeline_chart

log = logging.getLogger(__name__)
NO_THEMES = "There are no themes yet: add them in Hubs & people, then tag findings with them."
EMBEDDED_COLUMNS = ("Evidenced", "Answers", "Action", "What shows it")


def themes_and_page(session, theme_id: int | None) -> tuple[list[ThemeRef], ThemePage | None]:
    """Every theme, and the page of `theme_id` (else of the first theme), in one read on the worker thread."""
    found = themes(session)
    if not found:
        return found, None
    chosen = next((t for t in found if t.id == theme_id), found[0])
    return found, theme_page(session, chosen)


class ThemePagePanel(RefreshWhenShown, QWidget):
    WATCHED = (Entity.RECOMMENDATION, Entity.DOCUMENT, Entity.ACTION, Entity.THEME, Entity.IMPORT, Entity.EVIDENCE)
    status_text = Signal(str)
    loaded = Signal(object)   # the ThemePage shown (or None)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.page: ThemePage | None = None
        self.themes: list[ThemeRef] = []
        self._loading = False
        self._again = False
        self.setObjectName("themePagePanel")
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        top.addWidget(QLabel("<b>Theme</b>", self))
        self.chooser = QComboBox(self)
        self.chooser.setObjectName("themeChooser")
        self.chooser.setAccessibleName("Theme")
        self.chooser.setMinimumContentsLength(28)
        self.chooser.activated.connect(lambda _i: self._read_page())
        top.addWidget(self.chooser)
        self.heading = QLabel("Loading the themes…", self)
        self.heading.setWordWrap(True)
        top.addWidget(self.heading, 1)
        self.pdf_button = QPushButton("Briefing PDF…", self)
        self.pdf_button.setObjectName("themeBriefingPdf")
        self.pdf_button.setToolTip("The thematic briefing for a Head of Profession or the Board (OFFICIAL-SENSITIVE)")
        self.pdf_button.clicked.connect(self.export_pdf)
        self.xlsx_button = QPushButton("Briefing workbook…", self)
        self.xlsx_button.setObjectName("themeBriefingXlsx")
        self.xlsx_button.clicked.connect(self.export_xlsx)
        for b in (self.pdf_button, self.xlsx_button):
            b.setEnabled(False)
            top.addWidget(b)
        layout.addLayout(top)

        tiles = QGridLayout()
        self.tiles: dict[str, TileButton] = {}
        self._tile_grid = tiles
        layout.addLayout(tiles)

        split = QSplitter(Qt.Orientation.Vertical, self)
        charts_row = QWidget(split)
        row = QHBoxLayout(charts_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.views: dict[str, QChartView] = {}
        for key in ("timeline", "concerns"):
            view = QChartView(charts_row)
            view.setObjectName(f"themeChart_{key}")
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(230)
            row.addWidget(view)
            self.views[key] = view
        lower = QWidget(split)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.groups_heading = QLabel("", lower)
        self.groups_heading.setWordWrap(True)
        lower_layout.addWidget(self.groups_heading)
        self.tree = ConcernTree(self.open_slice, lambda e, i: self.ctx.open_item(e, i), lower)
        lower_layout.addWidget(self.tree, 3)
        self.embedded_heading = QLabel("<b>Evidence that the learning is embedded</b> (latest)", lower)
        lower_layout.addWidget(self.embedded_heading)
        self.embedded = QTableWidget(0, len(EMBEDDED_COLUMNS), lower)
        self.embedded.setObjectName("themeEmbedded")
        self.embedded.setAccessibleName("Evidence that the learning is embedded")
        self.embedded.setHorizontalHeaderLabels(EMBEDDED_COLUMNS)
        self.embedded.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.embedded.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.embedded.verticalHeader().hide()
        self.embedded.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.embedded.itemActivated.connect(
            lambda item: self.ctx.open_item(Entity.ACTION, item.data(Qt.ItemDataRole.UserRole)))
        lower_layout.addWidget(self.embedded, 1)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout.addWidget(split, 1)
        self.watch(ctx.ops)

    # -- Panel ------------------------------------------------------------------------------------------------
    def connect_status(self, show: Callable[[str], None]) -> None:
        self.status_text.connect(show)

    def refresh(self) -> None:
        self.mark_fresh()
        if self._loading:
            self._again = True
            return
        self._loading = True
        self.ctx.ops.read(themes_and_page, self.chooser.currentData(), label="Theme page",
                          on_done=self._show_themes, on_error=self._failed)

    def show_theme(self, code_or_id) -> None:
        """Choose a theme (its code or id) and read its page."""
        for i, t in enumerate(self.themes):
            if code_or_id in (t.id, t.code):
                self.chooser.setCurrentIndex(i)
                self._read_page()
                return

    # -- reading ----------------------------------------------------------------------------------------------
    def _show_themes(self, read: tuple[list[ThemeRef], ThemePage | None]) -> None:
        found, page = read
        current = page.theme.id if page is not None else None
        self.themes = found
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for t in found:
            self.chooser.addItem(t.name, t.id)
        index = self.chooser.findData(current) if current is not None else -1
        self.chooser.setCurrentIndex(max(index, 0) if found else -1)
        self.chooser.blockSignals(False)
        if not found:
            self._show(None)
            self.heading.setText(NO_THEMES)
            return
        self._show(page)

    def _read_page(self) -> None:
        theme_id = self.chooser.currentData()
        if theme_id is None:
            return
        if self._loading:
            self._again = True
            return
        self._loading = True
        self.heading.setText("Reading the theme…")
        self.ctx.ops.read(theme_page, int(theme_id), label="Theme page", on_done=self._show, on_error=self._failed)

    def _failed(self, exc) -> None:
        self._loading = False
        self.heading.setText(f"The theme page could not be read: {readable(exc)}")

    def _show(self, page: ThemePage | None) -> None:
        self._loading = False
        if self._again:
            self._again = False
            self._read_page()
            return
        self.page = page
        for b in (self.pdf_button, self.xlsx_button):
            b.setEnabled(page is not None and not page.is_empty)
        self._show_tiles(page)
        self._show_charts(page)
        self._show_groups(page)
        self._show_embedded(page)
        if page is not None:
            if page.is_empty:
                self.heading.setText(f"No finding carries <b>{page.theme.name}</b> yet: bring in findings "
                                     f"(File › Import workbook…) and tag them with it (select rows in "
                                     f"Recommendations, Ctrl+Shift+T suggests themes).")
            else:
                self.heading.setText(f"As at {page.on:%d %b %Y} — press any number to open the register on "
                                     f"exactly those items")
            self.status_text.emit(f"{page.theme.name}: {page.number('all').count:,} findings, "
                                  f"{len(page.repeated.groups):,} repeated concerns")
        self.loaded.emit(page)

    def _show_tiles(self, page: ThemePage | None) -> None:
        while self._tile_grid.count():
            taken = self._tile_grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self.tiles = {}
        if page is None:
            return
        for row, numbers in enumerate((page.numbers, page.action_numbers)):
            for col, s in enumerate(numbers):
                tile = TileButton(s.key, s.label, self)
                tile.setMinimumHeight(64)
                tile.show_slice(s)
                tile.clicked.connect(lambda _c=False, t=tile: self._tile_pressed(t))
                self._tile_grid.addWidget(tile, row, col)
                self.tiles[s.key] = tile

    def _show_charts(self, page: ThemePage | None) -> None:
        from ol_desk.gui.dashboard import charts
        built = {} if page is None else {"timeline": timeline_chart(page, self.open_slice),
                                         "concerns": concerns_chart(page, self.open_slice)}
        for key, view in self.views.items():
            chart = built.get(key) or charts.empty_chart("", NO_THEMES if page is None else "")
            if is_dark():
                charts.darken(chart)
            old = view.chart()
            view.setChart(chart)
            for spoken in (view, view.viewport()):   # the viewport takes the focus
                spoken.setAccessibleName(f"{chart.title() or 'Theme'} chart")
                spoken.setAccessibleDescription(charts.describe(chart))
            if old is not None:
                old.deleteLater()

    def _show_groups(self, page: ThemePage | None) -> None:
        if page is None:
            self.tree.show_groups([])
            self.groups_heading.setText("")
            return
        r = page.repeated
        self.tree.show_groups(r.groups)
        scope = f" ({r.scope})" if r.scope else ""
        if r.groups:
            self.groups_heading.setText(f"<b>Repeated concerns: {len(r.groups):,}</b>{scope} — findings from "
                                        f"different bodies or years that say the same thing; expand one for each "
                                        f"time it was raised and what was done")
        elif not page.is_empty:
            self.groups_heading.setText(f"<b>Repeated concerns: none</b>{scope} — no two findings of this theme "
                                        f"from different bodies or years say the same thing.")
        else:
            self.groups_heading.setText("")

    def _show_embedded(self, page: ThemePage | None) -> None:
        items = page.embedded if page is not None else []
        self.embedded.setRowCount(len(items))
        for r, e in enumerate(items):
            cells = (f"{e.on:%d %b %Y}" if e.on else "", e.finding, e.action,
                     e.note + (f" ({e.evidence} evidence item{'s' if e.evidence != 1 else ''})" if e.evidence else ""))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, e.action_id)
                item.setToolTip(text)
                self.embedded.setItem(r, c, item)
        self.embedded.resizeColumnsToContents()
        self.embedded.setColumnWidth(2, min(self.embedded.columnWidth(2), 360))
        self.embedded_heading.setText("<b>Evidence that the learning is embedded</b> (latest)" if items else
                                      "<b>Evidence that the learning is embedded</b>: no action of this theme has "
                                      "its outcome recorded as evidenced yet.")

    # -- click-through and briefings --------------------------------------------------------------------------
    def _tile_pressed(self, tile: TileButton) -> None:
        if tile.slice is not None:
            self.open_slice(tile.slice)

    def open_slice(self, s: Slice) -> None:
        self.ctx.show_register(s.entity, s.filter)

    def _save_name(self, what: str, suffix: str, pattern: str) -> str:
        assert self.page is not None
        default = str(Path.home() / f"theme-briefing-{self.page.theme.code}-{self.page.on:%Y-%m-%d}{suffix}")
        path, _ = QFileDialog.getSaveFileName(self, f"Save the thematic briefing ({what})", default, pattern)
        return path

    def export_pdf(self) -> None:
        if self.page is None:
            return
        path = self._save_name("PDF", ".pdf", "PDF (*.pdf)")
        if not path:
            return
        from ol_desk.gui.report.theme_briefing import write_theme_briefing_pdf
        try:
            pages = write_theme_briefing_pdf(self.page, path)   # Qt Charts draw on the UI thread
        except Exception as exc:  # noqa: BLE001 - one readable message, never a traceback
            if not isinstance(exc, OlDeskError):
                log.exception("writing the thematic briefing to %s failed", path)
            QMessageBox.warning(self, "Thematic briefing", readable(exc))
            return
        self.status_text.emit(f"Wrote {path} ({pages} pages, OFFICIAL-SENSITIVE).")

    def export_xlsx(self) -> None:
        if self.page is None:
            return
        path = self._save_name("workbook", ".xlsx", "Excel workbook (*.xlsx)")
        if not path:
            return
        from ol_desk.core.excel.theme_briefing.briefing_workbook import write_theme_briefing
        page, who = self.page, self.ctx.actor.name
        self.ctx.ops.read(lambda _session: write_theme_briefing(page, path, exported_by=who),
                          label="Thematic briefing",
                          on_done=lambda _rows: self.status_text.emit(f"Wrote {path} (OFFICIAL-SENSITIVE)."),
                          on_error=lambda exc: QMessageBox.warning(self, "Thematic briefing", readable(exc)))
