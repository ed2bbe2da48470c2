"""The import wizard on each sample register: file → mapping → preview → import → summary → undo; bad files are
refused on the first page with one message and nothing written."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from sqlalchemy import func, select

from ol_desk.core.model import Action, ImportBatch, Recommendation
from ol_desk.gui.wizards.import_wizard import ImportWizard

SAMPLES = Path(__file__).resolve().parents[2] / "samples"  # copies of ../shared/samples
GOOD = ["hmicfrs_tracker.xlsx", "pfd_tracker.xlsx", "hub_actions_messy.xlsx"]
BAD = sorted(p.name for p in (SAMPLES / "bad").glob("*")) if (SAMPLES / "bad").exists() else []



def _items(db) -> int:
    with db.reading() as s:
        return (s.scalar(select(func.count()).select_from(Recommendation))
                + s.scalar(select(func.count()).select_from(Action)))


def _wizard(qtbot, ctx, path) -> ImportWizard:
    wizard = ImportWizard(ctx, path)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: not wizard.busy, timeout=15_000)
    return wizard


def _imported(qtbot, ctx, path) -> ImportWizard:
    """The wizard taken through mapping and preview with its defaults, and the import run to the summary."""
    wizard = _wizard(qtbot, ctx, path)
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview_page.report is not None, timeout=30_000)
    _past_values(wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=30_000)
    return wizard


def _past_values(wizard) -> None:
    """From the preview on to the import page, through the Values page when the rows need one (its suggestions
    taken as they are)."""
    wizard.next()
    if wizard.currentPage() is wizard.values_page:
        wizard.next()


@pytest.mark.parametrize("name", GOOD)
def test_each_sample_imports_through_the_wizard_and_can_be_undone(qtbot, db, ctx, name):
    wizard = _wizard(qtbot, ctx, SAMPLES / name)
    assert wizard.file_page.isComplete(), wizard.file_page.error.text()
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    assert wizard.mapping_page.table.rowCount() >= 3
    wizard.next()
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: preview.report is not None or bool(preview.error.text()), timeout=30_000)
    assert preview.report is not None, preview.error.text()
    assert preview.report.counts["new"] > 0 and preview.table.rowCount() == len(preview.report.rows)
    assert _items(db) == 0                                        # a preview writes nothing
    _past_values(wizard)                                          # commit: import
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=30_000)
    report = wizard.import_page.report
    assert _items(db) >= report.counts["new"] > 0
    assert "imported" in wizard.summary_page.summary.text()
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()   # past the commit page

    wizard.summary_page.undo.click()
    qtbot.waitUntil(lambda: "undone" in wizard.summary_page.undone.text(), timeout=15_000)
    assert _items(db) == 0
    with db.reading() as s:
        assert s.get(ImportBatch, report.batch_id).undone_at is not None


@pytest.mark.parametrize("name", BAD)
def test_a_bad_file_is_refused_on_the_first_page_with_one_message(qtbot, db, ctx, name):
    wizard = _wizard(qtbot, ctx, SAMPLES / "bad" / name)
    message = wizard.file_page.error.text()
    assert message and "Traceback" not in message and "\n" not in message.strip()
    assert not wizard.file_page.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert _items(db) == 0


def _import_behind_a_held_job(qtbot, ctx, wizard) -> threading.Event:
    """Go to the Import page with the import queued behind another job; set the returned gate to let it run."""
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview_page.report is not None, timeout=30_000)
    gate = threading.Event()
    ctx.ops.job(lambda _db, _p, _c: gate.wait(10), label="hold")
    wizard.next()
    return gate


def test_cancel_stops_the_import_and_writes_nothing(qtbot, db, ctx):
    wizard = _wizard(qtbot, ctx, SAMPLES / "pfd_tracker.xlsx")
    gate = _import_behind_a_held_job(qtbot, ctx, wizard)
    wizard.import_page.cancel.click()                             # the cancel lands before the import starts
    gate.set()
    qtbot.waitUntil(lambda: wizard.import_page.error.text() != "", timeout=30_000)
    assert "nothing was written" in wizard.import_page.error.text().lower()
    assert _items(db) == 0


def test_closing_the_wizard_while_it_imports_stops_the_import(qtbot, db, ctx):
    wizard = _wizard(qtbot, ctx, SAMPLES / "pfd_tracker.xlsx")
    gate = _import_behind_a_held_job(qtbot, ctx, wizard)
    wizard.reject()                                               # Escape / Cancel / the window's close
    gate.set()
    assert ctx.ops.wait_idle(30_000)
    assert _items(db) == 0


def test_an_import_finished_after_the_wizard_closed_still_refreshes_the_registers(qtbot, db, ctx):
    """E.g. the close came as the last rows were committed, too late to stop them."""
    from shiboken6 import isValid
    wizard = ImportWizard(ctx, SAMPLES / "pfd_tracker.xlsx")    # not qtbot's: this test deletes it
    wizard.show()
    qtbot.waitUntil(lambda: not wizard.busy, timeout=15_000)
    changed = []
    ctx.ops.changed.connect(changed.append)
    gate = _import_behind_a_held_job(qtbot, ctx, wizard)
    wizard.deleteLater()                                          # the window goes; the import carries on
    qtbot.waitUntil(lambda: not isValid(wizard), timeout=5000)
    gate.set()
    assert ctx.ops.wait_idle(30_000)
    assert _items(db) > 0 and changed and changed[-1]


def test_after_an_import_the_new_items_are_checked_for_repeats(qtbot, db, ctx, cpic):
    from ol_desk.core.search import SearchIndex
    from tests.core.factories import make_document, make_recommendation
    with db.transaction() as s:
        doc = make_document(s, cpic, kind="iopc", reference="2021/153511")
        old = make_recommendation(s, cpic, doc, reference="R2", finding_type="recommendation", text=(
            "The force should assess the risk to children who are reported missing repeatedly, and supervisors "
            "should review those assessments."))
    index = SearchIndex(db, use_process=False)
    index.ensure()
    ctx.search_index = index
    try:
        wizard = _imported(qtbot, ctx, SAMPLES / "pfd_tracker.xlsx")
        page = wizard.summary_page
        assert page.repeats_button.isVisible()
        page.repeats_button.click()
        qtbot.waitUntil(lambda: page.repeats.rowCount() > 0 or bool(page.undone.text()), timeout=60_000)
        closest = {page.repeats.item(r, 1).data(Qt.ItemDataRole.UserRole) for r in range(page.repeats.rowCount())}
        assert closest == {old}        # the IOPC recommendation the PFD concerns about missing children repeat
    finally:
        ctx.ops.wait_idle()
        index.close()


def test_historic_status_is_an_option_for_cpic_and_records_the_register_as_it_stands(qtbot, db, ctx, tmp_path):
    import datetime as dt

    from ol_desk.core.model.enums import RecStatus
    from tests.core.excel_import.conftest import build_workbook
    path = build_workbook(tmp_path / "old.xlsx", [
        ["Report", "Ref", "Recommendation", "BCU", "Status", "Board decision date", "Minute ref"],
        ["Custody review 2019", "R1", "Rousing checks at the required frequency.", "North West", "Closed",
         dt.datetime(2020, 3, 12), "OLB/20/3"]])
    wizard = _wizard(qtbot, ctx, path)
    wizard.next()
    historic = wizard.mapping_page.historic
    assert historic.isEnabled() and not historic.isChecked()
    wizard.next()
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: preview.report is not None, timeout=30_000)
    assert any("the register says Closed" in w for w in preview.report.warnings)
    assert "the register says Closed" in preview.counts.text()   # the user sees it before importing
    wizard.back()
    historic.setChecked(True)
    wizard.next()
    qtbot.waitUntil(lambda: preview.report is not None, timeout=30_000)
    assert not any("the register says" in w for w in preview.report.warnings)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=30_000)
    with db.reading() as s:
        assert s.scalars(select(Recommendation)).one().status == RecStatus.CLOSED


def test_an_import_is_one_step_on_the_undo_stack_and_ctrl_z_undoes_it(qtbot, db, ctx):
    """The import job hands its Changes and audit events to the helper: registers refresh, Ctrl+Z undoes the whole
    import (and marks its batch undone), Ctrl+Shift+Z brings it back."""
    from ol_desk.gui.editors.undo_stack import undo_stack
    stack = undo_stack(ctx)
    changed = []
    ctx.ops.changed.connect(changed.append)
    wizard = _imported(qtbot, ctx, SAMPLES / "pfd_tracker.xlsx")
    report = wizard.import_page.report
    assert changed and changed[-1] == report.changes               # announced once, by the helper
    assert stack.can_undo() and stack.undo_text() == "Undo Import"
    count = _items(db)
    assert stack.undo(ctx.actor)
    assert ctx.ops.wait_idle(30_000)
    assert _items(db) == 0
    with db.reading() as s:
        assert s.get(ImportBatch, report.batch_id).undone_at is not None
    assert stack.redo(ctx.actor)
    assert ctx.ops.wait_idle(30_000)
    assert _items(db) == count
    with db.reading() as s:
        assert s.get(ImportBatch, report.batch_id).undone_at is None


def _pfd_preview(qtbot, ctx, path):
    """The wizard on `path`, at its preview page once the preview has run."""
    wizard = _wizard(qtbot, ctx, path)
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview_page.report is not None, timeout=30_000)
    return wizard, wizard.preview_page


def test_the_preview_shows_numbered_concerns_split_and_a_choice_to_keep_each_cell_whole(qtbot, db, ctx, tmp_path):
    from tests.core.excel_import import pfd_report_registers as registers
    wizard, preview = _pfd_preview(qtbot, ctx, registers.report_per_row(tmp_path / "pfd.xlsx"))
    assert preview.report.counts["new"] == registers.FINDINGS
    assert "Numbered concerns split: 3 cell(s) into 7 findings" in preview.counts.text()
    assert preview.keep_whole.isVisibleTo(preview) and not preview.keep_whole.isChecked()
    preview.keep_whole.setChecked(True)                       # the preview runs again with each cell whole
    qtbot.waitUntil(lambda: preview.report is not None and preview.report.counts["new"] == len(registers.REPORTS),
                    timeout=30_000)
    assert "Numbered concerns split" not in preview.counts.text() and preview.keep_whole.isVisibleTo(preview)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=30_000)
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Recommendation)) == len(registers.REPORTS)


def test_the_preview_lists_suggested_themes_and_tagging_them_is_one_tick(qtbot, db, ctx, tmp_path):
    from ol_desk.core.model import RecommendationTheme
    from tests.core.excel_import import pfd_report_registers as registers
    wizard, preview = _pfd_preview(qtbot, ctx, registers.report_per_row(tmp_path / "pfd.xlsx"))
    assert preview.tag_themes.isVisibleTo(preview) and not preview.tag_themes.isChecked()
    details = [preview.table.item(r, 3).text() for r in range(preview.table.rowCount())]
    assert any(d.startswith("suggested themes: ") and "Mental health" in d for d in details)
    preview.tag_themes.setChecked(True)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=30_000)
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(RecommendationTheme)) >= len(preview.report.themes)


def test_a_csv_export_goes_through_the_same_pages(qtbot, db, ctx, tmp_path):
    path = tmp_path / "sharepoint.csv"
    path.write_text("Ref;Recommendation;Owner;Status\nR1;Brief custody officers on rousing checks.;DS Clarke;Open\n",
                    encoding="utf-8-sig")
    wizard, preview = _pfd_preview(qtbot, ctx, path)
    assert preview.report.counts["new"] == 1
    assert "Read as CSV, UTF-8 (with BOM), semicolon-separated." in preview.report.info.notes
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=30_000)
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Recommendation)) == 1
