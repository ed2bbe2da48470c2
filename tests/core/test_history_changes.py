"""The Changes an undo reports cover what the original change reported, for every entity kind (a view refreshed by
the change is refreshed by its undo), and a refused undo leaves the database exactly as it was."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from ol_desk.core import audit
from ol_desk.core.errors import ConflictError
from ol_desk.core.model import AuditEvent, Theme
from ol_desk.core.model.enums import Entity
from ol_desk.core.services import actions, documents, learning, recommendations, records, reference, related
from ol_desk.core.services.history import undo
from tests.core.factories import hub_id, make_action, make_document, make_recommendation
from tests.core.test_history_stateful import snapshot


def _with_events(db, fn, *args, **kw):
    with db.transaction() as s:
        before = s.scalar(select(func.max(AuditEvent.id))) or 0
        changes = fn(s, *args, **kw)
        after = s.scalar(select(func.max(AuditEvent.id))) or 0
    return changes, list(range(before + 1, after + 1))


def _operations(s, cpic):
    """(what, fn, args, kwargs) covering each entity kind, links and owned rows."""
    doc = make_document(s, cpic)
    rec = make_recommendation(s, cpic, doc)
    other = make_recommendation(s, cpic, doc, reference="2")
    act = make_action(s, cpic, [rec])
    entry = next(iter(learning.capture_learning(s, cpic, operation="Op Sentinel",
                                                learning="Radios failed").created[Entity.LEARNING]))
    md = hub_id(s, "MD")
    return [
        ("create document", documents.create_document, (cpic,), dict(kind="other", title="New")),
        ("update document", documents.update_document, (cpic, doc), dict(title="Renamed")),
        ("create recommendation", recommendations.create_recommendation, (cpic,), dict(document_id=doc, text="T")),
        ("update recommendation", recommendations.update_recommendation, (cpic, rec), dict(title="New title")),
        ("set hubs", recommendations.set_hubs, (cpic, rec, [md], md), {}),
        ("set themes", recommendations.set_themes, (cpic, rec, [s.scalar(select(Theme.id).limit(1))]), {}),
        ("move a date", recommendations.set_target_date, (cpic, rec, dt.date(2026, 1, 31)), {}),
        ("relate", related.link_related, (cpic, rec, other), {}),
        ("create action", actions.create_action, (cpic,), dict(title="Work", recommendation_ids=[rec, other])),
        ("update action", actions.update_action, (cpic, act), dict(title="More work")),
        ("relink action", actions.set_recommendations, (cpic, act, [other]), {}),
        ("start action", actions.run_command, (cpic, act, "start"), {}),
        ("progress update", records.add_update, (cpic,), dict(text="Going well", recommendation_id=rec)),
        ("evidence", records.add_evidence_link, (cpic, "https://example.org/e"), dict(action_id=act)),
        ("create hub", reference.create_hub, (cpic,), dict(code="ZZ", name="Zed", kind="bcu")),
        ("create theme", reference.create_theme, (cpic,), dict(code="ZT", name="Zed theme")),
        ("create person", reference.create_person, (cpic,), dict(name="Pat Doe")),
        ("capture learning", learning.capture_learning, (cpic,), dict(operation="Op X", learning="Y")),
        ("merge learning", learning.triage_merge, (cpic, entry, rec), {}),
    ]


def test_an_undo_reports_at_least_what_the_change_reported(db, cpic):
    with db.transaction() as s:
        count = len(_operations(s, cpic))
    for n in range(count):
        with db.transaction() as s:
            what, fn, args, kw = _operations(s, cpic)[n]
        original, events = _with_events(db, fn, *args, **kw)
        assert original and events, what
        undone, _ = _with_events(db, undo, cpic, events)
        for kind in original.kinds:
            missing = original.ids(kind) - undone.ids(kind)
            assert not missing, f"undo of {what} did not report {kind.value} {sorted(missing)}"
        for how, back in (("created", "deleted"), ("deleted", "created")):
            for kind, ids in getattr(original, how).items():
                assert ids <= getattr(undone, back).get(kind, frozenset()), what


def test_a_refused_undo_leaves_the_database_as_it_was(db, cpic):
    """The undo reverts an action's title, then finds the recommendation it must link back to gone: the whole
    reversal is refused, the title is not reverted, and the audit chain has no event of it."""
    with db.transaction() as s:
        doc = make_document(s, cpic)
        act = make_action(s, cpic, [])
    with db.transaction() as s:
        rec = make_recommendation(s, cpic, doc, reference="9")
    with db.reading() as s:
        create_rec = [s.scalar(select(func.max(AuditEvent.id)))]
    _, link = _with_events(db, actions.set_recommendations, cpic, act, [rec])
    _, unlink = _with_events(db, actions.set_recommendations, cpic, act, [])
    _, rename = _with_events(db, actions.update_action, cpic, act, title="Renamed")
    _with_events(db, undo, cpic, create_rec)               # the recommendation goes (nothing links to it now)
    before = snapshot(db)
    with db.transaction() as s:
        with pytest.raises(ConflictError, match="no longer exists"):
            undo(s, cpic, rename + unlink)
    assert snapshot(db) == before
    with db.transaction() as s:   # refused again, then a write in the same transaction chains onto the real tail
        with pytest.raises(ConflictError):
            undo(s, cpic, rename + unlink)
        actions.update_action(s, cpic, act, notes="after the refusal")
    with db.reading() as s:
        assert audit.verify(s).ok
    assert link
