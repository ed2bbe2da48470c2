"""Action lists: hub per row or from the title, links to the one recommendation a 'Linked Rec' names, changes on
re-import, duplicates, and a macro-enabled workbook."""
from __future__ import annotations

import datetime as dt
import shutil

from sqlalchemy import select

from ol_desk.core.excel.register_import.importer import ImportOptions, import_file
from ol_desk.core.model import Action
from ol_desk.core.model.enums import ActionStatus
from ol_desk.core.services import recommendations
from tests.core.factories import hub_id, make_document, make_recommendation

from .conftest import build_workbook

HEADER = ["Action Ref", "Linked Rec", "Action", "Action Owner", "Hub", "Due Date", "Status", "% Complete"]


def _register(db, cpic) -> int:
    with db.transaction() as s:
        doc = make_document(s, cpic, reference="2025-0500")
        rec = make_recommendation(s, cpic, doc, reference="R7")
        recommendations.set_hubs(s, cpic, rec, [hub_id(s, "CE")], hub_id(s, "CE"))
        other = make_recommendation(s, cpic, doc, reference="R8")
        recommendations.set_hubs(s, cpic, other, [hub_id(s, "SE")], hub_id(s, "SE"))
    return rec


def test_actions_with_a_hub_column_link_and_change(db, cpic, tmp_path):
    rec = _register(db, cpic)
    rows = [HEADER,
            ["CE-1", "R7", "Refresh rousing-check training", "PS Jones", "Central East", "30/06/2025", "Open", "0%"],
            ["CE-2", "R9", "Audit cell checks", "PS Jones", "CE BCU", "31/07/2025", "In progress", 0.5],
            ["CE-1", "R7", "The same reference again", "PS Jones", "Central East", "30/06/2025", "Open", None]]
    path = build_workbook(tmp_path / "ce.xlsx", rows)
    first = import_file(db, path, cpic)
    assert first.counts == {"new": 2, "changed": 0, "unchanged": 0, "rejected": 1}
    assert "action 'CE-1' appears again (first at row 2)" in first.rows[-1].reason
    assert any("linked recommendation 'R9' is not in the register" in w for w in first.warnings)
    with db.reading() as s:
        acts = {a.reference: a for a in s.scalars(select(Action))}
        assert [r.id for r in acts["CE-1"].recommendations] == [rec]
        assert acts["CE-1"].hub.code == "CE" and acts["CE-2"].percent_complete == 50
        assert "Linked recommendation in spreadsheet: R9" in acts["CE-2"].notes
    rows[1][6], rows[1][5], rows[2][7] = "Done", "15/07/2025", "75%"
    build_workbook(path, rows)
    second = import_file(db, path, cpic)
    assert second.counts == {"new": 0, "changed": 2, "unchanged": 0, "rejected": 1}
    # "Done" with no evidence and no update: completing needs one of them, so the action is started, not completed
    assert {r.row: r.changes for r in second.rows if r.outcome == "changed"} == {
        2: {"status": ["open", "in_progress"], "due date": ["2025-06-30", "2025-07-15"]},
        3: {"percent_complete": [50, 75]}}
    assert any(w.startswith("row 2: the register says Complete, but Complete needs evidence or a completion note")
               for w in second.warnings)
    with db.reading() as s:
        done = s.scalar(select(Action).where(Action.reference == "CE-1"))
        assert done.status == ActionStatus.IN_PROGRESS and done.current_due_date == dt.date(2025, 7, 15)
        assert done.original_due_date == dt.date(2025, 6, 30)


def test_hub_given_on_the_command_line_and_macro_enabled_workbook(db, cpic, samples, tmp_path):
    book = tmp_path / "actions.xlsm"
    shutil.copyfile(samples / "hub_actions_messy.xlsx", book)
    report = import_file(db, book, cpic, ImportOptions(hub="SE"))
    assert report.counts["new"] == 30
    with db.reading() as s:
        assert {a.hub_id for a in s.scalars(select(Action))} == {hub_id(s, "SE")}


def test_actions_without_any_hub_are_rejected_with_the_way_out(db, cpic, tmp_path):
    import pytest

    from ol_desk.core.excel.register_import.importer import ImportOptions, MostlyRejected
    path = build_workbook(tmp_path / "x.xlsx", [["Action", "Owner"], ["Do the thing", "PS Jones"]])
    with pytest.raises(MostlyRejected) as refused:   # every row rejected: the real import stops, nothing written
        import_file(db, path, cpic)
    assert "no hub" in str(refused.value) and "--hub" in str(refused.value)
    report = import_file(db, path, cpic, ImportOptions(accept_rejections=True))
    assert report.counts["rejected"] == 1
    assert "no hub" in report.rows[0].reason and "--hub" in report.rows[0].reason


def test_undo_refuses_while_later_actions_hang_off_the_imported_rows(db, cpic, samples):
    import pytest

    from ol_desk.core.errors import ConflictError
    from ol_desk.core.services.history import undo_batch

    from .conftest import table_state
    tracker = import_file(db, samples / "hmicfrs_tracker.xlsx", cpic).batch_id
    actions = import_file(db, samples / "hub_actions_messy.xlsx", cpic).batch_id
    before = table_state(db)
    with db.transaction() as s, pytest.raises(ConflictError) as err:
        undo_batch(s, cpic, tracker)
    assert "action NW-001" in str(err.value) and "recommendation R2" in str(err.value)
    assert table_state(db) == before
    with db.transaction() as s:
        undo_batch(s, cpic, actions)
        undo_batch(s, cpic, tracker)
    assert all(not rows for rows in table_state(db).values())
