"""What the chase dialog runs on the worker thread (no widgets here): choices for its pickers, and the run."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ol_desk.core.chase.run import ChaseReport, run_chase
from ol_desk.core.chase.selection import ChaseCriteria
from ol_desk.core.chase.smtp_sender import SmtpSettings
from ol_desk.core.model import Hub, Person
from ol_desk.core.services.actor import Actor
from ol_desk.core.services.changes import Changes


@dataclass(frozen=True)
class ChaseOutcome:
    """Not a (Changes, result) pair on purpose: a chase is not undoable, so it stays off the Ctrl+Z stack; the
    dialog announces `changes` itself so that the registers show "last chased"."""
    changes: Changes
    report: ChaseReport


def choices(session) -> dict:
    return {"hubs": [tuple(r) for r in session.execute(select(Hub.id, Hub.code, Hub.name).where(Hub.active)
                                                       .order_by(Hub.name))],
            "people": [tuple(r) for r in session.execute(select(Person.id, Person.name).where(Person.active)
                                                         .order_by(Person.name))]}


def chase(db, progress, cancel, criteria: ChaseCriteria, actor: Actor, out_dir: Path | None, dry_run: bool,
          smtp: SmtpSettings | None, from_address: str = "") -> ChaseOutcome:
    changes, report = run_chase(db, criteria, actor, out_dir=out_dir, dry_run=dry_run, smtp=smtp,
                                from_address=from_address, progress=progress, cancel=cancel)
    return ChaseOutcome(changes, report)
