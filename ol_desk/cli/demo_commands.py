"""`ol-desk demo`: fill a database with a synthetic register to try the app on or to measure it."""
from __future__ import annotations

import argparse
import datetime as dt

from .context import CliContext


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date in the form YYYY-MM-DD") from None


def _count(text: str) -> int:
    try:
        value = int(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("needs at least 1 recommendation")
    return value


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo", help="fill the database with a realistic synthetic register (for trying the app out)",
        description="Fill the database with a synthetic register: documents of every source kind, recommendations "
                    "in every status, actions, progress updates, evidence links and Gold Group learning. The same "
                    "seed and day give the same register.")
    p.add_argument("--recommendations", "-n", type=_count, default=2000, metavar="N",
                   help="how many recommendations to make (default 2,000; 20,000 take about 20 s and 200,000 about "
                        "4 minutes: every row gets its audit event, as an import writes)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--today", type=_day, default=None, metavar="YYYY-MM-DD",
                   help="the day the register is built around (default: today), so that some items are overdue "
                        "and some due soon")
    p.add_argument("--force", action="store_true",
                   help="add a demo register even though the database already holds recommendations")
    p.set_defaults(func=cmd_demo)


def cmd_demo(args, ctx: CliContext) -> int:
    from ol_desk.core.demo import generate_demo

    from .progress import ProgressBar
    db = ctx.db()
    report = generate_demo(db, args.recommendations, seed=args.seed, on=args.today, force=args.force,
                           actor=ctx.actor, progress=ProgressBar("Generating"))
    c = report.counts
    print(f"Added a demo register to {db.name} (import batch {report.batch_id}, seed {report.seed}, "
          f"anchored on {report.on.isoformat()}) in {report.seconds:.1f} s:")
    print(f"  {c['documents']:,} documents, {c['recommendations']:,} recommendations, {c['actions']:,} actions, "
          f"{c['progress_updates']:,} progress updates, {c['evidence']:,} evidence links, "
          f"{c['date_changes']:,} date changes, {c['learning_entries']:,} learning entries, {c['people']:,} people.")
    print("  The search index rebuilds from scratch the next time it catches up (or now: `ol-desk reindex`).")
    return 0
