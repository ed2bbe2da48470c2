"""Saved column mappings ("profiles"): found by the header row's fingerprint, so a workbook with the same layout
is mapped the same way next time without asking."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ol_desk.core import lifecycle
from ol_desk.core.errors import ValidationError
from ol_desk.core.model import ImportProfile, utcnow
from ol_desk.core.model.enums import Entity
from ol_desk.core.services import writes
from ol_desk.core.services.actor import Actor


@dataclass(frozen=True)
class Profile:
    name: str
    signature: str
    columns: dict[str, str]     # header text → field key (or "ignore")
    kind: str | None = None
    hub: str | None = None
    document: str | None = None
    # field key → {the register's words → target}: the value mappings (see register_import/value_mapping.py)
    values: dict[str, dict[str, str]] = field(default_factory=dict)


def _load(row: ImportProfile) -> Profile:
    data = json.loads(row.mapping or "{}")
    return Profile(row.name, row.header_signature, dict(data.get("columns", {})), data.get("kind"), data.get("hub"),
                   data.get("document"), {f: dict(v) for f, v in (data.get("values") or {}).items()})


def by_signature(session: Session, signature: str) -> Profile | None:
    row = session.scalars(select(ImportProfile).where(ImportProfile.header_signature == signature)
                          .order_by(ImportProfile.updated_at.desc(), ImportProfile.id.desc()).limit(1)).first()
    return _load(row) if row else None


def by_name(session: Session, name: str) -> Profile:
    row = session.scalar(select(ImportProfile).where(ImportProfile.name == name.strip()))
    if row is None:
        known = ", ".join(session.scalars(select(ImportProfile.name).order_by(ImportProfile.name))) or "none yet"
        raise ValidationError(f"There is no import profile '{name}' (saved profiles: {known}).")
    return _load(row)


def all_profiles(session: Session) -> list[Profile]:
    return [_load(r) for r in session.scalars(select(ImportProfile).order_by(ImportProfile.name))]


def save(session: Session, actor: Actor, profile: Profile) -> None:
    """Create or replace the named profile (recorded in the audit trail)."""
    writes.require_role(actor, lifecycle.CPIC, "save import profiles")
    name = profile.name.strip()
    if not name or len(name) > 120:
        raise ValidationError("A profile needs a name of 1 to 120 characters.")
    data: dict[str, object] = {"columns": profile.columns, "kind": profile.kind, "hub": profile.hub,
                               "document": profile.document}
    if profile.values:   # a profile without value mappings keeps the form it always had
        data["values"] = profile.values
    mapping = json.dumps(data, sort_keys=True, ensure_ascii=False)
    row = session.scalar(select(ImportProfile).where(ImportProfile.name == name))
    if row is None:
        row = ImportProfile(name=name, header_signature=profile.signature, mapping=mapping)
        session.add(row)
        session.flush()
        writes.record(session, actor, "create", Entity.PROFILE, row.id,
                      {"fields": {"name": [None, name], "header_signature": [None, profile.signature],
                                  "mapping": [None, mapping]}}, announce=False)
        return
    changed = {k: [getattr(row, k), v] for k, v in (("header_signature", profile.signature), ("mapping", mapping))
               if getattr(row, k) != v}
    if changed:
        for k, (_old, new) in changed.items():
            setattr(row, k, new)
        row.updated_at = utcnow()
        session.flush()
        writes.record(session, actor, "update", Entity.PROFILE, row.id, {"fields": changed}, announce=False)
