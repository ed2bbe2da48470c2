"""Writing an import: new rows in bulk (Core inserts with their audit events and search-outbox entries, in the
caller's transaction, exactly as `services.writes.create` records them), changed rows through the services'
update functions (which record old→new per field). Everything runs inside `in_batch`, so each event carries the
import batch id and the batch can be undone."""
from __future__ import annotations

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from ol_desk.core import audit, lifecycle
from ol_desk.core.dates import today
from ol_desk.core.model import Action, ActionRecommendation, ProgressUpdate, Recommendation, RecommendationHub
from ol_desk.core.model.enums import ActionStatus, Entity, RecStatus
from ol_desk.core.services import actions, documents, recommendations, records, reference, writes
from ol_desk.core.services.actor import Actor
from ol_desk.core.services.changes import Changes

_BOOKKEEPING = {"created_at", "updated_at", "version"}


class ImportWriter:
    def __init__(self, session: Session, actor: Actor, batch_id: int, source_name: str):
        writes.require_role(actor, lifecycle.EDITORS, "import registers")
        self.session = session
        self.actor = actor
        self.batch_id = batch_id
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
            events.append(audit.PendingEvent(self.actor.name, "create", entity.value, new_id, detail,
                                             self.batch_id))
        audit.append(self.session, events)
        writes.announce(self.session, entity, ids)
        self.changes |= Changes(created={entity: frozenset(ids)})
        return ids

    def _insert_rows(self, table, rows: list[dict]) -> list[int]:
        """Insert and return the new ids in order. On SQLite the transaction holds the write lock (the batch row
        was written first), so ids are given explicitly from max(id) + 1 and the rows go in one executemany;
        elsewhere RETURNING gives them."""
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

    def create_recommendations(self, items: list[dict]) -> list[int]:
        """items: {"values": column values, "hubs": [hub ids, lead first], "update": text or None}."""
        rows, extras = [], []
        for item in items:
            v = dict(item["values"])
            target = v.pop("target_date", None)
            v.setdefault("title", "")
            v.setdefault("notes", "")
            v.setdefault("owner_id", None)
            v.setdefault("status", _default_rec_status(item["hubs"]))
            v.update(original_target_date=target, current_target_date=target,
                     last_update_on=self.today if item["update"] else None)
            rows.append(v)
            hubs = item["hubs"] or []
            extras.append({"hubs": [[], sorted(hubs)], "lead": [None, hubs[0]]} if hubs else {})
        ids = self._insert(Entity.RECOMMENDATION, Recommendation.__table__, rows, extras)
        links = [{"recommendation_id": rid, "hub_id": hid, "is_lead": j == 0}
                 for rid, item in zip(ids, items, strict=True) for j, hid in enumerate(item["hubs"] or [])]
        if links:
            self.session.execute(insert(RecommendationHub), links)
        self._updates("recommendation_id",
                      [(rid, it["update"]) for rid, it in zip(ids, items, strict=True) if it["update"]])
        return ids

    def create_actions(self, items: list[dict]) -> list[int]:
        rows, extras = [], []
        for item in items:
            v = dict(item["values"])
            due = v.pop("due_date", None)
            for key, default in (("reference", ""), ("owner_id", None), ("hub_id", None), ("notes", ""),
                                 ("cancel_reason", ""), ("percent_complete", None), ("status", ActionStatus.OPEN)):
                v.setdefault(key, default)
            v.update(original_due_date=due, current_due_date=due,
                     last_update_on=self.today if item["update"] else None)
            rows.append(v)
            extras.append({"recommendations": sorted(item["recs"])})
        ids = self._insert(Entity.ACTION, Action.__table__, rows, extras)
        links = [{"action_id": aid, "recommendation_id": rid}
                 for aid, item in zip(ids, items, strict=True) for rid in item["recs"]]
        if links:
            self.session.execute(insert(ActionRecommendation), links)
            writes.announce(self.session, Entity.RECOMMENDATION, sorted({link["recommendation_id"] for link in links}))
        self._updates("action_id", [(aid, it["update"]) for aid, it in zip(ids, items, strict=True) if it["update"]])
        return ids

    # -- changes through the services ----------------------------------------------------------------------------
    def update_recommendation(self, rec_id: int, change: dict) -> None:
        s, a = self.session, self.actor
        plain = {k: change[k] for k in ("finding_type", "title", "text", "owner_id", "notes") if k in change}
        if plain:
            self.changes |= recommendations.update_recommendation(s, a, rec_id, **plain)
        if "status" in change:
            rec = s.get(Recommendation, rec_id)
            self.changes |= writes.update(s, a, Entity.RECOMMENDATION, rec, {"status": change["status"]},
                                          verb="import_status", extra={"reason": self.reason})
        if "target_date" in change:
            self.changes |= recommendations.set_target_date(s, a, rec_id, change["target_date"], self.reason)
        if "hubs" in change:
            hubs = change["hubs"]
            self.changes |= recommendations.set_hubs(s, a, rec_id, hubs, hubs[0] if hubs else None)
        if "update" in change:
            self.changes |= records.add_update(s, a, text=change["update"], recommendation_id=rec_id,
                                               written_on=self.today)

    def update_action(self, action_id: int, change: dict) -> None:
        s, a = self.session, self.actor
        plain = {k: change[k] for k in ("title", "owner_id", "hub_id", "percent_complete", "notes") if k in change}
        if plain:
            self.changes |= actions.update_action(s, a, action_id, **plain)
        status = {k: change[k] for k in ("status", "cancel_reason") if k in change}
        if status:
            obj = s.get(Action, action_id)
            self.changes |= writes.update(s, a, Entity.ACTION, obj, status, verb="import_status",
                                          extra={"reason": self.reason})
        if "due_date" in change:
            self.changes |= actions.set_due_date(s, a, action_id, change["due_date"], self.reason)
        if "recs" in change:
            self.changes |= actions.set_recommendations(s, a, action_id, change["recs"])
        if "update" in change:
            self.changes |= records.add_update(s, a, text=change["update"], action_id=action_id,
                                               written_on=self.today)


def _default_rec_status(hubs) -> RecStatus:
    return RecStatus.ASSIGNED if hubs else RecStatus.NEW
