"""The best hits of a query, computed on whole posting lists as arrays (numpy) instead of one match at a time.

Whoosh's matchers are pure Python: about 16 µs for each match they score, and on the demo's short, alike titles
block-max skipping can discard few (docs/benchmarks.md, issue 13). Here each posting list a query needs is read
whole (ArrayCodec blocks go straight into arrays), scored with the searcher's own BM25F statistics, and combined
with array set operations: an AND is an intersection, an OR a union whose scores add up, a NOT a difference,
exactly as Whoosh's matchers add them. The scores are Whoosh's (same formula, same statistics; sums may differ in
the last bit because they are added in another order), the ranking is Whoosh's (score, then document number),
and the count of matches is exact.

Phrases: the words' lists give the candidates and an upper bound (a phrase scores the sum of its words); the
positions are then checked candidate by candidate in order of that bound, only until the page is full and no
unchecked candidate can reach it. The count is then an estimate from the share of checked candidates that held.

Filters (kind:, status:, hub:, dates ...) are the same lists for every search: they are kept per segment while
the searcher lives (a segment never changes; a new deletion makes a new key), bounded by FILTER_CACHE_POSTINGS.

Anything this does not know (a query class Whoosh has and ol-desk does not compile to) returns None, and the
caller asks Whoosh itself.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh import scoring
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, byte_to_length
from whoosh.matching import ListMatcher

from .codec import ArrayLeafMatcher
from .query import ColumnFilter, DateRange

FILTER_CACHE_POSTINGS = 8_000_000   # postings of filter terms kept per process (16 bytes each: ~128 MB at most)
_LENGTH_TABLE = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)
_EMPTY_IDS = np.empty(0, dtype=np.int64)
_EMPTY_SCORES = np.empty(0, dtype=np.float64)
_DENSE = 16   # below 1/16 of a segment's documents, lists are merged by sorting; above, over an array of them all


class _Unsupported(Exception):
    """A query this module does not evaluate: Whoosh does."""


@dataclass
class _Postings:
    """One term's postings in one segment (deleted documents removed), with what a phrase check needs."""

    ids: np.ndarray
    weights: np.ndarray
    blocks: list = field(default_factory=list)       # BlockData, for positions
    starts: np.ndarray = field(default_factory=lambda: _EMPTY_IDS)   # index of each block's first posting
    keep: np.ndarray | None = None                   # indexes into the undeleted postings, when some were deleted
    _values: dict = field(default_factory=dict)

    def value(self, doc: int):
        """The stored value (positions) of the posting of doc, which must be in ids."""
        i = int(np.searchsorted(self.ids, doc))
        if self.keep is not None:
            i = int(self.keep[i])
        b = int(np.searchsorted(self.starts, i, side="right")) - 1
        values = self._values.get(b)
        if values is None:
            values = self._values[b] = self.blocks[b].value_tuple()
        return values[i - int(self.starts[b])]


@dataclass
class _Part:
    """A query node's matches in one segment: ascending docnums and their scores (upper bounds when not exact)."""

    ids: np.ndarray
    scores: np.ndarray
    exact: bool = True


class _Segment:
    """Evaluation of one query in one segment (a leaf searcher)."""

    def __init__(self, top, leaf, cache: _FilterCache):
        self.top, self.leaf, self.reader = top, leaf, leaf.reader()
        self.schema = top.schema
        self.cache = cache
        if not hasattr(self.reader, "segment"):   # an empty index
            raise _Unsupported(type(self.reader).__name__)
        seg = self.reader.segment()
        self.size = self.reader.doc_count_all()
        self.key = (seg.segment_id(), seg.deleted_count())
        deleted = sorted(self.reader._perdoc.deleted_docs()) if self.reader.has_deletions() else []
        self.deleted = np.array(deleted, dtype=np.int64)
        self.parts: dict[int, _Part] = {}            # id(node) -> its part, for the phrase checks
        self.postings: dict[tuple, _Postings] = {}

    # -- reading -----------------------------------------------------------------------------------------------
    def term_postings(self, fieldname: str, text) -> _Postings:
        fobj = self.schema[fieldname]
        btext = fobj.to_bytes(text) if isinstance(text, str) else text
        key = (fieldname, btext)
        found = self.postings.get(key)
        if found is None:
            found = self.postings[key] = self._read(fieldname, btext, fobj)
        return found

    def _read(self, fieldname: str, btext: bytes, fobj) -> _Postings:
        if (fieldname, btext) not in self.reader:
            return _Postings(_EMPTY_IDS, _EMPTY_SCORES)
        m = self.reader._terms.matcher(fieldname, btext, fobj.format)
        if isinstance(m, ListMatcher):         # inlined in the term's info
            ids = np.array(m._ids, dtype=np.int64)
            weights = np.array(m._weights, dtype=np.float64) if m._weights is not None else np.ones(len(ids))
            blocks: list = []
            starts = _EMPTY_IDS
            if m._values is not None:
                blocks = [_InlineBlock(tuple(m._values))]
                starts = np.zeros(1, dtype=np.int64)
            p = _Postings(ids, weights, blocks, starts)
        elif isinstance(m, ArrayLeafMatcher):
            blocks, id_parts, weight_parts = [], [], []
            while True:
                data = m.block_data()
                blocks.append(data)
                id_parts.append(data.np_ids(np))
                weight_parts.append(data.np_weights(np))
                if m._lastblock:
                    break
                m._goto(m._nextoffset)
            counts = np.fromiter((b.count for b in blocks), dtype=np.int64, count=len(blocks))
            starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
            p = _Postings(np.concatenate(id_parts), np.concatenate(weight_parts), blocks, starts)
        else:   # an index written by another codec
            raise _Unsupported(type(m).__name__)
        if len(self.deleted) and len(p.ids):
            alive = ~_members(p.ids, self.deleted, self.size)
            if not alive.all():
                p.keep = np.nonzero(alive)[0]
                p.ids, p.weights = p.ids[alive], p.weights[alive]
        return p

    def lengths(self, fieldname: str) -> np.ndarray:
        """Every document's length of a field, as Whoosh's scorer reads it (one byte each, decoded)."""
        key = ("len", self.key[0], fieldname)
        cached = self.cache.get(key)
        if cached is None:
            doccount = self.reader.doc_count_all()
            column = self.reader._perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
            raw = np.zeros(doccount, dtype=np.uint8)
            if column is not None:
                n = min(column._count, doccount)
                raw[:n] = np.frombuffer(column._dbfile.get(column._basepos, n), dtype=np.uint8)
            cached = _LENGTH_TABLE[raw]
            self.cache.put(key, cached, doccount // 8)
        return cached

    # -- evaluating --------------------------------------------------------------------------------------------
    def part(self, q) -> _Part:
        p = self._part(q)
        self.parts[id(q)] = p
        return p

    def _part(self, q) -> _Part:
        kind = type(q)
        if kind is wq.Term:
            return self._term(q)
        if kind is wq.Or:
            return _boosted(_union([self.part(s) for s in q.subqueries], self.size), q.boost)
        if kind is wq.And:
            return _boosted(_intersection([self.part(s) for s in q.subqueries], self.size), q.boost)
        if kind is wq.AndNot:
            pos, neg = self.part(q.a), self.part(q.b)
            if not neg.exact:     # a phrase: only a checked match excludes (done candidate by candidate)
                return _Part(pos.ids, pos.scores, exact=False)
            keep = ~_members(pos.ids, neg.ids, self.size)
            return _Part(pos.ids[keep], pos.scores[keep], pos.exact)
        if kind is wq.Phrase:
            return self._phrase(q)
        if kind is ColumnFilter:
            child = self.part(q.child)
            keep = np.ones(len(child.ids), dtype=bool)
            for check in q.checks:
                keep &= _members(child.ids, self._check_ids(check), self.size)
            return _Part(child.ids[keep], child.scores[keep], child.exact)
        if kind is DateRange:
            ids = self.cache.date_ids(self, q)
            return _Part(ids, np.full(len(ids), float(q.boost)))
        raise _Unsupported(kind.__name__)

    def _term(self, q: wq.Term) -> _Part:
        fobj = self.schema[q.fieldname] if q.fieldname in self.schema else None
        if fobj is None:
            return _Part(_EMPTY_IDS, _EMPTY_SCORES)
        if not fobj.scorable:     # filters: the same lists search after search
            ids, weights = self.cache.filter_postings(self, q.fieldname, q.text)
            return _Part(ids, weights * q.boost if q.boost != 1.0 else weights)
        p = self.term_postings(q.fieldname, q.text)
        return _Part(p.ids, self._scores(q.fieldname, q.text, p) * q.boost if q.boost != 1.0
                     else self._scores(q.fieldname, q.text, p))

    def _scores(self, fieldname: str, text, p: _Postings) -> np.ndarray:
        if not len(p.ids):
            return _EMPTY_SCORES
        fobj = self.schema[fieldname]
        scorer = self.top.weighting.scorer(self.leaf, fieldname, fobj.to_bytes(text) if isinstance(text, str)
                                           else text)
        if isinstance(scorer, scoring.BM25FScorer):
            fl = self.lengths(fieldname)[p.ids]
            idf, avgfl, b, k1 = scorer.idf, scorer.avgfl, scorer.B, scorer.K1
            return idf * ((p.weights * (k1 + 1)) / (p.weights + k1 * ((1 - b) + b * fl / avgfl)))
        if isinstance(scorer, scoring.WeightScorer):
            return p.weights
        raise _Unsupported(type(scorer).__name__)

    def _phrase(self, q: wq.Phrase) -> _Part:
        fobj = self.schema[q.fieldname] if q.fieldname in self.schema else None
        if fobj is None or q.slop != 1 or not fobj.format.supports("positions"):
            raise _Unsupported("phrase")
        words = [self.term_postings(q.fieldname, w) for w in q.words]
        parts = [_Part(p.ids, self._scores(q.fieldname, w, p)) for p, w in zip(words, q.words, strict=True)]
        both = _intersection(parts, self.size)
        return _Part(both.ids, both.scores * q.boost if q.boost != 1.0 else both.scores, exact=False)

    def _check_ids(self, check) -> np.ndarray:
        if check.values is None:
            return self.cache.date_ids(self, DateRange(check.fieldname, check.lo, check.hi))
        key = ("check", self.key, check)
        ids = self.cache.get(key)
        if ids is None:
            lists = [self.cache.filter_postings(self, check.fieldname, v)[0] for v in sorted(check.values)]
            ids = _union([_Part(ids, np.zeros(len(ids))) for ids in lists], self.size).ids
            self.cache.put(key, ids, len(ids) // 2)
        return ids

    # -- one document, exactly (phrases) -----------------------------------------------------------------------
    def exact_score(self, q, doc: int) -> float | None:
        """q's score for doc, or None when doc does not match q (positions checked)."""
        p = self.parts[id(q)]
        if p.exact:
            i = int(np.searchsorted(p.ids, doc))
            return float(p.scores[i]) if i < len(p.ids) and p.ids[i] == doc else None
        kind = type(q)
        if kind is wq.Phrase:
            i = int(np.searchsorted(p.ids, doc))
            if i >= len(p.ids) or p.ids[i] != doc:
                return None
            return float(p.scores[i]) if self._in_order(q, doc) else None
        if kind in (wq.Or, wq.And):
            scores = [self.exact_score(s, doc) for s in q.subqueries]
            found = [s for s in scores if s is not None]
            if not found or (kind is wq.And and len(found) < len(scores)):
                return None
            return sum(found) * q.boost
        if kind is wq.AndNot:
            return None if self.exact_score(q.b, doc) is not None else self.exact_score(q.a, doc)
        if kind is ColumnFilter:
            i = int(np.searchsorted(p.ids, doc))
            return self.exact_score(q.child, doc) if i < len(p.ids) and p.ids[i] == doc else None
        raise _Unsupported(kind.__name__)   # pragma: no cover - every inexact node is one of the above

    def _in_order(self, q: wq.Phrase, doc: int) -> bool:
        decode = self.schema[q.fieldname].format.decode_positions
        starts: set[int] | None = None
        for n, word in enumerate(q.words):
            positions = {pos - n for pos in decode(self.term_postings(q.fieldname, word).value(doc))}
            starts = positions if starts is None else starts & positions
            if not starts:
                return False
        return True


class _InlineBlock:
    def __init__(self, values):
        self._values = values

    def value_tuple(self):
        return self._values


def _boosted(p: _Part, boost: float) -> _Part:
    return p if boost == 1.0 else _Part(p.ids, p.scores * boost, p.exact)


def _union(parts: list[_Part], size: int) -> _Part:
    """The documents of any part, each scoring the sum of its parts' scores (Whoosh's UnionMatcher)."""
    parts = [p for p in parts if len(p.ids)]
    exact = all(p.exact for p in parts)
    if not parts:
        return _Part(_EMPTY_IDS, _EMPTY_SCORES, exact)
    if len(parts) == 1:
        return _Part(parts[0].ids, parts[0].scores, exact)
    if sum(len(p.ids) for p in parts) * _DENSE < size:     # few: sort them
        ids = np.concatenate([p.ids for p in parts])
        scores = np.concatenate([p.scores for p in parts])
        order = np.argsort(ids, kind="stable")
        ids, scores = ids[order], scores[order]
        starts = np.nonzero(np.concatenate(([True], ids[1:] != ids[:-1])))[0]
        return _Part(ids[starts], np.add.reduceat(scores, starts), exact)
    total = np.zeros(size)             # many: add them up over the segment's documents (no sort)
    seen = np.zeros(size, dtype=bool)
    for p in parts:
        total[p.ids] += p.scores       # ids are unique within a part, so += adds each once
        seen[p.ids] = True
    ids = np.flatnonzero(seen)
    return _Part(ids, total[ids], exact)


def _intersection(parts: list[_Part], size: int) -> _Part:
    """The documents in every part, scoring the sum (Whoosh's IntersectionMatcher)."""
    exact = all(p.exact for p in parts)
    parts = sorted(parts, key=lambda p: len(p.ids))   # the rarest first: every step is at most that long
    ids, scores = parts[0].ids, parts[0].scores
    for p in parts[1:]:
        if not len(ids):
            break
        if (len(ids) + len(p.ids)) * _DENSE < size:
            ids, ia, ib = np.intersect1d(ids, p.ids, assume_unique=True, return_indices=True)
            scores = scores[ia] + p.scores[ib]
        else:
            there = np.full(size, np.nan)
            there[p.ids] = p.scores
            theirs = there[ids]
            keep = ~np.isnan(theirs)
            ids, scores = ids[keep], scores[keep] + theirs[keep]
    return _Part(ids, scores, exact)


def _members(ids: np.ndarray, of: np.ndarray, size: int) -> np.ndarray:
    """ids' membership of `of` (both ascending, unique docnums of one segment of `size` documents)."""
    if (len(ids) + len(of)) * _DENSE < size:
        return np.isin(ids, of, assume_unique=True)
    mark = np.zeros(size, dtype=bool)
    mark[of] = True
    return mark[ids]


class _FilterCache:
    """Filter terms' postings, date ranges and field lengths per segment, least recently used dropped first."""

    def __init__(self, budget: int = FILTER_CACHE_POSTINGS):
        self.budget = budget
        self._items: OrderedDict[tuple, tuple[Any, int]] = OrderedDict()
        self._size = 0

    def get(self, key):
        item = self._items.get(key)
        if item is None:
            return None
        self._items.move_to_end(key)
        return item[0]

    def put(self, key, value, size: int) -> None:
        self._items[key] = (value, size)
        self._size += size
        while self._size > self.budget and len(self._items) > 1:
            _k, (_v, s) = self._items.popitem(last=False)
            self._size -= s

    def filter_postings(self, seg: _Segment, fieldname: str, text) -> tuple[np.ndarray, np.ndarray]:
        key = ("term", seg.key, fieldname, text)
        found = self.get(key)
        if found is None:
            p = seg.term_postings(fieldname, text)
            found = (p.ids, p.weights)
            self.put(key, found, len(p.ids))
        return found

    def date_ids(self, seg: _Segment, q: DateRange) -> np.ndarray:
        key = ("date", seg.key, q.fieldname, q.lo, q.hi)
        found = self.get(key)
        if found is None:
            ids = np.array(q._docnums(seg.reader, seg.schema[q.fieldname]), dtype=np.int64)
            if len(seg.deleted) and len(ids):
                ids = ids[~_members(ids, seg.deleted, seg.size)]
            found = ids
            self.put(key, found, len(ids) // 2)
        return found


_CACHE = _FilterCache()


@dataclass
class ArrayResult:
    top: list[tuple[float, int]]     # (score, docnum in the whole index), best first: Whoosh's Results.top_n
    total: int                       # matches (exact, or estimated when phrases were checked only in part)
    exact_total: bool


def top_hits(searcher, q, limit: int, cache: _FilterCache | None = None) -> ArrayResult | None:
    """The best `limit` matches of q, as Whoosh would rank them; None when q has a part this cannot evaluate."""
    cache = cache or _CACHE
    try:
        segments = [(_Segment(searcher, leaf, cache), offset) for leaf, offset in searcher.leaf_searchers()]
        parts = [(seg, offset, seg.part(q)) for seg, offset in segments]
        if all(p.exact for _s, _o, p in parts):
            return _best_exact(parts, limit)
        return _best_checked(q, parts, limit)
    except _Unsupported:
        return None


def matching_docs(searcher, q, cache: _FilterCache | None = None) -> np.ndarray | None:
    """Every match of q (docnums in the whole index, ascending); None when q has a part this cannot evaluate or
    needs phrase checks (then Whoosh's matcher checks them as it goes)."""
    cache = cache or _CACHE
    try:
        segments = [(_Segment(searcher, leaf, cache), offset) for leaf, offset in searcher.leaf_searchers()]
        parts = [(offset, seg.part(q)) for seg, offset in segments]
    except _Unsupported:
        return None
    if not all(p.exact for _o, p in parts):
        return None
    return np.concatenate([p.ids + offset for offset, p in parts]) if parts else _EMPTY_IDS


def _best_exact(parts, limit: int) -> ArrayResult:
    docs = np.concatenate([p.ids + offset for _s, offset, p in parts]) if parts else _EMPTY_IDS
    scores = np.concatenate([p.scores for _s, _o, p in parts]) if parts else _EMPTY_SCORES
    return ArrayResult(_rank(docs, scores, limit), len(docs), True)


def _rank(docs: np.ndarray, scores: np.ndarray, limit: int) -> list[tuple[float, int]]:
    """The best `limit` (score, doc) pairs: highest score first, then lowest docnum (Whoosh's order)."""
    if len(docs) > limit:
        kth = np.partition(scores, len(scores) - limit)[len(scores) - limit]
        keep = scores >= kth
        docs, scores = docs[keep], scores[keep]
    order = np.lexsort((docs, -scores))[:limit]
    return [(float(scores[i]), int(docs[i])) for i in order]


def _best_checked(q, parts, limit: int) -> ArrayResult:
    """Candidates in order of their upper bound, checked one by one until no unchecked one can enter the page."""
    seg_of = np.concatenate([np.full(len(p.ids), n, dtype=np.int64) for n, (_s, _o, p) in enumerate(parts)])
    local = np.concatenate([p.ids for _s, _o, p in parts])
    bounds = np.concatenate([p.scores for _s, _o, p in parts])
    offsets = np.array([offset for _s, offset, _p in parts], dtype=np.int64)
    docs = local + offsets[seg_of]
    order = np.lexsort((docs, -bounds))
    found: list[tuple[float, int]] = []
    checked = held = 0
    for i in order:
        bound = float(bounds[i])
        if len(found) >= limit and bound < found[limit - 1][0]:
            break
        checked += 1
        seg = parts[int(seg_of[i])][0]
        score = seg.exact_score(q, int(local[i]))
        if score is not None:
            held += 1
            found.append((score, int(docs[i])))
            found.sort(key=lambda sd: (-sd[0], sd[1]))
            del found[limit:]
    total = held if checked == len(docs) else round(len(docs) * held / max(checked, 1))
    return ArrayResult(found, max(total, len(found)), checked == len(docs))
