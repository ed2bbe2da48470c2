"""Unusual layouts; a re-import after edits gives exactly those changes; undo restores the state before a batch."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from ol_desk.core.errors import ConflictError, ValidationError
from ol_desk.core.excel.register_import.importer import import_file
from ol_desk.core.model import AuditEvent, DateChange, ImportBatch, Recommendation, SourceDocument
from ol_desk.core.model.enums import Entity, RecStatus
from ol_desk.core.services import recommendations
from ol_desk.core.services.history import undo, undo_batch

from .conftest import build_workbook, rewrite_member, table_state

HEADER = ["Report", "Rec No.", "Recommendation", "Lead", "BCU", "Due", "Status", "Latest Update"]
REPORT = "Review of custody deaths 2024"


def _rows(**edits):
    rows = [
        ["OFFICIAL"], ["Force learning tracker"], [],
        HEADER,
        [REPORT, "R1", "Review rousing checks.", "DS Clarke", "North West; Met Detention", dt.datetime(2025, 3, 1),
         "In progress", "Draft policy written."],
        [None, "R2", "Train staff in first aid.", "Insp Ahmed", "Custody", "Feb 2025", "Not started", None],
        [None, "R2", "Audit first aid kits.", "Insp Ahmed", "Custody", "2025", "WIP", None],
        [],
        ["Another report", "FORMULA", "Refresh the risk form.", "PS Jones", "West Area BCU", "15/06/2025",
         "on hold", None],
        ["Another report", "R9", "A row with an impossible date.", "PS Jones", "West Area", "31/02/2024", "Open", None],
    ]
    for (r, c), value in edits.get("cells", {}).items():
        rows[r][c] = value
    rows.extend(edits.get("append", []))
    return rows


def _workbook(path, **edits):
    build_workbook(path, _rows(**edits), merges=["A5:A7"])
    # A formula whose cached value is "R4" (as Excel saves it); openpyxl itself writes no cached values.
    return rewrite_member(path, "xl/worksheets/sheet1.xml", lambda data: data.replace(
        b'<c r="B9" t="inlineStr"><is><t>FORMULA</t></is></c>', b'<c r="B9" t="str"><f>"R"&amp;4</f><v>R4</v></c>'))


def _recs(session):
    return {(r.document.title, r.reference, r.position): r for r in session.scalars(select(Recommendation))}


def test_unusual_layout(db, cpic, tmp_path):
    report = import_file(db, _workbook(tmp_path / "t.xlsx"), cpic)
    assert report.info.header_row == 4
    assert report.counts == {"new": 4, "changed": 0, "unchanged": 0, "rejected": 1}
    rejected = [r for r in report.rows if r.outcome == "rejected"]
    assert rejected[0].reason == "row 10: target date '31/02/2024' is not a date"
    assert any("'Feb 2025' is not a full date" in w for w in report.warnings)
    assert any("'on hold'" in w for w in report.warnings)
    with db.reading() as s:
        recs = _recs(s)
        r1 = recs[(REPORT, "R1", 1)]
        assert [h.code for h in r1.hubs][0] == "NW" and {h.code for h in r1.hubs} == {"NW", "MD"}
        assert r1.status == RecStatus.IN_PROGRESS and r1.owner.name == "DS Clarke"
        # The merged report cell covers rows 5-7; two rows share "R2" and keep their order as positions.
        first, second = recs[(REPORT, "R2", 1)], recs[(REPORT, "R2", 2)]
        assert first.text.startswith("Train") and second.text.startswith("Audit")
        assert first.current_target_date == dt.date(2025, 2, 28) and "Feb 2025" in first.notes
        assert second.current_target_date == dt.date(2025, 12, 31)
        formula = recs[("Another report", "R4", 1)]                # the formula's cached value
        assert "Status in spreadsheet: on hold" in formula.notes and formula.status == RecStatus.ASSIGNED
        from ol_desk.core.model import ProgressUpdate
        update = s.scalar(select(ProgressUpdate).where(ProgressUpdate.recommendation_id == r1.id))
        assert update.text == "Draft policy written." and r1.last_update_on == update.written_on


def test_reimport_after_edits_gives_exactly_those_changes_and_undo_restores(db, cpic, tmp_path):
    first = import_file(db, _workbook(tmp_path / "v1.xlsx"), cpic)
    after_first = table_state(db)
    edited = _workbook(tmp_path / "v2.xlsx", cells={(4, 6): "Completed", (5, 5): "30/04/2025", (6, 4): "North West"},
                       append=[[REPORT, "R3", "Publish the learning.", "DS Clarke", "North West", None, "Open", None]])
    second = import_file(db, edited, cpic)
    assert second.counts == {"new": 1, "changed": 3, "unchanged": 1, "rejected": 1}
    changed = {r.row: r.changes for r in second.rows if r.outcome == "changed"}
    assert changed == {5: {"status": ["in_progress", "delivered"]},
                       6: {"target date": ["2025-02-28", "2025-04-30"]},
                       7: {"hubs": ["Met Detention", "North West"]}}
    with db.reading() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.batch_id == second.batch_id)).all()
        moved = [json.loads(e.detail) for e in events if e.verb == "move_date"]
        assert moved[0]["fields"]["current_target_date"] == ["2025-02-28", "2025-04-30"]
        assert "import batch" in moved[0]["reason"]
        assert s.scalar(select(DateChange).where(DateChange.new_date == dt.date(2025, 4, 30))) is not None
    third = import_file(db, edited, cpic)   # unchanged: nothing recorded, no batch to undo
    assert third.counts["changed"] == 0 and third.nothing_changed and third.batch_id is None
    with db.reading() as s:
        assert s.get(ImportBatch, second.batch_id + 1) is None

    with db.transaction() as s:
        with pytest.raises(ConflictError, match="changed afterwards"):
            undo_batch(s, cpic, first.batch_id)   # the second import changed the same rows since
    with db.transaction() as s:
        undo_batch(s, cpic, second.batch_id)
    assert table_state(db) == after_first
    with db.transaction() as s:
        undo_batch(s, cpic, first.batch_id)
        batch = s.get(ImportBatch, first.batch_id)
        assert batch.undone_at is not None and batch.undone_by == cpic.name
    assert all(not rows for rows in table_state(db).values())
    with db.transaction() as s, pytest.raises(ValidationError, match="undone already"):
        undo_batch(s, cpic, first.batch_id)


def test_undo_is_refused_when_a_later_edit_touched_the_rows(db, cpic, tmp_path):
    batch = import_file(db, _workbook(tmp_path / "t.xlsx"), cpic).batch_id
    with db.transaction() as s:
        rec = _recs(s)[(REPORT, "R1", 1)]
        recommendations.update_recommendation(s, cpic, rec.id, title="Rousing checks")
        rec_id = rec.id
    before = table_state(db)
    with db.transaction() as s, pytest.raises(ConflictError) as err:
        undo_batch(s, cpic, batch)
    assert f"recommendation #{rec_id}" in str(err.value) and "title" in str(err.value)
    assert table_state(db) == before


def test_undo_of_one_operation(db, cpic, tmp_path):
    from tests.core.factories import hub_id, make_document, make_recommendation
    with db.transaction() as s:
        rec = make_recommendation(s, cpic, make_document(s, cpic))
        recommendations.set_hubs(s, cpic, rec, [hub_id(s, "NW"), hub_id(s, "MD")], hub_id(s, "MD"))
    before = table_state(db)
    with db.transaction() as s:
        recommendations.set_hubs(s, cpic, rec, [hub_id(s, "SE")], hub_id(s, "SE"))
        recommendations.update_recommendation(s, cpic, rec, title="Changed", notes="n")
        recommendations.set_target_date(s, cpic, rec, dt.date(2026, 1, 1))
    with db.transaction() as s:
        ids = s.scalars(select(AuditEvent.id).where(AuditEvent.entity == Entity.RECOMMENDATION.value,
                                                    AuditEvent.entity_id == rec)
                        .order_by(AuditEvent.id.desc()).limit(3)).all()
        changes = undo(s, cpic, ids)
        assert changes.updated == {Entity.RECOMMENDATION: frozenset({rec})}
    assert table_state(db) == before
    with db.reading() as s:
        assert s.get(Recommendation, rec).lead_hub.code == "MD"
        assert s.scalars(select(SourceDocument)).first() is not None
