"""The index folder: generations, the CURRENT pointer, the writer lock and the state kept inside the index.

    <db>.d/search-index/
        CURRENT          name of the live generation (replaced atomically when a rebuild finishes)
        writer.lock      held (OS lock, released if the holder dies) by whoever writes: one writer at a time
        gen-<hex>/       a Whoosh index; its "_meta" document holds {seq, uid, schema}

A rebuild writes a new generation beside the live one and switches CURRENT when it is complete, so searches keep
answering from the old generation meanwhile and a killed rebuild leaves the live index untouched. Readers take no
lock. The state (last applied outbox seq, the database's uid, the schema version) is committed in the same Whoosh
commit as the documents it describes, so it can never claim more than the index holds.
"""
from __future__ import annotations

import os
import shutil
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as windex
from whoosh.util.filelock import FileLock

from .schema import META_KEY, SCHEMA_VERSION, build_schema

CURRENT = "CURRENT"
LOCK = "writer.lock"
GEN_PREFIX = "gen-"


class IndexUnusable(Exception):
    """The index folder cannot be used as it is (missing, unreadable, for another database, old schema)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class IndexState:
    seq: int
    uid: str
    schema: int

    def as_meta(self) -> dict:
        return {"seq": self.seq, "uid": self.uid, "schema": self.schema}


class IndexStore:
    def __init__(self, root: Path):
        self.root = Path(root)

    # -- generations -------------------------------------------------------------------------------------------
    def current_dir(self) -> Path | None:
        try:
            name = (self.root / CURRENT).read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            return None
        if not name.startswith(GEN_PREFIX) or "/" in name or "\\" in name:
            return None
        path = self.root / name
        return path if path.is_dir() else None

    def open(self):
        """The live Whoosh index, checked to be readable. Raises IndexUnusable."""
        path = self.current_dir()
        if path is None:
            raise IndexUnusable("missing")
        try:
            ix = windex.open_dir(str(path), schema=None)
            with ix.searcher() as s:
                s.document(key=META_KEY)
        except Exception as exc:  # noqa: BLE001 - any failure to read means: rebuild it
            raise IndexUnusable(f"unreadable ({type(exc).__name__}: {exc})") from exc
        return ix

    def new_generation(self):
        self.root.mkdir(parents=True, exist_ok=True)
        path = self.root / f"{GEN_PREFIX}{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:8]}"
        path.mkdir()
        return path, windex.create_in(str(path), build_schema())

    def publish(self, path: Path) -> None:
        """Make a finished generation the live one, then remove the others (what still has them open keeps them)."""
        tmp = self.root / f"{CURRENT}.{os.getpid()}.tmp"
        tmp.write_text(path.name, encoding="ascii")
        os.replace(tmp, self.root / CURRENT)
        self.remove_stale_generations(keep=path)

    def remove_stale_generations(self, keep: Path | None) -> None:
        for child in self.root.glob(f"{GEN_PREFIX}*"):
            if keep is None or child.name != keep.name:
                shutil.rmtree(child, ignore_errors=True)

    def discard(self, path: Path) -> None:
        shutil.rmtree(path, ignore_errors=True)

    # -- one writer at a time ----------------------------------------------------------------------------------
    @contextmanager
    def writer_lock(self, *, wait: float | None) -> Iterator[bool]:
        """Yields True when this process is now the only writer; False if another writer held it for `wait` s.

        wait=0 tries once, None waits as long as it takes.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.root / LOCK))
        deadline = None if wait is None else time.monotonic() + wait
        got = lock.acquire(blocking=False)
        while not got and (deadline is None or time.monotonic() < deadline):
            time.sleep(0.05)
            got = lock.acquire(blocking=False)
        try:
            yield got
        finally:
            if got:
                lock.release()


def read_state(searcher) -> IndexState | None:
    doc = searcher.document(key=META_KEY)
    meta = (doc or {}).get("meta")
    if not isinstance(meta, dict):
        return None
    try:
        return IndexState(int(meta["seq"]), str(meta["uid"]), int(meta["schema"]))
    except (KeyError, TypeError, ValueError):
        return None


def write_state(writer, state: IndexState) -> None:
    writer.update_document(key=META_KEY, kind=META_KEY, meta=state.as_meta())


def check_state(state: IndexState | None, uid: str) -> str | None:
    """Why an index with this state cannot serve this database (None if it can)."""
    if state is None:
        return "has no state"
    if state.uid != uid:
        return "belongs to another database"
    if state.schema != SCHEMA_VERSION:
        return f"has schema version {state.schema}, not {SCHEMA_VERSION}"
    return None
