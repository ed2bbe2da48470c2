"""Progress updates, evidence (a file copied into the store and hashed; a link; opening one), and dates that move
only with a reason."""
from __future__ import annotations

import datetime as dt
import hashlib

from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog
from sqlalchemy import select

from ol_desk.core.model import DateChange, Evidence, ProgressUpdate, Recommendation
from ol_desk.core.model.enums import Entity
from ol_desk.gui.editors import open_editor
from ol_desk.gui.editors.date_history import DateExtensionDialog
from ol_desk.gui.editors.fields import set_date
from tests.core.factories import make_document, make_recommendation

from .conftest import answer_dialog, settle


def _rec_editor(ctx, ops, db, qtbot, actor):
    with db.transaction() as s:
        rec = make_recommendation(s, actor, make_document(s, actor))
    editor = open_editor(ctx, Entity.RECOMMENDATION, rec)
    qtbot.addWidget(editor)
    settle(ops)
    return editor, rec


def test_posting_an_update_adds_it_to_the_timeline(ctx, ops, db, qtbot, cpic):
    editor, rec = _rec_editor(ctx, ops, db, qtbot, cpic)
    assert "No progress updates yet" in editor.timeline.view.toPlainText()
    editor.timeline.button.click()
    assert "Write the update first" in editor.timeline.message.text()

    editor.timeline.text.setPlainText("Rousing-check audit completed in 4 of 6 custody suites.")
    editor.timeline.button.click()
    settle(ops)
    with db.reading() as s:
        update = s.scalars(select(ProgressUpdate).where(ProgressUpdate.recommendation_id == rec)).one()
        assert update.author == cpic.name and update.written_on == dt.date(2025, 4, 10)
        assert s.get(Recommendation, rec).last_update_on == dt.date(2025, 4, 10)
    assert "4 of 6 custody suites" in editor.timeline.view.toPlainText()
    assert editor.timeline.text.toPlainText() == ""
    assert editor.tabs.tabText(2) == "&Progress (1)"
    assert "Posted a progress update" in editor.history.toPlainText()


def test_evidence_file_is_copied_into_the_store_with_its_sha256_and_opens(ctx, ops, db, qtbot, cpic, tmp_path,
                                                                           monkeypatch):
    editor, rec = _rec_editor(ctx, ops, db, qtbot, cpic)
    source = tmp_path / "custody-briefing-note.pdf"
    source.write_bytes(b"%PDF-1.4 briefing note on rousing checks\n" * 50)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(source), "")))
    editor.evidence_panel.description.setText("Briefing note issued to custody sergeants")
    editor.evidence_panel.file_button.click()
    settle(ops)
    with db.reading() as s:
        ev = s.scalars(select(Evidence).where(Evidence.recommendation_id == rec)).one()
        stored = db.evidence_dir / ev.stored_path
        assert ev.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
        assert ev.description == "Briefing note issued to custody sergeants"
    assert stored.read_bytes() == source.read_bytes() and stored != source
    assert editor.evidence_panel.table.rowCount() == 1
    assert editor.evidence_panel.table.item(0, 1).text() == "custody-briefing-note.pdf"

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", True)))
    editor.evidence_panel.link_button.click()
    assert "needs an address" in editor.evidence_panel.message.text()
    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *a, **k: ("https://intranet.example/custody/audit-2025", True)))
    editor.evidence_panel.link_button.click()
    settle(ops)
    assert editor.evidence_panel.table.rowCount() == 2

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    editor.evidence_panel.table.selectRow(0)
    editor.evidence_panel.open_button.click()
    settle(ops)
    assert opened and opened[0].toLocalFile() == str(stored)

    stored.write_bytes(b"tampered")  # a changed file is refused, not opened
    editor.evidence_panel.open_button.click()
    settle(ops)
    assert len(opened) == 1 and "no longer matches its SHA-256" in editor.evidence_panel.message.text()


def test_an_evidence_link_never_starts_a_program(ctx, ops, db, qtbot, cpic, monkeypatch):
    """One user types a link, others open it: a script or an odd scheme is shown, not opened."""
    editor, _rec = _rec_editor(ctx, ops, db, qtbot, cpic)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    for address in (r"\\fileserver\share\update.exe", "ms-msdt:/id PCWDiagnostic", "file:///tmp/run.ps1",
                    "https://intranet.example/custody/audit-2025"):
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, address=address, **k: (address, True)))
        editor.evidence_panel.link_button.click()
        settle(ops)
    table = editor.evidence_panel.table
    assert table.rowCount() == 4
    refused = 0
    for row in range(4):
        editor.evidence_panel.message.setText("")
        table.selectRow(row)
        editor.evidence_panel.open_button.click()
        refused += editor.evidence_panel.message.text().startswith("ol-desk")
    assert refused == 3 and len(opened) == 1 and opened[0].scheme() == "https"


def test_a_date_moves_only_with_a_reason_and_keeps_its_history(ctx, ops, db, qtbot, cpic, monkeypatch):
    editor, rec = _rec_editor(ctx, ops, db, qtbot, cpic)
    answers = iter([(dt.date(2025, 6, 30), ""), (dt.date(2025, 9, 30), ""),
                    (dt.date(2025, 9, 30), "Custody estate refit delayed; Board agreed on 12 March")])
    seen = []

    def fill(dialog: DateExtensionDialog):
        new_date, reason = next(answers)
        set_date(dialog.ui.newDateEdit, new_date)
        dialog.ui.reasonEdit.setPlainText(reason)
        dialog.ui.buttonBox.accepted.emit()
        seen.append(dialog.ui.messageLabel.text())
        if not dialog.result():
            fill(dialog)  # the user reads the message and gives a reason
    answer_dialog(monkeypatch, DateExtensionDialog, fill)

    editor.target.change_button.click()   # the first date needs no reason
    settle(ops)
    assert "30 Jun 2025" in editor.target.value_label.text()
    editor.target.change_button.click()   # moving it does
    settle(ops)
    assert "Say why the date moves" in seen[1]
    with db.reading() as s:
        moves = s.scalars(select(DateChange).where(DateChange.recommendation_id == rec)
                          .order_by(DateChange.id)).all()
        assert [m.new_date for m in moves] == [dt.date(2025, 6, 30), dt.date(2025, 9, 30)]
        assert moves[1].reason.startswith("Custody estate refit")
        rec_row = s.get(Recommendation, rec)
        assert rec_row.original_target_date == dt.date(2025, 6, 30)
        assert rec_row.current_target_date == dt.date(2025, 9, 30)
    history = editor.target.history_label.text()
    assert "First agreed 30 Jun 2025; moved 1 time" in history and "Custody estate refit" in history
    assert "173 days left" in editor.target.value_label.text()


def test_the_statutory_clock_counts_down_and_turns_red_when_overdue(qapp):
    from ol_desk.gui.editors.colours import bad, good
    from ol_desk.gui.editors.document_editor import clock_words
    issued = dt.date(2025, 2, 1)
    text, colour = clock_words("iopc", issued, dt.date(2025, 3, 29), None, dt.date(2025, 3, 29))
    assert text.startswith("Overdue by 12 days (due 29 Mar 2025)") and colour == bad()
    text, colour = clock_words("iopc", issued, dt.date(2025, 4, 11), None, dt.date(2025, 3, 29))
    assert text.startswith("1 day left") and "56 days after issue" in text and colour == ""
    text, colour = clock_words("iopc", issued, dt.date(2025, 3, 29), dt.date(2025, 3, 20), None)
    assert text.startswith("Response sent 20 Mar 2025") and colour == good()
    assert "no statutory clock" in clock_words("public_inquiry", issued, None, None, None)[0]
