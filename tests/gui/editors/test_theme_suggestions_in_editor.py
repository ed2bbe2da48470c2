"""The recommendation editor suggests themes from the finding's words under the theme picker; one click ticks the
theme, and saving writes it like any theme change."""
from __future__ import annotations

from ol_desk.core.model import Recommendation
from ol_desk.core.model.enums import Entity
from ol_desk.gui.editors import open_editor
from tests.core.factories import make_document, make_recommendation, theme_id

from .conftest import settle


def test_a_suggested_theme_is_accepted_with_one_click_and_saved(ctx, ops, db, qtbot, cpic):
    with db.transaction() as s:
        rec = make_recommendation(s, cpic, make_document(s, cpic), text=(
            "Officers held him in the prone position and used leg restraints; a Taser was drawn."))
        force = theme_id(s, "use-of-force")
    editor = open_editor(ctx, Entity.RECOMMENDATION, rec)
    qtbot.addWidget(editor)
    settle(ops)
    bar = editor.theme_suggestions
    qtbot.waitUntil(lambda: bool(bar.buttons), timeout=5000)
    assert not bar.isHidden()
    button = bar.buttons[0]
    assert button.text() == "+ Use of force, Taser, restraint" and "Taser" in button.toolTip()
    button.click()
    assert force in editor.themes.checked() and not button.isEnabled()
    editor.save()
    settle(ops)
    with db.reading() as s:
        assert [t.id for t in s.get(Recommendation, rec).themes] == [force]
    qtbot.waitUntil(lambda: not bar.buttons, timeout=5000)   # reloaded: the theme it has is not suggested again


def test_nothing_is_shown_when_nothing_is_suggested(ctx, ops, db, qtbot, cpic):
    with db.transaction() as s:
        rec = make_recommendation(s, cpic, make_document(s, cpic), text="The walking stick ferrule slipped.")
    editor = open_editor(ctx, Entity.RECOMMENDATION, rec)
    qtbot.addWidget(editor)
    settle(ops)
    assert editor.theme_suggestions.isHidden() and editor.theme_suggestions.buttons == []
