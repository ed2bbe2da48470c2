"""The active hubs for pickers: (id, code, name), by name."""
from __future__ import annotations

from sqlalchemy import select

from ol_desk.core.model import Hub


def hub_ids_by_code(session) -> list[tuple[int, str, str]]:
    return [tuple(r) for r in session.execute(select(Hub.id, Hub.code, Hub.name).where(Hub.active)
                                              .order_by(Hub.name))]
