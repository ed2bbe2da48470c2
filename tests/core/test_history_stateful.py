"""Random operations through the services, then undo them all (newest first): every table is as at the start; redo
them all (oldest first): every table is as at the end. Audit events, the search outbox and bookkeeping columns
(created_at, updated_at, version) are left out of the comparison."""
from __future__ import annotations

import datetime as dt
import itertools
import os

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test
from sqlalchemy import func, select

from ol_desk.core import lifecycle
from ol_desk.core.errors import OlDeskError
from ol_desk.core.model import Action, AuditEvent, Base, Hub, Recommendation, Theme
from ol_desk.core.model.enums import Role
from ol_desk.core.services import Actor, actions, recommendations, records, related
from ol_desk.core.services.history import redo, undo
from tests.conftest import copy_as_new_database
from tests.core.factories import make_document

SKIP_TABLES = {"audit_events", "search_outbox"}
SKIP_COLUMNS = {"created_at", "updated_at", "version"}
CPIC = Actor("Learning Officer", Role.CPIC)
BOARD = Actor("Board Chair", Role.BOARD)


def snapshot(db) -> dict[str, list]:
    with db.reading() as s:
        out = {}
        for table in Base.metadata.sorted_tables:
            if table.name in SKIP_TABLES:
                continue
            cols = [c for c in table.c if c.name not in SKIP_COLUMNS]
            out[table.name] = sorted((tuple(r) for r in s.execute(select(*cols))), key=repr)
        return out


class History(RuleBasedStateMachine):
    def __init__(self, make_db):
        super().__init__()
        self.db = make_db()
        self.ops: list[list[int]] = []

    def _run(self, fn, *args, actor=CPIC, **kw) -> None:
        """One operation in its own transaction; a refusal writes nothing and is not recorded."""
        try:
            with self.db.transaction() as s:
                before = s.scalar(select(func.max(AuditEvent.id))) or 0
                fn(s, actor, *args, **kw)
                after = s.scalar(select(func.max(AuditEvent.id))) or 0
        except OlDeskError:
            return
        if after > before:
            self.ops.append(list(range(before + 1, after + 1)))

    def _ids(self, model) -> list[int]:
        with self.db.reading() as s:
            return list(s.scalars(select(model.id).order_by(model.id)))

    @initialize()
    def start(self):
        with self.db.transaction() as s:
            self.doc = make_document(s, CPIC)
            self.hubs = list(s.scalars(select(Hub.id).order_by(Hub.id).limit(3)))
            self.themes = list(s.scalars(select(Theme.id).order_by(Theme.id).limit(3)))
        self.start_state = snapshot(self.db)

    @rule(text=st.sampled_from(["Review the policy", "Train staff", "Audit the logs"]),
          due=st.one_of(st.none(), st.dates(dt.date(2025, 1, 1), dt.date(2026, 12, 31))))
    def create_recommendation(self, text, due):
        self._run(recommendations.create_recommendation, document_id=self.doc, text=text, target_date=due)

    @rule(pick=st.integers(0, 50), title=st.sampled_from(["", "Short", "A longer title"]),
          notes=st.sampled_from(["", "note"]))
    def update_recommendation(self, pick, title, notes):
        recs = self._ids(Recommendation)
        if recs:
            self._run(recommendations.update_recommendation, recs[pick % len(recs)], title=title, notes=notes)

    @rule(picks=st.lists(st.integers(0, 50), max_size=3), title=st.sampled_from(["Do it", "Do more"]))
    def create_action(self, picks, title):
        recs = self._ids(Recommendation)
        chosen = {recs[p % len(recs)] for p in picks} if recs else set()
        self._run(actions.create_action, title=title, recommendation_ids=sorted(chosen))

    @rule(pick=st.integers(0, 50), picks=st.lists(st.integers(0, 50), max_size=3))
    def link_action(self, pick, picks):
        acts, recs = self._ids(Action), self._ids(Recommendation)
        if acts and recs:
            self._run(actions.set_recommendations, acts[pick % len(acts)], {recs[p % len(recs)] for p in picks})

    @rule(a=st.integers(0, 50), b=st.integers(0, 50), link=st.booleans())
    def relate(self, a, b, link):
        recs = self._ids(Recommendation)
        if len(recs) >= 2:
            fn = related.link_related if link else related.unlink_related
            self._run(fn, recs[a % len(recs)], recs[b % len(recs)])

    @rule(pick=st.integers(0, 50), on_action=st.booleans(), day=st.integers(0, 3))
    def add_update(self, pick, on_action, day):
        ids = self._ids(Action if on_action else Recommendation)
        if ids:
            where = {"action_id" if on_action else "recommendation_id": ids[pick % len(ids)]}
            self._run(records.add_update, text="Progress", written_on=dt.date(2025, 3, 1 + day), **where)

    @rule(pick=st.integers(0, 50), hubs=st.lists(st.integers(0, 2), max_size=3, unique=True),
          themes=st.lists(st.integers(0, 2), max_size=3, unique=True))
    def assign(self, pick, hubs, themes):
        recs = self._ids(Recommendation)
        if recs:
            rec = recs[pick % len(recs)]
            hub_ids = [self.hubs[h] for h in hubs]
            self._run(recommendations.set_hubs, rec, hub_ids, hub_ids[-1] if hub_ids else None)
            self._run(recommendations.set_themes, rec, [self.themes[t] for t in themes])

    @rule(pick=st.integers(0, 50), move=st.integers(1, 90))
    def move_date(self, pick, move):
        recs = self._ids(Recommendation)
        if recs:
            self._run(recommendations.set_target_date, recs[pick % len(recs)],
                      dt.date(2027, 1, 1) + dt.timedelta(days=move), "Board agreed")

    @rule(pick=st.integers(0, 50), choice=st.integers(0, 20), on_action=st.booleans())
    def lifecycle_step(self, pick, choice, on_action):
        model, kind = (Action, "action") if on_action else (Recommendation, "recommendation")
        ids = self._ids(model)
        if not ids:
            return
        item = ids[pick % len(ids)]
        with self.db.reading() as s:
            status = s.get(model, item).status
        for actor in (CPIC, BOARD):
            allowed = lifecycle.allowed_commands(kind, status, actor.role)
            if allowed:
                cmd = allowed[choice % len(allowed)].name
                break
        else:
            return
        if on_action:
            self._run(actions.run_command, item, cmd, actor=actor, note="Done and evidenced", reason="Because")
        else:
            others = [i for i in ids if i != item]
            self._run(recommendations.run_command, item, cmd, actor=actor, reason="Because",
                      decision_date=dt.date(2025, 5, 1), minute_ref="B/25/1",
                      superseded_by_id=others[0] if others else None)

    def teardown(self):
        try:
            if not hasattr(self, "start_state"):
                return
            end_state = snapshot(self.db)
            undos = []
            for op in reversed(self.ops):
                with self.db.transaction() as s:
                    before = s.scalar(select(func.max(AuditEvent.id))) or 0
                    undo(s, CPIC, op)
                    after = s.scalar(select(func.max(AuditEvent.id))) or 0
                undos.append(list(range(before + 1, after + 1)))
            assert snapshot(self.db) == self.start_state
            for undone in reversed(undos):
                with self.db.transaction() as s:
                    redo(s, CPIC, undone)
            assert snapshot(self.db) == end_state
        finally:
            self.db.dispose()


@pytest.mark.sqlite_only
def test_undo_all_then_redo_all_gives_back_the_start_and_the_end(template_db_file, tmp_path):
    counter = itertools.count()

    def make_db():
        return copy_as_new_database(template_db_file, tmp_path / f"history-{next(counter)}.sqlite3")

    run_state_machine_as_test(lambda: History(make_db), settings=settings(
        max_examples=int(os.environ.get("HISTORY_EXAMPLES", 15)),
        stateful_step_count=int(os.environ.get("HISTORY_STEPS", 12)),
        deadline=None, suppress_health_check=list(HealthCheck)))
