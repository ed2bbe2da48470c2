"""A chase run: select each owner's items, write their .eml draft and .ics, optionally send through the relay, and
record the chases that were written (or sent) in one transaction. A dry run only lists what would be sent.

    report = run_chase(db, ChaseCriteria(hub_code="NW"), actor, out_dir=Path("chasers"))
    report = run_chase(db, criteria, actor, out_dir=..., smtp=SmtpSettings("relay", 25, "ol@force.uk"))

Long work reports progress through a plain callback and checks a cancel flag (no Qt here). A cancelled run records
the chases already done (a sent email cannot be unsent) and says so.
"""
from __future__ import annotations

import datetime as dt
import re
import smtplib
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from ol_desk.core.errors import OlDeskError, ValidationError
from ol_desk.core.lifecycle import WORKERS
from ol_desk.core.model import Meta, utcnow
from ol_desk.core.services import chases as chase_service
from ol_desk.core.services.actor import Actor
from ol_desk.core.services.changes import Changes
from ol_desk.core.services.writes import require_role

from .calendar_file import calendar
from .email_draft import build_message, message_bytes
from .selection import DUE_SOON, OVERDUE, STALE, ChaseCriteria, OwnerChase, select_chases
from .smtp_sender import Relay, SmtpSettings

PLANNED, WRITTEN, SENT, FAILED, NO_ADDRESS, SKIPPED = ("would be chased", "draft written", "sent", "failed",
                                                       "not sent: no email address", "not done: cancelled")


@dataclass
class OwnerOutcome:
    chase: OwnerChase
    status: str = PLANNED
    eml: Path | None = None
    ics: Path | None = None
    problem: str = ""

    @property
    def recorded(self) -> bool:
        return self.status in (WRITTEN, SENT)

    def line(self) -> str:
        c = self.chase
        counts = (f"{len(c.items)} item(s): {c.count(OVERDUE)} overdue, {c.count(DUE_SOON)} due soon, "
                  f"{c.count(STALE)} stale")
        to = c.email or "no email address (To left empty)"
        tail = f" — {self.problem}" if self.problem else ""
        return f"{c.name} <{to}>: {counts} — {self.status}{tail}"

    def as_dict(self) -> dict:
        c = self.chase
        return {"owner": c.name, "owner_id": c.owner_id, "email": c.email, "hub": c.hub, "items": len(c.items),
                "overdue": c.count(OVERDUE), "due_soon": c.count(DUE_SOON), "stale": c.count(STALE),
                "status": self.status, "recorded": self.recorded, "problem": self.problem,
                "eml": str(self.eml) if self.eml else None, "ics": str(self.ics) if self.ics else None,
                "recommendations": c.recommendation_ids, "actions": c.action_ids}


@dataclass
class ChaseReport:
    outcomes: list[OwnerOutcome] = field(default_factory=list)
    dry_run: bool = False
    sending: bool = False
    out_dir: Path | None = None
    cancelled: bool = False

    @property
    def recorded(self) -> list[OwnerOutcome]:
        return [o for o in self.outcomes if o.recorded]

    @property
    def without_address(self) -> list[OwnerOutcome]:
        return [o for o in self.outcomes if not o.chase.email]

    @property
    def failed(self) -> list[OwnerOutcome]:
        return [o for o in self.outcomes if o.status == FAILED]

    def summary(self) -> str:
        if not self.outcomes:
            return "Nothing to chase: no owner has an overdue, due-soon or stale item in this selection."
        n = len(self.outcomes)
        items = sum(len(o.chase.items) for o in self.outcomes)
        if self.dry_run:
            text = f"Dry run: {n} owner(s) would be chased for {items:,} item(s); nothing was written or recorded."
        else:
            done = len(self.recorded)
            what = "Chasers sent to" if self.sending else "Chaser drafts written for"
            text = f"{what} {done} of {n} owner(s), recorded in each item's history"
            text += f"; files in {self.out_dir}." if self.out_dir else "."
        if self.without_address:
            text += (f" {len(self.without_address)} owner(s) have no email address: their draft has an empty To "
                     f"({', '.join(o.chase.name for o in self.without_address[:5])}"
                     f"{'…' if len(self.without_address) > 5 else ''}).")
        if self.failed:
            text += (f" Failed for {len(self.failed)} owner(s) "
                     f"({', '.join(o.chase.name for o in self.failed[:5])}): not recorded as chased.")
        if self.cancelled:
            text += " Cancelled: owners not reached were not chased."
        return text

    def as_dict(self) -> dict:
        return {"dry_run": self.dry_run, "sending": self.sending, "cancelled": self.cancelled,
                "out_dir": str(self.out_dir) if self.out_dir else None, "summary": self.summary(),
                "owners": [o.as_dict() for o in self.outcomes]}


def file_stem(chase: OwnerChase) -> str:
    words = re.sub(r"[^A-Za-z0-9]+", "-", chase.name).strip("-").lower() or "owner"
    return f"chase-{words[:60]}-{chase.owner_id}"


Progress = Callable[..., None]


def plan(db, criteria: ChaseCriteria, actor: Actor) -> tuple[list[OwnerChase], str]:
    with db.reading() as session:
        owners = select_chases(session, criteria, actor)
        uid = session.get(Meta, "uid")
        return owners, uid.value if uid is not None else ""


def run_chase(db, criteria: ChaseCriteria, actor: Actor, *, out_dir: Path | None, dry_run: bool = False,
              smtp: SmtpSettings | None = None, from_address: str = "", progress: Progress | None = None,
              cancel: Callable[[], bool] | None = None) -> tuple[Changes, ChaseReport]:
    """`from_address`: the drafts' From (when sending, the relay's sender is used); without one a draft has no
    From and the mail program fills in the account it is sent from."""
    progress = progress or (lambda *a, **k: None)
    cancel = cancel or (lambda: False)
    if not dry_run:
        require_role(actor, WORKERS, "chase owners")
        if out_dir is None:
            raise ValidationError("Choose a folder for the chasers' drafts (--out DIR).")
        if smtp is not None and not smtp.sender:
            raise ValidationError("Sending needs a From address (the relay's sender): set it in the chase settings "
                                  "or with --from. Nothing was sent or recorded.")
    progress(0, 0, "Finding what to chase…")
    owners, uid = plan(db, criteria, actor)
    report = ChaseReport([OwnerOutcome(o) for o in owners], dry_run=dry_run, sending=smtp is not None,
                         out_dir=out_dir)
    if dry_run or not owners:
        return Changes(), report
    assert out_dir is not None
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ValidationError(f"Cannot make the folder {out_dir}: {exc.strerror or exc}.") from exc
    now = utcnow()
    sender = smtp.sender if smtp else from_address
    with Relay(smtp) if smtp is not None else nullcontext() as relay:
        for n, outcome in enumerate(report.outcomes):
            if cancel():
                report.cancelled = True
                break
            progress(n, len(owners), f"{'Sending' if relay else 'Writing'} {outcome.chase.name}'s chaser")
            try:
                data = _write(outcome, out_dir, actor, sender, uid, criteria.day(), now)
            except OSError as exc:   # this owner is not chased; the others still are (and are recorded)
                outcome.status, outcome.problem = FAILED, f"could not write the draft: {exc.strerror or exc}"
                continue
            if relay is None:
                outcome.status = WRITTEN
            else:
                _send(outcome, relay, sender, data, out_dir)
    for o in report.outcomes:
        if o.status == PLANNED:
            o.status = SKIPPED
    return _record(db, actor, report, now), report


def _write(outcome: OwnerOutcome, out_dir: Path, actor: Actor, sender_address: str, uid: str, on: dt.date,
           now: dt.datetime) -> bytes:
    chase = outcome.chase
    stem = file_stem(chase)
    ics_text = calendar(chase.items, owner=chase.name, database_uid=uid, stamp=now)
    msg = build_message(chase, sender=actor.name, sender_address=sender_address, ics_text=ics_text,
                        ics_name=f"{stem}.ics", on=on, now=now)
    data = message_bytes(msg)
    (out_dir / f"{stem}.ics").write_bytes(ics_text.encode("utf-8"))
    (out_dir / f"{stem}.eml").write_bytes(data)
    outcome.eml, outcome.ics = out_dir / f"{stem}.eml", out_dir / f"{stem}.ics"
    return data


def _send(outcome: OwnerOutcome, relay: Relay, sender: str, data: bytes, out_dir: Path) -> None:
    if not outcome.chase.email:
        outcome.status, outcome.problem = NO_ADDRESS, "send the draft by hand"
        return
    try:
        relay.send(data, sender, outcome.chase.email)
        outcome.status = SENT
    except (OSError, smtplib.SMTPException) as exc:
        outcome.status, outcome.problem = FAILED, f"{exc}; the draft is in {out_dir}"


def _record(db, actor: Actor, report: ChaseReport, now: dt.datetime) -> Changes:
    records = [chase_service.ChaseRecord(o.chase.owner_id, o.chase.email, "sent" if o.status == SENT else "draft",
                                         o.chase.recommendation_ids, o.chase.action_ids) for o in report.recorded]
    if not records:
        return Changes()
    try:
        with db.transaction() as session:
            return chase_service.record_chases(session, actor, records, at=now)
    except OlDeskError as exc:
        done = "sent" if report.sending else "written"
        raise type(exc)(f"The chasers were {done} but could not be recorded: {exc} Their files are in "
                        f"{report.out_dir}; run the chase again to record it.") from exc
