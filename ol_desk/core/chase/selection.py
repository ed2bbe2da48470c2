"""Who to chase for what: each owner's overdue, due-soon and stale recommendations and actions, in two set-based
queries (one per table) over the same predicates the dashboard and the register use (queries/predicates.py)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from ol_desk.core.dates import DEFAULT_DUE_SOON_DAYS, DEFAULT_STALE_DAYS, today
from ol_desk.core.derived_title import derived_title
from ol_desk.core.errors import NotFoundError, PermissionDenied, ValidationError
from ol_desk.core.model import Action, Hub, Person, Recommendation, RecommendationHub, SourceDocument
from ol_desk.core.model.enums import ActionStatus, Entity, RecStatus, Role
from ol_desk.core.model.recommendations import finding_label
from ol_desk.core.queries import predicates as p
from ol_desk.core.services.actor import Actor

OVERDUE, DUE_SOON, STALE = "overdue", "due soon", "stale"
# The text is read only for findings that have no title (their title is derived from it).
_text_if_untitled = case((func.coalesce(Recommendation.title, "") != "", literal("")),
                         else_=func.substr(Recommendation.text, 1, 800)).label("text")


@dataclass(frozen=True)
class ChaseCriteria:
    hub_code: str | None = None
    owner: str | None = None          # a person's name or login (case does not matter)
    owner_id: int | None = None       # or the person's id (a picker)
    overdue_only: bool = False
    stale_days: int = DEFAULT_STALE_DAYS
    due_days: int = DEFAULT_DUE_SOON_DAYS
    on: dt.date | None = None         # the day the chase is for (default today)

    def day(self) -> dt.date:
        return self.on or today()


class ChaseItem(NamedTuple):   # a tuple: a run builds 200,000 of them
    entity: Entity
    id: int
    label: str                  # the reference a person knows it by ("2025-0241 2", "NW-014")
    title: str
    status: str                 # the status in words
    due: dt.date | None
    last_update: dt.date | None
    why: tuple[str, ...]        # overdue / due soon / stale
    next_step: str              # what is needed next, in words


@dataclass
class OwnerChase:
    owner_id: int
    name: str
    email: str
    hub: str
    items: list[ChaseItem] = field(default_factory=list)

    def count(self, why: str) -> int:
        return sum(1 for i in self.items if why in i.why)

    @property
    def recommendation_ids(self) -> list[int]:
        return [i.id for i in self.items if i.entity is Entity.RECOMMENDATION]

    @property
    def action_ids(self) -> list[int]:
        return [i.id for i in self.items if i.entity is Entity.ACTION]


def _hub_id(session: Session, criteria: ChaseCriteria, actor: Actor) -> int | None:
    code = criteria.hub_code
    if actor.role is Role.HUB_OFFICER and actor.hub_code:
        if code and code.upper() != actor.hub_code.upper():
            raise PermissionDenied(f"A hub officer chases the owners of their own hub's items: {actor.hub_code}, "
                                   f"not {code}.")
        code = actor.hub_code
    if not code:
        return None
    hub_id = session.scalar(select(Hub.id).where(func.upper(Hub.code) == code.upper()))
    if hub_id is None:
        raise NotFoundError(f"There is no hub with the code '{code}'.")
    return hub_id


def _owner_id(session: Session, who: str | None) -> int | None:
    if not who:
        return None
    key = who.strip().lower()
    found = session.execute(select(Person.id, Person.name).where(
        or_(func.lower(Person.name) == key, func.lower(Person.login) == key))).all()
    if not found:
        found = session.execute(select(Person.id, Person.name).where(func.lower(Person.name).contains(key))
                                .order_by(Person.name).limit(6)).all()
    if not found:
        raise NotFoundError(f"There is no person called '{who}'.")
    if len(found) > 1:
        names = ", ".join(r.name for r in found[:5])
        raise ValidationError(f"'{who}' matches more than one person ({names}…): give the full name.")
    return found[0].id


def _why(overdue: ColumnElement[bool], soon: ColumnElement[bool], stale: ColumnElement[bool]):
    return overdue.label("overdue"), soon.label("soon"), stale.label("stale")


_WHY = {(o, d, s): tuple(w for w, flag in ((OVERDUE, o), (DUE_SOON, d), (STALE, s)) if flag)
        for o in (False, True) for d in (False, True) for s in (False, True)}


def _reasons(row) -> tuple[str, ...]:
    return _WHY[(bool(row.overdue), bool(row.soon), bool(row.stale))]


@lru_cache(maxsize=256)
def _rec_step(status: RecStatus, why: tuple[str, ...], undated: bool) -> str:
    return rec_next_step(status, why, None if undated else dt.date.max)


@lru_cache(maxsize=256)
def _action_step(status: ActionStatus, why: tuple[str, ...], undated: bool) -> str:
    return action_next_step(status, why, None if undated else dt.date.max)


def rec_next_step(status: RecStatus, why: tuple[str, ...], due: dt.date | None) -> str:
    if OVERDUE in why:
        return "Past its target date: deliver it and send the evidence, or ask CPIC to agree a new target date."
    if status in (RecStatus.NEW, RecStatus.REOPENED):
        return "Confirm you own it, agree the actions and a target date with your hub, and post a first update."
    if due is None:
        return "Agree a target date with CPIC and post a progress update."
    if DUE_SOON in why:
        return "Due soon: mark it delivered with its evidence, or tell CPIC now if the date will slip."
    return "Post a progress update (what has been done since the last one, and what is next)."


def action_next_step(status: ActionStatus, why: tuple[str, ...], due: dt.date | None) -> str:
    if OVERDUE in why:
        return "Past its due date: complete it with a completion note, or ask for a new due date."
    if status is ActionStatus.OPEN and STALE in why:
        return "Not started: start work and post a first update."
    if due is None:
        return "Agree a due date and post a progress update."
    if DUE_SOON in why:
        return "Due soon: complete it with a completion note, or say now if the date will slip."
    return "Post a progress update with the percentage done."


def _recommendations(session: Session, criteria: ChaseCriteria, on: dt.date, hub_id: int | None,
                     owner_id: int | None):
    overdue = p.rec_overdue(on)
    soon = p.rec_due_within(criteria.due_days, on)
    stale = p.rec_stale(criteria.stale_days, on)
    wanted = overdue if criteria.overdue_only else or_(overdue, soon, stale)
    q = (select(Recommendation.id, Recommendation.owner_id, SourceDocument.reference.label("doc_ref"),
                Recommendation.reference, Recommendation.position, Recommendation.title, _text_if_untitled,
                Recommendation.status, Recommendation.current_target_date, Recommendation.last_update_on,
                *_why(overdue, soon, stale))
         .join(SourceDocument, SourceDocument.id == Recommendation.document_id)
         .where(Recommendation.owner_id.is_not(None), wanted))
    if hub_id is not None:
        q = q.where(Recommendation.id.in_(select(RecommendationHub.recommendation_id)
                                          .where(RecommendationHub.hub_id == hub_id)))
    if owner_id is not None:
        q = q.where(Recommendation.owner_id == owner_id)
    for r in session.execute(q):
        why = _reasons(r)
        status = RecStatus(r.status)
        yield r.owner_id, ChaseItem(Entity.RECOMMENDATION, r.id, finding_label(r.doc_ref, r.reference, r.position)
                                    or f"#{r.id}", r.title or derived_title(r.text), status.label,
                                    r.current_target_date, r.last_update_on, why,
                                    _rec_step(status, why, r.current_target_date is None))


def _actions(session: Session, criteria: ChaseCriteria, on: dt.date, hub_id: int | None, owner_id: int | None):
    overdue = p.action_overdue(on)
    soon = p.action_due_within(criteria.due_days, on)
    stale = p.action_stale(criteria.stale_days, on)
    wanted = overdue if criteria.overdue_only else or_(overdue, soon, stale)
    q = (select(Action.id, Action.owner_id, Action.reference, Action.title, Action.status, Action.current_due_date,
                Action.last_update_on, *_why(overdue, soon, stale))
         .where(and_(Action.owner_id.is_not(None), wanted)))
    if hub_id is not None:
        q = q.where(Action.hub_id == hub_id)
    if owner_id is not None:
        q = q.where(Action.owner_id == owner_id)
    for r in session.execute(q):
        why = _reasons(r)
        status = ActionStatus(r.status)
        yield r.owner_id, ChaseItem(Entity.ACTION, r.id, r.reference or f"Action #{r.id}", r.title or "(no title)",
                                    status.label, r.current_due_date, r.last_update_on, why,
                                    _action_step(status, why, r.current_due_date is None))


def _order(item: ChaseItem):
    return (OVERDUE not in item.why, DUE_SOON not in item.why, item.due or dt.date.max, item.entity.value, item.id)


def select_chases(session: Session, criteria: ChaseCriteria, actor: Actor) -> list[OwnerChase]:
    """Every owner with something to chase, by name, each with their items (overdue first, then due soon, then
    stale; by date within each). An owner who has nothing to chase is not listed."""
    if criteria.stale_days < 1 or criteria.due_days < 0:
        raise ValidationError("Stale days must be at least 1 and due-soon days at least 0.")
    on = criteria.day()
    hub_id = _hub_id(session, criteria, actor)
    owner_id = criteria.owner_id if criteria.owner_id is not None else _owner_id(session, criteria.owner)
    by_owner: dict[int, list[ChaseItem]] = {}
    for who, item in _recommendations(session, criteria, on, hub_id, owner_id):
        by_owner.setdefault(who, []).append(item)
    for who, item in _actions(session, criteria, on, hub_id, owner_id):
        by_owner.setdefault(who, []).append(item)
    if not by_owner:
        return []
    people = {r.id: r for r in session.execute(
        select(Person.id, Person.name, Person.email, Hub.code).outerjoin(Hub, Hub.id == Person.hub_id)
        .where(Person.id.in_(list(by_owner))))}
    out = [OwnerChase(pid, people[pid].name, (people[pid].email or "").strip(), people[pid].code or "",
                      sorted(items, key=_order)) for pid, items in by_owner.items()]
    return sorted(out, key=lambda o: (o.name.lower(), o.owner_id))
