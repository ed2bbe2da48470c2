"""Entry point: `ol-desk` alone opens the window; subcommands work on the database from a shell."""
from __future__ import annotations

import argparse
import importlib
import sys
import traceback

from ol_desk import __version__

# Modules that add subcommands (each has `register(subparsers)`).
COMMAND_MODULES = [
    "ol_desk.cli.db_commands",
    "ol_desk.cli.demo_commands",
    "ol_desk.cli.export_commands",
    "ol_desk.cli.import_commands",
    "ol_desk.cli.search_commands",
    "ol_desk.cli.report_commands",
    "ol_desk.cli.learning_commands",
    "ol_desk.cli.theme_commands",
    "ol_desk.cli.chase_commands",
    "ol_desk.cli.theme_page_commands",
    "ol_desk.cli.server_commands",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ol-desk", description="Organisational learning case management. With no command, opens the app.")
    parser.add_argument("--version", action="version", version=f"ol-desk {__version__}")
    parser.add_argument("--db", metavar="PATH_OR_URL",
                        help="database file or SQLAlchemy URL (default: $OL_DESK_DB, else the user-data folder)")
    parser.add_argument("--as", dest="actor", metavar="NAME", help="who is acting (default: your login name)")
    parser.add_argument("--role", default=None,
                        help="the actor's role: cpic, hub_officer, gold_lead, board, viewer (default cpic)")
    parser.add_argument("--debug", action="store_true", help="show full tracebacks on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    from ol_desk.core.errors import OlDeskError

    from .context import CliContext, make_actor

    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = None
    try:
        ctx = CliContext(args.db, make_actor(args.actor, args.role), debug=args.debug,
                         self_declared=args.actor is not None or args.role is not None)
        if args.command is None:
            from ol_desk.gui.app import run_gui
            return run_gui(args.db)
        return int(args.func(args, ctx) or 0)
    except OlDeskError as exc:
        if args.debug:
            traceback.print_exc()
        print(f"ol-desk: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("ol-desk: interrupted; nothing was written by the interrupted step.", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback reaches a user
        if args.debug:
            traceback.print_exc()
        print(f"ol-desk: unexpected error: {type(exc).__name__}: {exc} (run with --debug for details)",
              file=sys.stderr)
        return 1
    finally:
        if ctx is not None:
            ctx.close()


if __name__ == "__main__":
    raise SystemExit(main())
