"""`ol-desk search QUERY` and `ol-desk reindex`: full-text search from a shell, and a rebuild of its index.

`ol-desk index-worker ensure|rebuild` is internal: the index worker process (ol_desk.core.search.worker) that the app
starts for big index writes. A PyInstaller bundle has no `python -m`, so the bundle starts the worker through its own
executable with this subcommand. It is left out of `ol-desk --help`."""
from __future__ import annotations

import argparse
import textwrap

from .context import CliContext
from .progress import ProgressBar


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "search", help="find recommendations, actions, updates, documents and learning by words",
        description='Words, "exact phrases", -exclude, OR, and filters such as hub:NW, status:overdue, source:pfd, '
                    "theme:custody, kind:action, owner:smith, due:<2025-06-01 (see docs/search.md).")
    p.add_argument("query", nargs="+", help="what to look for (quote it in the shell if it has quotes or <)")
    p.add_argument("--limit", type=int, default=20, help="at most this many hits (default 20)")
    p.add_argument("--kind", action="append", default=None,
                   help="only this kind (recommendation, action, update, document, learning, evidence); repeatable")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("reindex", help="rebuild the search index from the database (with a progress bar)")
    p.set_defaults(func=cmd_reindex)

    # No help= on purpose: argparse (3.11) lists every subcommand given help, even help=SUPPRESS; this one is internal.
    # Every argument after the name, options and --help included, goes to the worker's own parser untouched (no
    # character counts as an option prefix here), so the two command lines accept exactly the same arguments.
    p = sub.add_parser(
        "index-worker", add_help=False, prefix_chars="\0",
        description="Internal: the search index worker process the app starts (ol_desk.core.search.worker). "
                    "It opens the database named by $OL_DESK_DB, or by --db before the subcommand.")
    p.add_argument("worker_args", nargs=argparse.REMAINDER, help="ensure|rebuild [--if-free] [--procs N]")
    p.set_defaults(func=cmd_index_worker)


def _index(ctx: CliContext):
    from ol_desk.core.search import SearchIndex
    index = SearchIndex(ctx.db())
    # A shell user waits for a missing index or a big backlog (with a bar) rather than get half an answer.
    index.ensure(progress=ProgressBar("Updating the search index"))
    return index


def cmd_search(args, ctx: CliContext) -> int:
    if args.limit < 1:
        from ol_desk.core.errors import ValidationError
        raise ValidationError("--limit must be at least 1.")
    index = _index(ctx)
    try:
        result = index.search(" ".join(args.query), limit=args.limit, kinds=args.kind)
    finally:
        index.close()
    if args.json:
        ctx.print_json({"query": " ".join(args.query), "corrected_query": result.corrected_query,
                        "total_estimate": result.total_estimate,
                        "total_exact": result.total_exact, "hits": [h.as_dict() for h in result.hits]})
        return 0
    if result.corrected_query:
        print(f"Showing results for: {result.corrected_query}")
    if not result.hits:
        print("No matches.")
        return 0
    shown = len(result.hits)
    about = f"{'' if result.total_exact else 'about '}{result.total_estimate:,}" if result.total_estimate > shown \
        else f"{shown:,}"
    print(f"{shown:,} of {about} match(es):")
    for h in result.hits:
        print(f"\n[{h.kind} {h.id}] {h.reference}  {h.title}  (score {h.score:.2f})")
        if h.snippet_text and h.snippet_text != h.title:
            print(textwrap.indent(textwrap.fill(h.snippet_text, 100), "    "))
    return 0


def cmd_reindex(args, ctx: CliContext) -> int:
    from ol_desk.core.search import SearchIndex
    index = SearchIndex(ctx.db())
    try:
        what = index.rebuild(progress=ProgressBar("Rebuilding the search index"))
    finally:
        index.close()
    print(f"Search index {what}.")
    return 0


def cmd_index_worker(args, ctx: CliContext) -> int:
    import os

    from ol_desk.core.search import worker
    if args.db is not None:  # the worker reads $OL_DESK_DB (kept off the command line: no password in `ps`)
        os.environ["OL_DESK_DB"] = args.db
    return worker.main(list(args.worker_args), prog="ol-desk index-worker")
