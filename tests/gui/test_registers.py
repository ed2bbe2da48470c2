"""Registers on a 10,000-recommendation demo database: model contract, SQL sort and filter, place kept after edits."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from sqlalchemy import and_, func, select

from ol_desk.core.model import Hub, Recommendation, RecommendationHub
from ol_desk.core.model.enums import ACTIVE_REC_STATUSES, Entity
from ol_desk.core.queries.register_filter import RegisterFilter
from ol_desk.core.services import recommendations as recs
from ol_desk.gui.registers.query import RegisterQuery
from tests.conftest import copy_as_new_database

ON = dt.date(2025, 6, 1)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    from ol_desk.core.demo.generate import generate_demo
    from ol_desk.core.store import open_database
    path = tmp_path_factory.mktemp("demo") / "demo10k.sqlite3"
    db = open_database(path)
    generate_demo(db, 10_000, seed=1, on=ON)
    db.dispose()
    return path


@pytest.fixture
def demo_db(demo_template, tmp_path, monkeypatch):
    monkeypatch.setenv("OL_DESK_TODAY", ON.isoformat())
    db = copy_as_new_database(demo_template, tmp_path / "demo.sqlite3")
    yield db
    db.dispose()


@pytest.fixture
def window(qtbot, demo_db):
    from ol_desk.core.model.enums import Role
    from ol_desk.gui.main_window import MainWindow
    from ol_desk.gui.settings import Identity
    w = MainWindow(demo_db, Identity("Learning Officer", Role.CPIC, "NW"), search_index=None, start_index=False,
                   extensions=())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    panel = w.panel("recommendations")
    qtbot.waitUntil(lambda: panel.model.loaded_once and w._started, timeout=10_000)
    assert w.ops.wait_idle()
    return w


def _reload(qtbot, panel, q: RegisterQuery) -> None:
    with qtbot.waitSignal(panel.model.reloaded, timeout=10_000):
        panel.set_query(q)
    assert panel.window().ops.wait_idle()


def test_each_register_model_passes_the_qt_model_tester(window, qtmodeltester, qtbot):
    for key in ("recommendations", "actions", "documents", "learning"):
        panel = window.show_panel(key)
        window.ops.wait_idle()
        assert panel.model.rowCount() > 0, key
        some = tuple(sorted(panel.model.ids())[:250])   # three pages: loaded, arriving and not yet read
        _reload(qtbot, panel, RegisterQuery(RegisterFilter(ids=some), "id", True))
        assert panel.model.rowCount() == len(some)
        qtmodeltester.check(panel.model, force_py=True)


def test_the_register_shows_every_row_but_reads_only_pages(window):
    panel = window.panel("recommendations")
    assert panel.model.rowCount() == 10_000
    assert panel.count.text() == "10,000 recommendations"
    assert len(panel.model._rows) <= 10 * panel.model.page_size


def test_a_new_sort_shows_the_count_and_first_page_before_the_full_list(window, qtbot, qtmodeltester):
    panel = window.panel("recommendations")
    model = panel.model
    some = RegisterFilter(ids=tuple(sorted(model.ids())[:450]))
    _reload(qtbot, panel, RegisterQuery(some))
    qtmodeltester.check(model, force_py=True)     # stays connected: checks every signal of the reload below
    seen = []
    model.first_page_ready.connect(lambda: seen.append((model.rowCount(), len(model.ids()), model.is_loaded(0))))
    with qtbot.waitSignal(model.reloaded, timeout=10_000):
        panel.set_query(RegisterQuery(some, sort_key="title"))
    assert seen[0] == (450, model.page_size, True)   # all rows counted, only the first page's ids yet
    assert len(model.ids()) == 450


def test_sorting_by_a_column_orders_the_whole_register_in_sql(window, demo_db, qtbot):
    panel = window.panel("recommendations")
    _reload(qtbot, panel, RegisterQuery(sort_key="target", descending=True))
    with demo_db.reading() as s:
        expected = s.scalars(select(Recommendation.id).order_by(Recommendation.current_target_date.desc(),
                                                                Recommendation.id.desc()).limit(5)).all()
        latest = s.scalar(select(func.max(Recommendation.current_target_date)))
    assert list(panel.model.ids()[:5]) == expected
    qtbot.waitUntil(lambda: panel.model.is_loaded(0), timeout=5000)
    column = panel.spec.index_of("target")
    assert panel.model.index(0, column).data() == latest.strftime("%d %b %Y")
    # clicking the header sorts the other way
    with qtbot.waitSignal(panel.model.reloaded, timeout=10_000):
        panel.table.horizontalHeader().sectionClicked.emit(column)
    assert panel.model.query.descending is False


def test_filtering_by_hub_and_overdue_counts_the_same_rows_as_sql(window, demo_db, qtbot):
    panel = window.panel("recommendations")
    with demo_db.reading() as s:
        nw = s.scalar(select(Hub.id).where(Hub.code == "NW"))
        expected = s.scalar(select(func.count()).select_from(Recommendation).where(and_(
            Recommendation.status.in_([x.value for x in ACTIVE_REC_STATUSES]),
            Recommendation.current_target_date < ON,
            Recommendation.id.in_(select(RecommendationHub.recommendation_id).where(RecommendationHub.hub_id == nw)))))
    assert 0 < expected < 10_000
    qtbot.waitUntil(lambda: panel.filter_bar.hub.findData(nw) >= 0, timeout=5000)
    with qtbot.waitSignal(panel.model.reloaded, timeout=10_000):
        panel.filter_bar.hub.setCurrentIndex(panel.filter_bar.hub.findData(nw))
    with qtbot.waitSignal(panel.model.reloaded, timeout=10_000):
        panel.filter_bar.overdue.setChecked(True)
    assert panel.model.rowCount() == expected
    assert panel.count.text() == f"{expected:,} of 10,000 recommendations"
    qtbot.waitUntil(lambda: panel.model.is_loaded(0), timeout=5000)
    flagged = panel.model.index(0, panel.spec.index_of("target")).data(Qt.ItemDataRole.ForegroundRole)
    assert flagged is not None  # overdue dates are drawn in the warning colour


def test_a_filter_matching_nothing_says_so(window, qtbot):
    panel = window.panel("recommendations")
    _reload(qtbot, panel, RegisterQuery(RegisterFilter(ids=(0,))))
    assert panel.model.rowCount() == 0
    assert panel.empty.isVisibleTo(panel) and "No recommendations match" in panel.empty.text()


def test_an_edit_keeps_sort_filter_selection_and_scroll(window, demo_db, qtbot):
    panel = window.panel("recommendations")
    _reload(qtbot, panel, RegisterQuery(RegisterFilter(statuses=("in_progress",)), "title", False))
    model, table = panel.model, panel.table
    row = 300
    table.scrollTo(model.index(row, 0))
    table.selectionModel().setCurrentIndex(model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                           | QItemSelectionModel.SelectionFlag.Rows)
    qtbot.waitUntil(lambda: model.is_loaded(row), timeout=5000)
    chosen = model.id_at(row)
    scroll = table.verticalScrollBar().value()
    assert scroll > 0
    before = list(model.ids())
    title_col = panel.spec.index_of("title")

    with qtbot.waitSignal(model.dataChanged, timeout=5000):
        window.ops.write(recs.update_recommendation, window.ctx.actor, chosen, title="Zz renamed by the test",
                         label="Save")
    qtbot.waitUntil(lambda: model.index(row, title_col).data() == "Zz renamed by the test", timeout=5000)
    assert list(model.ids()) == before                       # the row did not jump away under the cursor
    assert panel.selected_ids() == [chosen] and table.verticalScrollBar().value() == scroll

    # a new recommendation elsewhere re-runs the id query; selection and scroll stay
    with demo_db.reading() as s:
        doc_id = s.scalar(select(Recommendation.document_id).limit(1))
    with qtbot.waitSignal(model.reloaded, timeout=10_000):
        window.ops.write(recs.create_recommendation, window.ctx.actor, document_id=doc_id, text="New item",
                         label="Create")
    qtbot.waitUntil(lambda: table.verticalScrollBar().value() == scroll, timeout=3000)
    assert panel.selected_ids() == [chosen] and panel.current_id() == chosen
    assert model.query.sort_key == "title" and model.query.filter.statuses == ("in_progress",)


def test_saved_views_keep_a_filter_and_sort(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog
    panel = window.panel("recommendations")
    _reload(qtbot, panel, RegisterQuery(RegisterFilter(overdue=True), "target", True))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Overdue, latest first", True))
    panel._save_view()
    _reload(qtbot, panel, RegisterQuery())
    index = panel.view_combo.findText("Overdue, latest first")
    assert index >= 0
    with qtbot.waitSignal(panel.model.reloaded, timeout=10_000):
        panel._view_chosen(index)
    assert panel.model.query == RegisterQuery(RegisterFilter(overdue=True), "target", True)
    assert panel.filter_bar.overdue.isChecked()


def test_a_dashboard_click_through_shows_what_the_bar_cannot(window, qtbot):
    panel = window.panel("actions")
    with qtbot.waitSignal(panel.model.reloaded, timeout=10_000):
        window.ctx.show_register(Entity.ACTION, RegisterFilter(stale_days=60, labels=("Stale 60+ days",)))
    assert window.current_key() == "actions"
    assert "Stale 60+ days" in panel.filter_bar.extra.text()
    assert panel.model.query.filter.stale_days == 60
    with qtbot.waitSignal(panel.model.reloaded, timeout=10_000):
        panel.filter_bar.clear()
    assert panel.model.query.filter.stale_days is None


def test_column_chooser_hides_a_column_and_remembers_it(window, qtbot):
    panel = window.panel("recommendations")
    owner = panel.spec.index_of("owner")
    panel._fill_columns_menu()
    next(a for a in panel._columns_menu.actions() if a.text() == "Owner").setChecked(False)
    assert panel.table.isColumnHidden(owner)
    window.close()
    from ol_desk.gui.main_window import MainWindow
    again = MainWindow(window.db, window.identity, search_index=None, start_index=False, extensions=())
    qtbot.addWidget(again)
    assert again.panel("recommendations").table.isColumnHidden(owner)
