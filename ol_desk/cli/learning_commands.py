"""`ol-desk learning …`: log Gold Group learning, list the triage queue, and triage an entry from a shell."""
from __future__ import annotations

import argparse
import datetime as dt

from .context import CliContext


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (use YYYY-MM-DD)") from None


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("learning", help="Gold Group learning: capture, list the triage queue, triage",
                       description="Quick capture of learning a Gold Group identified, and the CPIC triage of it.")
    lsub = p.add_subparsers(dest="learning_command", metavar="ACTION", required=True)

    c = lsub.add_parser("capture", help="log learning identified after an incident")
    c.add_argument("operation", help="operation or incident name, e.g. \"Operation Kestrel\"")
    c.add_argument("learning", help="the learning identified")
    c.add_argument("--date", type=_date, help="incident date (YYYY-MM-DD)")
    c.add_argument("--owner", default="", help="suggested owner")
    c.add_argument("--hub", help="suggested hub, by code or name (e.g. NW)")
    c.set_defaults(func=cmd_capture)

    q = lsub.add_parser("queue", help="entries awaiting triage, oldest incident first")
    q.add_argument("--all", action="store_true", help="include entries already triaged")
    q.set_defaults(func=cmd_queue)

    t = lsub.add_parser("triage", help="decide an entry: --no-action REASON, --convert, or --merge-into REC_ID")
    t.add_argument("entry", type=int, help="learning entry id")
    how = t.add_mutually_exclusive_group(required=True)
    how.add_argument("--no-action", metavar="REASON", help="no action is needed, and why")
    how.add_argument("--convert", action="store_true", help="turn it into a recommendation")
    how.add_argument("--merge-into", type=int, metavar="REC_ID", help="merge into an existing recommendation")
    t.add_argument("--action", dest="actions", action="append", default=[],
                   help="with --convert: an action for the new recommendation (repeatable)")
    t.add_argument("--target", type=_date, help="with --convert: target date (YYYY-MM-DD)")
    t.set_defaults(func=cmd_triage)


def cmd_capture(args, ctx: CliContext) -> int:
    from ol_desk.core.model.enums import Entity
    from ol_desk.core.services.learning import capture_learning
    from ol_desk.core.services.reference import hub_by_code
    with ctx.db().transaction() as s:
        hub_id = hub_by_code(s, args.hub).id if args.hub else None
        changes = capture_learning(s, ctx.actor, operation=args.operation, learning=args.learning,
                                   incident_date=args.date, suggested_owner=args.owner, suggested_hub_id=hub_id)
    print(f"Logged learning entry {next(iter(changes.created[Entity.LEARNING]))}; it waits for CPIC triage.")
    return 0


def cmd_queue(args, ctx: CliContext) -> int:
    from ol_desk.core.queries.learning_queue import queue
    with ctx.db().reading() as s:
        rows = queue(s, include_triaged=args.all)
    if not rows:
        print("Nothing is waiting for triage.")
    for r in rows:
        when = f"{r.incident_date:%d %b %Y}" if r.incident_date else "date unknown"
        linked = f" → {r.linked}" if r.linked else ""
        print(f"{r.id:>6}  {r.operation} ({when}, {r.hub or 'no hub'}) [{r.outcome.label}{linked}]\n"
              f"        {' '.join(r.learning.split())[:110]}")
    return 0


def cmd_triage(args, ctx: CliContext) -> int:
    from ol_desk.core.errors import ValidationError
    from ol_desk.core.services.learning import triage_merge, triage_no_action
    from ol_desk.core.services.triage import convert_with_actions
    if (args.actions or args.target) and not args.convert:
        raise ValidationError("--action and --target go with --convert.")
    with ctx.db().transaction() as s:  # the outcome is printed once it is committed
        if args.no_action is not None:
            triage_no_action(s, ctx.actor, args.entry, args.no_action)
            done = f"Entry {args.entry}: no action ({args.no_action.strip()})."
        elif args.convert:
            _changes, rec_id = convert_with_actions(s, ctx.actor, args.entry, text=None, target_date=args.target,
                                                    action_titles=args.actions)
            done = f"Entry {args.entry} became recommendation {rec_id} with {len(args.actions)} action(s)."
        else:
            triage_merge(s, ctx.actor, args.entry, args.merge_into)
            done = f"Entry {args.entry} merged into recommendation {args.merge_into}."
    print(done)
    return 0
