"""`ol-desk chase`: per owner, an email draft (.eml, opens ready to send) and a calendar file (.ics) listing their
overdue, due-soon and stale items; `--send` sends them through an SMTP relay; `--dry-run` lists what would be sent.
Each chase is recorded in the items' history and their "last chased" date."""
from __future__ import annotations

import argparse
from pathlib import Path

from .context import CliContext
from .progress import ProgressBar


def register(sub: argparse._SubParsersAction) -> None:
    from ol_desk.core.dates import DEFAULT_DUE_SOON_DAYS, DEFAULT_STALE_DAYS
    p = sub.add_parser("chase", help="write (or send) each owner a chaser for their overdue, due-soon and stale items",
                       description="Writes, per owner, an email draft (.eml: Outlook and Thunderbird open it ready "
                                   "to send) and an .ics of their due dates into --out DIR, and records each chase "
                                   "in the items' history. An owner without an email address gets a draft with an "
                                   "empty To (the run says who).")
    p.add_argument("--hub", metavar="CODE", help="only items of this hub (a hub officer: always their own)")
    p.add_argument("--owner", metavar="NAME", help="only this person (name or login)")
    p.add_argument("--overdue", action="store_true", help="only overdue items")
    p.add_argument("--stale-days", type=int, default=DEFAULT_STALE_DAYS, metavar="N",
                   help=f"stale: no progress update for N days (default {DEFAULT_STALE_DAYS})")
    p.add_argument("--due-days", type=int, default=DEFAULT_DUE_SOON_DAYS, metavar="N",
                   help=f"due soon: due within N days (default {DEFAULT_DUE_SOON_DAYS})")
    p.add_argument("--out", type=Path, metavar="DIR", help="folder for the .eml and .ics files")
    p.add_argument("--dry-run", action="store_true", help="list who would be chased for what; write nothing")
    p.add_argument("--send", action="store_true", help="also send each chaser through the SMTP relay (--smtp)")
    p.add_argument("--smtp", metavar="HOST:PORT", help="the SMTP relay to send through (port 25 if left out)")
    p.add_argument("--from", dest="sender", metavar="ADDRESS", default="",
                   help="the From address (the relay's sender for --send)")
    p.add_argument("--starttls", action="store_true", help="use STARTTLS with the relay")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=cmd_chase)


def cmd_chase(args, ctx: CliContext) -> int:
    from ol_desk.core.chase.run import run_chase
    from ol_desk.core.chase.selection import ChaseCriteria
    from ol_desk.core.chase.smtp_sender import SmtpSettings
    from ol_desk.core.errors import ValidationError
    if args.send and not args.smtp:
        raise ValidationError("--send needs the relay: --smtp HOST:PORT (and --from ADDRESS).")
    if args.smtp and not args.send:
        raise ValidationError("--smtp is for --send; without --send the drafts are only written.")
    if not args.dry_run and args.out is None:
        raise ValidationError("Give the folder for the drafts: --out DIR (or --dry-run to list what would be sent).")
    smtp = SmtpSettings.parse(args.smtp, sender=args.sender, starttls=args.starttls) if args.send else None
    criteria = ChaseCriteria(hub_code=args.hub, owner=args.owner, overdue_only=args.overdue,
                             stale_days=args.stale_days, due_days=args.due_days)
    _changes, report = run_chase(ctx.db(), criteria, ctx.actor, out_dir=args.out, dry_run=args.dry_run,
                                 smtp=smtp, from_address=args.sender,
                                 progress=None if args.json else ProgressBar("Chasing"))
    if args.json:
        ctx.print_json(report.as_dict())
    else:
        for outcome in report.outcomes:
            print(outcome.line())
        print(report.summary())
    return 1 if report.failed else 0
