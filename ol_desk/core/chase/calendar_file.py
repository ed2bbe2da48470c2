"""An owner's due dates as an iCalendar file (RFC 5545): one all-day VEVENT per item with a due date.

CRLF line ends, content lines folded at 75 octets (never inside a UTF-8 character), TEXT values escaped. The UID is
stable per item and due date (a calendar that imports the file again updates the event instead of doubling it; a
new due date is a new event), DTSTAMP is when the file was made.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache

from ol_desk.core.model.enums import Entity

from .selection import ChaseItem

PRODID = "-//ol-desk//Chasers//EN"


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines escaped."""
    if "\\" in value:
        value = value.replace("\\", "\\\\")
    if ";" in value:
        value = value.replace(";", "\\;")
    if "," in value:
        value = value.replace(",", "\\,")
    if "\n" in value or "\r" in value:
        value = value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")
    return value


def fold(line: str) -> str:
    """One content line folded so that no physical line exceeds 75 octets (continuations start with a space)."""
    if line.isascii():
        if len(line) <= 75:
            return line
        return "\r\n ".join([line[:75], *(line[i:i + 74] for i in range(75, len(line), 74))])
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line
    parts: list[str] = []
    limit = 75
    while raw:
        cut = min(limit, len(raw))
        while cut < len(raw) and (raw[cut] & 0xC0) == 0x80:  # never split a UTF-8 character
            cut -= 1
        parts.append(raw[:cut].decode("utf-8"))
        raw = raw[cut:]
        limit = 74  # the leading space of a continuation line counts
    return "\r\n ".join(parts)


@lru_cache(maxsize=4096)
def _day(d: dt.date) -> str:
    return f"{d:%Y%m%d}"


@lru_cache(maxsize=4096)
def _day_after(d: dt.date) -> str:
    return f"{d + dt.timedelta(days=1):%Y%m%d}"


def uid(item: ChaseItem, database_uid: str) -> str:
    assert item.due is not None
    kind = "recommendation" if item.entity is Entity.RECOMMENDATION else "action"
    return f"{kind}-{item.id}-due-{_day(item.due)}@{database_uid or 'ol-desk'}"


def calendar(items: Iterable[ChaseItem], *, owner: str, database_uid: str, stamp: dt.datetime) -> str:
    """The file's text (CRLF line ends). Items without a due date are left out (there is nothing to put in a
    calendar); an owner with none still gets a valid, empty calendar."""
    stamp_text = stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{escape_text(f'Organisational learning due dates: {owner}')}"]
    head = "".join(fold(line) + "\r\n" for line in lines)
    events = []
    for item in items:
        if item.due is None:
            continue
        kind = "Recommendation" if item.entity is Entity.RECOMMENDATION else "Action"
        description = (f"{kind} {item.label}: {item.title}\nStatus: {item.status}\n"
                       f"Needed next: {item.next_step}\nOFFICIAL-SENSITIVE")
        summary = escape_text(f"Due: {item.label} — {item.title}"[:200])
        # only the lines that hold free text can be longer than 75 octets: the rest are written as they are
        events.append(f"BEGIN:VEVENT\r\n{fold(f'UID:{uid(item, database_uid)}')}\r\nDTSTAMP:{stamp_text}\r\n"
                      f"DTSTART;VALUE=DATE:{_day(item.due)}\r\nDTEND;VALUE=DATE:{_day_after(item.due)}\r\n"
                      f"{fold(f'SUMMARY:{summary}')}\r\n{fold(f'DESCRIPTION:{escape_text(description)}')}\r\n"
                      "TRANSP:TRANSPARENT\r\nCLASS:CONFIDENTIAL\r\nEND:VEVENT\r\n")
    return head + "".join(events) + "END:VCALENDAR\r\n"
