"""The dashboard panel: tiles and charts of the register, refreshed when a write changes what they count.

Numbers come from ol_desk.core.queries.dashboard on the database worker thread. A click on a tile or a bar calls
ctx.show_register(entity, filter) with the filter that selects exactly the counted rows. Refreshing follows
`ops.changed` (no timer); while the panel is hidden it only notes that it is out of date.
"""
from __future__ import annotations

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from ol_desk.core.dates import today
from ol_desk.core.model.enums import Entity
from ol_desk.core.queries import dashboard
from ol_desk.core.queries.dashboard import Dashboard, Slice
from ol_desk.core.queries.dashboard_empty import GET_STARTED, register_is_empty, why_empty
from ol_desk.gui.ops import readable
from ol_desk.gui.theme import is_dark

from . import charts
from .refresh_when_shown import RefreshWhenShown
from .tile_button import TileButton

CHART_KEYS = ("by_source_kind", "ageing", "closures", "by_hub", "responses")
HUBS_SHOWN = 15


def build_charts(data: Dashboard, on_click=None, dark: bool = False) -> dict[str, QChart]:
    """The dashboard's charts for `data` (also drawn into the Board report, always light)."""
    built = {
        "by_source_kind": charts.bar_chart("Open by source", data.by_source_kind, on_click, horizontal=True),
        "ageing": charts.bar_chart("Open items by age", data.ageing, on_click, colour="#56b4e9"),
        "closures": charts.bar_chart("Closed per month", data.closures_by_month, on_click, colour="#009e73"),
        "by_hub": charts.rag_by_hub_chart(data.by_hub, on_click, top=HUBS_SHOWN),
        "responses": charts.responses_chart(data.responses_due, on_click),
    }
    for key, chart in built.items():
        reason = why_empty(key, data)
        if reason is not None:
            chart.deleteLater()
            built[key] = charts.empty_chart(chart.title(), reason)
    if dark:
        for chart in built.values():
            charts.darken(chart)
    return built


class DashboardPanel(RefreshWhenShown, QWidget):
    WATCHED = (Entity.RECOMMENDATION, Entity.DOCUMENT, Entity.ACTION, Entity.HUB, Entity.IMPORT, Entity.UPDATE)
    slice_activated = Signal(object)   # Slice, after a tile or bar was clicked
    refreshed = Signal(object)         # Dashboard, after new numbers are shown

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.data: Dashboard | None = None
        self._tiles: list[Slice] = []
        self._loading = False
        self._again = False
        self.setObjectName("dashboardPanel")

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setAccessibleName("Dashboard")
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        layout = QVBoxLayout(body)

        self.heading = QLabel("Loading the dashboard…", body)
        self.heading.setWordWrap(True)   # an empty state's words must not widen the window
        self.heading.setObjectName("dashboardHeading")
        layout.addWidget(self.heading)

        tiles_row = QHBoxLayout()
        self.tiles: dict[str, TileButton] = {}
        for key, title, _entity, _f in dashboard.tile_filters():
            tile = TileButton(key, title, body)
            tile.clicked.connect(lambda _checked=False, t=tile: self._tile_clicked(t))
            tiles_row.addWidget(tile)
            self.tiles[key] = tile
        layout.addLayout(tiles_row)

        grid = QGridLayout()
        self.views: dict[str, QChartView] = {}
        places = {"by_source_kind": (0, 0, 1, 1), "ageing": (0, 1, 1, 1), "closures": (0, 2, 1, 1),
                  "by_hub": (1, 0, 1, 2), "responses": (1, 2, 1, 1)}
        for key in CHART_KEYS:
            view = QChartView(body)
            view.setObjectName(f"chart_{key}")
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(260 if key != "by_hub" else 380)
            view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            view.setAccessibleName(key.replace("_", " "))
            grid.addWidget(view, *places[key])
            self.views[key] = view
        layout.addLayout(grid, 1)

        self.watch(ctx.ops)

    # -- refreshing -------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Tiles first (a fraction of a second at national scale), then the charts."""
        if self._loading:
            self._again = True
            return
        self._loading = True
        self.mark_fresh()
        on = today()
        self.ctx.ops.read(dashboard.tiles, on, label="Dashboard", on_done=self._show_tiles, on_error=self._failed)
        self.ctx.ops.read(dashboard.chart_data, on, label="Dashboard", on_done=self._show, on_error=self._failed)

    def _finish(self) -> None:
        self._loading = False
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, exc) -> None:
        if not self._loading:  # the tiles' read failed and the charts' read reports the same
            return
        self.heading.setText(f"The dashboard could not be read: {readable(exc)}")
        self._finish()

    def _show_tiles(self, tiles: list[Slice]) -> None:
        self._tiles = tiles
        for s in tiles:
            self.tiles[s.key].show_slice(s)

    def _show(self, data: Dashboard) -> None:
        data.tiles = self._tiles
        self.data = data
        if register_is_empty(data):
            self.heading.setText(f"<b>Register on {data.on:%A %d %B %Y}</b> — the register is empty. {GET_STARTED}")
        else:
            self.heading.setText(f"<b>Register on {data.on:%A %d %B %Y}</b> — press a tile or a bar to open the "
                                 f"register on exactly those items")
        for key, chart in build_charts(data, self.activate, dark=is_dark()).items():
            view = self.views[key]
            old = view.chart()
            view.setChart(chart)
            for spoken in (view, view.viewport()):   # the viewport takes the focus
                spoken.setAccessibleName(f"{chart.title()} chart")
                spoken.setAccessibleDescription(charts.describe(chart))
            if old is not None:
                old.deleteLater()
        self._finish()
        self.refreshed.emit(data)

    # -- click-through ----------------------------------------------------------------------------------------
    def _tile_clicked(self, tile: TileButton) -> None:
        if tile.slice is not None:
            self.activate(tile.slice)

    def activate(self, s: Slice) -> None:
        self.slice_activated.emit(s)
        self.ctx.show_register(s.entity, s.filter)
