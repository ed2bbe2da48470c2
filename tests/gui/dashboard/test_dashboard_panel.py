"""The dashboard panel: tiles and bars open the register on exactly the counted rows; writes refresh it."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from ol_desk.core.model import Recommendation
from ol_desk.core.model.enums import Entity
from ol_desk.core.queries.register_filter import recommendation_conditions
from ol_desk.core.services import recommendations
from ol_desk.gui.dashboard.dashboard_panel import DashboardPanel
from tests.core.factories import make_document
from tests.core.test_dashboard_queries import ON, _build


def _rows(db, f):
    with db.reading() as s:
        return set(s.scalars(select(Recommendation.id).where(*recommendation_conditions(f, ON))))


def _shown(qtbot, ctx):
    panel = DashboardPanel(ctx)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.refreshed, timeout=10_000):
        panel.resize(1200, 800)
        panel.show()
    return panel


def test_tile_and_bar_clicks_open_the_register_on_exactly_those_rows(qtbot, db, cpic, ctx, on_day):
    on_day(ON)
    ids = _build(db, cpic)
    panel = _shown(qtbot, ctx)
    assert panel.tiles["overdue"].number.text() == "1"

    qtbot.mouseClick(panel.tiles["overdue"], Qt.MouseButton.LeftButton)
    entity, f = ctx.registers[-1]
    assert entity == Entity.RECOMMENDATION and _rows(db, f) == {ids["late"]}
    assert "Overdue" in f.labels

    panel.tiles["awaiting_cpic"].setFocus()
    qtbot.keyClick(panel.tiles["awaiting_cpic"], Qt.Key.Key_Space)   # keyboard works as well as the mouse
    assert _rows(db, ctx.registers[-1][1]) == {ids["delivered"]}

    # The hub chart: first bar is the busiest hub (North West); its sets are red, amber, green.
    hub_series = panel.views["by_hub"].chart().series()[0]
    red, amber, green = hub_series.barSets()
    index_of_nw = red.count() - 1                                   # horizontal bars are drawn bottom-up
    amber.clicked.emit(index_of_nw)
    entity, f = ctx.registers[-1]
    assert _rows(db, f) == {ids["soon"]} and "Lead hub North West" in f.labels

    ages = panel.views["ageing"].chart().series()[0].barSets()[0]
    ages.clicked.emit(4)                                             # "Over 2 years"
    assert _rows(db, ctx.registers[-1][1]) == {ids["later"], ids["no_date"]}

    weeks = panel.views["responses"].chart().series()[0].barSets()
    iopc = next(b for b in weeks if b.label() == "IOPC")
    iopc.clicked.emit(0)                                             # past due
    entity, f = ctx.registers[-1]
    assert entity == Entity.DOCUMENT and f.overdue and f.source_kinds == ("iopc",)


def test_a_write_elsewhere_refreshes_the_numbers(qtbot, db, cpic, ctx, ops, on_day):
    on_day(ON)
    _build(db, cpic)
    panel = _shown(qtbot, ctx)
    with db.transaction() as s:
        doc = make_document(s, cpic, reference="2025-0300")
    with qtbot.waitSignal(panel.refreshed, timeout=10_000):
        ops.write(recommendations.create_recommendation, cpic, document_id=doc, text="Handover of detainee risk",
                  target_date=ON - dt.timedelta(days=2), label="Create")
    assert panel.tiles["overdue"].number.text() == "2"
    assert panel.tiles["open"].number.text() == "6"


def test_hidden_panel_waits_until_shown(qtbot, db, cpic, ctx, ops, on_day):
    on_day(ON)
    panel = DashboardPanel(ctx)
    qtbot.addWidget(panel)
    with db.transaction() as s:
        doc = make_document(s, cpic)
    ops.write(recommendations.create_recommendation, cpic, document_id=doc, text="x", label="Create")
    ops.wait_idle()
    assert panel.data is None                                        # nothing computed while hidden
    with qtbot.waitSignal(panel.refreshed, timeout=10_000):
        panel.show()
    assert panel.tiles["open"].number.text() == "1"


def test_each_chart_speaks_its_numbers_to_a_screen_reader(qtbot, db, cpic, ctx, on_day):
    on_day(ON)
    _build(db, cpic)
    panel = _shown(qtbot, ctx)
    hubs = panel.views["by_hub"]
    assert hubs.accessibleName().startswith("Open by lead hub")
    assert "North West: Overdue 1, Due soon, slipped or no date 1, On track 1" in hubs.accessibleDescription()
    ages = panel.views["ageing"].viewport()
    assert "Over 2 years 2" in ages.accessibleDescription()


@pytest.mark.parametrize("top", [0, 1, 2, 3, 5, 6, 7, 9, 13, 40, 1234])
def test_count_axes_never_repeat_a_label(top):
    """An empty or small register once drew axes labelled 0, 0, 1, 1."""
    from ol_desk.gui.dashboard.charts import _value_axis
    axis = _value_axis(top)
    step = (axis.max() - axis.min()) / (axis.tickCount() - 1)
    labels = [int(axis.min() + i * step) for i in range(axis.tickCount())]
    assert len(set(labels)) == len(labels) and axis.max() > top
    assert all(abs(axis.min() + i * step - label) < 1e-9 for i, label in enumerate(labels))


def test_an_empty_register_says_how_to_begin(qtbot, db, cpic):
    from ol_desk.gui.app_context import AppContext
    from ol_desk.gui.dashboard.dashboard_panel import DashboardPanel
    from ol_desk.gui.ops import Operations
    ops = Operations(db)
    try:
        panel = DashboardPanel(AppContext(db, ops, cpic))
        qtbot.addWidget(panel)
        panel.show()
        qtbot.waitUntil(lambda: "empty" in panel.heading.text(), timeout=10000)
        assert "Import workbook" in panel.heading.text()
    finally:
        ops.shutdown()
