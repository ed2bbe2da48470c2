"""End to end in the main window: a dashboard tile or bar opens the real register on exactly the counted rows."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from sqlalchemy import select

from ol_desk.core.model import Recommendation
from ol_desk.core.queries.register_filter import recommendation_conditions
from tests.core.factories import make_document
from tests.core.test_dashboard_queries import ON, _build


def _register_ids(window, qtbot, count):
    panel = window.panel("recommendations")
    qtbot.waitUntil(lambda: panel.model.rowCount() == count, timeout=10_000)
    return {panel.model.id_at(r) for r in range(panel.model.rowCount())}


def test_tiles_and_bars_land_on_the_right_rows_of_the_register(make_window, qtbot, db, cpic, on_day):
    on_day(ON)
    ids = _build(db, cpic)
    window = make_window(extensions=("ol_desk.gui.insight_panels_and_menus",))
    qtbot.waitUntil(lambda: window.panel("dashboard") is not None, timeout=10_000)
    dashboard = window.show_panel("dashboard")
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=10_000)

    qtbot.mouseClick(dashboard.tiles["overdue"], Qt.MouseButton.LeftButton)
    assert window.current_key() == "recommendations"
    assert _register_ids(window, qtbot, 1) == {ids["late"]}

    window.show_panel("dashboard")
    tile = dashboard.tiles["open"]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert _register_ids(window, qtbot, tile.slice.count) == {ids[k] for k in
                                                              ("late", "soon", "later", "no_date", "delivered")}

    window.show_panel("dashboard")
    green = dashboard.views["by_hub"].chart().series()[0].barSets()[2]
    green.clicked.emit(green.count() - 1)                     # North West, on track
    with db.reading() as s:
        expected = set(s.scalars(select(Recommendation.id).where(
            *recommendation_conditions(window.panel("recommendations").model.query.filter, ON))))
    assert _register_ids(window, qtbot, len(expected)) == expected == {ids["delivered"]}


def test_a_response_due_week_bar_lands_on_exactly_its_documents(make_window, qtbot, db, cpic, on_day):
    on_day(ON)
    _build(db, cpic)  # the PFD's response is due in 36 days (week 6); the IOPC's is overdue
    with db.transaction() as s:  # another PFD, due in 51 days (week 8): not on that bar
        make_document(s, cpic, reference="2025-0300", date_issued=ON - dt.timedelta(days=5))
    window = make_window(extensions=("ol_desk.gui.insight_panels_and_menus",))
    qtbot.waitUntil(lambda: window.panel("dashboard") is not None, timeout=10_000)
    dashboard = window.show_panel("dashboard")
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=10_000)
    week6 = dashboard.data.responses_due[6]
    pfd = next(seg for seg in week6.segments if seg.label == "Coroner PFD report")
    assert pfd.count == 1
    sets = dashboard.views["responses"].chart().series()[0].barSets()
    next(b for b in sets if b.label() == "PFD").clicked.emit(6)
    assert window.current_key() == "documents"
    register = window.panel("documents")
    qtbot.waitUntil(lambda: register.model.rowCount() == 1, timeout=10_000)
    with db.reading() as s:
        from ol_desk.core.model import SourceDocument
        assert register.model.id_at(0) == s.scalar(select(SourceDocument.id).where(
            SourceDocument.reference == "2025-0241"))
