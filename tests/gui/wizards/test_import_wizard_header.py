"""The import wizard's header row picker and its stop for a mostly rejected file (issue 19)."""
from __future__ import annotations

from PySide6.QtWidgets import QWizard
from sqlalchemy import func, select

from ol_desk.core.model import ImportBatch, Recommendation, SourceDocument
from ol_desk.gui.wizards.import_wizard import ImportWizard
from tests.core.excel_import.conftest import build_workbook
from tests.core.excel_import.report_exports import reports_export


def _wizard(qtbot, ctx, path) -> ImportWizard:
    wizard = ImportWizard(ctx, path)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: not wizard.busy, timeout=15_000)
    assert wizard.file_page.isComplete(), wizard.file_page.error.text()
    return wizard


def _headers(page) -> list[str]:
    return [page.table.item(r, 0).text() for r in range(page.table.rowCount())]


def _preview(qtbot, wizard):
    wizard.next()
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: preview.report is not None or bool(preview.error.text()), timeout=30_000)
    return preview


def test_the_export_shows_row_1_with_its_confidence_and_imports_every_row(qtbot, db, ctx, tmp_path):
    wizard = _wizard(qtbot, ctx, reports_export(tmp_path / "pfd_export.xlsx", rows=8))
    wizard.next()
    page = wizard.mapping_page
    assert page.header_row.value() == 1 and "confidence 100%" in page.header.text()
    assert "concerns" in _headers(page)
    preview = _preview(qtbot, wizard)
    assert preview.report.counts == {"new": 8, "changed": 0, "unchanged": 0, "rejected": 0}
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=30_000)
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(SourceDocument)) == 8


def test_choosing_another_header_row_reads_the_columns_again(qtbot, db, ctx, tmp_path):
    path = build_workbook(tmp_path / "two.xlsx", [
        ["Register"], ["Rec No.", "Recommendation text", "Lead"], ["A1", "Old layout", "DI Shah"],
        ["Ref", "Recommendation"], ["R1", "Under the chosen header"]])
    wizard = _wizard(qtbot, ctx, path)
    wizard.next()
    page = wizard.mapping_page
    assert page.header_row.value() == 2 and _headers(page) == ["Rec No.", "Recommendation text", "Lead"]
    page.header_row.setValue(4)
    qtbot.waitUntil(lambda: _headers(page) == ["Ref", "Recommendation"], timeout=15_000)
    assert "chosen by you" in page.header.text() and page.isComplete()
    preview = _preview(qtbot, wizard)
    assert preview.report.info.header_row == 4 and preview.report.counts["new"] == 1
    wizard.back()
    page.header_row.setValue(3)          # a data row that names nothing: said on this page, Next is off
    qtbot.waitUntil(lambda: bool(page.error.text()), timeout=15_000)
    assert "describe no recommendations" in page.error.text() and not page.isComplete()
    page.header_row.setValue(4)
    qtbot.waitUntil(lambda: page.isComplete(), timeout=15_000)
    assert not page.error.text()


def test_a_mostly_rejected_file_needs_a_tick_to_import(qtbot, db, ctx, tmp_path):
    path = build_workbook(tmp_path / "bad.xlsx", [
        ["Ref", "Recommendation", "Target date"], ["R1", "Fine", "01/01/2025"],
        ["R2", "Bad", "31/02/2024"], ["R3", "Bad too", "32/01/2024"]])
    wizard = _wizard(qtbot, ctx, path)
    wizard.next()
    preview = _preview(qtbot, wizard)
    assert preview.report.mostly_rejected and "2 of 3 rows would be rejected" in preview.error.text()
    assert not preview.accept.isHidden() and not preview.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    preview.accept.setChecked(True)
    assert preview.isComplete()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=30_000)
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Recommendation)) == 1
        assert s.scalar(select(func.count()).select_from(ImportBatch)) == 1


def test_an_unchanged_file_has_nothing_to_import(qtbot, db, ctx, cpic, tmp_path):
    from ol_desk.core.excel.register_import.importer import import_file
    path = reports_export(tmp_path / "pfd_export.xlsx", rows=3)
    import_file(db, path, cpic)
    wizard = _wizard(qtbot, ctx, path)
    wizard.next()
    preview = _preview(qtbot, wizard)
    assert preview.report.counts["unchanged"] == 3 and "Nothing would change" in preview.error.text()
    assert not preview.isComplete()
