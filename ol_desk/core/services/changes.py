"""`Changes`: what a service call created, updated or deleted, so each view refreshes only what changed."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ol_desk.core.model.enums import Entity


def _merge(a: dict[Entity, frozenset[int]], b: dict[Entity, frozenset[int]]) -> dict[Entity, frozenset[int]]:
    out = dict(a)
    for kind, ids in b.items():
        out[kind] = out.get(kind, frozenset()) | ids
    return out


@dataclass(frozen=True)
class Changes:
    created: dict[Entity, frozenset[int]] = field(default_factory=dict)
    updated: dict[Entity, frozenset[int]] = field(default_factory=dict)
    deleted: dict[Entity, frozenset[int]] = field(default_factory=dict)
    # Set when the change belongs to an import batch (or undid one).
    batch_id: int | None = None

    @classmethod
    def one(cls, how: Literal["created", "updated", "deleted"], kind: Entity, entity_id: int) -> Changes:
        if how not in ("created", "updated", "deleted"):
            raise TypeError(f"Changes.one: unknown kind of change {how!r}")
        ids = {kind: frozenset({entity_id})}
        return cls(created=ids if how == "created" else {}, updated=ids if how == "updated" else {},
                   deleted=ids if how == "deleted" else {})

    def __or__(self, other: Changes) -> Changes:
        return Changes(_merge(self.created, other.created), _merge(self.updated, other.updated),
                       _merge(self.deleted, other.deleted), other.batch_id or self.batch_id)

    def __bool__(self) -> bool:
        return bool(self.created or self.updated or self.deleted)

    @property
    def kinds(self) -> frozenset[Entity]:
        return frozenset(self.created) | frozenset(self.updated) | frozenset(self.deleted)

    def ids(self, kind: Entity) -> frozenset[int]:
        return (self.created.get(kind, frozenset()) | self.updated.get(kind, frozenset())
                | self.deleted.get(kind, frozenset()))

    def touches(self, *kinds: Entity) -> bool:
        return any(k in self.kinds for k in kinds)

    def count(self) -> int:
        return sum(len(v) for d in (self.created, self.updated, self.deleted) for v in d.values())
