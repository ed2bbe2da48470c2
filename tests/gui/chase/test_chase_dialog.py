"""File › Chase owners…: the preview lists owners and counts and writes nothing; Write drafts writes them on the
worker thread and the registers hear of it; nothing to chase shows an empty state; the menu is there for CPIC
and off for the Board."""
from __future__ import annotations

import email
import email.policy

from sqlalchemy import func, select

from ol_desk.core.model import Chase
from ol_desk.core.model.enums import Role
from ol_desk.core.queries.register_filter import RegisterFilter
from ol_desk.gui.chase.chase_dialog import ChaseDialog
from tests.core.chase.chase_register import ON, build


def _wait(qtbot, dialog):
    qtbot.waitUntil(lambda: dialog.handle is None and dialog.preview_button.isEnabled(), timeout=20_000)


def test_preview_then_write_drafts(qtbot, db, cpic, ctx, tmp_path, on_day):
    on_day(ON)
    with db.transaction() as s:
        build(s, cpic)
    dialog = ChaseDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.owner.count() > 1, timeout=10_000)
    dialog.folder.edit.setText(str(tmp_path / "out"))
    assert not dialog.send_button.isEnabled()  # no relay configured
    dialog.preview_button.click()
    _wait(qtbot, dialog)
    assert dialog.table.rowCount() == 3
    assert [dialog.table.item(r, 0).text() for r in range(3)] == ["Alice Able", "Bob Brown", "Nora North"]
    assert dialog.table.item(1, 1).text().startswith("(no email address")
    assert dialog.table.item(0, 2).text() == "2" and dialog.table.item(0, 6).text() == "would be chased"
    assert not (tmp_path / "out").exists()
    changed = []
    ctx.ops.changed.connect(changed.append)
    dialog.write_button.click()
    _wait(qtbot, dialog)
    assert dialog.error.text() == ""
    assert "Chaser drafts written for 3 of 3 owner(s)" in dialog.message.text()
    assert changed and changed[0].touches(*changed[0].kinds)
    drafts = sorted((tmp_path / "out").glob("*.eml"))
    assert len(drafts) == 3
    assert email.message_from_bytes(drafts[0].read_bytes(), policy=email.policy.default)["X-Unsent"] == "1"
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Chase)) == 3


def test_nothing_to_chase_shows_an_empty_state(qtbot, db, ctx, tmp_path):
    dialog = ChaseDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.preview_button.click()
    _wait(qtbot, dialog)
    assert dialog.empty.isVisibleTo(dialog) and not dialog.table.isVisibleTo(dialog)
    assert "Nothing to chase" in dialog.empty.text()


def test_a_bad_relay_is_one_message(qtbot, db, ctx, tmp_path):
    dialog = ChaseDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.relay.setText("mail.example.org:notaport")
    dialog.from_address.setText("ol@example.org")
    dialog.send_button.click()
    assert "not a number" in dialog.error.text()
    assert dialog.handle is None


def test_the_menu_and_the_register_filter(qtbot, make_window, db, cpic, on_day):
    on_day(ON)
    with db.transaction() as s:
        ids = build(s, cpic)
    window = make_window(extensions=("ol_desk.gui.chase.chase_menu",))
    assert window.chase_action.isEnabled()
    panel = window.panel("recommendations")
    bar = panel.filter_bar
    bar.chased.setCurrentIndex(bar.chased.findData(0))
    value = bar.value()
    assert value.not_chased_days == 0 and "never chased" in value.labels
    bar.set_value(RegisterFilter(not_chased_days=45))   # a value the picker does not offer is kept, not dropped
    assert bar.value().not_chased_days == 45
    assert "last_chased" in [c.key for c in panel.spec.columns]
    board = make_window(Role.BOARD, extensions=("ol_desk.gui.chase.chase_menu",))
    assert not board.chase_action.isEnabled()
    assert ids
