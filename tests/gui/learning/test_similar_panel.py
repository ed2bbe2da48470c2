"""The similar-items panel of an opened recommendation: shows the repeat from another source and links it."""
from __future__ import annotations

from PySide6.QtCore import Qt

from ol_desk.core.model import Recommendation
from ol_desk.core.services.related import related_ids
from ol_desk.gui.learning.similar_panel import SimilarPanel
from tests.core.test_similar import ROUSING, register  # noqa: F401 - the same small register


def test_link_a_similar_recommendation_as_related(qtbot, db, ctx, register):  # noqa: F811
    ids, index = register
    ctx.search_index = index
    panel = SimilarPanel(ctx)
    qtbot.addWidget(panel)
    with db.reading() as s:
        doc = s.get(Recommendation, ids["new_pfd"]).document_id
    with qtbot.waitSignal(panel.similar.found, timeout=10_000):
        panel.show_for(ids["new_pfd"], ROUSING, doc)
    first = panel.similar_list.item(0)
    assert first.data(Qt.ItemDataRole.UserRole) == ids["old_iopc"] and "2021/153511 R2" in first.text()
    panel.similar_list.setCurrentRow(0)
    with qtbot.waitSignal(panel.linked, timeout=5000):
        panel.link_button.click()
    qtbot.waitUntil(lambda: panel.related_list.count() == 1, timeout=5000)
    with db.reading() as s:
        assert related_ids(s, ids["old_iopc"]) == [ids["new_pfd"]]
    panel.link_button.click()                                  # twice: one clear refusal
    qtbot.waitUntil(lambda: "already linked" in panel.message.text(), timeout=5000)
