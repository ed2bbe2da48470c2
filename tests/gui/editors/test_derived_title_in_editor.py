"""The editor of an untitled finding names it by its first sentence, says that this is derived, and offers it as
the title field's hint until the user types a real title."""
from __future__ import annotations

from ol_desk.core.model.enums import Entity
from ol_desk.gui.editors import open_editor
from tests.core.factories import make_document, make_recommendation

from .conftest import settle


def test_untitled_finding_is_named_by_its_first_sentence_until_titled(ctx, ops, db, qtbot, cpic):
    with db.transaction() as s:
        rec = make_recommendation(s, cpic, make_document(s, cpic), title="",
                                  text="During the course of the inquest the evidence revealed matters giving rise "
                                       "to concern. Rousing checks were not done. The CCTV was not kept.")
    editor = open_editor(ctx, Entity.RECOMMENDATION, rec)
    qtbot.addWidget(editor)
    settle(ops)
    assert editor.title.text().endswith(": Rousing checks were not done (derived title)")
    assert editor.ui.titleEdit.text() == ""
    assert editor.ui.titleEdit.placeholderText().startswith("Rousing checks were not done (derived")

    editor.ui.titleEdit.setText("Rousing checks")
    editor.save()
    settle(ops)
    assert editor.title.text().endswith(": Rousing checks")
    assert editor.ui.titleEdit.placeholderText() == ""
