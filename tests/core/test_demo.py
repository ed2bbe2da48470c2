"""The demo register: deterministic, complete (every kind, hub, theme and status), consistent, and safe to run."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text

from ol_desk.core import audit
from ol_desk.core.demo import generate_demo
from ol_desk.core.errors import ValidationError
from ol_desk.core.model import AuditEvent, Hub, ImportBatch, OutboxEntry, Recommendation, Theme
from ol_desk.core.model.enums import ActionStatus, FindingType, RecStatus, ResponsePosition, SourceKind, TriageOutcome
from ol_desk.core.queries.stats import compute
from ol_desk.core.store import open_database

ON = dt.date(2026, 11, 23)
N = 200
CONTENT_TABLES = ("people", "documents", "recommendations", "recommendation_hubs", "recommendation_themes",
                  "actions", "action_recommendations", "progress_updates", "evidence", "date_changes",
                  "learning_entries")


def dump(db) -> dict[str, list[tuple]]:
    with db.reading() as s:
        return {t: s.execute(text(f"SELECT * FROM {t} ORDER BY 1, 2")).all() for t in CONTENT_TABLES}


def column_values(db, sql: str) -> set:
    with db.reading() as s:
        return {row[0] for row in s.execute(text(sql))}


def foreign_key_problems(s) -> list:
    """SQLite checks foreign keys only when asked; PostgreSQL checks each row as it is written, unless a
    constraint was left unvalidated (NOT VALID), which is what it reports here."""
    if s.get_bind().dialect.name == "sqlite":
        return s.execute(text("PRAGMA foreign_key_check")).all()
    return s.execute(text("SELECT conname FROM pg_constraint WHERE contype = 'f' AND NOT convalidated")).all()


def indexes(s) -> list[tuple]:
    """Every index: its name, table and the SQL that makes it."""
    if s.get_bind().dialect.name == "sqlite":
        return s.execute(text("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' "
                              "ORDER BY name")).all()
    return s.execute(text("SELECT indexname, tablename, indexdef FROM pg_indexes "
                          "WHERE schemaname = current_schema() ORDER BY indexname")).all()


def row_counts(db) -> dict[str, int]:
    with db.reading() as s:
        tables = CONTENT_TABLES + ("audit_events", "search_outbox", "import_batches")
        return {t: s.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in tables}


@pytest.fixture
def demo_db(db):
    generate_demo(db, N, seed=7, on=ON)
    return db


def test_same_seed_and_day_give_the_same_register_and_another_seed_does_not(tmp_path):
    first, second, other = (open_database(tmp_path / f"{name}.sqlite3") for name in ("a", "b", "c"))
    try:
        generate_demo(first, N, seed=3, on=ON)
        generate_demo(second, N, seed=3, on=ON)
        generate_demo(other, N, seed=4, on=ON)
        assert dump(first) == dump(second)
        assert dump(first)["recommendations"] != dump(other)["recommendations"]
    finally:
        for d in (first, second, other):
            d.dispose()


def test_every_source_kind_hub_theme_and_status_is_present(demo_db):
    db = demo_db
    assert column_values(db, "SELECT kind FROM documents") == {k.value for k in SourceKind}
    assert column_values(db, "SELECT status FROM recommendations") == {s.value for s in RecStatus}
    assert column_values(db, "SELECT finding_type FROM recommendations") == {f.value for f in FindingType}
    assert column_values(db, "SELECT response_position FROM recommendations") == {p.value for p in ResponsePosition}
    assert column_values(db, "SELECT status FROM actions") == {s.value for s in ActionStatus}
    assert column_values(db, "SELECT triage_outcome FROM learning_entries") == {t.value for t in TriageOutcome}
    with db.reading() as s:
        hubs = set(s.scalars(select(Hub.id)))
        themes = set(s.scalars(select(Theme.id)))
    assert column_values(db, "SELECT hub_id FROM recommendation_hubs") == hubs
    assert column_values(db, "SELECT theme_id FROM recommendation_themes") == themes
    # A PFD report's matters of concern share the report's reference and are told apart by position.
    shared = column_values(db, "SELECT max(r.position) FROM recommendations r JOIN documents d "
                               "ON d.id = r.document_id WHERE d.kind = 'pfd' GROUP BY d.id")
    assert max(shared) > 1
    refs = column_values(db, "SELECT reference FROM documents WHERE kind IN ('pfd', 'iopc', 'gold_group')")
    assert any(len(r) == 9 and r[4] == "-" for r in refs)          # 2025-0241
    assert any("/" in r and len(r.split("/")[1]) == 6 for r in refs)  # 2021/153511
    assert any(r.startswith("Op ") for r in refs)


def test_rows_are_linked_and_consistent(demo_db):
    db = demo_db
    with db.reading() as s:
        assert foreign_key_problems(s) == []

        def count(sql: str) -> int:
            return s.execute(text(sql)).scalar()

        # 2–6 actions per recommendation that is being worked; some actions answer two recommendations.
        per_rec = s.execute(text("SELECT min(c), max(c) FROM (SELECT count(*) c FROM action_recommendations "
                                 "GROUP BY recommendation_id) per")).one()
        assert per_rec == (2, 6)
        assert count("SELECT count(*) FROM (SELECT action_id FROM action_recommendations GROUP BY action_id "
                     "HAVING count(*) > 1) shared") > 0
        # Finished recommendations have only complete or cancelled actions.
        assert count("SELECT count(*) FROM recommendations r JOIN action_recommendations ar "
                     "ON ar.recommendation_id = r.id JOIN actions a ON a.id = ar.action_id "
                     "WHERE r.status IN ('delivered', 'evidence_accepted', 'closed', 'superseded') "
                     "AND a.status IN ('open', 'in_progress')") == 0
        # What each status needs is there.
        assert count("SELECT count(*) FROM recommendations WHERE status = 'closed' "
                     "AND (board_decision_on IS NULL OR board_minute_ref = '' OR closed_on IS NULL)") == 0
        assert count("SELECT count(*) FROM recommendations WHERE status = 'not_accepted' "
                     "AND (response_position != 'not_accepted' OR response_rationale = '')") == 0
        assert count("SELECT count(*) FROM recommendations WHERE status = 'superseded' "
                     "AND (superseded_by_id IS NULL OR superseded_by_id <= id)") == 0
        assert count("SELECT count(*) FROM actions WHERE status = 'complete' AND completion_note = ''") == 0
        assert count("SELECT count(*) FROM actions WHERE status = 'cancelled' AND cancel_reason = ''") == 0
        assert count("SELECT count(*) FROM actions WHERE embedded AND embedded_on < completed_on") == 0
        assert count("SELECT count(*) FROM recommendation_hubs WHERE is_lead") == \
            count("SELECT count(DISTINCT recommendation_id) FROM recommendation_hubs")
        # last_update_on is the date of the latest progress update, and nothing is dated after the anchor day.
        for table, column in (("recommendations", "recommendation_id"), ("actions", "action_id")):
            assert count(f"SELECT count(*) FROM {table} t WHERE t.last_update_on IS DISTINCT FROM "
                         f"(SELECT max(written_on) FROM progress_updates p WHERE p.{column} = t.id)") == 0
        assert str(count("SELECT max(written_on) FROM progress_updates")) <= ON.isoformat()  # a str on SQLite
        assert str(count("SELECT max(completed_on) FROM actions")) <= ON.isoformat()
        # Slipped items carry the history of their moves.
        assert count("SELECT count(*) FROM recommendations r WHERE current_target_date > original_target_date "
                     "AND NOT EXISTS (SELECT 1 FROM date_changes d WHERE d.recommendation_id = r.id)") == 0
        assert count("SELECT count(*) FROM date_changes WHERE document_id IS NOT NULL") > 0
        assert count("SELECT count(*) FROM evidence WHERE action_id IS NOT NULL") > 0
        assert count("SELECT count(*) FROM documents WHERE response_sent_on IS NOT NULL") > 0


def test_stats_show_a_register_that_needs_attention(demo_db):
    with demo_db.reading() as s:
        stats = compute(s, ON)
    assert stats.recommendations == N
    assert 2 * N <= stats.actions <= 6 * N
    assert stats.overdue > 0 and stats.due_within_30_days > 0 and stats.slipped > 0 and stats.stale > 0
    assert stats.by_status["closed"] > 0 and stats.by_status["not_accepted"] > 0
    assert stats.actions_overdue > 0 and stats.learning_awaiting_triage > 0
    assert stats.awaiting_cpic > 0 and stats.awaiting_board > 0


def test_run_is_one_import_batch_with_an_event_per_row_and_a_search_rebuild(demo_db):
    with demo_db.reading() as s:
        assert audit.verify(s).ok
        batch = s.scalars(select(ImportBatch)).one()
        assert batch.kind == "demo"
        events = s.scalars(select(AuditEvent).where(AuditEvent.verb == "demo")).all()
        assert [e.batch_id for e in events] == [batch.id]
        assert '"recommendations":200' in events[0].detail.replace(" ", "")
        created = dict(s.execute(select(AuditEvent.entity, func.count()).where(
            AuditEvent.batch_id == batch.id, AuditEvent.verb == "create").group_by(AuditEvent.entity)).all())
        counts = row_counts(demo_db)
        assert created["recommendation"] == N and created["action"] == counts["actions"]
        assert created["update"] == counts["progress_updates"] and created["person"] == counts["people"]
        moves = s.scalar(select(func.count()).where(AuditEvent.verb == "move_date"))
        assert moves == counts["date_changes"]
        outbox = s.execute(select(OutboxEntry.entity, OutboxEntry.entity_id, OutboxEntry.op)
                           .order_by(OutboxEntry.seq.desc()).limit(1)).one()
        assert tuple(outbox) == ("*", 0, "rebuild")


def test_the_demo_event_names_the_id_range_of_every_table_it_wrote(demo_db):
    """The run's own event names the range of ids of each table whose ids it gave."""
    import json

    from ol_desk.core.model import Action, LearningEntry, Person, ProgressUpdate, SourceDocument
    with demo_db.reading() as s:
        detail = json.loads(s.scalars(select(AuditEvent.detail).where(AuditEvent.verb == "demo")).one())
        for model in (SourceDocument, Recommendation, Action, Person, ProgressUpdate, LearningEntry):
            low, high = detail["ids"][model.__tablename__]
            ids = s.execute(select(func.min(model.id), func.max(model.id), func.count(model.id))).one()
            assert (ids[0], ids[1]) == (low, high) and ids[2] == high - low + 1, model.__tablename__
        assert detail["counts"]["recommendations"] == N


def test_only_the_cpic_learning_team_may_add_a_demo_register(db, hub_officer):
    from ol_desk.core.errors import PermissionDenied
    before = row_counts(db)
    with pytest.raises(PermissionDenied, match="CPIC learning team can add a demo register"):
        generate_demo(db, 20, seed=3, on=ON, actor=hub_officer)
    assert row_counts(db) == before


def test_refuses_a_database_that_has_recommendations_and_changes_nothing(demo_db):
    before = row_counts(demo_db)
    with pytest.raises(ValidationError, match="already holds recommendations"):
        generate_demo(demo_db, 50, seed=7, on=ON)
    assert row_counts(demo_db) == before


def test_force_adds_a_second_register_with_fresh_ids(demo_db):
    generate_demo(demo_db, 50, seed=8, on=ON, force=True)
    with demo_db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Recommendation)) == N + 50
        assert foreign_key_problems(s) == []
        assert audit.verify(s).ok
        assert s.scalar(select(func.count()).select_from(ImportBatch)) == 2


def test_cli_demo_then_refusal_with_one_clear_line(tmp_path, capsys):
    from ol_desk.cli.main import main
    target = str(tmp_path / "cli.sqlite3")
    assert main(["--db", target, "demo", "--recommendations", "60", "--seed", "2", "--today", "2026-01-15"]) == 0
    out = capsys.readouterr().out
    assert "60 recommendations" in out and "anchored on 2026-01-15" in out
    assert main(["--db", target, "demo", "-n", "60"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "already holds recommendations" in err[0] and "--force" in err[0]


def test_bad_numbers_are_refused_before_anything_is_written(db):
    with pytest.raises(ValidationError, match="between 1 and"):
        generate_demo(db, 0)
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(ImportBatch)) == 0


def test_demo_items_can_be_worked_through_the_services(demo_db, cpic):
    from ol_desk.core.model import Action
    from ol_desk.core.services import actions, recommendations, records
    with demo_db.transaction() as s:
        rec = s.scalars(select(Recommendation).where(Recommendation.status == RecStatus.IN_PROGRESS)
                        .order_by(Recommendation.id).limit(1)).one()
        assert rec.created_at.tzinfo is not None and rec.lead_hub is not None and rec.actions
        open_actions = [a for a in rec.actions if a.status in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)]
        for action in open_actions:
            actions.run_command(s, cpic, action.id, "complete", note="Done in the demo.",
                                expected_version=action.version)
        records.add_update(s, cpic, text="All actions complete.", recommendation_id=rec.id, written_on=ON)
        recommendations.run_command(s, cpic, rec.id, "deliver")
        rec_id = rec.id
    with demo_db.reading() as s:
        assert s.get(Recommendation, rec_id).status is RecStatus.DELIVERED
        assert s.get(Recommendation, rec_id).last_update_on == ON
        assert s.scalar(select(func.count()).select_from(Action).where(Action.version > 1)) >= len(open_actions)
        assert audit.verify(s).ok


def test_indexes_are_the_same_after_a_demo_as_before(db):
    with db.reading() as s:
        before = indexes(s)
    generate_demo(db, 30, seed=1, on=ON)
    with db.reading() as s:
        assert indexes(s) == before and before


def test_a_failure_half_way_leaves_the_database_as_it_was(db, monkeypatch):
    from ol_desk.core.demo import register
    before_counts = row_counts(db)
    with db.reading() as s:
        before_indexes = indexes(s)
    real = register.RegisterBuilder.document
    calls = []

    def failing(self, *args):
        calls.append(1)
        if len(calls) == 20:
            self.sinks.flush()  # some rows are already written when it fails
            raise OSError("disk full")
        return real(self, *args)

    monkeypatch.setattr(register.RegisterBuilder, "document", failing)
    with pytest.raises(OSError):
        generate_demo(db, N, seed=1, on=ON)
    assert row_counts(db) == before_counts
    with db.reading() as s:
        assert indexes(s) == before_indexes


def test_rows_added_after_a_demo_get_ids_of_their_own(demo_db, cpic):
    """The demo writes its own ids; what the app adds next (on PostgreSQL: from the id sequences) comes after."""
    from ol_desk.core.model import Action, Person, SourceDocument
    from ol_desk.core.model.enums import Entity
    from ol_desk.core.services import reference
    from tests.core import factories as f
    with demo_db.reading() as s:
        highest = {m: s.scalar(select(func.max(m.id))) for m in (SourceDocument, Recommendation, Action, Person)}
    with demo_db.transaction() as s:
        doc = f.make_document(s, cpic, reference="AFTER-1")
        rec = f.make_recommendation(s, cpic, doc)
        action = f.make_action(s, cpic, [rec])
        person = f.new_id(reference.create_person(s, cpic, name="Added Later"), Entity.PERSON)
    assert doc > highest[SourceDocument] and rec > highest[Recommendation]
    assert action > highest[Action] and person > highest[Person]
