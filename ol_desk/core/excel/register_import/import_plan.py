"""Resolving parsed rows against the register, a chunk at a time with bulk look-ups by identity: each row is new,
changed (which fields, old → new), unchanged, or rejected. With a writer the same pass also writes (apply); without
one it only reports (preview). Identity: document (kind + reference, or title) + recommendation reference +
position among the file's rows that share that reference; actions by reference (or title) within their hub."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session

from ol_desk.core.lifecycle_plan import describe
from ol_desk.core.model import (
    Action,
    ActionRecommendation,
    Person,
    ProgressUpdate,
    Recommendation,
    RecommendationHub,
    SourceDocument,
)
from ol_desk.core.model.enums import OPEN_ACTION_STATUSES, ActionStatus, RecStatus
from ol_desk.core.services import bulk
from ol_desk.core.services.bulk import BulkWriter

from .import_rows import MODE_ACTIONS, MODE_DOCUMENTS, Context, ParsedRow

CHUNK_ROWS = 2000
_DOC_FIELDS = ("title", "date_issued", "response_due", "response_sent_on", "issuing_body", "link", "notes", "area",
               "addressees")
_REC_FIELDS = ("finding_type", "text", "title", "notes", "status", "response_position")
_ACTION_FIELDS = ("title", "notes", "status", "percent_complete")


@dataclass(slots=True)
class RowOutcome:
    row: int
    outcome: str                      # new | changed | unchanged | rejected
    entity: str
    label: str
    changes: dict = field(default_factory=dict)   # field → [old, new] (shown values)
    reason: str = ""

    def as_dict(self) -> dict:
        out = {"row": self.row, "outcome": self.outcome, "entity": self.entity, "label": self.label}
        if self.changes:
            out["changes"] = self.changes
        if self.reason:
            out["reason"] = self.reason
        return out

    def describe(self) -> str:
        if self.outcome == "rejected":
            return f"rejected  {self.reason}"
        if self.outcome == "changed":
            parts = ", ".join(f"{k} {_short(o)} → {_short(n)}" for k, (o, n) in self.changes.items())
            return f"changed   row {self.row}: {self.entity} {self.label}: {parts}"
        return f"{self.outcome:<9} row {self.row}: {self.entity} {self.label}"


def _short(value) -> str:
    s = "—" if value in (None, "", []) else str(value)
    s = " ".join(s.split())
    return f"'{s[:40]}…'" if len(s) > 40 else f"'{s}'"


def _shown(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if hasattr(value, "value") and isinstance(value.value, str):
        return value.value
    return value


class Resolver:
    def __init__(self, session: Session, ctx: Context, writer: BulkWriter | None, outcomes: list,
                 warnings: list[str]):
        self.s = session
        self.ctx = ctx
        self.writer = writer
        self.outcomes = outcomes
        self.warnings = warnings
        self.docs: dict[tuple | None, int | None] = {}  # None: a row with no document (never stored)
        self.doc_first: dict[tuple, tuple[int, dict]] = {}
        self.doc_warned: set = set()
        self.positions: Counter = Counter()
        self.action_seen: dict[tuple, int] = {}
        self.people: dict[str, int] | None = None
        self.person_names: dict[int, str] = {}
        self.link_cache: dict[tuple, list[int]] = {}
        self.buffer: list[ParsedRow] = []
        self.counts: Counter[str] = Counter()

    # -- feeding -------------------------------------------------------------------------------------------------
    def feed(self, row: ParsedRow) -> None:
        self.buffer.append(row)
        if len(self.buffer) >= CHUNK_ROWS:
            self.flush()

    def flush(self) -> None:
        chunk, self.buffer = self.buffer, []
        if not chunk:
            return
        good = []
        for r in chunk:
            self.warnings.extend(r.warnings)
            if r.rejected:
                self._out(RowOutcome(r.row, "rejected", self._entity(), r.label, reason=r.rejected))
            else:
                good.append(r)
        if self.ctx.mode == MODE_ACTIONS:
            self._documents(good)
            self._actions(good)
        elif self.ctx.mode == MODE_DOCUMENTS:
            doc_changes = self._documents(good)
            for r in good:
                if r.row in doc_changes:
                    o = doc_changes[r.row]
                    self._out(RowOutcome(r.row, o[0], "document", r.label, o[1]))
                else:
                    self._out(RowOutcome(r.row, "unchanged", "document", r.label))
        else:
            self._recommendations(good)

    def _entity(self) -> str:
        return {MODE_ACTIONS: "action", MODE_DOCUMENTS: "document"}.get(self.ctx.mode, "recommendation")

    def _out(self, outcome: RowOutcome) -> None:
        self.counts[outcome.outcome] += 1
        if outcome.outcome != "unchanged":
            self.outcomes.append(outcome)

    # -- documents ---------------------------------------------------------------------------------------------
    def _documents(self, rows: list[ParsedRow]) -> dict[int, tuple[str, dict]]:
        """Find or create each row's document; returns, for the first row of each document in the file, whether
        the document is new or changed (and how)."""
        wanted = {r.doc_key for r in rows if r.doc_key is not None and r.doc_key not in self.docs}
        found = self._find_documents(wanted) if wanted else {}
        result: dict[int, tuple[str, dict]] = {}
        for r in rows:
            key = r.doc_key
            if key is None:
                continue
            if key in self.doc_first:
                self._check_same_document(r, key)
                continue
            self.doc_first[key] = (r.row, r.doc)
            existing = found.get(key)
            if existing is None:
                self.docs[key] = self.writer.create_document(dict(r.doc)) if self.writer else None
                result[r.row] = ("new", {})
                continue
            self.docs[key] = existing.id
            change = {k: r.doc[k] for k in _DOC_FIELDS
                      if k in r.doc and r.doc[k] not in (None,) and r.doc[k] != getattr(existing, k)}
            if change:
                shown = {f"report {k}": [_shown(getattr(existing, k)), _shown(v)] for k, v in change.items()}
                result[r.row] = ("changed", shown)
                if self.writer:
                    self.writer.update_document(existing.id, dict(change))
        return result

    def _check_same_document(self, r: ParsedRow, key: tuple) -> None:
        first_row, first = self.doc_first[key]
        for k, v in r.doc.items():
            if k in first and v != first[k] and (r.doc_key, k) not in self.doc_warned:
                self.doc_warned.add((r.doc_key, k))
                self.warnings.append(f"row {r.row}: {k.replace('_', ' ')} '{_shown(v)}' differs from row "
                                     f"{first_row} for the same report ('{_shown(first[k])}'); the first is kept")

    def _find_documents(self, keys: set[tuple]) -> dict[tuple, Row]:
        from .import_rows import document_key
        refs = {k[2] for k in keys if k[1] == "ref"}
        titles = {k[2] for k in keys if k[1] == "title"}
        cols = (SourceDocument.id, SourceDocument.kind, SourceDocument.reference, *[
            getattr(SourceDocument, f) for f in _DOC_FIELDS if f != "title"], SourceDocument.title)
        found: dict[tuple, Row] = {}
        for chunk in _chunks(sorted(refs)):
            for d in self.s.execute(select(*cols).where(func.lower(SourceDocument.reference).in_(chunk))
                                    .order_by(SourceDocument.id)):
                found.setdefault((d.kind.value, "ref", d.reference.lower()), d)
        for chunk in _chunks(sorted(titles)):
            for d in self.s.execute(select(*cols).where(func.lower(SourceDocument.title).in_(chunk))
                                    .order_by(SourceDocument.id)):
                found.setdefault(document_key(d.kind, "", d.title), d)
        return {k: found[k] for k in keys if k in found}

    # -- people ------------------------------------------------------------------------------------------------
    def _owner_id(self, name: str | None):
        """The person's id; for a name not yet known: created (apply) or the marker ('new', name) (preview)."""
        if name is None:
            return None
        if self.people is None:
            self.people = {}
            for pid, pname in self.s.execute(select(Person.id, Person.name).order_by(Person.id.desc())):
                self.people[pname.lower()] = pid
                self.person_names[pid] = pname
        key = name.lower()
        if key in self.people:
            return self.people[key]
        if self.writer is None:
            return ("new person", name)
        pid = self.writer.person(name)
        self.people[key] = pid
        self.person_names[pid] = name
        return pid

    def _person_shown(self, value):
        if isinstance(value, tuple):
            return value[1]
        return self.person_names.get(value, value)

    def _hubs_shown(self, ids) -> str:
        return "; ".join(self.ctx.hubs.names.get(h, str(h)) for h in ids or [])

    # -- recommendations ------------------------------------------------------------------------------------------
    def _recommendations(self, rows: list[ParsedRow]) -> None:
        doc_changes = self._documents(rows)
        keyed = []
        for r in rows:
            self.positions[(r.doc_key, r.ref)] += 1
            keyed.append((r, self.positions[(r.doc_key, r.ref)]))
        doc_ids = {d for r in rows if (d := self.docs.get(r.doc_key)) is not None}
        existing = self._existing_recs(doc_ids, {r.ref for r in rows}) if doc_ids else {}
        ids = [e.id for e in existing.values()]
        links = self._links(ids)
        busy = self._with_open_actions(ids)
        latest = self._latest_updates(ProgressUpdate.recommendation_id, ids)
        owner_mapped = "owner" in self.ctx.fields
        creating = []
        for r, pos in keyed:
            doc_id = self.docs.get(r.doc_key)
            cur = existing.get((doc_id, r.ref, pos)) if doc_id is not None else None
            owner = self._owner_id(r.owner) if owner_mapped else None
            if cur is None:
                self._settle_status(r, "recommendation", RecStatus.NEW, new=True)
                if self.writer:
                    values = {"document_id": doc_id, "reference": r.ref, "position": pos, **r.values}
                    if owner_mapped:
                        values["owner_id"] = owner
                    creating.append({"values": values, "hubs": r.hub_ids, "update": r.update_text,
                                     "facts": r.facts})
                self._out(RowOutcome(r.row, "new", "recommendation", _rec_label(r, pos)))
                continue
            r.facts.hubs = bool(r.hub_ids) if r.hub_ids is not None else bool(links.get(cur.id))
            r.facts.open_actions = cur.id in busy
            self._settle_status(r, "recommendation", cur.status, new=False)
            change, shown = self._compare(r, cur, _REC_FIELDS, ("target_date", "current_target_date", "target date"),
                                          owner_mapped, owner, latest)
            if r.hub_ids is not None:
                now = links.get(cur.id, [])
                if (sorted(now), now[:1]) != (sorted(r.hub_ids), r.hub_ids[:1]):
                    change["hubs"] = r.hub_ids
                    shown["hubs"] = [self._hubs_shown(now), self._hubs_shown(r.hub_ids)]
            shown.update(doc_changes.get(r.row, ("", {}))[1])
            if shown:
                if self.writer and change:
                    self.writer.update_recommendation(cur.id, change, r.facts)
                self._out(RowOutcome(r.row, "changed", "recommendation", _rec_label(r, pos), shown))
            else:
                self.counts["unchanged"] += 1  # not listed: the hot path of a re-import
        if self.writer and creating:
            self.writer.create_recommendations(creating)

    def _settle_status(self, r: ParsedRow, kind: str, start, *, new: bool) -> None:
        """The status the lifecycle lets this import reach from `start` towards the register's; the row says it
        when that falls short (previews too, so the user sees it before anything is written), and a new item keeps
        the register's word in its notes (as does an existing one whose notes the register writes anyway; otherwise
        its notes are the app's, not overwritten)."""
        wanted = r.values.get("status")
        if wanted is None or self.ctx.historic:
            return
        route = bulk.plan(kind, start, wanted, self.ctx.role, r.facts)
        if not route.complete:
            self.warnings.append(f"row {r.row}: {describe(route)}")
            r.values["status"] = route.reached
            if not new and "notes" not in r.values:
                return
            kept = f"Status in spreadsheet: {wanted.label}"  # the register's word is kept, not lost
            notes = r.values.get("notes", "")
            r.values["notes"] = f"{notes}\n{kept}" if notes else kept

    def _with_open_actions(self, rec_ids: list[int]) -> set[int]:
        """The recommendations among these with a linked action still open (they cannot be delivered yet)."""
        out: set[int] = set()
        for chunk in _chunks(rec_ids):
            out.update(self.s.scalars(
                select(ActionRecommendation.recommendation_id).join(Action, Action.id == ActionRecommendation.action_id)
                .where(ActionRecommendation.recommendation_id.in_(chunk), Action.status.in_(OPEN_ACTION_STATUSES))
                .distinct()))
        return out

    def _compare(self, r: ParsedRow, cur, fields: tuple, date: tuple[str, str, str], owner_mapped: bool, owner,
                 latest: dict[int, str]) -> tuple[dict, dict]:
        """What differs between the row and the register: (values to write, field → [old, new] to show)."""
        change, shown = {}, {}
        for k in fields:
            if k in r.values and r.values[k] != getattr(cur, k):
                change[k], shown[k] = r.values[k], [_shown(getattr(cur, k)), _shown(r.values[k])]
        key, column, label = date
        new_date = r.values.get(key)
        if new_date is not None and new_date != getattr(cur, column):
            change[key] = new_date
            shown[label] = [_shown(getattr(cur, column)), _shown(new_date)]
        if owner_mapped and owner != cur.owner_id:
            change["owner_id"] = owner
            shown["owner"] = [self._person_shown(cur.owner_id), self._person_shown(owner)]
        if r.update_text and r.update_text != latest.get(cur.id):
            change["update"] = r.update_text
            shown["latest update"] = [latest.get(cur.id), r.update_text]
        return change, shown

    def _existing_recs(self, doc_ids: set[int], refs: set[str]) -> dict[tuple, Row]:
        cols = (Recommendation.id, Recommendation.document_id, Recommendation.reference, Recommendation.position,
                *[getattr(Recommendation, f) for f in _REC_FIELDS], Recommendation.owner_id,
                Recommendation.current_target_date)
        out: dict[tuple, Row] = {}
        for docs in _chunks(sorted(doc_ids)):
            for refs_chunk in _chunks(sorted(refs)):
                q = select(*cols).where(Recommendation.document_id.in_(docs), Recommendation.reference.in_(refs_chunk))
                for row in self.s.execute(q):
                    out[(row.document_id, row.reference, row.position)] = row
        return out

    def _links(self, rec_ids: list[int]) -> dict[int, list[int]]:
        links: dict[int, list[int]] = {}
        for chunk in _chunks(rec_ids):
            q = (select(RecommendationHub.recommendation_id, RecommendationHub.hub_id, RecommendationHub.is_lead)
                 .where(RecommendationHub.recommendation_id.in_(chunk)))
            for rid, hid, lead in self.s.execute(q):
                lst = links.setdefault(rid, [])
                lst.insert(0, hid) if lead else lst.append(hid)
        return links

    def _latest_updates(self, parent_col, ids: list[int]) -> dict[int, str]:
        out = {}
        for chunk in _chunks(ids):
            newest = (select(func.max(ProgressUpdate.id)).where(parent_col.in_(chunk)).group_by(parent_col))
            for pid, text in self.s.execute(select(parent_col, ProgressUpdate.text)
                                            .where(ProgressUpdate.id.in_(newest))):
                out[pid] = text
        return out

    # -- actions -------------------------------------------------------------------------------------------------
    @staticmethod
    def _action_key(r: ParsedRow) -> tuple:
        hub = r.hub
        return (hub, "ref", r.ref.lower()) if r.ref else (hub, "title", r.values["title"].lower())

    def _actions(self, rows: list[ParsedRow]) -> None:
        unique = []
        for r in rows:
            key = self._action_key(r)
            if key in self.action_seen:
                what = f"action '{r.ref}'" if r.ref else "the same action"
                self._out(RowOutcome(r.row, "rejected", "action", r.label,
                                     reason=f"row {r.row}: {what} appears again (first at row "
                                            f"{self.action_seen[key]}); this row is ignored"))
                continue
            self.action_seen[key] = r.row
            unique.append(r)
        existing = self._existing_actions(unique)
        ids = [e.id for e in existing.values()]
        linked = self._action_links(ids)
        latest = self._latest_updates(ProgressUpdate.action_id, ids)
        owner_mapped = "owner" in self.ctx.fields
        creating = []
        for r in unique:
            recs = self._resolve_link(r)
            owner = self._owner_id(r.owner) if owner_mapped else None
            cur = existing.get(self._action_key(r))
            self._settle_status(r, "action", ActionStatus.OPEN if cur is None else cur.status, new=cur is None)
            if cur is None:
                if self.writer:
                    values = {"reference": r.ref, "hub_id": r.hub, **r.values}
                    if owner_mapped:
                        values["owner_id"] = owner
                    creating.append({"values": values, "recs": recs, "update": r.update_text, "facts": r.facts})
                self._out(RowOutcome(r.row, "new", "action", r.label))
                continue
            change, shown = self._compare(r, cur, _ACTION_FIELDS, ("due_date", "current_due_date", "due date"),
                                          owner_mapped, owner, latest)
            now = linked.get(cur.id, [])
            if recs and not set(recs) <= set(now):
                change["recs"] = sorted(set(now) | set(recs))
                shown["recommendations"] = [now, change["recs"]]
            if change:
                if self.writer:
                    self.writer.update_action(cur.id, change, r.facts)
                self._out(RowOutcome(r.row, "changed", "action", r.label, shown))
            else:
                self.counts["unchanged"] += 1
        if self.writer and creating:
            self.writer.create_actions(creating)

    def _existing_actions(self, rows: list[ParsedRow]) -> dict[tuple, Row]:
        hubs = sorted({r.hub for r in rows})
        refs = sorted({r.ref for r in rows if r.ref})
        titles = sorted({r.values["title"] for r in rows if not r.ref})
        cols = (Action.id, Action.hub_id, Action.reference, *[getattr(Action, f) for f in _ACTION_FIELDS],
                Action.owner_id, Action.current_due_date)
        out: dict[tuple, Row] = {}
        for chunk in _chunks(refs):
            for a in self.s.execute(select(*cols).where(Action.hub_id.in_(hubs), Action.reference.in_(chunk))
                                    .order_by(Action.id.desc())):
                out[(a.hub_id, "ref", a.reference.lower())] = a
        for chunk in _chunks(titles):
            for a in self.s.execute(select(*cols).where(Action.hub_id.in_(hubs), Action.reference == "",
                                                        Action.title.in_(chunk)).order_by(Action.id.desc())):
                out[(a.hub_id, "title", a.title.lower())] = a
        return out

    def _action_links(self, ids: list[int]) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for chunk in _chunks(ids):
            for aid, rid in self.s.execute(select(ActionRecommendation.action_id,
                                                  ActionRecommendation.recommendation_id)
                                           .where(ActionRecommendation.action_id.in_(chunk))):
                out.setdefault(aid, []).append(rid)
        return out

    def _resolve_link(self, r: ParsedRow) -> list[int]:
        """The one recommendation a 'Linked Rec' cell names: by reference within the row's report, else among
        the recommendations the action's hub holds. Ambiguous or unknown → kept as text, with a warning."""
        if not r.linked_ref:
            return []
        doc_id = self.docs.get(r.doc_key) if r.doc_key else None
        key = (r.linked_ref.lower(), doc_id, r.hub)
        if key not in self.link_cache:
            q = select(Recommendation.id).where(func.lower(Recommendation.reference) == key[0])
            if doc_id is not None:
                q = q.where(Recommendation.document_id == doc_id)
            else:
                q = q.join(RecommendationHub, RecommendationHub.recommendation_id == Recommendation.id).where(
                    RecommendationHub.hub_id == key[2])
            self.link_cache[key] = sorted(set(self.s.scalars(q.limit(3))))
        found = self.link_cache[key]
        if len(found) == 1:
            return found
        why = "matches several recommendations" if found else "is not in the register"
        self.warnings.append(f"row {r.row}: linked recommendation '{r.linked_ref}' {why}; not linked, kept as text "
                             f"in the notes")
        note = f"Linked recommendation in spreadsheet: {r.linked_ref}"
        notes = r.values.get("notes", "")
        r.values["notes"] = f"{notes}\n{note}" if notes else note
        return []


def _rec_label(r: ParsedRow, position: int) -> str:
    return r.label if position == 1 else f"{r.label} ({position})"


def _chunks(items: list, size: int = 900):
    items = list(items)
    for i in range(0, len(items), size):
        yield items[i:i + size]
