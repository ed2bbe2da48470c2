"""`ol-desk export FILE`: the Board register pack, or (with --hub CODE --for-update) a hub's round-trip workbook."""
from __future__ import annotations

import argparse

from .context import CliContext
from .progress import ProgressBar


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export", help="write the Board register pack (.xlsx), or a hub's workbook to update and send back",
        description="Writes an OFFICIAL-SENSITIVE workbook: Summary, Recommendations, Actions, Overdue and For Board "
                    "decision. Filters repeat (--hub NW --hub CE). With --for-update and one --hub, writes the "
                    "hub's open items with editable columns; `ol-desk import FILE` reads it back.")
    p.add_argument("file", help="the .xlsx file to write")
    p.add_argument("--hub", action="append", default=[], metavar="HUB",
                   help="only this hub, by code or name: NW or \"North West\" (repeatable)")
    p.add_argument("--source", action="append", default=[], metavar="KIND",
                   help="only this source kind: hmicfrs, pfd, iopc, public_inquiry, … (repeatable)")
    p.add_argument("--status", action="append", default=[], metavar="S",
                   help="only this status, e.g. in_progress, delivered, open (repeatable)")
    p.add_argument("--theme", action="append", default=[], metavar="CODE", help="only this theme (repeatable)")
    p.add_argument("--overdue", action="store_true", help="only overdue recommendations and actions")
    p.add_argument("--query", default="", metavar="TEXT", help="only items the search finds for TEXT")
    p.add_argument("--for-update", action="store_true",
                   help="a round-trip workbook of one hub's open items (needs exactly one --hub)")
    p.set_defaults(func=cmd_export)


def _ids_matching(ctx: CliContext):
    try:
        from ol_desk.core.search import SearchIndex
    except ImportError:  # the search package is optional at this layer
        return None, None
    index = SearchIndex(ctx.db())
    index.ensure(progress=ProgressBar("Updating the search index"))
    return index, index.ids_matching


def cmd_export(args, ctx: CliContext) -> int:
    from ol_desk.core.errors import ValidationError
    if args.for_update:
        if len(args.hub) != 1 or args.source or args.status or args.theme or args.overdue or args.query:
            raise ValidationError("--for-update takes exactly one --hub and no other filter "
                                  "(the workbook holds all of that hub's open items).")
        return _export_for_update(args, ctx)
    return _export_pack(args, ctx)


def _export_pack(args, ctx: CliContext) -> int:
    from ol_desk.core.excel.board_pack.pack_filters import build_filters
    from ol_desk.core.excel.board_pack.register_pack import export_register_pack
    db = ctx.db()
    index, ids_matching = _ids_matching(ctx) if args.query else (None, None)
    try:
        with db.reading() as session:
            filters = build_filters(session, hubs=args.hub, sources=args.source, statuses=args.status,
                                    themes=args.theme, overdue=args.overdue, query=args.query,
                                    ids_matching=ids_matching)
            report = export_register_pack(args.file, session, register=filters.recommendations,
                                          action_register=filters.actions, filter_words=filters.words,
                                          exported_by=ctx.actor.name, database=db.name,
                                          progress=ProgressBar("Exporting"))
    finally:
        if index is not None:
            index.close()
    print(report.summary())
    return 0


def _export_for_update(args, ctx: CliContext) -> int:
    from ol_desk.core.excel.hub_roundtrip.roundtrip_export import export_for_update
    db = ctx.db()
    with db.reading() as session:
        report = export_for_update(args.file, session, hub_code=args.hub[0], db_uid=db.uid,
                                   exported_by=ctx.actor.name, progress=ProgressBar("Exporting"))
    print(report.summary())
    return 0

