"""Recording a chase run: for each owner chased, who chased them, when, how (a draft written or an email sent), to
which address, and for which recommendations and actions — one `chases` row, its `chase_items`, one audit event
(verb "chase" on the person, naming every item), and "last chased" set on each item. One transaction per run.

A chase is a fact about something already done (a draft written, an email sent): it cannot be undone (history.py
refuses), and it does not raise the items' versions (an editor open on one of them is not made stale by it).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from ol_desk.core import lifecycle
from ol_desk.core.errors import PermissionDenied, ValidationError
from ol_desk.core.model import Action, Chase, ChaseItem, Person, Recommendation, RecommendationHub, utcnow
from ol_desk.core.model.base import table_of
from ol_desk.core.model.enums import Entity, Role

from . import hub_scope, writes
from .actor import Actor
from .changes import Changes
from .history_rows import chunks

HOW = ("draft", "sent")


@dataclass(frozen=True)
class ChaseRecord:
    owner_id: int
    address: str
    how: str                                   # "draft" | "sent"
    recommendation_ids: Sequence[int] = field(default_factory=tuple)
    action_ids: Sequence[int] = field(default_factory=tuple)


def _require_hub(session: Session, actor: Actor, chases: Sequence[ChaseRecord]) -> None:
    """A hub officer chases only for their own hub's items (the server's row security agrees)."""
    if actor.role is not Role.HUB_OFFICER or actor.hub_code is None:
        return
    hub_id = hub_scope.actor_hub_id(session, actor)
    rec_ids = {i for c in chases for i in c.recommendation_ids}
    action_ids = {i for c in chases for i in c.action_ids}
    for part in chunks(rec_ids):
        mine = select(RecommendationHub.recommendation_id).where(RecommendationHub.hub_id == hub_id)
        if session.scalar(select(func.count()).select_from(Recommendation)
                          .where(Recommendation.id.in_(part), Recommendation.id.not_in(mine))):
            raise PermissionDenied(f"Some of those recommendations are not {actor.hub_code}'s: a hub officer chases "
                                   "only their own hub's items. Nothing was recorded.")
    for part in chunks(action_ids):
        if session.scalar(select(func.count()).select_from(Action).where(
                Action.id.in_(part), (Action.hub_id != hub_id) | Action.hub_id.is_(None))):
            raise PermissionDenied(f"Some of those actions are not {actor.hub_code}'s: a hub officer chases only "
                                   "their own hub's items. Nothing was recorded.")


def _mark(session: Session, model, ids: set[int], at: dt.datetime) -> None:
    table = table_of(model)
    for part in chunks(ids, 900):
        # updated_at kept as it is: a chase is not an edit of the item
        session.execute(update(table).where(table.c.id.in_(part))
                        .values(last_chased_at=at, updated_at=table.c.updated_at))


def record_chases(session: Session, actor: Actor, chases: Sequence[ChaseRecord],
                  at: dt.datetime | None = None) -> Changes:
    """Record each chase (nothing for an empty list). Refused as a whole for a role that does not work items, or
    a hub officer's chase of another hub's item."""
    writes.require_role(actor, lifecycle.WORKERS, "chase owners")
    if not chases:
        return Changes()
    for c in chases:
        if c.how not in HOW:
            raise ValidationError(f"A chase is a draft or a sent email, not {c.how!r}.")
        if not c.recommendation_ids and not c.action_ids:
            raise ValidationError("A chase lists at least one item.")
    owners = {c.owner_id for c in chases}
    known = set(session.scalars(select(Person.id).where(Person.id.in_(owners))))
    if missing := owners - known:
        raise ValidationError(f"There is no person with id {', '.join(map(str, sorted(missing)))}.")
    _require_hub(session, actor, chases)
    at = at or utcnow()
    for c in chases:
        row = Chase(at=at, actor=actor.name, owner_id=c.owner_id, address=c.address, how=c.how)
        session.add(row)
        session.flush()
        items = ([{"chase_id": row.id, "entity": Entity.RECOMMENDATION.value, "entity_id": i}
                  for i in sorted(set(c.recommendation_ids))]
                 + [{"chase_id": row.id, "entity": Entity.ACTION.value, "entity_id": i}
                    for i in sorted(set(c.action_ids))])
        session.execute(insert(table_of(ChaseItem)), items)  # Core: 200,000 rows in one run
        writes.record(session, actor, "chase", Entity.PERSON, c.owner_id,
                      {"chase_id": row.id, "how": c.how, "to": c.address,
                       "recommendations": sorted(set(c.recommendation_ids)),
                       "actions": sorted(set(c.action_ids))}, announce=False)
    rec_ids = {i for c in chases for i in c.recommendation_ids}
    action_ids = {i for c in chases for i in c.action_ids}
    _mark(session, Recommendation, rec_ids, at)
    _mark(session, Action, action_ids, at)
    changes = Changes()
    if rec_ids:
        changes |= Changes(updated={Entity.RECOMMENDATION: frozenset(rec_ids)})
    if action_ids:
        changes |= Changes(updated={Entity.ACTION: frozenset(action_ids)})
    return changes

