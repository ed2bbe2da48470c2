"""Export dialogs: the Board pack takes the register's filter; a hub workbook goes out, comes back edited, and is
read as a diff (a change applied, a conflict left alone); errors are one readable line."""
from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from sqlalchemy import select

from ol_desk.core.model import ProgressUpdate
from ol_desk.core.queries.register_filter import RegisterFilter
from ol_desk.core.services import records
from ol_desk.gui.wizards.export_dialogs import BoardPackDialog, HubWorkbookDialog, ReturnedWorkbookDialog
from tests.core.factories import hub_id, make_action
from tests.core.test_dashboard_queries import ON, _build


def _run(qtbot, dialog, path):
    dialog.file.edit.setText(str(path))
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.result_report is not None or bool(dialog.error.text()), timeout=20_000)


def test_board_pack_exports_exactly_the_filtered_register(qtbot, db, cpic, ctx, tmp_path, on_day):
    on_day(ON)
    _build(db, cpic)
    dialog = BoardPackDialog(ctx, RegisterFilter(overdue=True, labels=("Overdue",)))
    qtbot.addWidget(dialog)
    assert dialog.filters.text() == "Overdue"
    _run(qtbot, dialog, tmp_path / "pack.xlsx")
    assert not dialog.error.text()
    wb = load_workbook(tmp_path / "pack.xlsx", read_only=True)
    assert "For Board decision" in wb.sheetnames
    recs = list(wb["Recommendations"].iter_rows(values_only=True))
    header = recs[0]
    ids = [row[header.index("ID")] for row in recs[1:] if row[0] is not None]
    assert len(ids) == 1 and "wrote" in dialog.message.text().lower()


def test_export_refuses_a_bad_target_with_one_message(qtbot, db, ctx, tmp_path):
    dialog = BoardPackDialog(ctx)
    qtbot.addWidget(dialog)
    _run(qtbot, dialog, tmp_path / "pack.csv")
    assert dialog.error.text() == "Export to an .xlsx file (not pack.csv)."
    assert dialog.ok.isEnabled()


def test_closing_the_dialog_while_it_writes_stops_the_export(qtbot, db, cpic, ctx, tmp_path, on_day):
    import threading
    on_day(ON)
    _build(db, cpic)
    dialog = BoardPackDialog(ctx)
    qtbot.addWidget(dialog)
    gate = threading.Event()
    ctx.ops.job(lambda _db, _p, _c: gate.wait(10), label="hold")   # the export queues behind another job
    dialog.file.edit.setText(str(tmp_path / "pack.xlsx"))
    dialog.ok.click()
    dialog.reject()                                                  # Escape or the window's close
    gate.set()
    assert ctx.ops.wait_idle(20_000)
    assert not (tmp_path / "pack.xlsx").exists()


def test_hub_round_trip_out_and_back_with_a_change_and_a_conflict(qtbot, db, cpic, hub_officer, ctx, tmp_path):
    ids = _build(db, cpic)
    with db.transaction() as s:
        nw = hub_id(s, "NW")
        edited = make_action(s, cpic, [ids["late"]], hub_id=nw, due_date=ON + dt.timedelta(days=30))
        conflicting = make_action(s, cpic, [ids["soon"]], hub_id=nw, title="Audit rousing checks",
                                  due_date=ON + dt.timedelta(days=40))
        rejected = make_action(s, cpic, [ids["soon"]], hub_id=nw, title="Dip-sample custody records",
                               due_date=ON + dt.timedelta(days=50))
    out = HubWorkbookDialog(ctx)
    qtbot.addWidget(out)
    qtbot.waitUntil(lambda: out.hub.count() > 0, timeout=5000)
    out.hub.setCurrentIndex(out.hub.findData("NW"))
    path = tmp_path / "NW-update.xlsx"
    _run(qtbot, out, path)
    assert out.result_report is not None, out.error.text()

    wb = load_workbook(path)
    ws = wb["Actions"]
    headers = {str(c.value).removesuffix(" ✎"): c.column for c in ws[1]}
    for row in ws.iter_rows(min_row=2):
        if row[0].value == edited:
            ws.cell(row=row[0].row, column=headers["Progress update"], value="Briefing booked for 3 June.")
        if row[0].value == conflicting:
            ws.cell(row=row[0].row, column=headers["Progress update"], value="Done in the file.")
        if row[0].value == rejected:
            ws.cell(row=row[0].row, column=headers["Progress update"], value="Not wanted.")
    wb.save(path)
    with db.transaction() as s:
        records.add_update(s, hub_officer, action_id=conflicting, text="Meanwhile, in the app.")

    back = ReturnedWorkbookDialog(ctx, path)
    qtbot.addWidget(back)
    qtbot.waitUntil(lambda: back.diff is not None or bool(back.error.text()), timeout=10_000)
    decisions = [back.table.item(r, 0).text() for r in range(back.table.rowCount())]
    assert decisions == ["Apply", "Apply", "Conflict: not applied"]
    row_of_rejected = next(r for r in range(2) if back.table.item(r, 0).data(Qt.ItemDataRole.UserRole)[1] == rejected)
    back.table.item(row_of_rejected, 0).setCheckState(Qt.CheckState.Unchecked)     # rejected row by row
    back.apply_button.click()
    qtbot.waitUntil(lambda: back.report is not None or bool(back.error.text()), timeout=10_000)
    assert back.report is not None, back.error.text()
    with db.reading() as s:
        texts = set(s.scalars(select(ProgressUpdate.text)))
    assert "Briefing booked for 3 June." in texts
    assert "Done in the file." not in texts and "Not wanted." not in texts


def test_a_workbook_that_is_not_a_returned_one_is_refused(qtbot, db, ctx, tmp_path):
    path = tmp_path / "other.xlsx"
    from openpyxl import Workbook
    Workbook().save(path)
    back = ReturnedWorkbookDialog(ctx, path)
    qtbot.addWidget(back)
    qtbot.waitUntil(lambda: bool(back.error.text()), timeout=10_000)
    assert "Traceback" not in back.error.text() and not back.apply_button.isEnabled()
