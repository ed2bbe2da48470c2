"""The shared sample registers import with sensible results, and a second import of the same file changes nothing."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from ol_desk.core.excel.register_import.importer import import_file
from ol_desk.core.model import Action, AuditEvent, Hub, Person, Recommendation, SourceDocument
from ol_desk.core.model.enums import ActionStatus, FindingType, RecStatus, SourceKind

from .conftest import audit_count, table_state


def _hub_codes(rec) -> list[str]:
    return [h.code for h in rec.hubs]


def test_hmicfrs_tracker_imports_findings_with_hubs_dates_and_statuses(db, cpic, samples):
    report = import_file(db, samples / "hmicfrs_tracker.xlsx", cpic)
    assert report.counts == {"new": 24, "changed": 0, "unchanged": 0, "rejected": 0}
    assert any("the register says Closed, but Close (Board decision) is for Board member" in w
               for w in report.warnings)
    assert report.info.header_row == 3 and report.info.sheet == "Tracker"
    with db.reading() as s:
        docs = s.scalars(select(SourceDocument).order_by(SourceDocument.id)).all()
        assert [d.kind for d in docs] == [SourceKind.HMICFRS] * 3
        assert docs[0].date_issued == dt.date(2024, 5, 17)
        peel = docs[0]
        recs = {r.reference: r for r in s.scalars(select(Recommendation).where(Recommendation.document_id == peel.id))}
        coc = recs["CoC 1"]
        assert coc.finding_type == FindingType.CAUSE_OF_CONCERN
        assert coc.current_target_date == dt.date(2024, 11, 13)          # typed as text dd/mm/yyyy
        assert coc.status == RecStatus.DELIVERED                          # "Awaiting review"
        # "Central West BCU; South East BCU"
        assert coc.lead_hub.code == "CW" and sorted(_hub_codes(coc)) == ["CW", "SE"]
        assert coc.owner.name == "DCI M. Evans"
        assert "RAG: Amber" in coc.notes
        # "Closed" is the Board's decision: a CPIC import takes it as far as CPIC may, and keeps the word.
        assert recs["R1"].status == RecStatus.EVIDENCE_ACCEPTED and recs["R1"].board_decision_on is None
        assert "Status in spreadsheet: Closed" in recs["R1"].notes
        assert recs["R1"].current_target_date == dt.date(2024, 8, 15)
        assert recs["AFI 1"].finding_type == FindingType.AREA_FOR_IMPROVEMENT
        assert recs["R2"].status == RecStatus.ASSIGNED                    # "Open" with a hub
        custody = s.scalar(select(SourceDocument).where(SourceDocument.title.like("Joint inspection%")))
        r2 = s.scalar(select(Recommendation).where(Recommendation.document_id == custody.id,
                                                   Recommendation.reference == "R2"))
        assert sorted(_hub_codes(r2)) == ["DPS", "NW"]                    # "North West BCU; Professional Standards"
        afi4 = s.scalar(select(Recommendation).where(Recommendation.document_id == custody.id,
                                                     Recommendation.reference == "AFI 4"))
        assert sorted(_hub_codes(afi4)) == ["MO", "SN"]                   # "Met Command and Control; South Area BCU"
        assert s.scalar(select(func.count()).select_from(AuditEvent)
                        .where(AuditEvent.batch_id == report.batch_id)) > 24


def test_pfd_register_rows_share_a_report_reference(db, cpic, samples):
    report = import_file(db, samples / "pfd_tracker.xlsx", cpic)
    assert report.counts["new"] == 21 and report.counts["rejected"] == 0
    with db.reading() as s:
        doc = s.scalar(select(SourceDocument).where(SourceDocument.reference == "2025-1000"))
        assert doc.kind == SourceKind.PFD and doc.date_issued == dt.date(2025, 1, 6)
        assert doc.response_due == dt.date(2025, 3, 3) and doc.response_sent_on == dt.date(2025, 2, 25)
        recs = s.scalars(select(Recommendation).where(Recommendation.document_id == doc.id)
                         .order_by(Recommendation.position)).all()
        assert [r.position for r in recs] == [1, 2, 3]
        assert {r.finding_type for r in recs} == {FindingType.MATTER_OF_CONCERN}
        # The "Owner" column names hubs, not people: recognised as the hub.
        assert [r.lead_hub.code for r in recs] == ["MD", "MO", "WA"] and all(r.owner_id is None for r in recs)
        assert s.scalar(select(func.count()).select_from(Person)) == 0
        later = s.scalar(select(SourceDocument).where(SourceDocument.reference == "2025-1136"))
        assert later.response_sent_on is None
        assert all("extension requested" in r.notes for r in later.recommendations)


def test_hub_action_list_with_messy_statuses_and_percentages(db, cpic, samples):
    report = import_file(db, samples / "hub_actions_messy.xlsx", cpic)
    assert report.counts == {"new": 30, "changed": 0, "unchanged": 0, "rejected": 0}
    assert report.skipped_blank >= 2
    with db.reading() as s:
        nw = s.scalar(select(Hub.id).where(Hub.code == "NW"))
        acts = {a.reference: a for a in s.scalars(select(Action))}
        assert len(acts) == 30 and {a.hub_id for a in acts.values()} == {nw}
        # "Complete" with neither evidence nor an update: completing needs one, so the action stays in progress
        assert acts["NW-001"].status == ActionStatus.IN_PROGRESS and acts["NW-001"].percent_complete == 50  # "50%"
        assert "Status in spreadsheet: Complete" in acts["NW-001"].notes
        assert acts["NW-002"].status == ActionStatus.CANCELLED                   # "closed - no further action"
        assert acts["NW-004"].percent_complete == 25                             # 0.25
        assert acts["NW-007"].percent_complete == 100                            # 1 (a % cell)
        assert acts["NW-014"].percent_complete is None                           # "n/a"
        assert acts["NW-009"].status == ActionStatus.IN_PROGRESS                 # "WIP"
        on_hold = acts["NW-006"]
        assert on_hold.status == ActionStatus.OPEN and "Status in spreadsheet: On hold" in on_hold.notes
        assert "Evidence: Briefing note on SharePoint" in on_hold.notes
        assert acts["NW-001"].current_due_date == dt.date(2025, 1, 12)
    assert any("'On hold'" in w for w in report.warnings)


def test_same_file_twice_gives_no_changes(db, cpic, samples):
    for name in ("hmicfrs_tracker.xlsx", "pfd_tracker.xlsx", "hub_actions_messy.xlsx"):
        import_file(db, samples / name, cpic)
    state = table_state(db)
    for name in ("hmicfrs_tracker.xlsx", "pfd_tracker.xlsx", "hub_actions_messy.xlsx"):
        again = import_file(db, samples / name, cpic)
        assert again.counts["new"] == 0 and again.counts["changed"] == 0, again.rows
    assert table_state(db) == state


def test_dry_run_reports_and_writes_nothing(db, cpic, samples):
    before, events = table_state(db), audit_count(db)
    report = import_file(db, samples / "hmicfrs_tracker.xlsx", cpic, dry_run=True)
    assert report.dry_run and report.counts["new"] == 24 and report.batch_id is None
    assert table_state(db) == before and audit_count(db) == events
