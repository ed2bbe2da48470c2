"""Services for what is recorded against an item: progress updates and evidence (files or links)."""
from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

from sqlalchemy.orm import Session

from ol_desk.core import lifecycle
from ol_desk.core.dates import today
from ol_desk.core.errors import ValidationError
from ol_desk.core.model import Action, Evidence, ProgressUpdate, Recommendation
from ol_desk.core.model.enums import Entity, EvidenceKind

from . import writes
from .actor import Actor
from .changes import Changes

MAX_UPDATE_CHARS = 20_000
MAX_EVIDENCE_BYTES = 512 * 1024 * 1024


def _parent(session: Session, recommendation_id: int | None, action_id: int | None):
    if recommendation_id is not None and action_id is None:
        return Entity.RECOMMENDATION, writes.get(session, Recommendation, Entity.RECOMMENDATION, recommendation_id)
    if action_id is not None and recommendation_id is None:
        return Entity.ACTION, writes.get(session, Action, Entity.ACTION, action_id)
    raise ValidationError("Say which recommendation or which action this belongs to (one of them).")


def add_update(session: Session, actor: Actor, *, text: str, recommendation_id: int | None = None,
               action_id: int | None = None, written_on: dt.date | None = None) -> Changes:
    """Post a dated progress update. Updates are never edited: a correction is a new update."""
    writes.require_role(actor, lifecycle.EDITORS, "post progress updates")
    kind, parent = _parent(session, recommendation_id, action_id)
    text = (text or "").strip()
    if not text:
        raise ValidationError("A progress update needs some text.")
    if len(text) > MAX_UPDATE_CHARS:
        raise ValidationError(f"A progress update can be at most {MAX_UPDATE_CHARS:,} characters.")
    written_on = written_on or today()
    update = ProgressUpdate(recommendation_id=recommendation_id, action_id=action_id, written_on=written_on,
                            author=actor.name, text=text)
    changes = writes.create(session, actor, Entity.UPDATE, update)
    if parent.last_update_on is None or written_on > parent.last_update_on:
        changes |= writes.update(session, actor, kind, parent, {"last_update_on": written_on}, verb="updated")
    return changes


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def add_evidence_file(session: Session, actor: Actor, store_dir: Path, source: Path, *, description: str = "",
                      recommendation_id: int | None = None, action_id: int | None = None) -> Changes:
    """Copy a file into the managed evidence store (content-addressed by SHA-256) and record it."""
    writes.require_role(actor, lifecycle.EDITORS, "attach evidence")
    _parent(session, recommendation_id, action_id)
    source = Path(source)
    if not source.is_file():
        raise ValidationError(f"There is no file at {source}.")
    size = source.stat().st_size
    if size > MAX_EVIDENCE_BYTES:
        raise ValidationError(f"{source.name} is {size / 2**20:.0f} MB; evidence files can be at most "
                              f"{MAX_EVIDENCE_BYTES // 2**20} MB. Attach a link to where it is kept instead.")
    digest = sha256_of(source)
    relative = Path(digest[:2]) / digest / source.name
    target = Path(store_dir) / relative
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".part")
        shutil.copyfile(source, tmp)
        if sha256_of(tmp) != digest:
            tmp.unlink(missing_ok=True)
            raise ValidationError(f"{source.name} changed while it was being copied; try again.")
        tmp.replace(target)
    row = Evidence(recommendation_id=recommendation_id, action_id=action_id, kind=EvidenceKind.FILE,
                   description=description.strip(), original_name=source.name, stored_path=relative.as_posix(),
                   sha256=digest, size_bytes=size, added_by=actor.name)
    return writes.create(session, actor, Entity.EVIDENCE, row)


def add_evidence_link(session: Session, actor: Actor, url: str, *, description: str = "",
                      recommendation_id: int | None = None, action_id: int | None = None) -> Changes:
    writes.require_role(actor, lifecycle.EDITORS, "attach evidence")
    _parent(session, recommendation_id, action_id)
    url = (url or "").strip()
    if not url:
        raise ValidationError("A link needs an address.")
    row = Evidence(recommendation_id=recommendation_id, action_id=action_id, kind=EvidenceKind.LINK,
                   description=description.strip(), url=url, added_by=actor.name)
    return writes.create(session, actor, Entity.EVIDENCE, row)


def evidence_path(store_dir: Path, evidence: Evidence) -> Path:
    """Where a stored evidence file is; checks that it is still intact."""
    path = Path(store_dir) / evidence.stored_path
    if not path.is_file():
        raise ValidationError(f"The evidence file {evidence.original_name} is missing from the store.")
    if sha256_of(path) != evidence.sha256:
        raise ValidationError(f"The evidence file {evidence.original_name} no longer matches its SHA-256.")
    return path
