"""Today's date (overridable for reproducible demos and tests) and the statutory response clocks."""
from __future__ import annotations

import datetime as dt
import os

from ol_desk.core.model.enums import SourceKind

TODAY_ENV = "OL_DESK_TODAY"

# Days allowed for the written response, from the date the report was issued.
# HMICFRS: the local policing body publishes comments within 56 days of publication (Police Act 1996 s55).
# PFD: Coroners (Investigations) Regulations 2013 reg 29, 56 days from the report.
# IOPC: Police Reform Act 2002 Sch 3 para 28B, 56 days.
STATUTORY_DAYS: dict[SourceKind, int] = {
    SourceKind.HMICFRS: 56,
    SourceKind.PFD: 56,
    SourceKind.IOPC: 56,
}

DEFAULT_STALE_DAYS = 60
DEFAULT_DUE_SOON_DAYS = 30


def today() -> dt.date:
    override = os.environ.get(TODAY_ENV)
    if override:
        return dt.date.fromisoformat(override)
    return dt.date.today()


def statutory_due(kind: SourceKind, issued: dt.date | None) -> dt.date | None:
    """The response due date a source kind's statutory clock gives, or None where there is no clock."""
    days = STATUTORY_DAYS.get(SourceKind(kind))
    if days is None or issued is None:
        return None
    return issued + dt.timedelta(days=days)


def days_left(due: dt.date | None, on: dt.date | None = None) -> int | None:
    if due is None:
        return None
    return (due - (on or today())).days
