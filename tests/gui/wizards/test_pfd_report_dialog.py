"""The PFD report preview: a dropped PDF's fields and concerns shown to correct (reference, date with its response
date, coroner, area, addressees, each concern's words; remove or merge concerns) and written only on Import;
refusals and a report already in ol-desk are said in words with Import off."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from ol_desk.core.model import Evidence, Recommendation, SourceDocument
from ol_desk.core.model.enums import Entity
from ol_desk.gui.insight_panels_and_menus import install
from ol_desk.gui.wizards.pfd_report_dialog import PfdReportDialog
from tests.core.pfd_pdf.pdf_writer import PdfWriter
from tests.core.pfd_pdf.pfd_report_pdfs import Report, variant, write_report


def _shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.report is not None or bool(dialog.error.text()), timeout=10000)
    return dialog


def test_a_pdf_dropped_on_the_window_opens_the_preview(make_window, qtbot, tmp_path):
    window = make_window()
    install(window)
    assert window.import_pfd_action.isEnabled()
    path = write_report(tmp_path / "report.pdf")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    args = (QPoint(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(*args)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(*args))
    qtbot.waitUntil(lambda: any(isinstance(w, PfdReportDialog) and w.report is not None
                                for w in QApplication.topLevelWidgets()), timeout=10000)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PfdReportDialog))
    assert dialog.reference.text() == "2024-0123" and dialog.import_button.isEnabled()
    dialog.reject()


def test_every_field_is_shown_corrected_and_written_on_import(ctx, db, qtbot, tmp_path):
    path = write_report(tmp_path / "report.pdf", variant(filler_lines=14))
    dialog = _shown(qtbot, PfdReportDialog(ctx, path))
    assert (dialog.reference.text(), dialog.date.text(), dialog.coroner.text(), dialog.area.text()) == (
        "2024-0123", "12/03/2024", "Jane Doe, Assistant Coroner", "Avon")
    assert dialog.title.text() == "Regulation 28 report: John Smith"
    assert dialog.due.text().startswith("07 May 2024")
    assert dialog.sent_to.toPlainText().splitlines() == ["Chief Constable of Avon and Somerset Constabulary",
                                                        "Chief Executive, NHS England"]
    assert dialog.concerns.count() == 3 and dialog.concerns.item(1).text().startswith("2. The control room")
    with db.reading() as s:
        assert s.scalar(select(SourceDocument.id)) is None      # nothing written by the preview

    dialog.reference.setText("2024-0124")
    dialog.date.setText("1 April 2024")
    assert dialog.due.text().startswith("27 May 2024")
    dialog.area.setText("Avon and Somerset")
    dialog.sent_to.setPlainText("Chief Constable of Avon and Somerset Constabulary")
    dialog.concerns.setCurrentRow(1)
    dialog.concern_text.setPlainText("The control room did not pass the call on for 47 minutes.")
    dialog.concerns.setCurrentRow(0)
    dialog.merge_concern()                                     # concerns 1 and 2 become one
    assert dialog.concerns.count() == 2
    dialog.concerns.setCurrentRow(1)
    dialog.remove_concern()                                    # the third left out
    assert dialog.concerns.count() == 1
    dialog.import_report()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=10000)
    with db.reading() as s:
        doc = s.scalars(select(SourceDocument)).one()
        assert (doc.reference, doc.date_issued, doc.response_due, doc.area, doc.addressees) == (
            "2024-0124", dt.date(2024, 4, 1), dt.date(2024, 5, 27), "Avon and Somerset",
            "Chief Constable of Avon and Somerset Constabulary")
        texts = list(s.scalars(select(Recommendation.text)))
        assert texts == [Report().concerns[0] + " The control room did not pass the call on for 47 minutes."]
        assert len(list(s.scalars(select(Evidence)))) == 1
    assert ctx.opened == [(Entity.DOCUMENT, doc.id)]


def test_a_scanned_pdf_is_refused_in_words(ctx, qtbot, tmp_path):
    writer = PdfWriter()
    writer.page(image=True)
    dialog = _shown(qtbot, PfdReportDialog(ctx, writer.write(tmp_path / "scan.pdf")))
    assert dialog.error.text().startswith("This PDF has no text layer")
    assert not dialog.import_button.isEnabled() and not dialog.reference.isEnabled()


def test_a_report_already_imported_is_said_and_not_imported_again(ctx, db, qtbot, tmp_path, cpic):
    from ol_desk.core.pfd_pdf import read_report
    from ol_desk.core.services.pfd_reports import import_pfd_report
    path = write_report(tmp_path / "report.pdf")
    with db.transaction() as s:
        import_pfd_report(s, cpic, db.evidence_dir, path, read_report(path))
    dialog = _shown(qtbot, PfdReportDialog(ctx, path))
    assert "imported already" in dialog.summary.text() and not dialog.import_button.isEnabled()


def test_a_date_that_is_not_a_date_is_said_before_anything_is_written(ctx, db, qtbot, tmp_path):
    dialog = _shown(qtbot, PfdReportDialog(ctx, write_report(tmp_path / "report.pdf")))
    dialog.date.setText("March 2024")
    assert "not a whole date" in dialog.due.text()
    dialog.import_report()
    assert "not a whole date" in dialog.error.text()
    assert ctx.ops.wait_idle()
    with db.reading() as s:
        assert s.scalar(select(SourceDocument.id)) is None


def test_ctrl_z_takes_the_imported_report_back_whole(ctx, db, qtbot, tmp_path, cpic):
    from ol_desk.core.model import ImportBatch
    from ol_desk.gui.editors.undo_stack import UndoStack
    stack = UndoStack(ctx.ops)
    dialog = _shown(qtbot, PfdReportDialog(ctx, write_report(tmp_path / "report.pdf")))
    dialog.import_report()
    qtbot.waitUntil(lambda: dialog.written is not None and stack.can_undo(), timeout=10000)
    assert stack.undo_text() == "Undo Import PFD report"
    assert stack.undo(cpic)
    qtbot.waitUntil(lambda: not stack._running, timeout=10000)
    assert ctx.ops.wait_idle()
    with db.reading() as s:
        assert s.scalar(select(SourceDocument.id)) is None and s.scalar(select(Evidence.id)) is None
        assert s.scalars(select(ImportBatch)).one().undone_at is not None   # so it may be imported again
