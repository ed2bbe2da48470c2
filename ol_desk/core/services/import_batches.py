"""Import batches: the record that a file (a register import, a hub's returned workbook, a demo register) changed
the database, which every audit event it caused points at, so the whole file can be listed and undone together.
"""
from __future__ import annotations

import json

from sqlalchemy.orm import Session

from ol_desk.core.model import ImportBatch
from ol_desk.core.model.enums import Entity

from . import writes
from .actor import Actor


def open_batch(session: Session, actor: Actor, kind: str, source_name: str, *, sha256: str = "",
               detail: dict | None = None, summary: dict | None = None) -> int:
    """Start a batch and record its audit event ("import", with `detail`); returns the batch id. Run the batch's
    writes inside `writes.in_batch(session, batch_id)`."""
    batch_id = new_batch(session, actor, kind, source_name, sha256=sha256, summary=summary)
    with writes.in_batch(session, batch_id):
        writes.record(session, actor, "import", Entity.IMPORT, batch_id,
                      {"file": source_name, "sha256": sha256, **(detail or {})} if sha256 else
                      {"file": source_name, **(detail or {})}, announce=False)
    return batch_id


def new_batch(session: Session, actor: Actor, kind: str, source_name: str, *, sha256: str = "",
              summary: dict | None = None) -> int:
    """The batch row alone, for a writer that records its own event once its rows are in (the demo seed)."""
    batch = ImportBatch(kind=kind, source_name=source_name, sha256=sha256, actor=actor.name,
                        summary=json.dumps(summary or {}, sort_keys=True))
    session.add(batch)
    session.flush()
    return batch.id


def set_summary(session: Session, batch_id: int, summary: dict) -> None:
    """The counts shown in the batch list, written once the batch's rows are in."""
    batch = session.get(ImportBatch, batch_id)
    assert batch is not None, "the batch was opened in this transaction"
    batch.summary = json.dumps(summary, sort_keys=True)
    session.flush()
