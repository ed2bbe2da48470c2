"""The recording helpers every service uses: create, update, delete a row with its audit event and search-outbox
entry in the caller's transaction, checking versions so that nothing is silently overwritten.

Services never commit: the caller (GUI operation, CLI command, importer) owns the transaction, so a whole file or
a whole command is one unit that commits or rolls back together.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import insert, inspect
from sqlalchemy.orm import Session

from ol_desk.core.errors import ConflictError, NotFoundError, PermissionDenied
from ol_desk.core.model import OutboxEntry
from ol_desk.core.model.enums import Entity, Role

from . import audit_trail, hub_scope
from .actor import Actor
from .changes import Changes

_BATCH_KEY = "ol_desk.batch_id"
_SKIP_FIELDS = {"created_at", "updated_at", "version"}


@contextmanager
def in_batch(session: Session, batch_id: int) -> Iterator[None]:
    """Tag every audit event written inside the block with an import batch id."""
    previous = session.info.get(_BATCH_KEY)
    session.info[_BATCH_KEY] = batch_id
    try:
        yield
    finally:
        if previous is None:
            session.info.pop(_BATCH_KEY, None)
        else:
            session.info[_BATCH_KEY] = previous


def current_batch(session: Session) -> int | None:
    return session.info.get(_BATCH_KEY)


def require_role(actor: Actor, roles: Iterable[Role], doing: str) -> None:
    roles = frozenset(roles)
    if actor.role not in roles:
        who = " or ".join(sorted(r.label for r in roles))
        raise PermissionDenied(f"Only {who} can {doing}; you are signed in as {actor.role.label}.")


def get(session: Session, cls, entity: Entity, entity_id: int):
    obj = session.get(cls, entity_id)
    if obj is None:
        raise NotFoundError(f"There is no {entity.label.lower()} with id {entity_id}.")
    return obj


def check_version(obj, entity: Entity, expected_version: int | None) -> None:
    if expected_version is not None and obj.version != expected_version:
        raise ConflictError(
            f"This {entity.label.lower()} was changed by someone else since you opened it "
            f"(your copy is version {expected_version}, the saved one is version {obj.version}). "
            f"Reload it to see their change, or keep yours to apply it on top.",
            entity=entity.value, entity_id=obj.id, expected_version=expected_version,
            current_version=obj.version)


def snapshot(obj) -> dict[str, Any]:
    """Every column value of a row except bookkeeping, by attribute name."""
    mapper = inspect(obj).mapper
    return {attr.key: getattr(obj, attr.key) for attr in mapper.column_attrs if attr.key not in _SKIP_FIELDS}


def record(session: Session, actor: Actor, verb: str, entity: Entity, entity_id: int | None,
           detail: dict | None = None, *, announce: bool = True) -> None:
    """Write one audit event (and, for a row change, a search-outbox entry) in the current transaction."""
    audit_trail.append(session, [audit_trail.PendingEvent(actor.name, verb, entity.value, entity_id, detail or {},
                                                          current_batch(session))])
    if announce and entity_id is not None:
        op = "delete" if verb == "delete" else "upsert"
        session.execute(insert(OutboxEntry), [{"entity": entity.value, "entity_id": entity_id, "op": op}])


def announce_rebuild(session: Session) -> None:
    """Ask the search indexer to rebuild from the tables (after a change too big to announce row by row)."""
    session.execute(insert(OutboxEntry), [{"entity": "*", "entity_id": 0, "op": "rebuild"}])


def announce(session: Session, entity: Entity, ids: Iterable[int], op: str = "upsert") -> None:
    rows = [{"entity": entity.value, "entity_id": i, "op": op} for i in ids]
    if rows:
        session.execute(insert(OutboxEntry), rows)


def create(session: Session, actor: Actor, entity: Entity, obj, *, extra: dict | None = None) -> Changes:
    hub_scope.require(session, actor, entity, obj)
    session.add(obj)
    session.flush()
    fields = {k: [None, v] for k, v in snapshot(obj).items() if k != "id" and v not in (None, "")}
    record(session, actor, "create", entity, obj.id, {"fields": fields, **(extra or {})})
    return Changes.one("created", entity, obj.id)


def diff(obj, values: dict[str, Any]) -> dict[str, list]:
    return {k: [getattr(obj, k), v] for k, v in values.items() if getattr(obj, k) != v}


def update(session: Session, actor: Actor, entity: Entity, obj, values: dict[str, Any], *,
           verb: str = "update", expected_version: int | None = None, extra: dict | None = None,
           force_event: bool = False) -> Changes:
    """Set changed fields, bump the version and record old→new for each. Unchanged values write nothing."""
    check_version(obj, entity, expected_version)
    hub_scope.require(session, actor, entity, obj)
    changed = diff(obj, values)
    if not changed and not force_event:
        return Changes()
    for key, (_old, new) in changed.items():
        setattr(obj, key, new)
    if not changed:
        # A link-only change (hubs, themes, actions) still bumps the version so stale copies conflict.
        obj.version = obj.version  # the mapper's version counter runs on any UPDATE
        from ol_desk.core.model.base import utcnow
        obj.updated_at = utcnow()
    session.flush()
    record(session, actor, verb, entity, obj.id, {"fields": changed, **(extra or {})})
    return Changes.one("updated", entity, obj.id)


def delete(session: Session, actor: Actor, entity: Entity, obj, *, expected_version: int | None = None,
           extra: dict | None = None) -> Changes:
    if hasattr(obj, "version"):
        check_version(obj, entity, expected_version)
    hub_scope.require(session, actor, entity, obj)
    before = snapshot(obj)
    entity_id = obj.id
    session.delete(obj)
    session.flush()
    record(session, actor, "delete", entity, entity_id, {"row": before, **(extra or {})})
    return Changes.one("deleted", entity, entity_id)
