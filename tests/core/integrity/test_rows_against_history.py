"""`check` replays the audit log row by row: a history made through the services passes (undo and redo included),
and each edit made straight at a table (every audited table, every link table, a deleted row, an orphan event) fails
with a line naming the row or the event."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text

from ol_desk.core.demo import generate_demo
from ol_desk.core.integrity.check import run_check
from ol_desk.core.integrity.replay import CAP, replay
from ol_desk.core.model import AuditEvent
from ol_desk.core.model.enums import Entity
from ol_desk.core.services import actions, history, learning, recommendations, records, reference, related

from ..factories import assigned_recommendation, hub_id, make_action, make_recommendation, theme_id
from .tamper import tampering


@pytest.fixture
def history_db(db, cpic):
    """One of everything the services record, with an undone and a redone change."""
    with db.transaction() as s:
        rec = assigned_recommendation(s, cpic, "MD")
        doc = s.execute(text("SELECT document_id FROM recommendations WHERE id = :r"), {"r": rec}).scalar()
        other = make_recommendation(s, cpic, doc, reference="2")
        recommendations.set_themes(s, cpic, rec, [theme_id(s, "custody")])
        recommendations.set_hubs(s, cpic, rec, [hub_id(s, "MD"), hub_id(s, "NW")], hub_id(s, "NW"))
        recommendations.set_target_date(s, cpic, rec, dt.date(2025, 9, 1))
        recommendations.set_target_date(s, cpic, rec, dt.date(2025, 12, 1), "agreed by the Board")
        act = make_action(s, cpic, [rec], due_date=dt.date(2025, 8, 1))
        actions.set_due_date(s, cpic, act, dt.date(2025, 10, 1), "waiting for the new policy")
        actions.set_recommendations(s, cpic, act, [rec, other])
        records.add_update(s, cpic, text="Briefings booked.", action_id=act, written_on=dt.date(2025, 5, 1))
        records.add_evidence_link(s, cpic, "https://intranet/briefing", description="slides", action_id=act)
        reference.create_person(s, cpic, name="Alex Example", hub_id=hub_id(s, "MD"))
        reference.create_hub(s, cpic, code="XX", name="Example hub", kind="ocu")
        related.link_related(s, cpic, other, rec)
        entry = learning.capture_learning(s, cpic, operation="Op Example", learning="Cells were not checked.")
        learning.triage_convert(s, cpic, next(iter(entry.created[Entity.LEARNING])))
        moved = recommendations.set_target_date(s, cpic, other, dt.date(2025, 7, 1))
    with db.transaction() as s:
        last = s.scalars(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1)).one()
        undo = history.undo(s, cpic, [last])
    with db.transaction() as s:
        undo_events = s.scalars(select(AuditEvent.id).where(AuditEvent.verb == "undo")).all()
        history.redo(s, cpic, undo_events)
    assert moved
    assert undo
    return db


def problems(db) -> list[str]:
    with db.reading() as s:
        return replay(s).problems


def test_a_history_made_through_the_services_passes(history_db):
    assert problems(history_db) == []
    report = run_check(history_db)
    assert report.ok, report.problems
    assert any(p.startswith("rows against their history") for p in report.passed)


TAMPERS = [
    ("UPDATE documents SET title = 'x' WHERE id = 1", "document 1 field title: the log says"),
    ("UPDATE recommendations SET status = 'closed' WHERE id = 1",
     "recommendation 1 field status: the log says 'new', the row holds 'closed'"),
    ("UPDATE actions SET current_due_date = '2030-01-01' WHERE id = 1", "action 1 field current_due_date"),
    ("UPDATE progress_updates SET text = 'x' WHERE id = 1", "progress update 1 field text"),
    ("UPDATE evidence SET url = 'https://elsewhere' WHERE id = 1", "evidence 1 field url"),
    ("UPDATE hubs SET name = 'Renamed' WHERE code = 'MD'", "field name: the log says"),
    ("UPDATE themes SET words = 'x' WHERE code = 'custody'", "field words"),
    ("UPDATE people SET role = 'cpic' WHERE name = 'Alex Example'", "field role: the log says 'hub_officer'"),
    ("UPDATE learning_entries SET triage_outcome = 'no_action'", "learning entry 1 field triage_outcome"),
    ("UPDATE date_changes SET reason = 'x' WHERE reason = 'agreed by the Board'", "field reason: the log says "
                                                                                 "'agreed by the Board'"),
    ("UPDATE recommendation_hubs SET is_lead = NOT is_lead WHERE recommendation_id = 1", "recommendation 1 lead hub"),
    ("DELETE FROM recommendation_themes WHERE recommendation_id = 1", "recommendation 1 themes: the log says"),
    ("DELETE FROM action_recommendations WHERE action_id = 1 AND recommendation_id = 2", "action 1 recommendations"),
    ("DELETE FROM related_links", "are related in the log"),
    ("INSERT INTO related_links (recommendation_id, related_id, linked_by, created_at) "
     "VALUES (2, 3, 'x', '2025-01-01')", "recommendations 2 and 3 are linked as related, but no event links them"),
    ("DELETE FROM progress_updates WHERE id = 1", "is for progress update 1, which is gone (and no deletion event)"),
    ("DELETE FROM date_changes WHERE reason = 'agreed by the Board'", "which is gone (and no event removed it)"),
    ("INSERT INTO progress_updates (id, action_id, written_on, author, text, created_at) "
     "VALUES (99, 1, '2025-01-01', 'x', 'made up', '2025-01-01')", "progress update 99: no creating event"),
    ("UPDATE audit_events SET entity_id = 77 WHERE entity = 'evidence'",
     "is for evidence 77, which is gone (and no deletion event)"),
]


@pytest.mark.parametrize(("sql", "says"), TAMPERS, ids=[t[0].split(" WHERE")[0][:48] for t in TAMPERS])
def test_an_edit_behind_the_log_fails_check_naming_the_row(history_db, sql, says):
    with tampering(history_db) as conn:
        conn.execute(text(sql.replace("NOT is_lead", "NOT is_lead" if history_db.is_server else "1 - is_lead")))
    found = problems(history_db)
    assert any(says in line for line in found), found
    report = run_check(history_db)
    assert not report.ok
    quick = run_check(history_db, quick=True)  # the chain only: it cannot see a table edited behind it
    assert quick.ok == ("audit_events" not in sql), quick.problems


def test_a_mass_tamper_lists_the_first_lines_and_counts_the_rest(history_db, cpic):
    with history_db.transaction() as s:
        doc = s.execute(text("SELECT id FROM documents LIMIT 1")).scalar()
        for i in range(CAP + 10):
            make_recommendation(s, cpic, doc, reference=f"M{i}")
    with tampering(history_db) as conn:
        conn.execute(text("UPDATE recommendations SET notes = 'edited'"))
    report = run_check(history_db)
    assert len(report.problems) == CAP + 1
    assert report.problems[-1].startswith("…and ")


@pytest.mark.parametrize("size", [1, 200, 2000])
def test_an_untouched_demo_register_passes_and_a_seeded_row_edited_behind_it_fails(db, size):
    if db.is_server and size > 200:
        pytest.skip("the big sizes are the benchmark's (python -m benchmarks integrity)")
    generate_demo(db, size, seed=3, on=dt.date(2026, 11, 23))
    report = run_check(db)
    assert report.ok, report.problems
    assert report.rows > size
    with tampering(db) as conn:
        conn.execute(text("UPDATE recommendations SET notes = 'edited' WHERE id = (SELECT max(id) FROM "
                          "recommendations)"))
        conn.execute(text("DELETE FROM recommendation_hubs WHERE recommendation_id = "
                          "(SELECT max(recommendation_id) FROM recommendation_hubs)"))
    found = " ".join(run_check(db).problems)
    assert "field notes: the log says nothing, the row holds 'edited'" in found, found
    assert " hubs: the log says" in found, found


def test_a_demo_added_beside_a_register_with_force_passes(db, cpic):
    with db.transaction() as s:
        assigned_recommendation(s, cpic, "MD")
    generate_demo(db, 30, seed=4, on=dt.date(2026, 11, 23), force=True)
    assert run_check(db).ok
