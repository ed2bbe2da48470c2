"""history.undo and history.redo: redo reverses what an undo wrote (fields, links with the lead hub, a moved date's
history row, a creation: the same row comes back), and it refuses when a later change touched the same row."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from ol_desk.core.errors import ConflictError
from ol_desk.core.model import AuditEvent, DateChange, Recommendation
from ol_desk.core.services import recommendations
from ol_desk.core.services.history import redo, undo
from tests.core.factories import hub_id, make_document, make_recommendation


def _step(db, fn, *args, **kw):
    """Run one write in its own transaction and return the audit events it appended."""
    with db.transaction() as s:
        before = s.scalar(select(func.max(AuditEvent.id))) or 0
        fn(s, *args, **kw)
        after = s.scalar(select(func.max(AuditEvent.id))) or 0
    return list(range(before + 1, after + 1))


def test_undo_then_redo_then_undo_again_of_an_edit_and_hubs(db, cpic):
    with db.transaction() as s:
        rec = make_recommendation(s, cpic, make_document(s, cpic), title="Old title")
        md, cn = hub_id(s, "MD"), hub_id(s, "CN")
    edit = _step(db, recommendations.update_recommendation, cpic, rec, title="New title")
    hubs = _step(db, recommendations.set_hubs, cpic, rec, [md, cn], cn)
    undo_hubs = _step(db, undo, cpic, hubs)
    undo_edit = _step(db, undo, cpic, edit)
    with db.reading() as s:
        row = s.get(Recommendation, rec)
        assert row.title == "Old title" and row.hub_links == []
    redo_edit = _step(db, redo, cpic, undo_edit)  # last undone, first redone
    redo_hubs = _step(db, redo, cpic, undo_hubs)
    with db.reading() as s:
        row = s.get(Recommendation, rec)
        assert row.title == "New title" and {h.code for h in row.hubs} == {"MD", "CN"}
        assert row.lead_hub.code == "CN"
    with pytest.raises(ConflictError):  # out of order: the hubs changed after the edit was redone
        _step(db, undo, cpic, redo_edit)
    _step(db, undo, cpic, redo_hubs)
    _step(db, undo, cpic, redo_edit)
    with db.reading() as s:
        row = s.get(Recommendation, rec)
        assert row.title == "Old title" and row.hub_links == []


def test_redo_of_a_moved_date_brings_its_history_row_back(db, cpic):
    with db.transaction() as s:
        rec = make_recommendation(s, cpic, make_document(s, cpic), target_date=dt.date(2025, 6, 30))
    move = _step(db, recommendations.set_target_date, cpic, rec, dt.date(2025, 9, 30), "Board agreed")
    undone = _step(db, undo, cpic, move)
    with db.reading() as s:
        assert s.get(Recommendation, rec).current_target_date == dt.date(2025, 6, 30)
        assert s.scalar(select(func.count()).select_from(DateChange)) == 0
    _step(db, redo, cpic, undone)
    with db.reading() as s:
        assert s.get(Recommendation, rec).current_target_date == dt.date(2025, 9, 30)
        change = s.scalars(select(DateChange)).one()
        assert change.reason == "Board agreed" and change.old_date == dt.date(2025, 6, 30)


def test_redo_of_a_creation_brings_back_the_same_row(db, cpic):
    with db.transaction() as s:
        doc = make_document(s, cpic)
    create = _step(db, recommendations.create_recommendation, cpic, document_id=doc, text="Text", reference="9")
    with db.reading() as s:
        rec = s.scalar(select(Recommendation.id).where(Recommendation.reference == "9"))
    undone = _step(db, undo, cpic, create)
    with db.reading() as s:
        assert s.get(Recommendation, rec) is None
    _step(db, redo, cpic, undone)
    with db.reading() as s:
        assert s.get(Recommendation, rec).text == "Text"


def test_redo_refuses_when_a_later_change_touched_the_row(db, cpic):
    with db.transaction() as s:
        rec = make_recommendation(s, cpic, make_document(s, cpic), title="A")
    undone = _step(db, undo, cpic, _step(db, recommendations.update_recommendation, cpic, rec, title="B"))
    _step(db, recommendations.update_recommendation, cpic, rec, notes="someone else's note")
    with pytest.raises(ConflictError, match="changed afterwards"):
        _step(db, redo, cpic, undone)
    with db.reading() as s:
        row = s.get(Recommendation, rec)
        assert row.title == "A" and row.notes == "someone else's note"
