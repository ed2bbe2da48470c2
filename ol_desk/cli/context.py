"""What a CLI command gets: the parsed options, the database (opened on first use) and the actor."""
from __future__ import annotations

import getpass
import json
import os
import sys
from dataclasses import dataclass, field
from typing import Any

from ol_desk.core.model.enums import Role
from ol_desk.core.services.actor import Actor


def default_actor_name() -> str:
    try:
        return os.environ.get("OL_DESK_USER") or getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some systems
        return "ol-desk user"


@dataclass
class CliContext:
    db_target: str | None
    declared: Actor  # from --as/--role (or the login name): who is acting on a SQLite file
    debug: bool = False
    self_declared: bool = False  # --as or --role was given
    _db: Any = field(default=None, repr=False)
    _actor: Actor | None = field(default=None, repr=False)

    @property
    def actor(self) -> Actor:
        """On a SQLite file, who --as/--role say; on a server, the person the login is mapped to."""
        if self._actor is None:
            db = self.db()
            if db.is_server:
                from ol_desk.core.store.server.identity import signed_in_actor
                self._actor = signed_in_actor(db)
            else:
                self._actor = self.declared
        return self._actor

    def db(self):
        if self._db is None:
            from ol_desk.core.store import open_database
            self._db = open_database(self.db_target)
            if self._db.is_server and self.self_declared:
                from ol_desk.core.errors import ValidationError
                from ol_desk.core.store.server.identity import SELF_DECLARED
                raise ValidationError(SELF_DECLARED)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()

    @staticmethod
    def print_json(data: Any) -> None:
        json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
        sys.stdout.write("\n")

    @staticmethod
    def info(message: str) -> None:
        print(message, file=sys.stderr)


def make_actor(name: str | None, role: str | None) -> Actor:
    return Actor(name or default_actor_name(), Role.from_value(role) if role else Role.CPIC)
