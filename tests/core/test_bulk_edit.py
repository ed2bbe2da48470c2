"""Bulk edit: one change to many selected rows in one transaction, each row through the same rules as the editor;
refused rows are listed with their reasons and left exactly as they were, and one undo puts everything back."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from ol_desk.core.audit import verify
from ol_desk.core.errors import ValidationError
from ol_desk.core.model import Action, AuditEvent, Recommendation
from ol_desk.core.model.enums import Entity, RecStatus
from ol_desk.core.services import reference
from ol_desk.core.services.bulk_edit import BulkEdit, bulk_edit
from ol_desk.core.services.history import undo
from tests.core import factories as f


def _last_event(s) -> int:
    return s.scalar(select(func.max(AuditEvent.id))) or 0


def _state(s, ids):
    rows = s.scalars(select(Recommendation).where(Recommendation.id.in_(ids)).order_by(Recommendation.id))
    return [(r.id, r.status, r.owner_id, r.current_target_date, sorted(h.hub_id for h in r.hub_links),
             sorted(t.id for t in r.themes)) for r in rows]


@pytest.fixture
def three(db, cpic):
    with db.transaction() as s:
        with_hub = [f.assigned_recommendation(s, cpic, "NW", reference=str(i)) for i in (1, 2)]
        doc = f.make_document(s, cpic)
        hubless = f.make_recommendation(s, cpic, doc, reference="3")
    return [*with_hub, hubless]


def test_a_command_runs_where_the_lifecycle_allows_and_is_refused_row_by_row_elsewhere(db, cpic, three):
    with db.transaction() as s:
        before = _last_event(s)
        changes, result = bulk_edit(s, cpic, Entity.RECOMMENDATION, three, BulkEdit("command", command="assign"))
        written = list(range(before + 1, _last_event(s) + 1))
    assert result.changed == three[:2]
    assert [(r.item_id, r.reason) for r in result.refused] == [
        (three[2], f"Cannot assign {result.refused[0].label}: assign at least one hub first.")]
    assert result.summary() == "Ran the command on 2 recommendations; 1 refused."
    assert changes.ids(Entity.RECOMMENDATION) >= set(three[:2])
    with db.reading() as s:
        assert [s.get(Recommendation, i).status for i in three] == [RecStatus.ASSIGNED, RecStatus.ASSIGNED,
                                                                     RecStatus.NEW]
        assert len(written) == 2 and verify(s).ok    # one event per changed row, the chain unbroken by the refusal


def test_owner_hubs_theme_and_date_for_many_rows_and_one_undo_puts_them_all_back(db, cpic, three):
    with db.transaction() as s:
        owner = reference.create_person(s, cpic, name="DI Example").created[Entity.PERSON]
        owner_id = next(iter(owner))
        start = _state(s, three)
        first = _last_event(s)
        md, custody = f.hub_id(s, "MD"), f.theme_id(s, "custody")
        bulk_edit(s, cpic, Entity.RECOMMENDATION, three, BulkEdit("owner", owner_id=owner_id))
        bulk_edit(s, cpic, Entity.RECOMMENDATION, three, BulkEdit("hubs", hub_ids=(md,)))
        bulk_edit(s, cpic, Entity.RECOMMENDATION, three, BulkEdit("add_theme", theme_id=custody))
        _, moved = bulk_edit(s, cpic, Entity.RECOMMENDATION, three,
                             BulkEdit("date", new_date=dt.date(2027, 3, 1), reason="Board set one date"))
        events = list(range(first + 1, _last_event(s) + 1))
    assert moved.changed == three and not moved.refused
    with db.reading() as s:
        assert {row[2] for row in _state(s, three)} == {owner_id}
        assert all(row[4] == [md] and custody in row[5] for row in _state(s, three))
    with db.transaction() as s:
        undo(s, cpic, events)
    with db.reading() as s:
        assert _state(s, three) == start


def test_a_hub_officer_is_refused_what_the_editor_refuses_and_nothing_changes(db, cpic, hub_officer, three):
    with db.transaction() as s:
        start = _state(s, three)
        md = f.hub_id(s, "MD")
        changes, result = bulk_edit(s, hub_officer, Entity.RECOMMENDATION, three, BulkEdit("hubs", hub_ids=(md,)))
    assert not changes and not result.changed and len(result.refused) == 3
    assert all("assign hubs" in r.reason for r in result.refused)
    with db.reading() as s:
        assert _state(s, three) == start


def test_actions_take_owner_date_and_commands_with_one_reason(db, cpic, three):
    with db.transaction() as s:
        acts = [f.make_action(s, cpic, [three[0]], reference=f"NW-{i}", due_date=dt.date(2026, 1, 1))
                for i in range(3)]
        _, moved = bulk_edit(s, cpic, Entity.ACTION, acts, BulkEdit("date", new_date=dt.date(2026, 6, 1),
                                                                     reason="Training slipped"))
        _, cancelled = bulk_edit(s, cpic, Entity.ACTION, acts[:2], BulkEdit("command", command="cancel"))
    assert moved.changed == acts
    assert len(cancelled.refused) == 2 and "needs a reason" in cancelled.refused[0].reason
    with db.reading() as s:
        assert {s.get(Action, a).current_due_date for a in acts} == {dt.date(2026, 6, 1)}


@pytest.mark.parametrize("edit, words", [
    (BulkEdit("add_theme"), "Choose the theme"), (BulkEdit("hubs"), "at least one hub"),
    (BulkEdit("date"), "new date"), (BulkEdit("command"), "command to give")])
def test_an_edit_missing_what_it_sets_is_refused_before_any_row(db, cpic, three, edit, words):
    with db.transaction() as s, pytest.raises(ValidationError, match=words):
        bulk_edit(s, cpic, Entity.RECOMMENDATION, three, edit)


def test_themes_and_hubs_are_not_offered_for_actions(db, cpic):
    with db.transaction() as s, pytest.raises(ValidationError, match="cannot set 'hubs' on actions"):
        bulk_edit(s, cpic, Entity.ACTION, [1], BulkEdit("hubs", hub_ids=(1,)))
