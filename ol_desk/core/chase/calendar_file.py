"""An owner's due dates as an iCalendar file (RFC 5545): one all-day VEVENT per item with a due date.

CRLF line ends, content lines folded at 75 octets (never inside a UTF-8 character), TEXT values escaped. The UID is
stable per item and due date (a calendar that imports the file again updates the event instead of doubling it; a
new due date is a new event), DTSTAMP is when the file was made.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .selection import ChaseItem

PRODID = "-//ol-desk//Chasers//EN"


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines escaped."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """One content line folded so that no physical line exceeds 75 octets (continuations start with a space)."""
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


def uid(item: ChaseItem, database_uid: str) -> str:
    assert item.due is not None
    return f"{item.entity.value}-{item.id}-due-{item.due:%Y%m%d}@{database_uid or 'ol-desk'}"


def calendar(items: Iterable[ChaseItem], *, owner: str, database_uid: str, stamp: dt.datetime) -> str:
    """The file's text (CRLF line ends). Items without a due date are left out (there is nothing to put in a
    calendar); an owner with none still gets a valid, empty calendar."""
    stamp_text = stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{escape_text(f'Organisational learning due dates: {owner}')}"]
    for item in items:
        if item.due is None:
            continue
        kind = "Recommendation" if item.entity.value == "recommendation" else "Action"
        description = (f"{kind} {item.label}: {item.title}\nStatus: {item.status}\n"
                       f"Needed next: {item.next_step}\nOFFICIAL-SENSITIVE")
        lines += ["BEGIN:VEVENT", f"UID:{uid(item, database_uid)}", f"DTSTAMP:{stamp_text}",
                  f"DTSTART;VALUE=DATE:{item.due:%Y%m%d}",
                  f"DTEND;VALUE=DATE:{item.due + dt.timedelta(days=1):%Y%m%d}",
                  f"SUMMARY:{escape_text(f'Due: {item.label} — {item.title}'[:200])}",
                  f"DESCRIPTION:{escape_text(description)}",
                  "TRANSP:TRANSPARENT", "CLASS:CONFIDENTIAL", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
