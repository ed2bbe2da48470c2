"""`ol-desk init`, `stats` and `check`: the database itself."""
from __future__ import annotations

import argparse
from pathlib import Path

from ol_desk.core.dates import DEFAULT_DUE_SOON_DAYS, DEFAULT_STALE_DAYS

from .context import CliContext


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        days = -1
    if not 0 <= days <= 3650:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of days from 0 to 3650")
    return days


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="create the database (with hubs and themes) or bring its schema up to date")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("stats", help="counts by source kind, status and hub; overdue, due soon, stale")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--due-days", type=_days, default=DEFAULT_DUE_SOON_DAYS,
                   help=f"'due soon' window in days (default {DEFAULT_DUE_SOON_DAYS}, as the dashboard)")
    p.add_argument("--stale-days", type=_days, default=DEFAULT_STALE_DAYS,
                   help=f"'stale' after this many days without an update (default {DEFAULT_STALE_DAYS})")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("check", help="verify the audit trail's hash chain against anchors kept elsewhere, the "
                                     "evidence store and the database's integrity",
                       description="Verify the database: its own integrity, the audit trail's hash chain, that "
                                   "the log extends this workstation's witness (and FILE's anchor) unchanged, that "
                                   "every row is as its history in the log describes it, and that every stored "
                                   "evidence file hashes as recorded. Nothing is repaired.")
    p.add_argument("--against", metavar="FILE", type=Path,
                   help="a Board pack, hub workbook, Board report PDF or witness file whose audit anchor the log "
                        "must extend")
    p.add_argument("--quick", action="store_true", help="the chain (and anchors) only: leave out the rows against "
                                                        "their history and re-hashing the evidence store")
    p.set_defaults(func=cmd_check)


def cmd_init(args, ctx: CliContext) -> int:
    db = ctx.db()
    state = "created" if db.created else "is up to date"
    print(f"Database {db.name} {state}.")
    if db.backup_path:
        print(f"Backed up the previous schema to {db.backup_path}.")
    return 0


def cmd_stats(args, ctx: CliContext) -> int:
    from ol_desk.core.queries.stats import compute
    with ctx.db().reading() as session:
        stats = compute(session, due_days=args.due_days, stale_days=args.stale_days)
    if args.json:
        ctx.print_json(stats.as_dict())
        return 0
    print(f"ol-desk register on {stats.on}")
    print(f"  documents {stats.documents:,}  recommendations {stats.recommendations:,}  actions {stats.actions:,}")
    print(f"  overdue {stats.overdue:,}  due within {args.due_days} days {stats.due_within_30_days:,}  "
          f"stale {stats.stale:,}  slipped {stats.slipped:,}")
    print(f"  awaiting CPIC {stats.awaiting_cpic:,}  awaiting Board {stats.awaiting_board:,}  "
          f"responses overdue {stats.responses_overdue:,}  learning to triage {stats.learning_awaiting_triage:,}")
    for title, data in (("By source kind", stats.by_source_kind), ("By status", stats.by_status),
                        ("By lead hub", stats.by_lead_hub), ("Actions by status", stats.actions_by_status)):
        print(f"{title}:")
        for key, n in data.items():
            print(f"  {key:<28} {n:>9,}")
    return 0


def cmd_check(args, ctx: CliContext) -> int:
    from ol_desk.core.integrity.check import run_check

    from .progress import ProgressBar
    report = run_check(ctx.db(), against=args.against, quick=args.quick, progress=ProgressBar("Checking"))
    for line in report.problems:
        ctx.info(f"ol-desk: check failed: {line}")
    if not report.ok:
        return 1
    for line in report.passed:
        print(f"{line}.")
    rows = "" if args.quick else f"{report.rows:,} rows against their history, "
    print(f"Integrity check passed: {report.events:,} audit events, {rows}{report.evidence_files:,} evidence files.")
    return 0
