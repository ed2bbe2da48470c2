"""This workstation's witness: the chain head after each commit it makes, kept in the user's config folder (one
file per database uid), outside the database so that whoever holds the database file cannot rewrite it as well.

$OL_DESK_CONFIG_DIR names the folder instead (tests and demos point it at a folder of their own).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from .anchor import Anchor

CONFIG_DIR_VAR = "OL_DESK_CONFIG_DIR"


def config_dir() -> Path:
    if os.environ.get(CONFIG_DIR_VAR):
        return Path(os.environ[CONFIG_DIR_VAR])
    from platformdirs import user_config_dir
    return Path(user_config_dir("ol-desk", appauthor=False))


def witness_path(database_uid: str) -> Path:
    return config_dir() / "witness" / f"{database_uid}.json"


def write_witness(anchor: Anchor, database: str) -> None:
    """Replace the witness atomically. A witness that cannot be written (a read-only profile) is left as it was:
    the commit it follows has happened and must not be reported as failed; the next check says the witness is
    behind, never that the log is broken."""
    path = witness_path(anchor.database_uid)
    body = {"format": "ol-desk witness", "version": 1, "database": database, "database_uid": anchor.database_uid,
            "events": anchor.events, "last_id": anchor.last_id, "last_hash": anchor.last_hash}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
        tmp.write_text(json.dumps(body, indent=1), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass


def read_witness(path: Path) -> Anchor | None:
    try:
        body = json.loads(Path(path).read_text(encoding="utf-8"))
        return Anchor(str(body["database_uid"]), int(body["events"]), int(body["last_id"]), str(body["last_hash"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
