"""Services for actions: create, edit, link to recommendations, due-date extensions, lifecycle commands."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ol_desk.core import lifecycle
from ol_desk.core.dates import today
from ol_desk.core.errors import ValidationError
from ol_desk.core.model import Action, Evidence, Hub, Person, Recommendation
from ol_desk.core.model.enums import Entity, Role

from . import hub_scope, writes
from .actor import Actor
from .changes import Changes
from .dates import move_date

EDITABLE = {"reference", "title", "owner_id", "hub_id", "percent_complete", "notes"}


def _validate(session: Session, values: dict) -> dict:
    unknown = set(values) - EDITABLE
    if unknown:
        raise ValidationError(f"Actions have no editable field(s) {', '.join(sorted(unknown))}.")
    for key in ("reference", "title", "notes"):
        if key in values:
            values[key] = (values[key] or "").strip()
    if values.get("owner_id") is not None:
        writes.get(session, Person, Entity.PERSON, values["owner_id"])
    if values.get("hub_id") is not None:
        writes.get(session, Hub, Entity.HUB, values["hub_id"])
    pct = values.get("percent_complete")
    if pct is not None and not (0 <= int(pct) <= 100):
        raise ValidationError(f"Percent complete must be between 0 and 100, not {pct}.")
    return values


def create_action(session: Session, actor: Actor, *, title: str, recommendation_ids: Iterable[int] = (),
                  reference: str = "", owner_id: int | None = None, hub_id: int | None = None,
                  due_date: dt.date | None = None, notes: str = "") -> Changes:
    writes.require_role(actor, lifecycle.EDITORS, "create actions")
    if hub_id is None and actor.role is Role.HUB_OFFICER:
        hub_id = hub_scope.actor_hub_id(session, actor)  # a hub officer's new action is their hub's
    values = _validate(session, dict(title=title, reference=reference, owner_id=owner_id, hub_id=hub_id,
                                     notes=notes))
    if not values["title"]:
        raise ValidationError("An action needs a description of the work.")
    recs = [writes.get(session, Recommendation, Entity.RECOMMENDATION, rid)
            for rid in dict.fromkeys(recommendation_ids)]
    action = Action(original_due_date=due_date, current_due_date=due_date, **values)
    action.recommendations = recs
    changes = writes.create(session, actor, Entity.ACTION, action, extra={"recommendations": [r.id for r in recs]})
    writes.announce(session, Entity.RECOMMENDATION, [r.id for r in recs])
    return changes | Changes(updated={Entity.RECOMMENDATION: frozenset(r.id for r in recs)}) if recs else changes


def update_action(session: Session, actor: Actor, action_id: int, *, expected_version: int | None = None,
                  **values) -> Changes:
    writes.require_role(actor, lifecycle.EDITORS, "edit actions")
    action = writes.get(session, Action, Entity.ACTION, action_id)
    return writes.update(session, actor, Entity.ACTION, action, _validate(session, values),
                         expected_version=expected_version)


def set_recommendations(session: Session, actor: Actor, action_id: int, recommendation_ids: Iterable[int], *,
                        expected_version: int | None = None) -> Changes:
    """Replace the recommendations an action answers (link an existing action to another recommendation)."""
    writes.require_role(actor, lifecycle.EDITORS, "link actions")
    action = writes.get(session, Action, Entity.ACTION, action_id)
    writes.check_version(action, Entity.ACTION, expected_version)
    wanted = sorted(set(recommendation_ids))
    before = sorted(r.id for r in action.recommendations)
    if wanted == before:
        return Changes()
    action.recommendations = [writes.get(session, Recommendation, Entity.RECOMMENDATION, rid) for rid in wanted]
    changes = writes.update(session, actor, Entity.ACTION, action, {}, verb="link", force_event=True,
                            extra={"recommendations": [before, wanted]})
    touched = set(before) ^ set(wanted)
    writes.announce(session, Entity.RECOMMENDATION, touched)
    return changes | Changes(updated={Entity.RECOMMENDATION: frozenset(touched)})


def set_due_date(session: Session, actor: Actor, action_id: int, new_date: dt.date, reason: str = "", *,
                 expected_version: int | None = None) -> Changes:
    writes.require_role(actor, lifecycle.EDITORS, "change due dates")
    action = writes.get(session, Action, Entity.ACTION, action_id)
    return move_date(session, actor, Entity.ACTION, action, "current_due_date", new_date, reason,
                     expected_version=expected_version, first_field="original_due_date")


def _has_evidence(session: Session, action_id: int) -> bool:
    return bool(session.scalar(select(func.count(Evidence.id)).where(Evidence.action_id == action_id)))


def why_not(session: Session, actor: Actor, action: Action, command: str) -> str | None:
    return lifecycle.why_not("action", command, action.status, actor.role)


def run_command(session: Session, actor: Actor, action_id: int, command: str, *,
                expected_version: int | None = None, note: str = "", reason: str = "") -> Changes:
    action = writes.get(session, Action, Entity.ACTION, action_id)
    writes.check_version(action, Entity.ACTION, expected_version)
    label = action.reference or f"#{action.id}"
    cmd = lifecycle.require("action", command, action.status, actor.role, label)
    note, reason = (note or "").strip(), (reason or "").strip()
    values: dict = {"status": cmd.target}
    if command == "complete":
        if not note and not _has_evidence(session, action.id):
            raise ValidationError(f"Completing action {label} needs evidence attached or a completion note.")
        values.update(completed_on=today(), completion_note=note, percent_complete=100)
    elif command == "cancel":
        if not reason:
            raise ValidationError(f"Cancelling action {label} needs a reason.")
        values["cancel_reason"] = reason
    elif command == "reopen":
        if not reason:
            raise ValidationError(f"Reopening action {label} needs a reason.")
        values.update(completed_on=None, embedded=False, embedded_on=None)
    elif command == "embed":
        if not note:
            raise ValidationError(f"Marking action {label} embedded needs a note of the evidenced outcome.")
        values.update(embedded=True, embedded_on=today(), embedded_note=note)
    changes = writes.update(session, actor, Entity.ACTION, action, values, verb=command,
                            extra={"reason": reason} if reason else None)
    # Recommendations show their actions' progress, so their search entries and views refresh too.
    rec_ids = [r.id for r in action.recommendations]
    writes.announce(session, Entity.RECOMMENDATION, rec_ids)
    return changes | Changes(updated={Entity.RECOMMENDATION: frozenset(rec_ids)}) if rec_ids else changes
