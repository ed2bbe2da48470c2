"""Search from the main window, the register's free-text filter, first-run identity, roles and reference data."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from ol_desk.core.model import Hub
from ol_desk.core.model.enums import Entity, Role
from ol_desk.core.services import recommendations
from tests.core import factories as f


@dataclass
class Items:
    pursuit: int
    taser: int
    rousing: int


@pytest.fixture
def items(db, cpic) -> Items:
    with db.transaction() as s:
        iopc = f.make_document(s, cpic, kind="iopc", title="Police pursuit collision", reference="IOPC-2024-117")
        pursuit = f.make_recommendation(s, cpic, iopc, reference="R1", text="End a pursuit when the risk rises.")
        taser = f.make_recommendation(s, cpic, iopc, reference="R2", text="Refresher training on Taser use.")
        rousing = f.make_recommendation(s, cpic, iopc, reference="R3", text="Rousing checks in custody suites.")
        for rec in (pursuit, taser):
            recommendations.set_hubs(s, cpic, rec, [f.hub_id(s, "NW")], None)
    return Items(pursuit, taser, rousing)


@pytest.fixture
def searching_window(make_window, db, items):
    from ol_desk.core.search import SearchIndex
    window = make_window(search_index=SearchIndex(db, use_process=False))
    opened = []
    for entity in (Entity.RECOMMENDATION, Entity.ACTION, Entity.DOCUMENT):
        window.set_opener(entity, lambda ctx, entity, item_id, parent: opened.append((entity, item_id)))
    window.opened = opened
    return window


def test_typing_a_search_lists_highlighted_hits_and_enter_opens_one(searching_window, qtbot, items):
    window = searching_window
    window.focus_search()
    qtbot.keyClicks(window.search_field, "pursuit")
    results = window.search_panel.list
    qtbot.waitUntil(lambda: results.count() > 0, timeout=5000)
    assert window.current_key() == "search"
    first = results.item(0)
    assert "background-color" in first.data(Qt.ItemDataRole.DisplayRole + 0x100)   # the matched word is marked
    assert not first.icon().isNull()
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    kind, item_id = first.data(Qt.ItemDataRole.UserRole + 1)
    assert window.opened == [(Entity(kind), item_id)]
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert window.current_key() != "search"


def test_a_query_that_cannot_be_understood_says_how_to_write_it(searching_window, qtbot):
    window = searching_window
    window.search_field.setText('"pursuit')
    window.search_panel.search_now()
    qtbot.waitUntil(lambda: "quotation mark" in window.search_panel.message.text(), timeout=5000)


def test_the_register_filter_speaks_the_search_language(searching_window, qtbot, items):
    window = searching_window
    panel = window.panel("recommendations")
    qtbot.waitUntil(lambda: panel.model.loaded_once, timeout=5000)
    with qtbot.waitSignal(panel.model.reloaded, timeout=10_000):
        panel.filter_bar.text.setText("hub:NW")
        panel.filter_bar.text.returnPressed.emit()
    assert sorted(panel.model.ids()) == sorted([items.pursuit, items.taser])
    with qtbot.waitSignal(panel.model.load_failed, timeout=10_000):
        panel.filter_bar.text.setText("colour:blue")
        panel.filter_bar.text.returnPressed.emit()
    assert panel.message.isVisible() and "not a filter" in panel.message.text()


def test_without_a_search_index_free_text_says_why(make_window, qtbot, items):
    window = make_window(search_index=None, start_index=False)
    window.ctx.search_index = None
    panel = window.panel("recommendations")
    qtbot.waitUntil(lambda: panel.model.loaded_once, timeout=5000)
    with qtbot.waitSignal(panel.model.load_failed, timeout=10_000):
        panel.filter_bar.text.setText("pursuit")
        panel.filter_bar.text.returnPressed.emit()
    assert "search index" in panel.message.text()


def test_first_run_asks_who_you_are_and_remembers(db, qtbot, monkeypatch):
    from ol_desk.gui import app
    from ol_desk.gui.identity_dialog import IdentityDialog, hub_choices
    from ol_desk.gui.settings import app_settings, load_identity, save_identity
    with db.reading() as s:
        hubs = hub_choices(s)
    dialog = IdentityDialog(hubs)
    qtbot.addWidget(dialog)
    dialog.ui.buttons.accepted.emit()
    assert "your name" in dialog.ui.problem.text() and not dialog.result()
    dialog.ui.nameEdit.setText("DS Jo Bloggs")
    dialog.ui.roleCombo.setCurrentIndex(dialog.ui.roleCombo.findData(Role.HUB_OFFICER.value))
    dialog.ui.hubCombo.setCurrentIndex(0)
    dialog.accept()
    assert "choose yours" in dialog.ui.problem.text()
    dialog.ui.hubCombo.setCurrentIndex(dialog.ui.hubCombo.findData("NW"))
    dialog.accept()
    assert dialog.result() and dialog.identity().hub_code == "NW"

    settings = app_settings()
    assert load_identity(settings) is None
    monkeypatch.setattr(IdentityDialog, "exec", lambda self: (self.ui.nameEdit.setText("Sam Board"),
                                                              self.ui.roleCombo.setCurrentIndex(
                                                                  self.ui.roleCombo.findData("board")), 1)[-1])
    who = app.ask_identity(db)
    save_identity(settings, who)
    assert load_identity(app_settings()) == who and who.role == Role.BOARD and who.read_only


def test_settings_change_who_is_signed_in(make_window, monkeypatch, qtbot):
    from ol_desk.gui.settings_dialog import SettingsDialog
    window = make_window()

    def fake_exec(self):
        self.ui.nameEdit.setText("Board Chair")
        self.ui.roleCombo.setCurrentIndex(self.ui.roleCombo.findData("board"))
        self.ui.themeCombo.setCurrentIndex(self.ui.themeCombo.findData("dark"))
        self.accept()
        return 1
    monkeypatch.setattr(SettingsDialog, "exec", fake_exec)
    window.open_settings()
    qtbot.waitUntil(lambda: "Board Chair" in window.status.who.text(), timeout=5000)
    assert window.ctx.read_only and not window.new_actions[Entity.ACTION].isEnabled()
    from ol_desk.gui.theme import apply_theme, is_dark
    assert is_dark()
    apply_theme(__import__("PySide6.QtWidgets", fromlist=["QApplication"]).QApplication.instance(), "light")


def test_viewers_see_reference_data_read_only(make_window, qtbot):
    window = make_window(role=Role.VIEWER, hub=None)
    panel = window.show_panel("reference")
    tab = panel.tab_for[Entity.HUB]
    qtbot.waitUntil(lambda: tab.table.rowCount() > 0, timeout=5000)
    assert not tab.save_button.isEnabled() and "CPIC learning team" in tab.problem.text()


def test_the_learning_team_renames_a_hub(make_window, db, qtbot):
    window = make_window()
    panel = window.show_panel("reference")
    tab = panel.tab_for[Entity.HUB]
    qtbot.waitUntil(lambda: tab.table.rowCount() > 0, timeout=5000)
    with db.reading() as s:
        nw = s.scalar(select(Hub.id).where(Hub.code == "NW"))
    tab.select(nw)
    assert tab.editors["code"].text() == "NW"
    tab.editors["name"].setText("North West BCU")
    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        tab.save()
    qtbot.waitUntil(lambda: tab.problem.text() == "Saved.", timeout=5000)
    with db.reading() as s:
        assert s.get(Hub, nw).name == "North West BCU"
    tab.editors["name"].setText("")
    tab.save()
    qtbot.waitUntil(lambda: "hub name is needed" in tab.problem.text(), timeout=5000)


def test_the_people_tab_speaks_of_one_person(make_window, qtbot):
    window = make_window()
    tab = window.show_panel("reference").tab_for[Entity.PERSON]
    assert tab.new_button.text() == "&New person"
    assert tab.editors["name"].accessibleName() == "Person name"


def test_a_hub_officers_registers_open_on_their_hub(make_window, qtbot, items):
    window = make_window(role=Role.HUB_OFFICER, hub="NW", name="Hub Officer")
    panel = window.panel("recommendations")
    qtbot.waitUntil(lambda: panel.model.loaded_once and not panel.model.loading, timeout=5000)
    assert sorted(panel.model.ids()) == sorted([items.pursuit, items.taser])
    assert panel.filter_bar.hub.currentText() == "My hub (NW)"
    with qtbot.waitSignal(panel.model.reloaded, timeout=5000):
        panel.filter_bar.clear()
    assert len(panel.model.ids()) == 3


def test_a_database_chosen_in_settings_that_cannot_open_offers_the_default(tmp_path, monkeypatch):
    from ol_desk.gui.app import open_configured_database
    from ol_desk.gui.settings import app_settings, database_setting
    monkeypatch.setenv("OL_DESK_DB", str(tmp_path / "default.sqlite3"))   # "the default" stays in the test
    settings = app_settings()
    bad = tmp_path / "not-a-database.sqlite3"
    bad.write_text("this is not SQLite")
    settings.setValue("database/path", str(bad))
    told, asked = [], []
    assert open_configured_database(settings, None, ask=lambda t: asked.append(t) or False, tell=told.append) is None
    assert asked and told and database_setting(settings) == str(bad)   # declined: nothing changed
    db = open_configured_database(settings, None, ask=lambda t: True, tell=told.append)
    try:
        assert db.path == tmp_path / "default.sqlite3" and database_setting(settings) is None   # bad choice forgotten
    finally:
        db.dispose()


def test_a_search_typed_before_the_index_opens_runs_once_it_is_there(searching_window, qtbot, items):
    window = searching_window
    index, window.ctx.search_index = window.ctx.search_index, None
    window.search_field.setText("pursuit")
    window.search_panel.search_now()
    assert "not ready" in window.search_panel.message.text()
    window.ctx.search_index = index
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.search_panel.list.count() > 0, timeout=5000)


def test_a_total_beyond_the_shown_hits_is_a_count_or_said_to_be_an_estimate(searching_window, qtbot, items, db,
                                                                           cpic, monkeypatch):
    from ol_desk.gui.search import results_panel
    with db.transaction() as s:   # two more items with the phrase "risk rises", each scoring differently
        iopc = f.make_document(s, cpic, kind="iopc", title="Road safety review", reference="IOPC-2024-200")
        f.make_recommendation(s, cpic, iopc, reference="R4", text="Risk rises.")
        f.make_recommendation(s, cpic, iopc, reference="R5",
                              text="The risk rises quickly in a long chase across the city at night in the rain.")
    monkeypatch.setattr(results_panel, "LIMIT", 1)
    panel = searching_window.search_panel
    searching_window.search_field.setText("pursuit")
    panel.search_now()
    qtbot.waitUntil(lambda: "showing the best 1" in panel.message.text(), timeout=5000)
    total = searching_window.ctx.search_index.search("pursuit", limit=100).total_estimate
    assert total > 1 and panel.message.text().startswith(f"{total} matches for")   # counted, not estimated
    # A phrase's positions are checked only as far as the shown page needs: the rest is estimated.
    searching_window.search_field.setText('"risk rises"')
    panel.search_now()
    qtbot.waitUntil(lambda: "risk rises" in panel.message.text(), timeout=5000)
    assert panel.message.text().startswith("About ") and "showing the best 1" in panel.message.text()
    searching_window.search_field.setText("taser")
    panel.search_now()
    qtbot.waitUntil(lambda: "taser" in panel.message.text(), timeout=5000)
    assert panel.message.text().startswith("1 match for")   # all of them shown: exact
