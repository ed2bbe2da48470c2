"""Register columns start sized to what they hold (a long reference is shown whole) and keep the width the user
sets, for that register, in the next window as well."""
from __future__ import annotations

from tests.core import factories as f

LONG_REF = "2013-0123-PFD-WEST-LONDON"


def _ref_column(panel):
    return [c.key for c in panel.spec.columns].index("reference")


def test_refs_are_shown_whole_and_a_width_the_user_sets_is_kept(make_window, db, cpic, qtbot):
    with db.transaction() as s:
        f.make_recommendation(s, cpic, f.make_document(s, cpic), reference=LONG_REF)
    window = make_window()
    panel = window.show_panel("recommendations")
    qtbot.waitUntil(lambda: panel.model.loaded_once and panel.widths.fitted, timeout=5000)
    ref = _ref_column(panel)
    header = panel.table.horizontalHeader()
    assert header.sectionSize(ref) >= panel.table.fontMetrics().horizontalAdvance(LONG_REF)
    assert header.sectionSize(ref) <= 240          # fitted, not stretched

    header.resizeSection(ref, 333)                 # the user drags the column wider
    qtbot.waitUntil(lambda: not panel.widths._save_soon.isActive(), timeout=3000)
    window.close()

    again = make_window()
    panel = again.show_panel("recommendations")
    qtbot.waitUntil(lambda: panel.model.loaded_once, timeout=5000)
    assert panel.table.horizontalHeader().sectionSize(ref) == 333     # theirs, not fitted over


def test_an_empty_register_keeps_its_starting_widths_until_rows_arrive(make_window, qtbot):
    window = make_window()
    panel = window.show_panel("recommendations")
    qtbot.waitUntil(lambda: panel.model.loaded_once, timeout=5000)
    assert not panel.widths.fitted
    assert panel.table.horizontalHeader().sectionSize(_ref_column(panel)) == panel.spec.columns[
        _ref_column(panel)].width
