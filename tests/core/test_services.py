"""Services: stale edits conflict, dates move only with reasons, evidence is copied and hashed, updates are dated."""
from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest
from sqlalchemy import func, select

from ol_desk.core.errors import ConflictError, PermissionDenied, ValidationError
from ol_desk.core.model import Action, AuditEvent, DateChange, Evidence, LearningEntry, Recommendation, SourceDocument
from ol_desk.core.model.enums import Entity, Role, TriageOutcome
from ol_desk.core.services import Actor, actions, documents, learning, recommendations, records, reference

from .factories import assigned_recommendation, hub_id, make_action, make_document, make_recommendation


def test_an_edit_against_a_stale_copy_is_refused_and_nothing_is_overwritten(db, cpic, hub_officer):
    with db.transaction() as s:
        rec = assigned_recommendation(s, cpic, "NW")  # the hub officer's hub: they may edit it
    with db.reading() as s:
        opened_version = s.get(Recommendation, rec).version
    with db.transaction() as s:  # somebody else saves first
        recommendations.update_recommendation(s, hub_officer, rec, expected_version=opened_version,
                                              title="Rousing checks (their edit)")
    with pytest.raises(ConflictError, match="changed by someone else") as info:
        with db.transaction() as s:
            recommendations.update_recommendation(s, cpic, rec, expected_version=opened_version,
                                                  title="Rousing checks (my edit)")
    assert info.value.current_version == opened_version + 1
    with db.reading() as s:
        assert s.get(Recommendation, rec).title == "Rousing checks (their edit)"


def test_an_edit_records_old_and_new_values(db, cpic):
    with db.transaction() as s:
        rec = make_recommendation(s, cpic, make_document(s, cpic), title="Old title")
        recommendations.update_recommendation(s, cpic, rec, title="New title")
    with db.reading() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.entity == "recommendation")
                       .order_by(AuditEvent.id.desc())).first()
    assert ev.verb == "update" and json.loads(ev.detail)["fields"]["title"] == ["Old title", "New title"]


def test_an_unchanged_save_writes_nothing(db, cpic):
    with db.transaction() as s:
        rec = make_recommendation(s, cpic, make_document(s, cpic), title="Same")
    with db.reading() as s:
        n = s.scalar(select(func.count()).select_from(AuditEvent))
    with db.transaction() as s:
        assert not recommendations.update_recommendation(s, cpic, rec, title="Same")
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(AuditEvent)) == n


def test_statutory_clock_and_extensions_keep_history(db, cpic):
    with db.transaction() as s:
        doc = make_document(s, cpic, kind="pfd", date_issued=dt.date(2025, 3, 1))
        d = s.get(SourceDocument, doc)
        assert d.original_response_due == d.response_due == dt.date(2025, 4, 26)  # 56 days
        with pytest.raises(ValidationError, match="needs a reason"):
            documents.extend_response_due(s, cpic, doc, dt.date(2025, 5, 26), "")
        documents.extend_response_due(s, cpic, doc, dt.date(2025, 5, 26), "Coroner agreed a 30-day extension")
        with pytest.raises(ValidationError, match="only through an extension"):
            documents.update_document(s, cpic, doc, response_due=dt.date(2025, 9, 1))
        assert (d.original_response_due, d.response_due) == (dt.date(2025, 4, 26), dt.date(2025, 5, 26))
        changes = s.scalars(select(DateChange).where(DateChange.document_id == doc)).all()
        assert [(c.old_date, c.new_date, c.reason) for c in changes] == [
            (dt.date(2025, 4, 26), dt.date(2025, 5, 26), "Coroner agreed a 30-day extension")]
        inquiry = make_document(s, cpic, kind="public_inquiry", reference="Casey")
        assert s.get(SourceDocument, inquiry).response_due is None  # no statutory clock


def test_target_date_slippage_is_counted(db, cpic):
    with db.transaction() as s:
        rec = make_recommendation(s, cpic, make_document(s, cpic))
        recommendations.set_target_date(s, cpic, rec, dt.date(2025, 3, 31))  # first date: no reason needed
        recommendations.set_target_date(s, cpic, rec, dt.date(2025, 6, 30), "Training slots")
        recommendations.set_target_date(s, cpic, rec, dt.date(2025, 9, 30), "Supplier delay")
        r = s.get(Recommendation, rec)
        assert (r.original_target_date, r.current_target_date) == (dt.date(2025, 3, 31), dt.date(2025, 9, 30))
        reasons = s.scalars(select(DateChange.reason).where(DateChange.recommendation_id == rec)
                            .order_by(DateChange.id)).all()
        assert reasons == ["first date set", "Training slots", "Supplier delay"]


def test_hubs_need_a_lead_among_them(db, cpic):
    with db.transaction() as s:
        rec = make_recommendation(s, cpic, make_document(s, cpic))
        with pytest.raises(ValidationError, match="lead hub"):
            recommendations.set_hubs(s, cpic, rec, [hub_id(s, "NW")], hub_id(s, "MD"))
        recommendations.set_hubs(s, cpic, rec, [hub_id(s, "NW"), hub_id(s, "MD")], hub_id(s, "MD"))
        r = s.get(Recommendation, rec)
        assert r.lead_hub.code == "MD" and [h.code for h in r.hubs] == ["MD", "NW"]


def test_one_action_answers_several_recommendations(db, cpic):
    with db.transaction() as s:
        doc = make_document(s, cpic)
        r1, r2 = make_recommendation(s, cpic, doc), make_recommendation(s, cpic, doc)
        act = make_action(s, cpic, [r1, r2])
        assert {r.id for r in s.get(Recommendation, r1).actions} == {act}
        assert s.get(Recommendation, r1).position == 1 and s.get(Recommendation, r2).position == 2
        actions.set_recommendations(s, cpic, act, [r2])
        s.expire_all()
        assert s.get(Recommendation, r1).actions == []


def test_progress_updates_are_dated_and_move_last_update(db, hub_officer, cpic):
    with db.transaction() as s:
        rec = assigned_recommendation(s, cpic, "NW")
        records.add_update(s, hub_officer, recommendation_id=rec, text="Working group met",
                           written_on=dt.date(2025, 4, 1))
        records.add_update(s, hub_officer, recommendation_id=rec, text="Earlier note", written_on=dt.date(2025, 3, 1))
        assert s.get(Recommendation, rec).last_update_on == dt.date(2025, 4, 1)
        with pytest.raises(ValidationError, match="needs some text"):
            records.add_update(s, hub_officer, recommendation_id=rec, text="  ")


def test_evidence_file_is_copied_into_the_store_with_its_hash(db, cpic, tmp_path):
    source = tmp_path / "briefing note.pdf"
    source.write_bytes(b"%PDF-1.4 briefing delivered to custody sergeants")
    with db.transaction() as s:
        act = make_action(s, cpic, [assigned_recommendation(s, cpic)])
        records.add_evidence_file(s, cpic, db.evidence_dir, source, action_id=act, description="Briefing")
        actions.run_command(s, cpic, act, "complete")  # evidence satisfies "evidence or a note"
    source.unlink()
    with db.reading() as s:
        ev = s.scalar(select(Evidence))
        stored = records.evidence_path(db.evidence_dir, ev)
    assert ev.sha256 == hashlib.sha256(stored.read_bytes()).hexdigest()
    assert stored.name == "briefing note.pdf" and db.evidence_dir in stored.parents
    stored.write_bytes(b"tampered")
    with db.reading() as s, pytest.raises(ValidationError, match="no longer matches"):
        records.evidence_path(db.evidence_dir, s.scalar(select(Evidence)))


def test_roles_limit_who_changes_what(db, cpic):
    viewer = Actor("Reader", Role.VIEWER)
    gold = Actor("Gold", Role.GOLD_LEAD)
    with db.transaction() as s:
        doc = make_document(s, cpic)
        with pytest.raises(PermissionDenied, match="Viewer"):
            documents.update_document(s, viewer, doc, title="x")
        with pytest.raises(PermissionDenied):
            reference.create_hub(s, gold, code="X", name="X hub", kind="ocu")
        learning.capture_learning(s, gold, operation="Op Kestrel", learning="Cordon log not kept")


def test_reference_data_stays_unique(db, cpic):
    with db.transaction() as s:
        with pytest.raises(ValidationError, match="already a hub"):
            reference.create_hub(s, cpic, code="nw", name="Another", kind="bcu")
        changes = reference.create_hub(s, cpic, code="CT", name="Counter Terrorism", kind="ocu")
        assert Entity.HUB in changes.created


def test_gold_group_learning_triage_keeps_the_link_both_ways(db, cpic):
    gold = Actor("Ch Supt Gold", Role.GOLD_LEAD)
    with db.transaction() as s:
        entry = next(iter(learning.capture_learning(s, gold, operation="Op Harbour", incident_date=dt.date(2025, 2, 2),
                                                    learning="Family liaison officer deployed late",
                                                    suggested_hub_id=hub_id(s, "NE")).created[Entity.LEARNING]))
        with pytest.raises(PermissionDenied):
            learning.triage_convert(s, gold, entry)
        changes = learning.triage_convert(s, cpic, entry, target_date=dt.date(2025, 9, 1))
        rec_id = next(iter(changes.created[Entity.RECOMMENDATION]))
        e = s.get(LearningEntry, entry)
        assert e.triage_outcome == TriageOutcome.CONVERTED and e.recommendation_id == rec_id
        assert [x.id for x in learning.learning_for(s, rec_id)] == [entry]
        assert s.get(Recommendation, rec_id).lead_hub.code == "NE"
        assert s.get(Recommendation, rec_id).document.kind.value == "gold_group"
        from ol_desk.core.errors import TransitionError
        with pytest.raises(TransitionError, match="already triaged"):
            learning.triage_no_action(s, cpic, entry, "dup")


def test_a_hub_officer_works_only_their_own_hubs_items(db, cpic, hub_officer):
    with db.transaction() as s:
        theirs = assigned_recommendation(s, cpic, "NW", reference="1")
        other = assigned_recommendation(s, cpic, "SE", reference="2")
    with pytest.raises(PermissionDenied, match="not NW's.*Ask CPIC to assign it to NW"):
        with db.transaction() as s:
            recommendations.update_recommendation(s, hub_officer, other, title="Not mine")
    with pytest.raises(PermissionDenied, match="That recommendation is not NW's"):
        with db.transaction() as s:
            records.add_update(s, hub_officer, recommendation_id=other, text="Not mine either")
    with db.transaction() as s:
        recommendations.update_recommendation(s, hub_officer, theirs, title="Mine")
        action = make_action(s, hub_officer, [theirs])  # a hub officer's new action is their hub's
        assert s.get(Action, action).hub.code == "NW"
