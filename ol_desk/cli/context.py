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
    actor: Actor
    debug: bool = False
    _db: Any = field(default=None, repr=False)

    def db(self):
        if self._db is None:
            from ol_desk.core.store import open_database
            self._db = open_database(self.db_target)
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
