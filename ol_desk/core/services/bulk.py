"""Bulk writes at import speed under the same rules as the commands (register imports).

New rows go in as Core inserts with their audit events and search-outbox entries, in the caller's transaction,
exactly as `writes.create` records them; changed rows go through the services' own functions. Either way the
status a register names is reached by the lifecycle's commands (`lifecycle_plan`): only those the importer's role
may give, only with what each needs (a hub to assign, the Board decision and minute to close, a rationale for
"not accepted", evidence or a note to complete an action). What cannot be reached is recorded at the furthest
status that can, and the plan's words say why (the importer shows them as warnings).

`historic=True` (CPIC only) records a migrated register's statuses as they stand, with whatever Board details the
row carries; every event written that way says so (`historic_status`), so the audit trail tells the two apart.
Everything runs inside `writes.in_batch`, so each event carries the batch id and the batch can be undone.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from ol_desk.core import lifecycle
from ol_desk.core.dates import today
from ol_desk.core.errors import PermissionDenied
from ol_desk.core.lifecycle_plan import StatusPlan, plan_status
from ol_desk.core.model import Action, ActionRecommendation, ProgressUpdate, Recommendation, RecommendationHub
from ol_desk.core.model.enums import OPEN_ACTION_STATUSES, ActionStatus, Entity, RecStatus, ResponsePosition, Role

from . import actions, audit_trail, documents, hub_scope, recommendations, records, reference, writes
from .actor import Actor
from .changes import Changes

_BOOKKEEPING = {"created_at", "updated_at", "version"}
R = RecStatus


@dataclass
class StatusFacts:
    """What a row carries for the lifecycle steps that need more than a status and a role."""

    hubs: bool = False
    open_actions: bool = False
    decision_date: dt.date | None = None
    minute_ref: str = ""
    rationale: str = ""
    closed_on: dt.date | None = None
    completion_note: str = ""
    cancel_reason: str = ""

    def met(self, command: str) -> bool:
        if command == "assign":
            return self.hubs
        if command == "deliver":
            return not self.open_actions
        if command == "close":
            return self.decision_date is not None and bool(self.minute_ref)
        if command == "not_accept":
            return bool(self.rationale)
        if command == "supersede":
            return False  # the newer recommendation is chosen in ol-desk, never guessed from a register
        if command == "complete":
            return bool(self.completion_note)
        return True  # start; accept evidence; return, reopen and cancel take the register as their reason


_NEEDY = ("assign", "deliver", "close", "not_accept", "supersede", "complete")


def plan(kind: str, start, wanted, role: Role, facts: StatusFacts) -> StatusPlan:
    """The lifecycle plan for one row (rows that carry the same facts share it: an import asks 200,000 times)."""
    return _plan(kind, start, wanted, role, tuple(facts.met(c) for c in _NEEDY))


@lru_cache(maxsize=4096)
def _plan(kind: str, start, wanted, role: Role, met: tuple[bool, ...]) -> StatusPlan:
    given = dict(zip(_NEEDY, met, strict=True))
    return plan_status(kind, start, wanted, role, lambda command: given.get(command, True))


class BulkWriter:
    def __init__(self, session: Session, actor: Actor, batch_id: int, source_name: str, *, historic: bool = False):
        writes.require_role(actor, lifecycle.EDITORS, "import registers")
        if historic:
            writes.require_role(actor, lifecycle.CPIC, "record a register's historic statuses")
        self.session = session
        self.actor = actor
        self.batch_id = batch_id
        self.historic = historic
        self.reason = f"changed in {source_name} (import batch {batch_id})"
        self.changes = Changes(batch_id=batch_id)
        self.today = today()

    # -- reference rows --------------------------------------------------------------------------------------
    def person(self, name: str) -> int:
        person, changes = reference.person_named(self.session, self.actor, name)
        self.changes |= changes
        return person.id

    def create_document(self, doc: dict) -> int:
        values = {k: v for k, v in doc.items() if k != "original_response_due"}
        changes = documents.create_document(self.session, self.actor, **values)
        self.changes |= changes
        return next(iter(changes.created[Entity.DOCUMENT]))

    def update_document(self, doc_id: int, values: dict) -> None:
        due = values.pop("response_due", None)
        if values:
            self.changes |= documents.update_document(self.session, self.actor, doc_id, **values)
        if due is not None:
            self.changes |= documents.extend_response_due(self.session, self.actor, doc_id, due, self.reason)

    # -- bulk creation -----------------------------------------------------------------------------------------
    def _insert(self, entity: Entity, table, rows: list[dict], extras: list[dict] | None = None) -> list[int]:
        if not rows:
            return []
        ids = self._insert_rows(table, rows)
        events = []
        for i, (new_id, row) in enumerate(zip(ids, rows, strict=True)):
            fields = {k: [None, v] for k, v in row.items() if v is not None and v != "" and k not in _BOOKKEEPING}
            detail = {"fields": fields, **(extras[i] if extras else {})}
            events.append(audit_trail.PendingEvent(self.actor.name, "create", entity.value, new_id, detail,
                                             self.batch_id))
        audit_trail.append(self.session, events)
        writes.announce(self.session, entity, ids)
        self.changes |= Changes(created={entity: frozenset(ids)})
        return ids

    def _insert_rows(self, table, rows: list[dict]) -> list[int]:
        """Insert and return the new ids in order. On SQLite the transaction holds the write lock (the batch row
        was written first), so ids are given explicitly from max(id) + 1 and the rows go in one executemany;
        elsewhere RETURNING gives them."""
        _same_keys(table, rows)
        if self.session.get_bind().dialect.name == "sqlite":
            start = (self.session.scalar(select(func.max(table.c.id))) or 0) + 1
            ids = list(range(start, start + len(rows)))
            for new_id, row in zip(ids, rows, strict=True):
                row["id"] = new_id
            self.session.execute(insert(table), rows)
            for row in rows:
                del row["id"]
            return ids
        result = self.session.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows)
        return list(result.scalars())

    def _updates(self, parent: str, owners: list[tuple[int, str]]) -> None:
        rows = [{"recommendation_id": None, "action_id": None, parent: pid, "written_on": self.today,
                 "author": self.actor.name, "text": text} for pid, text in owners]
        self._insert(Entity.UPDATE, ProgressUpdate.__table__, rows)

    def _new_status(self, kind: str, wanted, facts: StatusFacts) -> tuple[object, dict, dict]:
        """(status, the lifecycle columns it brings, what the create event adds) for a new item."""
        start = R.NEW if kind == "recommendation" else ActionStatus.OPEN
        if wanted is None:
            wanted = R.ASSIGNED if kind == "recommendation" and facts.hubs else start
        if self.historic:
            return wanted, _historic_columns(kind, wanted, facts), {"historic_status": True}
        route = plan(kind, start, wanted, self.actor.role, facts)
        columns: dict = {}
        for command in route.commands:
            columns.update(_command_columns(kind, command, facts, self.today, self.reason))
        return route.reached, columns, ({"lifecycle": list(route.commands)} if route.commands else {})

    def create_recommendations(self, items: list[dict]) -> list[int]:
        """items: {"values": column values (status: what the register says, or absent), "hubs": [hub ids, lead
        first], "update": text or None, "facts": StatusFacts or absent}."""
        writes.require_role(self.actor, lifecycle.CPIC, "record recommendations")
        rows, extras = [], []
        for item in items:
            v = dict(item["values"])
            hubs = item["hubs"] or []
            facts = item.get("facts") or StatusFacts()
            facts.hubs = bool(hubs)
            target = v.pop("target_date", None)
            v.setdefault("title", "")
            v.setdefault("notes", "")
            v.setdefault("owner_id", None)
            v["status"], columns, extra = self._new_status("recommendation", v.get("status"), facts)
            v.update(columns)
            v.update(original_target_date=target, current_target_date=target,
                     last_update_on=self.today if item["update"] else None)
            rows.append(v)
            if hubs:
                extra = {**extra, "hubs": [[], sorted(hubs)], "lead": [None, hubs[0]]}
            extras.append(extra)
        ids = self._insert(Entity.RECOMMENDATION, Recommendation.__table__, rows, extras)
        links = [{"recommendation_id": rid, "hub_id": hid, "is_lead": j == 0}
                 for rid, item in zip(ids, items, strict=True) for j, hid in enumerate(item["hubs"] or [])]
        if links:
            self.session.execute(insert(RecommendationHub), links)
        self._updates("recommendation_id",
                      [(rid, it["update"]) for rid, it in zip(ids, items, strict=True) if it["update"]])
        return ids

    def create_actions(self, items: list[dict]) -> list[int]:
        """items: {"values": column values (hub_id required for a hub officer: their own hub), "recs": [ids],
        "update": text or None, "facts": StatusFacts or absent}."""
        own_hub = hub_scope.actor_hub_id(self.session, self.actor) if self.actor.role is Role.HUB_OFFICER else None
        rows, extras = [], []
        for item in items:
            v = dict(item["values"])
            if own_hub is not None and v.get("hub_id") != own_hub:
                raise PermissionDenied(f"Action '{v.get('reference') or v.get('title')}' is not "
                                       f"{self.actor.hub_code}'s: a hub officer imports their own hub's actions.")
            due = v.pop("due_date", None)
            for key, default in (("reference", ""), ("owner_id", None), ("hub_id", None), ("notes", ""),
                                 ("cancel_reason", ""), ("percent_complete", None)):
                v.setdefault(key, default)
            v["status"], columns, extra = self._new_status("action", v.get("status"),
                                                           item.get("facts") or StatusFacts())
            if v["percent_complete"] is not None:
                columns.pop("percent_complete", None)  # the register's own percentage has the last word
            v.update(columns)
            v.update(original_due_date=due, current_due_date=due,
                     last_update_on=self.today if item["update"] else None)
            rows.append(v)
            extras.append({"recommendations": sorted(item["recs"]), **extra})
        ids = self._insert(Entity.ACTION, Action.__table__, rows, extras)
        links = [{"action_id": aid, "recommendation_id": rid}
                 for aid, item in zip(ids, items, strict=True) for rid in item["recs"]]
        if links:
            self.session.execute(insert(ActionRecommendation), links)
            rec_ids = sorted({link["recommendation_id"] for link in links})
            writes.announce(self.session, Entity.RECOMMENDATION, rec_ids)
            self.changes |= Changes(updated={Entity.RECOMMENDATION: frozenset(rec_ids)})
        self._updates("action_id", [(aid, it["update"]) for aid, it in zip(ids, items, strict=True) if it["update"]])
        return ids

    # -- changes through the services ----------------------------------------------------------------------------
    def update_recommendation(self, rec_id: int, change: dict, facts: StatusFacts | None = None) -> None:
        s, a = self.session, self.actor
        plain = {k: change[k] for k in ("finding_type", "title", "text", "owner_id", "notes", "response_position")
                 if k in change}
        if plain:
            self.changes |= recommendations.update_recommendation(s, a, rec_id, **plain)
        if "hubs" in change:  # before the status: assigning needs the hubs
            hubs = change["hubs"]
            self.changes |= recommendations.set_hubs(s, a, rec_id, hubs, hubs[0] if hubs else None)
        if "status" in change:
            self._move_recommendation(rec_id, change["status"], facts or StatusFacts())
        if "target_date" in change:
            self.changes |= recommendations.set_target_date(s, a, rec_id, change["target_date"], self.reason)
        if "update" in change:
            self.changes |= records.add_update(s, a, text=change["update"], recommendation_id=rec_id,
                                               written_on=self.today)

    def _move_recommendation(self, rec_id: int, wanted: RecStatus, facts: StatusFacts) -> None:
        s, a = self.session, self.actor
        rec = writes.get(s, Recommendation, Entity.RECOMMENDATION, rec_id)
        if self.historic:
            values = {"status": wanted, **_historic_columns("recommendation", wanted, facts)}
            self.changes |= writes.update(s, a, Entity.RECOMMENDATION, rec, values, verb="historic_status",
                                          extra={"reason": self.reason, "historic_status": True})
            return
        facts.hubs = bool(rec.hub_links)
        facts.open_actions = any(x.status in OPEN_ACTION_STATUSES for x in rec.actions)
        for command in plan("recommendation", rec.status, wanted, a.role, facts).commands:
            reason = facts.rationale if command == "not_accept" else self.reason
            self.changes |= recommendations.run_command(
                s, a, rec_id, command, reason=reason if command in ("not_accept", "return_to_hub", "reopen") else "",
                decision_date=facts.decision_date, minute_ref=facts.minute_ref)

    def update_action(self, action_id: int, change: dict, facts: StatusFacts | None = None) -> None:
        s, a = self.session, self.actor
        if "status" in change:  # first: completing sets 100 %, and the register's own percentage has the last word
            self._move_action(action_id, change["status"], facts or StatusFacts())
        plain = {k: change[k] for k in ("title", "owner_id", "hub_id", "percent_complete", "notes") if k in change}
        if plain:
            self.changes |= actions.update_action(s, a, action_id, **plain)
        if "due_date" in change:
            self.changes |= actions.set_due_date(s, a, action_id, change["due_date"], self.reason)
        if "recs" in change:
            self.changes |= actions.set_recommendations(s, a, action_id, change["recs"])
        if "update" in change:
            self.changes |= records.add_update(s, a, text=change["update"], action_id=action_id,
                                               written_on=self.today)

    def _move_action(self, action_id: int, wanted: ActionStatus, facts: StatusFacts) -> None:
        s, a = self.session, self.actor
        action = writes.get(s, Action, Entity.ACTION, action_id)
        if self.historic:
            values = {"status": wanted, **_historic_columns("action", wanted, facts)}
            self.changes |= writes.update(s, a, Entity.ACTION, action, values, verb="historic_status",
                                          extra={"reason": self.reason, "historic_status": True})
            return
        for command in plan("action", action.status, wanted, a.role, facts).commands:
            self.changes |= actions.run_command(
                s, a, action_id, command, note=facts.completion_note if command == "complete" else "",
                reason=(facts.cancel_reason or self.reason) if command in ("cancel", "reopen") else "")


def _same_keys(table, rows: list[dict]) -> None:
    """One executemany takes rows with one set of keys: a column some rows set (a closed item's Board date)
    gets its own default in the others."""
    keys = set().union(*rows)
    for key in keys:
        default = table.c[key].default
        value = default.arg if default is not None and default.is_scalar else None
        for row in rows:
            row.setdefault(key, value)


def _command_columns(kind: str, command: str, facts: StatusFacts, on: dt.date, reason: str) -> dict:
    """The columns a lifecycle command sets on a new item, as the command itself would set them."""
    if kind == "recommendation":
        if command == "close":
            return {"board_decision_on": facts.decision_date, "board_minute_ref": facts.minute_ref,
                    "closed_on": on}
        if command == "not_accept":
            return {"response_position": ResponsePosition.NOT_ACCEPTED, "response_rationale": facts.rationale}
        return {}
    if command == "complete":
        return {"completed_on": on, "completion_note": facts.completion_note, "percent_complete": 100}
    if command == "cancel":
        return {"cancel_reason": facts.cancel_reason or reason}
    return {}


def _historic_columns(kind: str, status, facts: StatusFacts) -> dict:
    """A migrated item's lifecycle columns as the register gives them (nothing invented)."""
    if kind == "recommendation":
        if status == R.CLOSED:
            return {"board_decision_on": facts.decision_date, "board_minute_ref": facts.minute_ref,
                    "closed_on": facts.closed_on or facts.decision_date}
        if status == R.NOT_ACCEPTED:
            return {"response_position": ResponsePosition.NOT_ACCEPTED, "response_rationale": facts.rationale}
        return {}
    if status == ActionStatus.COMPLETE:
        return {"completion_note": facts.completion_note, "percent_complete": 100}
    if status == ActionStatus.CANCELLED:
        return {"cancel_reason": facts.cancel_reason}
    return {}
