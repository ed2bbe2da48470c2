"""Help › Check integrity and the start-up banner: a failed check is shown, in words; nothing is repaired."""
from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QToolBar
from sqlalchemy import text

from tests.core.factories import make_document
from tests.core.integrity.tamper import cut_tail, event_ids, tampering

EXT = ("ol_desk.gui.integrity_check",)


def _history(db, cpic):
    for i in range(2):
        with db.transaction() as s:
            make_document(s, cpic, reference=f"2025-{i}")


def _banner(window) -> QLabel | None:
    bar = window.findChild(QToolBar, "integrityBanner")
    return None if bar is None else bar.findChild(QLabel, "integrityBannerText")


def test_an_untouched_database_starts_without_a_banner_and_the_check_reports_in_words(make_window, db, cpic,
                                                                                     qtbot):
    _history(db, cpic)
    window = make_window(extensions=EXT)
    assert window.ops.wait_idle() and _banner(window) is None
    window.findChild(QAction, "checkIntegrityAction").trigger()
    qtbot.waitUntil(lambda: getattr(window, "integrity_report", None) is not None, timeout=10000)
    text = window.integrity_report.text()
    assert text.startswith("Integrity check passed.") and "hash chain verified" in text
    window.integrity_report.close()


def test_a_cut_tail_shows_the_red_banner_at_start_up_and_the_check_names_it(make_window, db, cpic, qtbot):
    _history(db, cpic)
    before = len(event_ids(db))
    cut_tail(db, 1)
    window = make_window(extensions=EXT)
    qtbot.waitUntil(lambda: _banner(window) is not None, timeout=10000)
    assert "the log was cut" in _banner(window).text() and _banner(window).isVisible()
    window.findChild(QAction, "checkIntegrityAction").trigger()
    qtbot.waitUntil(lambda: getattr(window, "integrity_report", None) is not None, timeout=10000)
    text = window.integrity_report.text()
    assert text.startswith("Integrity check FAILED: 2 problem(s).") and "the log was cut" in text
    assert "document 2: no creating event" in text  # the row the cut event made is there without its history
    window.integrity_report.close()
    assert len(event_ids(db)) == before - 1  # nothing repaired


def test_rows_edited_behind_the_log_are_listed_first_and_all_of_them_under_the_details(make_window, db, cpic, qtbot):
    for i in range(20):
        with db.transaction() as s:
            make_document(s, cpic, reference=f"2025-{i}")
    with tampering(db) as conn:
        conn.execute(text("UPDATE documents SET title = 'edited'"))
    window = make_window(extensions=EXT)
    assert window.ops.wait_idle() and _banner(window) is None  # the start-up check is the chain's tail only
    window.findChild(QAction, "checkIntegrityAction").trigger()
    qtbot.waitUntil(lambda: getattr(window, "integrity_report", None) is not None, timeout=10000)
    box = window.integrity_report
    assert box.text().startswith("Integrity check FAILED: 20 problem(s).")
    assert "document 1 field title: the log says 'Regulation 28 report" in box.text()
    assert "… and 8 more (see the details)" in box.text() and "document 20 field title" not in box.text()
    assert "document 20 field title: the log says" in box.detailedText()
    banner = _banner(window).text()
    assert banner.startswith("Integrity check failed: document 1 field title") and "; and 17 more problem(s)" in banner
    box.close()
