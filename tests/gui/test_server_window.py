"""The window on a server: the login is the person (no identity dialog), and other people's changes arrive."""
from __future__ import annotations

from ol_desk.core.model.enums import Role
from ol_desk.core.store.server.identity import signed_in_actor
from tests.core.factories import assigned_recommendation


def test_the_window_shows_who_is_signed_in_and_other_workstations_changes(qtbot, open_as):
    from ol_desk.gui.app import server_identity
    from ol_desk.gui.main_window import MainWindow
    from ol_desk.gui.settings_dialog import SettingsDialog

    db = open_as("nick.nw", "A")
    told = []
    identity = server_identity(db, tell=told.append)
    assert told == [] and identity.role is Role.HUB_OFFICER and identity.hub_code == "NW"
    window = MainWindow(db, identity, search_index=None, start_index=False, extensions=())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    panel = window.panel("recommendations")
    qtbot.waitUntil(lambda: panel.model.loaded_once and window._started, timeout=10_000)
    assert "Nick West (Hub officer, NW) — signed in as nick.nw" in window.status.who.text()
    assert panel.model.rowCount() == 0

    other = open_as("carol.cpic", "B")   # another workstation records a finding for NW
    with other.transaction() as s:
        assigned_recommendation(s, signed_in_actor(other), "NW")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)

    dialog = SettingsDialog(window.settings, [("NW", "North West")], window, server_identity=identity)
    qtbot.addWidget(dialog)
    assert not dialog.ui.nameEdit.isEnabled() and "nick.nw" in dialog.ui.problem.text()
    assert dialog.identity() == identity


def test_a_login_that_is_not_an_ol_desk_user_is_told_how_to_be_added(server, tmp_path):
    from ol_desk.core.store.server.admin import remove_user
    from ol_desk.gui.app import open_configured_database
    from ol_desk.gui.settings import app_settings
    remove_user(server.owner_url, "vic.viewer")
    told = []
    assert open_configured_database(app_settings(), server.url("vic.viewer"), ask=lambda _t: False,
                                    tell=told.append) is None
    assert "not an ol-desk user" in told[0] and "add-user vic.viewer" in told[0]
