"""The database's uid (kept in `meta`): what ties a search index, a hub workbook or a witness file to this database.

Given once, when the database is created (or a server is set up), and never changed.
"""
from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from ol_desk.core.model import Meta


def ensure_uid(session: Session) -> str:
    """The uid, given now if the database has none yet (in the caller's transaction)."""
    row = session.get(Meta, "uid")
    if row is None:
        row = Meta(key="uid", value=uuid.uuid4().hex)
        session.add(row)
        session.flush()
    return row.value
