"""TermPool: the postings of a segment being built, grouped by field and term as they arrive.

Whoosh's PostingPool keeps every posting as a tuple (field, term, docnum, weight, value), about 200 bytes each, and
when its buffer fills it sorts them and pickles them to a run file one posting at a time; writing the segment then
merges the runs posting by posting. Profiled on a 10,000-recommendation rebuild that was a third of the writer's
time (pickle.dump and pickle.load per posting, heapq.merge per posting, then one add() call per posting).

Here each term's postings are appended to arrays as the documents are analysed (8 bytes a posting plus its
positions). A full buffer is written out as one record per term; the segment is then written term by term, each
term's postings concatenated from the runs in the order they were written, which is document order because a
writer numbers its documents in the order they are added. Nothing is sorted or merged per posting.
"""
from __future__ import annotations

import heapq
import pickle
import secrets
from array import array
from collections.abc import Iterable, Iterator

# Rough bytes each thing costs in memory, to decide when to write a run out (arrays grow by about an eighth).
_TERM_BYTES = 360          # the dict slot, the key, two arrays and a list
_POSTING_BYTES = 9         # a uint32 id and a float32 weight
_VALUE_BYTES = 41          # a bytes object and its list slot, besides its length

Entry = tuple[array, array, list]
Term = tuple[str, bytes, array, array, list]


class TermPool:
    """Postings by field and term; `terms()` gives them back in (field, term) order, ids ascending."""

    def __init__(self, tempstore, limitmb: int):
        self._temp = tempstore
        self._limit = limitmb * 2**20
        self._size = 0
        self._fields: dict[str, dict[bytes, Entry]] = {}
        self._runs: list[str] = []
        self.fieldnames: set[str] = set()

    def add(self, fieldname: str, docnum: int, items: Iterable[tuple[bytes, int, float, bytes]]) -> int:
        """Add one document's postings for one field (Field.index's items); returns the sum of their frequencies."""
        terms = self._fields.get(fieldname)
        if terms is None:
            terms = self._fields[fieldname] = {}
            self.fieldnames.add(fieldname)
        size = length = 0
        for tbytes, freq, weight, vbytes in items:
            length += freq
            entry = terms.get(tbytes)
            if entry is None:
                entry = terms[tbytes] = (array("I"), array("f"), [])
                size += _TERM_BYTES + len(tbytes)
            entry[0].append(docnum)
            entry[1].append(weight)
            if vbytes:  # a format either has a value for every posting or for none (Whoosh keeps only non-empty)
                entry[2].append(vbytes)
                size += _POSTING_BYTES + _VALUE_BYTES + len(vbytes)
            else:
                size += _POSTING_BYTES
        self._size += size
        return length

    def full(self) -> bool:
        return self._size > self._limit

    def spill(self) -> None:
        """Write what is held to a run file (sorted by field and term) and start again."""
        if not self._fields:
            return
        name = f"{secrets.token_hex(8)}.terms"
        with self._temp.create_file(name).raw_file() as f:
            for fieldname, tbytes, ids, weights, values in self._in_memory():
                pickle.dump((fieldname, tbytes, ids.tobytes(), weights.tobytes(), values), f, pickle.HIGHEST_PROTOCOL)
        self._runs.append(name)
        self._fields, self._size = {}, 0

    def _in_memory(self) -> Iterator[Term]:
        for fieldname in sorted(self._fields):
            terms = self._fields[fieldname]
            for tbytes in sorted(terms):
                ids, weights, values = terms[tbytes]
                yield fieldname, tbytes, ids, weights, values

    def _read_run(self, name: str) -> Iterator[Term]:
        try:
            with self._temp.open_file(name).raw_file() as f:
                while True:
                    try:
                        fieldname, tbytes, idb, wb, values = pickle.load(f)
                    except EOFError:
                        return
                    ids, weights = array("I"), array("f")
                    ids.frombytes(idb)
                    weights.frombytes(wb)
                    yield fieldname, tbytes, ids, weights, values
        finally:
            self._temp.delete_file(name)

    def terms(self) -> Iterator[Term]:
        """Every term once, in (field, term) order, with all its postings in id order. Consumes the pool.

        If anything was written out, what is held is written out too, so that writing the segment (whose term
        table grows with every term) does not happen beside a full buffer: the peak is the larger of the two."""
        if self._runs:
            self.spill()
        sources = [self._read_run(name) for name in self._runs]
        sources.append(self._in_memory())
        self._runs = []
        # Tag each record with its run's number: the same term from two runs comes out earlier run first, and
        # the comparison never reaches the arrays.
        tagged = [((f, t, i, ids, ws, vs) for f, t, ids, ws, vs in source) for i, source in enumerate(sources)]
        current: Term | None = None
        for fieldname, tbytes, _i, ids, weights, values in heapq.merge(*tagged):
            if current is not None and current[0] == fieldname and current[1] == tbytes:
                current[2].extend(ids)
                current[3].extend(weights)
                current[4].extend(values)
                continue
            if current is not None:
                yield current
            current = (fieldname, tbytes, ids, weights, values)
        if current is not None:
            yield current
        self._fields, self._size = {}, 0

    def cleanup(self) -> None:
        """Forget everything and remove the run files (a cancelled or finished writer)."""
        for name in self._runs:
            self._temp.delete_file(name)
        self._runs, self._fields, self._size = [], {}, 0
