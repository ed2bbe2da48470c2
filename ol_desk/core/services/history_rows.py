"""The row arithmetic of undo and redo (`history.py`): which rows an audit event touched and how to put them back.

What is not a plain column of the event's own row is declared here once, for both directions:

* `LINKS`: link tables. Each belongs to one side (the owner), whose events record it as {key: [before, after]}
  (and, for a flag such as the lead hub, {"lead": [before, after]}); its rows go with the owner's row and come
  back with it. `others` says whether the other side is reported changed too: never (a hub does not show which
  recommendations it leads), "touched" (the related recommendations linked or unlinked), or "all" (every
  recommendation an action answers shows that action's progress).
* `OWNED`: rows an event made alongside its change and names in its detail (the DateChange of a moved date).
* `SHOWN_ON`: references whose target lists the referring row (a recommendation shows its progress updates, its
  evidence and the learning merged into it), so a change to the referrer is reported on the target too.

Every reversal records what it removed ("row", "link_rows", "owned_rows"), so reversing the reversal (redo, then
undo again) is the same arithmetic and brings back exactly the rows that went.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal, cast

from sqlalchemy import Date, DateTime, Enum, Table, delete, false, insert, select, update
from sqlalchemy.orm import Session

from ol_desk.core.errors import ConflictError
from ol_desk.core.model import (
    Action,
    Base,
    DateChange,
    Evidence,
    Hub,
    ImportProfile,
    LearningEntry,
    Person,
    ProgressUpdate,
    Recommendation,
    SourceDocument,
    Theme,
)
from ol_desk.core.model.base import table_of
from ol_desk.core.model.enums import Entity

from .changes import Changes

MODELS = {
    Entity.DOCUMENT.value: SourceDocument, Entity.RECOMMENDATION.value: Recommendation,
    Entity.ACTION.value: Action, Entity.UPDATE.value: ProgressUpdate, Entity.EVIDENCE.value: Evidence,
    Entity.HUB.value: Hub, Entity.THEME.value: Theme, Entity.PERSON.value: Person,
    Entity.LEARNING.value: LearningEntry, Entity.PROFILE.value: ImportProfile,
}
TABLE_ENTITY = {m.__tablename__: e for e, m in MODELS.items()}
BOOKKEEPING = {"created_at", "updated_at", "version"}
SEARCHABLE = {Entity.DOCUMENT.value, Entity.RECOMMENDATION.value, Entity.ACTION.value, Entity.UPDATE.value,
              Entity.EVIDENCE.value, Entity.LEARNING.value}


@dataclass(frozen=True)
class Link:
    table: str
    key: str                 # how the owner's events name it: {key: [before ids, after ids]}
    owner: Entity
    owner_column: str
    other: Entity
    other_column: str
    others: Literal["never", "touched", "all"] = "never"   # which rows of the other side a change reports
    symmetric: bool = False  # one row per pair, lower id first, read both ways (related recommendations)
    flag: str | None = None  # a column true for one link only, named by the event's "lead": [before, after]
    made_by: str | None = None   # a column naming who made the link

    @property
    def t(self) -> Table:
        return Base.metadata.tables[self.table]


LINKS = (
    Link("recommendation_hubs", "hubs", Entity.RECOMMENDATION, "recommendation_id", Entity.HUB, "hub_id",
         flag="is_lead"),
    Link("recommendation_themes", "themes", Entity.RECOMMENDATION, "recommendation_id", Entity.THEME, "theme_id"),
    Link("action_recommendations", "recommendations", Entity.ACTION, "action_id", Entity.RECOMMENDATION,
         "recommendation_id", others="all"),
    Link("related_links", "related", Entity.RECOMMENDATION, "recommendation_id", Entity.RECOMMENDATION,
         "related_id", others="touched", symmetric=True, made_by="linked_by"),
)
LINK_TABLES = {link.table: link for link in LINKS}
OWNED = {"date_change": table_of(DateChange)}
SHOWN_ON = {"progress_updates": ("recommendation_id", "action_id"), "evidence": ("recommendation_id", "action_id"),
            "learning_entries": ("recommendation_id",)}


def chunks(ids: Iterable[int], size: int = 500) -> Iterator[list[int]]:
    ordered = sorted(ids)
    for i in range(0, len(ordered), size):
        yield ordered[i:i + size]


def value(column, raw):
    """A JSON value from an audit event, back in the column's Python type."""
    if raw is None:
        return None
    t = column.type
    if isinstance(t, Enum) and t.enum_class is not None:
        return t.enum_class(raw)
    if isinstance(t, DateTime) or isinstance(getattr(t, "impl", None), DateTime):
        when = dt.datetime.fromisoformat(raw)
        return when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    if isinstance(t, Date):
        return dt.date.fromisoformat(raw)
    return raw


def row_values(table: Table, raw: dict) -> dict:
    return {k: value(table.c[k], v) for k, v in raw.items() if k in table.c}


def is_change(entry) -> bool:
    """{key: [before, after]} as link changes are recorded (a create's plain list only names the links made)."""
    return isinstance(entry, list) and len(entry) == 2 and all(isinstance(side, list) for side in entry)


# -- links -----------------------------------------------------------------------------------------------------
def linked(session: Session, link: Link, owner_ids: Iterable[int]) -> dict[int, dict[int, dict]]:
    """owner id -> {other id: the link row's own columns (not bookkeeping)}."""
    t, own, oth = link.t, link.owner_column, link.other_column
    extra = [c.name for c in t.c if c.name not in (own, oth) and c.name not in BOOKKEEPING]
    out: dict[int, dict[int, dict]] = {}
    for part in chunks(owner_ids):
        for row in session.execute(select(t).where(t.c[own].in_(part))).mappings():
            out.setdefault(row[own], {})[row[oth]] = {k: row[k] for k in extra}
        if link.symmetric:
            for row in session.execute(select(t).where(t.c[oth].in_(part))).mappings():
                out.setdefault(row[oth], {})[row[own]] = {k: row[k] for k in extra}
    return out


def _pair(link: Link, owner_id: int, other_id: int) -> dict[str, int]:
    a, b = sorted((owner_id, other_id)) if link.symmetric else (owner_id, other_id)
    return {link.owner_column: a, link.other_column: b}


def _still_there(session: Session, entity: Entity, row_id: int) -> None:
    """A row an undo links back to; if it was deleted since, the link cannot be put back."""
    if session.get(MODELS[entity.value], row_id) is None:
        raise ConflictError(f"Cannot undo: {entity.label.lower()} #{row_id} it was linked to no longer exists.")


def add_links(session: Session, link: Link, owner_id: int, rows: dict[int, dict], actor_name: str) -> None:
    """Link `owner_id` to each other id of `rows` (with the link row's recorded columns) not linked already."""
    present = linked(session, link, [owner_id]).get(owner_id, {})
    t = link.t
    for other, raw in sorted(rows.items()):
        if other in present:
            continue
        _still_there(session, link.other, other)
        defaults: dict[str, object] = {link.made_by: actor_name} if link.made_by else {}
        if link.flag:
            defaults[link.flag] = False
        session.execute(insert(t), [{**defaults, **row_values(t, raw), **_pair(link, owner_id, other)}])


def remove_links(session: Session, link: Link, owner_id: int, others: Iterable[int]) -> list[list]:
    """Unlink these; returns the rows removed, as [[other id, columns], …] (what putting them back needs)."""
    present = linked(session, link, [owner_id]).get(owner_id, {})
    t, gone = link.t, []
    for other in sorted(set(others) & set(present)):
        pair = _pair(link, owner_id, other)
        session.execute(delete(t).where(*(t.c[k] == v for k, v in pair.items())))
        gone.append([other, present[other]])
    return gone


def reverse_links(session: Session, link: Link, owner_id: int, detail: dict, actor_name: str) -> tuple[dict, set]:
    """Reverse {key: [before, after]}: unlink what it linked, link back what it unlinked (with the rows it
    recorded removing). Returns what the reversal records, and the other ids whose links changed."""
    before, after = (set(side) for side in detail[link.key])
    present = linked(session, link, [owner_id]).get(owner_id, {})
    now = set(present)
    recorded = {int(o): raw for o, raw in (detail.get("link_rows", {}).get(link.key) or [])}
    gone = remove_links(session, link, owner_id, after - before)
    add_links(session, link, owner_id, {o: recorded.get(o, {}) for o in before - after}, actor_name)
    new = (now - (after - before)) | (before - after)
    out: dict = {link.key: [sorted(now), sorted(new)]}
    if gone:
        out["link_rows"] = {link.key: gone}
    if link.flag and isinstance(detail.get("lead"), list):
        t, lead = link.t, detail["lead"][0]
        lead_now = next((o for o, raw in present.items() if raw.get(link.flag)), None)
        flag = (t.c[link.other_column] == lead) if lead is not None else false()
        session.execute(update(t).where(t.c[link.owner_column] == owner_id).values({link.flag: flag}))
        out["lead"] = [lead_now, lead]
    return out, (now ^ new)


def restore_links(session: Session, entity: str, row_id: int, link_rows: dict, actor_name: str) -> set[tuple]:
    """Put back the links a removed row had (recorded as {key: [[other, columns], …]}); the others reported."""
    reported: set[tuple] = set()
    for link in LINKS:
        if link.owner.value == entity and link.key in link_rows:
            rows = {int(o): raw for o, raw in link_rows[link.key]}
            add_links(session, link, row_id, rows, actor_name)
            if link.others != "never":
                reported |= {(link.other, o) for o in rows}
    return reported


def links_of(session: Session, entity: str, ids: list[int]) -> dict[int, dict[str, list]]:
    """row id -> {key: [[other, columns], …]} for the links these rows own (they go when the rows go)."""
    out: dict[int, dict[str, list]] = {}
    for link in LINKS:
        if link.owner.value != entity or link.symmetric:  # a related pair is refused by check_dependants
            continue
        for owner_id, rows in linked(session, link, ids).items():
            out.setdefault(owner_id, {})[link.key] = [[o, raw] for o, raw in sorted(rows.items())]
    return out


def shown_on_others(session: Session, entity: str, row_id: int) -> Changes:
    """The other sides that show this row (an action's recommendations), reported as updated."""
    changes = Changes()
    for link in LINKS:
        if link.owner.value == entity and link.others == "all":
            ids = linked(session, link, [row_id]).get(row_id, {})
            if ids:
                changes |= Changes(updated={link.other: frozenset(ids)})
    return changes


def shown_on(table: Table, values: Iterable[tuple[str, object]]) -> Changes:
    """The rows a referring row's columns point at, where those rows list it (SHOWN_ON)."""
    out: dict[Entity, set[int]] = {}
    for name, ref in values:
        if ref is None or name not in SHOWN_ON.get(table.name, ()):
            continue
        target = next(iter(table.c[name].foreign_keys)).column.table.name
        out.setdefault(Entity(TABLE_ENTITY[target]), set()).add(cast(int, ref))
    return Changes(updated={k: frozenset(v) for k, v in out.items()})


# -- owned rows --------------------------------------------------------------------------------------------------
def owned_rows_of(session: Session, target: Table, ids: list[int]) -> dict[int, dict[str, list[dict]]]:
    """row id -> {owned key: [rows]} for owned rows that hang off these rows (they go with them)."""
    out: dict[int, dict[str, list[dict]]] = {}
    for key, table in OWNED.items():
        for fk in table.foreign_keys:
            if fk.column.table is not target:
                continue
            for part in chunks(ids):
                for row in session.execute(select(table).where(fk.parent.in_(part))).mappings():
                    out.setdefault(row[fk.parent.name], {}).setdefault(key, []).append(dict(row))
    return out


def reverse_owned(session: Session, detail: dict) -> dict:
    """An event that made an owned row names it ({"date_change": id}): reversing removes it and records it; an
    event that removed owned rows recorded them ({"owned_rows": …}): reversing puts them back and names them."""
    out: dict = {}
    for key, table in OWNED.items():
        if detail.get(key) is not None:
            row = session.execute(select(table).where(table.c.id == detail[key])).mappings().first()
            if row is not None:
                session.execute(delete(table).where(table.c.id == detail[key]))
                out.setdefault("owned_rows", {})[key] = [dict(row)]
        for raw in detail.get("owned_rows", {}).get(key, []):
            session.execute(insert(table), [row_values(table, raw)])
            out[key] = raw["id"]
    return out


def restore_owned(session: Session, owned_rows: dict) -> None:
    for key, rows in owned_rows.items():
        table = OWNED[key]
        session.execute(insert(table), [row_values(table, raw) for raw in rows])


# -- what may go ------------------------------------------------------------------------------------------------
def _label(session: Session, entity: str | None, row_id: int) -> str:
    """'action NW-001 (#12)': how a person finds the row in the app."""
    model = MODELS.get(entity or "")
    obj = session.get(model, row_id) if model is not None else None
    name = ""
    if obj is not None:
        name = (getattr(obj, "reference", "") or getattr(obj, "name", "") or getattr(obj, "title", "") or "")[:40]
    return f"{entity} {name} (#{row_id})" if name else f"{entity} #{row_id}"


def _refs(session: Session, table: Table, col, ids: list[int], other_col=None) -> list[tuple[int, int]]:
    """(referring id, referred id) pairs: the row's own id, or for a link table the other side's id."""
    key = other_col if other_col is not None else table.c.id
    return [(r[0], r[1]) for r in session.execute(select(key, col).where(col.in_(ids)))]


def check_dependants(session: Session, deleting: dict[str, set[int]]) -> None:
    """Refuse, naming them, when rows made outside the events being reversed refer to rows about to be deleted
    (owned rows and the owner's own links go with it; anything else would be lost or left dangling)."""
    problems = []
    for entity, ids in deleting.items():
        target = table_of(MODELS[entity])
        for table in Base.metadata.sorted_tables:
            if table in OWNED.values():
                continue
            link = LINK_TABLES.get(table.name)
            for fk in table.foreign_keys:
                if fk.column.table is not target:
                    continue
                col = fk.parent
                if link is not None:
                    if col.name == link.owner_column and not link.symmetric:
                        continue
                    far = link.other_column if col.name == link.owner_column else link.owner_column
                    far_entity = (link.other if col.name == link.owner_column else link.owner).value
                    how, far_col = "is linked to", table.c[far]
                else:
                    far_entity, how, far_col = TABLE_ENTITY.get(table.name), "refers to", None
                    if far_entity is None:
                        continue
                for part in chunks(ids):
                    bad = [r for r in _refs(session, table, col, part, far_col)
                           if r[0] not in deleting.get(far_entity, set())]
                    problems += [(far_entity, r[0], how, entity, r[1]) for r in bad[:3]]
    if problems:
        shown = "; ".join(f"{_label(session, a, a_id)} {how} {_label(session, b, b_id)}"
                          for a, a_id, how, b, b_id in problems[:5])
        raise ConflictError(f"Cannot undo: rows made since depend on what it would remove ({shown}). "
                            f"Remove or unlink those first.")
