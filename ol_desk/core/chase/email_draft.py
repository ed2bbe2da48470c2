"""One owner's chaser as an email (stdlib `email`): plain text and a simple HTML alternative listing their overdue,
due-soon and stale items with references, dates and what is needed next, their due dates attached as an .ics.

Saved as an .eml with `X-Unsent: 1`, Outlook opens it as a draft ready to send (Thunderbird opens it with
"Edit as new"); sent as is through SMTP.
"""
from __future__ import annotations

import base64
import datetime as dt
import html
import uuid
from email.message import EmailMessage
from email.policy import default as default_policy
from email.utils import format_datetime, formataddr, make_msgid
from functools import lru_cache

from ol_desk.core.model.enums import Entity

from .selection import DUE_SOON, OVERDUE, STALE, ChaseItem, OwnerChase

MARKING = "OFFICIAL-SENSITIVE"
EML_POLICY = default_policy.clone(linesep="\r\n")   # mail files are CRLF, as mail programs write them
_SECTIONS = ((OVERDUE, "Overdue"), (DUE_SOON, "Due soon"), (STALE, "No recent update"))


@lru_cache(maxsize=4096)
def _date(d: dt.date | None) -> str:
    return d.strftime("%d %b %Y") if d else "no date set"


def sections(chase: OwnerChase) -> list[tuple[str, list[ChaseItem]]]:
    """Each item once, under the first of overdue / due soon / stale that applies."""
    out = []
    for why, title in _SECTIONS:
        items = [i for i in chase.items if why in i.why and (why == OVERDUE or OVERDUE not in i.why)
                 and (why != STALE or DUE_SOON not in i.why)]
        if items:
            out.append((title, items))
    return out


def subject(chase: OwnerChase) -> str:
    n, overdue = len(chase.items), chase.count(OVERDUE)
    what = f"{n} item{'s' if n != 1 else ''} need{'s' if n == 1 else ''} your attention"
    return f"{MARKING}: Organisational learning — {what}" + (f" ({overdue} overdue)" if overdue else "")


def _kind(item: ChaseItem) -> str:
    return "Recommendation" if item.entity is Entity.RECOMMENDATION else "Action"


@lru_cache(maxsize=1024)
def _escaped(text: str) -> str:   # statuses and next steps repeat on every row
    return html.escape(text)


def plain_text(chase: OwnerChase, *, sender: str, on: dt.date) -> str:
    lines = [MARKING, "", f"Dear {chase.name},", "",
             f"These organisational learning items you own need your attention (as at {_date(on)}). "
             "Please update them in ol-desk, or reply to this email with the update.", ""]
    for title, items in sections(chase):
        lines += [f"{title} ({len(items)})", "-" * (len(title) + len(str(len(items))) + 3)]
        for i in items:
            lines.append(f"* {_kind(i)} {i.label}: {i.title}")
            lines.append(f"  Due: {_date(i.due)} · Status: {i.status} · Last update: {_date(i.last_update)}")
            lines.append(f"  Needed next: {i.next_step}")
        lines.append("")
    lines += ["The due dates are attached as a calendar file.", "", "Thank you,", sender, "", MARKING]
    return "\n".join(lines) + "\n"


def html_text(chase: OwnerChase, *, sender: str, on: dt.date) -> str:
    e = html.escape
    parts = [f"<html><body style=\"font-family: Segoe UI, Arial, sans-serif; font-size: 10pt\">"
             f"<p><b>{MARKING}</b></p><p>Dear {e(chase.name)},</p>"
             f"<p>These organisational learning items you own need your attention (as at {_date(on)}). Please "
             "update them in ol-desk, or reply to this email with the update.</p>"]
    for title, items in sections(chase):
        parts.append(f"<h3>{e(title)} ({len(items)})</h3><table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" "
                     "style=\"border-collapse: collapse\"><tr><th>Reference</th><th>Title</th><th>Due</th>"
                     "<th>Status</th><th>Last update</th><th>Needed next</th></tr>")
        for i in items:
            parts.append(f"<tr><td>{e(_kind(i))} {e(i.label)}</td><td>{e(i.title)}</td><td>{_date(i.due)}</td>"
                         f"<td>{_escaped(i.status)}</td><td>{_date(i.last_update)}</td><td>{_escaped(i.next_step)}</td></tr>\n")
        parts.append("</table>")
    parts.append(f"<p>The due dates are attached as a calendar file.</p><p>Thank you,<br>{e(sender)}</p>"
                 f"<p><b>{MARKING}</b></p></body></html>")
    return "".join(parts)


def build_message(chase: OwnerChase, *, sender: str, sender_address: str, ics_text: str, ics_name: str,
                  on: dt.date, now: dt.datetime) -> EmailMessage:
    """The chaser for one owner. An owner without an email address gets an empty To (fill it in before sending);
    without a sender address there is no From (the mail program fills in the account it sends from)."""
    msg = EmailMessage()
    msg["Subject"] = subject(chase)
    if sender_address:
        msg["From"] = formataddr((sender, sender_address))
    msg["To"] = chase.email
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = make_msgid(domain=(sender_address.rsplit("@", 1)[-1] if "@" in sender_address
                                           else "ol-desk.local"))
    msg["X-Unsent"] = "1"
    msg["Sensitivity"] = "Company-Confidential"
    # The parts are base64, encoded here in one C call each (set_content encodes line by line in Python, and
    # quoted-printable char by char): an owner with 1,500 items has a 2 MB message.
    msg["MIME-Version"] = "1.0"
    msg["Content-Type"] = "multipart/mixed"
    alternative = EmailMessage()
    alternative["Content-Type"] = "multipart/alternative"
    alternative.attach(_part("text/plain", plain_text(chase, sender=sender, on=on)))
    alternative.attach(_part("text/html", html_text(chase, sender=sender, on=on)))
    msg.attach(alternative)
    msg.attach(_part("text/calendar", ics_text, method="PUBLISH", filename=ics_name))
    return msg


def _part(content_type: str, text: str, *, method: str = "", filename: str = "") -> EmailMessage:
    part = EmailMessage()
    part["Content-Type"] = f'{content_type}; charset="utf-8"' + (f"; method={method}" if method else "")
    part["Content-Transfer-Encoding"] = "base64"
    if filename:
        part["Content-Disposition"] = f'attachment; filename="{filename}"'
    encoded = base64.b64encode(text.encode("utf-8")).decode("ascii")
    part.set_payload("\n".join(encoded[i:i + 76] for i in range(0, len(encoded), 76)) + "\n")
    return part


def _boundary() -> str:
    # '_', '.' and '-' are not in the base64 alphabet, so the boundary can never occur in a part's body
    return f"=_ol-desk.{uuid.uuid4().hex}"


def message_bytes(msg: EmailMessage) -> bytes:
    """The message as CRLF bytes, as `msg.as_bytes(policy=EML_POLICY)` gives them but without writing the base64
    bodies line by line (the generator's cost for a 2 MB chaser): headers folded by the same policy, each
    multipart's boundary set here (so no search through the bodies for a collision), bodies joined in C."""
    out: list[bytes] = []
    _flatten(msg, out)
    return b"".join(out)


def _flatten(part: EmailMessage, out: list[bytes]) -> None:
    if part.is_multipart() and part.get_boundary() is None:
        part.set_boundary(_boundary())
    for name, value in part.items():
        out.append(EML_POLICY.fold_binary(name, value))
    out.append(b"\r\n")
    if part.is_multipart():
        boundary = str(part.get_boundary()).encode("ascii")
        for child in part.iter_parts():
            out.append(b"--" + boundary + b"\r\n")
            _flatten(child, out)  # type: ignore[arg-type]
            out.append(b"\r\n")
        out.append(b"--" + boundary + b"--\r\n")
        return
    payload = part.get_payload()
    assert isinstance(payload, str) and part["Content-Transfer-Encoding"] == "base64", "chaser parts are base64"
    body = payload.replace("\r\n", "\n").replace("\n", "\r\n").encode("ascii")
    out.append(body if body.endswith(b"\r\n") else body + b"\r\n")
