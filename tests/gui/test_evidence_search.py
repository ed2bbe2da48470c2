"""Evidence in the window: a search finds words inside attached files (the hit names the file and its item, and
opens the item); the evidence list says per file whether its text is searchable (issue 12 item 5)."""
from __future__ import annotations

from PySide6.QtCore import Qt

from ol_desk.core.model.enums import Entity
from tests.gui.evidence_register import register  # noqa: F401 - the fixture


def test_an_evidence_hit_shows_file_item_and_snippet_and_opens_the_item(make_window, qtbot, register):  # noqa: F811
    rec, index = register
    window = make_window(search_index=index)
    opened = []
    window.set_opener(Entity.RECOMMENDATION, lambda ctx, entity, item_id, parent: opened.append((entity, item_id)))
    window.focus_search()
    qtbot.keyClicks(window.search_field, "intervals kind:evidence")
    results = window.search_panel.list
    qtbot.waitUntil(lambda: results.count() > 0, timeout=10_000)
    assert results.count() == 1
    shown = results.item(0).data(Qt.ItemDataRole.DisplayRole + 0x100)
    assert "custody-audit.pdf" in shown and "Evidence on recommendation 2025-0241 1" in shown
    assert "Evidence file" in shown and "intervals</span>" in shown
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert opened == [(Entity.RECOMMENDATION, rec)]
