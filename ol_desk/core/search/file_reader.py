"""Reading evidence files for the index, with the text kept by SHA-256 so a rebuild does not read a file again.

Stored files are content-addressed and never change, so the text read from one is a pure function of its SHA-256
(and of how files are read: TEXT_VERSION). It is kept beside the index, as derived as the index itself:

    <index dir>/evidence-text/<TEXT_VERSION>-<sha256>.z      zlib of JSON [text, reason]

Deleting it only means files are read again. Only the worker process makes a FileReader (worker.py).
"""
from __future__ import annotations

import json
import os
import zlib
from pathlib import Path

from ol_desk.core.file_text import FileText, extract

# Bump when what file_text returns for the same file changes (a new reader, other caps): old entries are ignored.
TEXT_VERSION = 1
CACHE_DIR = "evidence-text"


class FileReader:
    def __init__(self, store_dir: Path, cache_dir: Path | None):
        """store_dir: the evidence store; cache_dir: where read text is kept (None: keep nothing)."""
        self.store_dir, self.cache_dir = Path(store_dir), cache_dir
        self.read_count = 0     # files actually read (not found in the cache), for the caller's report

    @classmethod
    def for_index(cls, db, index_root: Path) -> FileReader:
        return cls(db.evidence_dir, Path(index_root) / CACHE_DIR)

    def read(self, stored_path: str, name: str, sha256: str) -> FileText:
        path = self.store_dir / stored_path
        if not path.is_file():   # said as it is, even when its text was read before (a share may be offline)
            return extract(path, name)
        cached = self._cached(sha256)
        if cached is not None:
            return cached
        found = extract(path, name)
        self.read_count += 1
        self._keep(sha256, found)
        return found

    def _entry(self, sha256: str) -> Path | None:
        if self.cache_dir is None or not sha256 or not sha256.isalnum():
            return None
        return self.cache_dir / f"{TEXT_VERSION}-{sha256}.z"

    def _cached(self, sha256: str) -> FileText | None:
        entry = self._entry(sha256)
        if entry is None:
            return None
        try:
            text, reason = json.loads(zlib.decompress(entry.read_bytes()).decode("utf-8"))
            return FileText(str(text), str(reason))
        except (OSError, ValueError, zlib.error, TypeError):
            return None

    def _keep(self, sha256: str, found: FileText) -> None:
        entry = self._entry(sha256)
        if entry is None:
            return
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            tmp = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
            tmp.write_bytes(zlib.compress(json.dumps([found.text, found.reason]).encode("utf-8"), 6))
            os.replace(tmp, entry)
        except OSError:
            pass   # a full disk costs a second read next time, nothing more
