"""`ol-desk server init | add-user | users | remove-user`: the shared PostgreSQL deployment (the owner's URL)."""
from __future__ import annotations

import argparse

from ol_desk.core.errors import ValidationError

from .context import CliContext

ROLES = ("cpic", "hub_officer", "gold_lead", "board", "viewer")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("server", help="set up a PostgreSQL server for the force and add people (owner's --db URL)")
    server = p.add_subparsers(dest="server_command", metavar="SERVER_COMMAND")
    p.set_defaults(func=lambda args, ctx: _usage(p))

    q = server.add_parser("init", help="create or upgrade the schema, seed reference data, create the group "
                                       "roles (ol_cpic, ol_hub_officer, ol_gold_lead, ol_board, ol_viewer)")
    q.set_defaults(func=cmd_init)

    q = server.add_parser("add-user", help="map an existing PostgreSQL login to a person, a role and a hub")
    q.add_argument("login")
    q.add_argument("--role", dest="user_role", required=True, choices=ROLES)
    q.add_argument("--hub", metavar="CODE", help="the hub (BCU/OCU code); needed for a hub officer")
    q.add_argument("--name", metavar="FULL_NAME", help="the person's name as the register shows it")
    q.set_defaults(func=cmd_add_user)

    q = server.add_parser("users", help="list the logins mapped to people, with role and hub")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_users)

    q = server.add_parser("remove-user", help="revoke a login's ol-desk role (the person stays in the history)")
    q.add_argument("login")
    q.set_defaults(func=cmd_remove_user)


def _usage(parser) -> int:
    parser.print_help()
    return 2


def _owner_url(args, ctx: CliContext) -> str:
    if ctx.self_declared:
        raise ValidationError("`ol-desk server` runs as the login in the --db URL; --as and --role do not apply.")
    if not args.db:
        import os

        from ol_desk.core.store.location import ENV_VAR
        if not os.environ.get(ENV_VAR):
            raise ValidationError("Give the server's URL with the owner's login: "
                                  "ol-desk --db postgresql+psycopg://OWNER@HOST/DATABASE server …")
        return os.environ[ENV_VAR]
    return args.db


def cmd_init(args, ctx: CliContext) -> int:
    from ol_desk.core.store.server.admin import init_server
    report = init_server(_owner_url(args, ctx))
    if report.before is None:
        print(f"Created the ol-desk schema ({report.after}) and its group roles.")
    elif report.before != report.after:
        print(f"Upgraded the ol-desk schema from {report.before} to {report.after}; rights re-applied.")
    else:
        print(f"The ol-desk schema is up to date ({report.after}); rights re-applied.")
    if report.seeded:
        print("Seeded the hubs, themes and source kinds.")
    print(f"Database uid {report.uid}. Next: `ol-desk server add-user LOGIN --role ROLE [--hub CODE]`.")
    return 0


def cmd_add_user(args, ctx: CliContext) -> int:
    from ol_desk.core.store.server.admin import add_user
    user = add_user(_owner_url(args, ctx), args.login, args.user_role, hub_code=args.hub, name=args.name)
    hub = f", hub {user.hub}" if user.hub else ""
    print(f"{user.login} signs in as {user.name} ({user.role}{hub}).")
    return 0


def cmd_users(args, ctx: CliContext) -> int:
    from ol_desk.core.store.server.admin import list_users
    users = list_users(_owner_url(args, ctx))
    if args.json:
        ctx.print_json([u.__dict__ for u in users])
        return 0
    if not users:
        print("No logins are mapped to people yet.")
    for u in users:
        state = "" if u.active else "  (removed)"
        print(f"{u.login:<24} {u.name:<28} {u.role:<12} {u.hub or '-':<6}{state}")
    return 0


def cmd_remove_user(args, ctx: CliContext) -> int:
    from ol_desk.core.store.server.admin import remove_user
    user = remove_user(_owner_url(args, ctx), args.login)
    print(f"{user.login} ({user.name}) can no longer sign in to ol-desk; their history stays.")
    return 0
