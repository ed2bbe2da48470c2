"""The evidence list's Text column: whether search finds each file's words, from the search index (fetched on the
operation thread), "No text found (scanned?)" for a scan (issue 12 item 5)."""
from __future__ import annotations

from ol_desk.core.model.enums import Entity
from ol_desk.gui.editors import open_editor
from tests.gui.evidence_register import register  # noqa: F401 - the fixture

from .conftest import settle


def _evidence_panel(ctx, ops, qtbot, rec, index):
    ctx.search_index = index
    editor = open_editor(ctx, Entity.RECOMMENDATION, rec)
    qtbot.addWidget(editor)
    settle(ops)
    return editor.evidence_panel


def test_the_evidence_list_says_which_files_have_searchable_text(ctx, ops, qtbot, register):  # noqa: F811
    panel = _evidence_panel(ctx, ops, qtbot, *register)

    def text_of(row):
        item = panel.table.item(row, panel.TEXT_COLUMN)
        return item.text() if item is not None else ""
    qtbot.waitUntil(lambda: bool(text_of(0) and text_of(1)), timeout=10_000)
    assert [panel.table.item(r, 1).text() for r in (0, 1)] == ["custody-audit.pdf", "signed-scan.pdf"]
    assert [text_of(0), text_of(1)] == ["Text searchable", "No text found (scanned?)"]
    assert panel.table.item(1, panel.TEXT_COLUMN).toolTip() == "no text layer — scanned?"


def test_without_search_the_list_says_so(ctx, ops, qtbot, register):  # noqa: F811
    panel = _evidence_panel(ctx, ops, qtbot, register[0], None)
    item = panel.table.item(0, panel.TEXT_COLUMN)
    assert item is not None and item.text() == "Search is not available"
