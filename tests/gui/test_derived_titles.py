"""A register of findings without titles is readable: each row shows its own first sentence, marked as derived,
and the Document column shows the report's reference, or its title when it has none."""
from __future__ import annotations

from PySide6.QtCore import Qt

from ol_desk.core.services import recommendations
from tests.core import factories as f

REG28 = ("During the course of the inquest the evidence revealed matters giving rise to concern. In my opinion "
         "there is a risk that future deaths will occur unless action is taken. The MATTERS OF CONCERN are as "
         "follows. ")


def test_untitled_findings_show_their_first_sentence_in_italics_until_given_a_title(make_window, db, cpic, qtbot):
    with db.transaction() as s:
        doc = f.make_document(s, cpic, title="Regulation 28 report to prevent future deaths: John Doe", reference="")
        rousing = f.make_recommendation(s, cpic, doc, reference="1", title="",
                                        text=REG28 + "1. Rousing checks were not done every 30 minutes. 2. More.")
        cctv = f.make_recommendation(s, cpic, doc, reference="2", title="",
                                     text=REG28 + "2. The custody CCTV was not reviewed after the death.")
    window = make_window()
    panel = window.show_panel("recommendations")
    qtbot.waitUntil(lambda: panel.model.loaded_once, timeout=5000)
    model = panel.model
    columns = [c.key for c in model.spec.columns]
    rows = {model.id_at(r): r for r in range(model.rowCount())}

    def cell(rec_id, key, role=Qt.ItemDataRole.DisplayRole):
        return model.data(model.index(rows[rec_id], columns.index(key)), role)
    assert cell(rousing, "title") == "Rousing checks were not done every 30 minutes"
    assert cell(cctv, "title") == "The custody CCTV was not reviewed after the death"
    assert cell(rousing, "title", Qt.ItemDataRole.FontRole).italic()
    assert "No title yet" in cell(rousing, "title", Qt.ItemDataRole.ToolTipRole)
    assert cell(rousing, "document") == "Regulation 28 report to prevent future deaths: John Doe"

    window.ops.write(recommendations.update_recommendation, window.ctx.actor, rousing, title="Rousing checks",
                     label="Save")
    qtbot.waitUntil(lambda: model.data(model.index(rows[rousing], columns.index("title"))) == "Rousing checks",
                    timeout=5000)
    assert not cell(rousing, "title", Qt.ItemDataRole.FontRole)     # a real title: plain again
