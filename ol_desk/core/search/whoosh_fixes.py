"""Two small corrections to Whoosh 2.7 (whoosh-reloaded), applied when the search package is imported.

1. Writing a segment asks, for every posting of a field that keeps no length column (keywords, ids), whether the
   column file exists: an os.stat per posting (a million for 20,000 items). The answer cannot change for a
   written segment, so the negative answer is cached like the positive one. (Profiled: 12 of 48 s of a build.)
2. Opening a segment wraps each part of the memory-mapped segment file in BytesIO, which copies it: opening a
   searcher on the 200,000-item index copied tens of MB per segment (0.3 s per open, 1.3 s per edit→search).
   The part is read through the memory map instead.
3. FilterMatcher (what a segment with deleted documents wraps every posting list in, and what ColumnFilter uses)
   returns None from next() and skip_to(), where a matcher must say whether it entered a new block: the top-k
   collector then never checks block quality again, so one deleted document in a segment switched block-max
   skipping off for every search of it (profiled at 50k after 5 edits: "domestic abuse referral" scored all 6,022
   matches). Its inherited skip_to_quality() could also stop on a deleted document. Both are fixed here.
4. (Not a patch, a rule kept in index.py) Searcher.refresh() reuses segment readers together with their old
   deletion sets, so an updated item could still match its old words; index.py opens a new searcher instead.
"""
from __future__ import annotations

from whoosh.codec import whoosh3
from whoosh.filedb import structfile
from whoosh.matching.wrappers import FilterMatcher

_MISSING = object()


def _cached_reader(self, fieldname, column):
    reader = self._readers.get(fieldname, _MISSING)
    if reader is _MISSING:
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = reader
    return reader


class _ViewFile:
    """A read-only file over a memoryview that copies only what is read."""

    def __init__(self, buf):
        self._buf = buf
        self._pos = 0

    def read(self, n=-1):
        end = len(self._buf) if n is None or n < 0 else min(self._pos + n, len(self._buf))
        data = bytes(self._buf[self._pos:end])
        self._pos = end
        return data

    def readline(self, *_args):
        rest = bytes(self._buf[self._pos:])
        cut = rest.find(b"\n")
        line = rest if cut < 0 else rest[:cut + 1]
        self._pos += len(line)
        return line

    def seek(self, pos, whence=0):
        self._pos = pos if whence == 0 else (self._pos + pos if whence == 1 else len(self._buf) + pos)
        return self._pos

    def tell(self):
        return self._pos

    def flush(self):
        pass

    def close(self):
        pass


def _buffer_file_init(self, buf, name=None, onclose=None):
    self._buf = buf
    self._name = name
    self.file = _ViewFile(buf)
    self.onclose = onclose
    self.is_real = False
    self.is_closed = False


def _filter_next(self):
    entered = self.child.next()
    return self._find_next() or entered


def _filter_skip_to(self, id):  # noqa: A002 - Whoosh's name
    entered = self.child.skip_to(id)
    return self._find_next() or entered


def _filter_skip_to_quality(self, minquality):
    skipped = self.child.skip_to_quality(minquality / self.boost)
    self._find_next()
    return skipped


def apply() -> None:
    whoosh3.W3PerDocReader._cached_reader = _cached_reader
    structfile.BufferFile.__init__ = _buffer_file_init
    FilterMatcher.next = _filter_next
    FilterMatcher.skip_to = _filter_skip_to
    FilterMatcher.skip_to_quality = _filter_skip_to_quality
