"""Two small corrections to Whoosh 2.7 (whoosh-reloaded), applied when the search package is imported.

1. Writing a segment asks, for every posting of a field that keeps no length column (keywords, ids), whether the
   column file exists: an os.stat per posting (a million for 20,000 items). The answer cannot change for a
   written segment, so the negative answer is cached like the positive one. (Profiled: 12 of 48 s of a build.)
2. (Not a patch, a rule kept in index.py) Searcher.refresh() reuses segment readers together with their old
   deletion sets, so an updated item could still match its old words; index.py opens a new searcher instead.
"""
from __future__ import annotations

from whoosh.codec import whoosh3

_MISSING = object()


def _cached_reader(self, fieldname, column):
    reader = self._readers.get(fieldname, _MISSING)
    if reader is _MISSING:
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = reader
    return reader


def apply() -> None:
    whoosh3.W3PerDocReader._cached_reader = _cached_reader
