"""A register's status words go through the lifecycle: the importer's role and what each row carries decide how far
an item moves, the shortfall is said per row, re-imports move items by the commands (and undo puts them back), and
CPIC's "historic status" option records a migrated register as it stands, marked as such in the audit trail."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from ol_desk.core.errors import PermissionDenied
from ol_desk.core.excel.register_import.importer import ImportOptions, import_file
from ol_desk.core.model import Action, AuditEvent, Recommendation
from ol_desk.core.model.enums import ActionStatus, RecStatus, Role
from ol_desk.core.services import recommendations
from ol_desk.core.services.actor import Actor
from ol_desk.core.services.bulk import BulkWriter, StatusFacts
from ol_desk.core.services.history import undo_batch
from tests.core.factories import assigned_recommendation, make_action

from .conftest import audit_count, build_workbook, table_state

HEADER = ["Report", "Ref", "Recommendation", "BCU", "Status", "Board decision date", "Minute ref", "Rationale"]
# Every status a register may name, in the words registers use, and where a CPIC import with hubs may take it.
WORDS = {
    "Not started": RecStatus.ASSIGNED,          # with a hub, "new" is assigned
    "Allocated": RecStatus.ASSIGNED,
    "WIP": RecStatus.IN_PROGRESS,
    "Reopened": RecStatus.IN_PROGRESS,          # nothing to reopen on a new item: back at work, no closure made up
    "Complete": RecStatus.DELIVERED,
    "Evidence accepted": RecStatus.EVIDENCE_ACCEPTED,
    "Closed": RecStatus.EVIDENCE_ACCEPTED,      # closing is the Board's decision, even with its date and minute
    "Discharged": RecStatus.EVIDENCE_ACCEPTED,
    "Not accepted": RecStatus.NOT_ACCEPTED,     # the row gives its rationale
    "Superseded": RecStatus.ASSIGNED,           # the newer recommendation is chosen in ol-desk, never guessed
}


def _register(path, words=WORDS, board=True):
    rows = [HEADER]
    for i, word in enumerate(words, start=1):
        rows.append(["Custody review 2025", f"R{i}", f"Recommendation {i} of the custody review.",
                     "North West", word, dt.datetime(2025, 5, 20) if board else None, "OLB/25/14" if board else None,
                     "The force already meets this." if word == "Not accepted" else None])
    return build_workbook(path, rows)


def _by_ref(db) -> dict[str, Recommendation]:
    with db.reading() as s:
        recs = {r.reference: r for r in s.scalars(select(Recommendation))}
        for r in recs.values():
            s.expunge(r)
        return recs


def _events(db, entity_id=None, entity="recommendation") -> list[AuditEvent]:
    with db.reading() as s:
        q = select(AuditEvent).where(AuditEvent.entity == entity).order_by(AuditEvent.id)
        if entity_id is not None:
            q = q.where(AuditEvent.entity_id == entity_id)
        out = list(s.scalars(q))
        for e in out:
            s.expunge(e)
        return out


def test_each_status_word_goes_as_far_as_cpic_may_and_the_rest_is_said(db, cpic, tmp_path):
    report = import_file(db, _register(tmp_path / "r.xlsx"), cpic)
    assert report.counts["new"] == len(WORDS) and report.counts["rejected"] == 0
    recs = _by_ref(db)
    for i, (word, expected) in enumerate(WORDS.items(), start=1):
        rec = recs[f"R{i}"]
        assert rec.status == expected, word
        assert rec.closed_on is None and rec.board_decision_on is None  # no Board step was taken
    warned = {w.split(":")[0]: w for w in report.warnings if w.startswith("row ")}
    assert warned["row 8"] == ("row 8: the register says Closed, but Close (Board decision) is for Board member "
                               "(you are CPIC learning team); recorded as Evidence accepted")
    assert "Mark superseded needs the newer recommendation" in warned["row 11"]
    assert set(warned) == {"row 5", "row 8", "row 9", "row 11"}  # exactly the rows that fell short
    assert "Status in spreadsheet: Closed" in recs["R7"].notes
    assert recs["R9"].response_rationale == "The force already meets this."
    # Each new item's creating event names the commands its status stands for.
    create = {e.entity_id: json.loads(e.detail) for e in _events(db) if e.verb == "create"}
    assert create[recs["R7"].id]["lifecycle"] == ["assign", "start", "deliver", "accept_evidence"]
    assert create[recs["R9"].id]["lifecycle"] == ["not_accept"]


def test_without_a_hub_nothing_is_assigned_and_without_a_rationale_nothing_is_refused(db, cpic, tmp_path):
    rows = [HEADER, ["Custody review 2025", "R1", "No hub given.", None, "In progress", None, None, None],
            ["Custody review 2025", "R2", "No rationale given.", None, "Not accepted", None, None, None]]
    report = import_file(db, build_workbook(tmp_path / "r.xlsx", rows), cpic)
    recs = _by_ref(db)
    assert recs["R1"].status == recs["R2"].status == RecStatus.NEW
    assert any("Assign needs a hub (map a BCU/OCU or Hub column)" in w for w in report.warnings)
    assert any("Record not accepted needs a rationale (map a Rationale column)" in w for w in report.warnings)


@pytest.mark.parametrize("role", [Role.HUB_OFFICER, Role.GOLD_LEAD, Role.BOARD, Role.VIEWER])
def test_only_cpic_imports_a_register_and_a_refusal_changes_nothing(db, cpic, tmp_path, role):
    import_file(db, _register(tmp_path / "first.xlsx", {"WIP": None}), cpic)
    before, events = table_state(db), audit_count(db)
    person = Actor("Someone Else", role, "NW" if role is Role.HUB_OFFICER else None)
    for historic in (False, True):
        with pytest.raises(PermissionDenied):
            import_file(db, _register(tmp_path / "r.xlsx"), person, ImportOptions(historic_status=historic))
    assert table_state(db) == before and audit_count(db) == events


def test_a_hub_officers_bulk_changes_never_accept_evidence_or_close(db, cpic, hub_officer):
    """The bulk service itself (which the hub round trip and any future hub import use) holds the line: for every
    status, with every fact a row could give, a hub officer's change stops at Delivered."""
    with db.transaction() as s:
        recs = {status: assigned_recommendation(s, cpic, "NW", reference=f"R-{status.value}") for status in RecStatus}
        for rec_id in recs.values():
            recommendations.run_command(s, cpic, rec_id, "assign")
    facts = StatusFacts(decision_date=dt.date(2025, 5, 20), minute_ref="OLB/25/14", rationale="Met already.")
    with db.transaction() as s:
        writer = BulkWriter(s, hub_officer, None, "nw.xlsx")
        for wanted, rec_id in recs.items():
            writer.update_recommendation(rec_id, {"status": wanted}, facts)
    with db.reading() as s:
        reached = {wanted: s.get(Recommendation, rec_id).status for wanted, rec_id in recs.items()}
    assert RecStatus.EVIDENCE_ACCEPTED not in reached.values() and RecStatus.CLOSED not in reached.values()
    assert reached[RecStatus.CLOSED] == reached[RecStatus.DELIVERED] == RecStatus.DELIVERED
    assert reached[RecStatus.NOT_ACCEPTED] == RecStatus.ASSIGNED   # CPIC's decision
    with db.transaction() as s, pytest.raises(PermissionDenied):
        BulkWriter(s, hub_officer, None, "nw.xlsx").create_recommendations(
            [{"values": {"document_id": 1, "reference": "X", "position": 1, "text": "t"}, "hubs": [], "update": None}])
    with db.transaction() as s, pytest.raises(PermissionDenied):
        BulkWriter(s, hub_officer, None, "nw.xlsx", historic=True)


def test_a_bulk_change_does_not_deliver_while_an_action_is_open_or_complete_an_action_without_a_note(db, cpic):
    with db.transaction() as s:
        rec = assigned_recommendation(s, cpic, "NW")
        recommendations.run_command(s, cpic, rec, "assign")
        recommendations.run_command(s, cpic, rec, "start")
        act = make_action(s, cpic, [rec])
    with db.transaction() as s:
        writer = BulkWriter(s, cpic, None, "r.xlsx")
        writer.update_recommendation(rec, {"status": RecStatus.DELIVERED}, StatusFacts())
        writer.update_action(act, {"status": ActionStatus.COMPLETE}, StatusFacts())
    with db.reading() as s:
        assert s.get(Recommendation, rec).status == RecStatus.IN_PROGRESS
        assert s.get(Action, act).status == ActionStatus.IN_PROGRESS  # started, not completed


def test_a_reimport_moves_items_by_the_commands_and_undo_puts_them_back(db, cpic, tmp_path):
    path = _register(tmp_path / "r.xlsx", {"Not started": None}, board=False)
    import_file(db, path, cpic)
    before = table_state(db)
    (rec,) = _by_ref(db).values()
    assert rec.status == RecStatus.ASSIGNED
    second = import_file(db, _register(path, {"Closed": None}), cpic)
    assert second.counts["changed"] == 1
    moved = [e for e in _events(db, rec.id) if e.batch_id == second.batch_id]
    assert [e.verb for e in moved] == ["start", "deliver", "accept_evidence"]
    assert _by_ref(db)["R1"].status == RecStatus.EVIDENCE_ACCEPTED
    with db.transaction() as s:
        changes = undo_batch(s, cpic, second.batch_id)
    assert rec.id in changes.updated[next(iter(changes.updated))]
    assert table_state(db) == before


def test_historic_status_records_a_migrated_register_as_it_stands(db, cpic, tmp_path):
    path = _register(tmp_path / "old.xlsx", {"Closed": None, "WIP": None})
    report = import_file(db, path, cpic, ImportOptions(historic_status=True))
    assert not [w for w in report.warnings if w.startswith("row ")]
    recs = _by_ref(db)
    closed = recs["R1"]
    assert closed.status == RecStatus.CLOSED and recs["R2"].status == RecStatus.IN_PROGRESS
    assert closed.board_decision_on == dt.date(2025, 5, 20) and closed.board_minute_ref == "OLB/25/14"
    assert closed.closed_on == dt.date(2025, 5, 20)      # no "closed on" column: the Board's decision date
    create = {e.entity_id: json.loads(e.detail) for e in _events(db) if e.verb == "create"}
    assert create[closed.id]["historic_status"] is True
    # A later historic re-import that changes a status says so in its event too.
    import_file(db, _register(path, {"Closed": None, "Closed ": None}), cpic, ImportOptions(historic_status=True))
    later = [e for e in _events(db, recs["R2"].id) if e.verb == "historic_status"]
    assert len(later) == 1 and json.loads(later[0].detail)["historic_status"] is True
    assert _by_ref(db)["R2"].status == RecStatus.CLOSED


def test_the_preview_shows_where_each_status_will_stop_and_writes_nothing(db, cpic, tmp_path):
    before, events = table_state(db), audit_count(db)
    report = import_file(db, _register(tmp_path / "r.xlsx"), cpic, dry_run=True)
    assert any(w.startswith("row 8: the register says Closed") for w in report.warnings)
    assert table_state(db) == before and audit_count(db) == events
