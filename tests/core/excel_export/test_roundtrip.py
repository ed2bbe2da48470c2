"""The hub round trip: export a hub's open items, edit the file as a hub officer would, read it back.
One edited row, one row edited both in the file and in the app, and untouched rows give exactly one change and one
conflict; applying writes through the services as one undoable import batch."""
from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from ol_desk.core.errors import ValidationError
from ol_desk.core.excel.hub_roundtrip import roundtrip
from ol_desk.core.excel.hub_roundtrip.roundtrip_export import export_for_update
from ol_desk.core.model import Action, AuditEvent, Meta, ProgressUpdate
from ol_desk.core.services import records
from ol_desk.core.services.history import undo_batch

from .xlsx_xml import sheet_states, sheet_xml

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _export(db, tmp_path, hub="NW"):
    path = tmp_path / f"{hub}-update.xlsx"
    with db.reading() as s:
        report = export_for_update(path, s, hub_code=hub, db_uid=db.uid, exported_by="Learning Officer")
    return path, report


def _edit(path, sheet: str, ident: int, **cells) -> None:
    """Change cells of the row with this ID, by header (without the ✎ mark), as a hub officer would."""
    wb = load_workbook(path)
    ws = wb[sheet]
    headers = {str(c.value).removesuffix(" ✎"): c.column for c in ws[1]}
    row = next(r[0].row for r in ws.iter_rows(min_row=2) if r[0].value == ident)
    for header, value in cells.items():
        ws.cell(row=row, column=headers[header.replace("_", " ")], value=value)
    wb.save(path)


def test_one_edit_one_conflict_one_untouched(db, register, hub_officer, on, tmp_path):
    untouched, edited, conflicting = register.nw_actions
    path, report = _export(db, tmp_path)
    assert (report.actions, report.recommendations) == (3, 2)
    _edit(path, "Actions", edited, Status="In progress", Progress_update="Briefing booked for 3 June.")
    _edit(path, "Actions", conflicting, Current_due_date=dt.datetime(2026, 9, 1),
          Reason_for_new_due_date="Trainer off sick")
    with db.transaction() as s:  # meanwhile somebody updates that action in ol-desk
        records.add_update(s, hub_officer, action_id=conflicting, text="Trainer booked.")

    with db.reading() as s:
        diff = roundtrip.preview(path, s, hub_officer)
    assert [(c.entity, c.id) for c in diff.changes] == [("action", edited)]
    assert [(c.entity, c.id) for c in diff.conflicts] == [("action", conflicting)]
    assert diff.problems == [] and diff.unchanged == 3 and diff.missing == 0 and diff.unknown == 0
    assert {(f.field, f.old, f.new) for f in diff.changes[0].fields} == {
        ("status", "open", "in_progress"), ("progress update", "", "Briefing booked for 3 June.")}
    assert diff.conflicts[0].current_version > diff.conflicts[0].exported_version

    with db.transaction() as s:
        result = roundtrip.apply(path, s, hub_officer)
    with db.reading() as s:
        assert s.get(Action, edited).status.value == "in_progress"
        assert s.get(Action, conflicting).current_due_date == dt.date(2026, 7, 1)  # conflict: not applied
        assert s.get(Action, untouched).status.value == "open"
        texts = s.scalars(select(ProgressUpdate.text).where(ProgressUpdate.action_id == edited)).all()
        assert texts == ["Briefing booked for 3 June."]
        tagged = s.scalars(select(AuditEvent.entity_id).where(AuditEvent.batch_id == result.batch_id,
                                                              AuditEvent.entity == "action")).all()
        assert set(tagged) == {edited}
    assert "undo with: ol-desk import --undo" in result.summary()

    with db.transaction() as s:
        undo_batch(s, hub_officer, result.batch_id)
    with db.reading() as s:
        assert s.get(Action, edited).status.value == "open"
        assert not s.scalars(select(ProgressUpdate.id).where(ProgressUpdate.action_id == edited)).all()


def test_untouched_file_changes_nothing_even_after_app_edits(db, register, hub_officer, on, tmp_path):
    path, _ = _export(db, tmp_path)
    with db.transaction() as s:
        records.add_update(s, hub_officer, action_id=register.nw_actions[0], text="Changed in the app only.")
    with db.transaction() as s:
        result = roundtrip.apply(path, s, hub_officer)
    assert result.batch_id is None and not result.diff.changes and not result.diff.conflicts
    assert result.diff.unchanged == 5


def test_edits_the_rules_refuse_are_problems_not_applied(db, register, hub_officer, on, tmp_path):
    a1, a2, a3 = register.nw_actions
    path, _ = _export(db, tmp_path)
    _edit(path, "Actions", a1, Status="Complete")  # no note, no evidence
    _edit(path, "Actions", a2, Current_due_date=dt.datetime(2026, 12, 1))  # moved without a reason
    _edit(path, "Recommendations", register.overdue_rec, Status="Delivered")  # its actions are open
    _edit(path, "Actions", a3, Owner="Sgt Jane Doe", Status="Complete",
          Progress_update="All trained; register attached.")
    with db.reading() as s:
        diff = roundtrip.preview(path, s, hub_officer)
    problems = {(p.entity, p.id): p.message for p in diff.problems}
    assert "needs a note" in problems[("action", a1)]
    assert "needs a reason" in problems[("action", a2)]
    assert "still open" in problems[("recommendation", register.overdue_rec)]
    assert [c.id for c in diff.changes] == [a3]
    with db.transaction() as s:
        roundtrip.apply(path, s, hub_officer)
    with db.reading() as s:
        done = s.get(Action, a3)
        assert done.status.value == "complete" and done.owner.name == "Sgt Jane Doe"
        assert done.completion_note == "All trained; register attached."
        assert s.get(Action, a1).status.value == "open"


def test_file_from_another_database_is_refused(db, register, hub_officer, tmp_path):
    path, _ = _export(db, tmp_path)
    with db.engine.begin() as con:  # behind the app's back, as a copy of another database would be
        con.execute(update(Meta).where(Meta.key == "uid").values(value="someone-elses-db"))
    with db.reading() as s:
        with pytest.raises(ValidationError, match="another ol-desk database"):
            roundtrip.preview(path, s, hub_officer)


def test_workbook_marks_locks_and_validates_editable_columns(db, register, tmp_path):
    path, _ = _export(db, tmp_path)
    assert roundtrip.is_roundtrip_workbook(path)
    assert not roundtrip.is_roundtrip_workbook(tmp_path / "missing.xlsx")
    assert sheet_states(path)["_ol_desk"] == "veryHidden"
    root = sheet_xml(path, "Actions")
    protection = root.find(f"{NS}sheetProtection")
    assert protection is not None and protection.get("sheet") == "1"
    lists = [dv for dv in root.iter(f"{NS}dataValidation") if dv.get("type") == "list"]
    assert lists and "In progress" in lists[0].find(f"{NS}formula1").text
    ws = load_workbook(path)["Actions"]
    headers = {c.value: c.column for c in ws[1]}
    assert ws.cell(row=2, column=headers["ID"]).protection.locked
    assert ws.cell(row=2, column=headers["Version"]).protection.locked
    for header in ("Status ✎", "Current due date ✎", "Reason for new due date ✎", "Owner ✎", "Progress update ✎"):
        assert not ws.cell(row=2, column=headers[header]).protection.locked, header


def test_pack_and_other_files_are_not_round_trips(db, register, on, tmp_path):
    from ol_desk.core.excel.board_pack.register_pack import export_register_pack
    pack = tmp_path / "pack.xlsx"
    with db.reading() as s:
        export_register_pack(pack, s, on=on)
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a zip")
    assert not roundtrip.is_roundtrip_workbook(pack)
    assert not roundtrip.is_roundtrip_workbook(junk)
    with db.reading() as s:
        with pytest.raises(ValidationError, match="not an ol-desk round-trip workbook"):
            roundtrip.preview(pack, s)


def test_cli_round_trip_preview_then_apply(db, cli_db, register, on, tmp_path, capsys):
    from ol_desk.cli.main import main
    path = tmp_path / "nw.xlsx"
    base = cli_db("Hub Officer", "hub_officer")
    assert main([*base, "export", str(path), "--hub", "NW", "--for-update"]) == 0
    assert "3 open action(s) and 2 open recommendation(s) of North West (NW)" in capsys.readouterr().out
    _edit(path, "Actions", register.nw_actions[1], Status="In progress")
    assert main([*base, "import", str(path), "--dry-run"]) == 0  # `ol-desk import` hands it to the round trip
    out = capsys.readouterr().out
    assert "1 row(s) to change, 0 conflict(s)" in out and "Nothing was written" in out
    assert main([*base, "import", str(path)]) == 0
    assert "Applied 1 row(s) as import batch" in capsys.readouterr().out
    with db.reading() as s:
        assert s.get(Action, register.nw_actions[1]).status.value == "in_progress"
    assert main([*base, "export", str(path), "--hub", "NW", "--hub", "MD", "--for-update"]) == 2
    assert "exactly one --hub" in capsys.readouterr().err
