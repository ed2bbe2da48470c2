"""field_indexer(field): Field.index() for our text fields without Whoosh's token stream.

Whoosh analyses text as a chain of generators passing one mutable Token object along (tokenizer → lowercase →
stop words → stemmer), then counts the words in a second pass. Profiled on a 10,000-recommendation rebuild, after
the pool change in term_pool.py, that was 60 % of a writer's time. The chain our schema uses, a RegexTokenizer
followed by any of LowercaseFilter, StopFilter and StemFilter in that order, is done here in one loop with the
filters' own settings (the tokenizer's expression, the stop list and sizes, the stemmer and its cache), and the
words are encoded by the field's own format. The output is Field.index()'s, item for item
(tests/core/search/test_field_indexer.py compares them); any other analyser or format gets Field.index() itself.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from whoosh.analysis import (
    CompositeAnalyzer,
    IDTokenizer,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
    StripFilter,
)
from whoosh.formats import Existence, Frequency, Positions
from whoosh.system import pack_uint

Items = Iterable[tuple[bytes, int, float, bytes]]

_ORDER = (StripFilter, LowercaseFilter, StopFilter, StemFilter)
# Tokens remembered per field, then forgotten and learnt again: the common words are most of the text (a 400,000
# memo in every field took the 200k rebuild's processes to 885 MB together). Whole-value fields (ids, keys) have none.
MEMO_WORDS = 20_000


def _chain(analyzer):
    """(tokenizer, lowercase, stop filter, stem filter) if the analyser is a chain we reproduce, else None."""
    items = analyzer.items if isinstance(analyzer, CompositeAnalyzer) else [analyzer]
    tokenizer, filters = items[0], items[1:]
    if not (type(tokenizer) is IDTokenizer or (type(tokenizer) is RegexTokenizer and not tokenizer.gaps)):
        return None
    found: dict[type, object] = {}
    last = -1
    for f in filters:
        kind = type(f)
        if kind not in _ORDER or kind in found or _ORDER.index(kind) < last:
            return None
        found[kind], last = f, _ORDER.index(kind)
    return tokenizer, StripFilter in found, LowercaseFilter in found, found.get(StopFilter), found.get(StemFilter)


def field_indexer(field) -> Callable[[object], Items]:
    """A function giving field.index(value)'s items for a text value, faster where the field allows."""
    fmt = field.format
    chain = _chain(field.analyzer) if type(fmt) in (Positions, Frequency, Existence) else None
    if chain is None:
        return field.index
    tokenizer, strip, lower, stop, stem = chain
    finditer = None if type(tokenizer) is IDTokenizer else tokenizer.expression.finditer   # ID: one token, pos 1
    stops, minsize, maxsize = (stop.stops, stop.min, stop.max) if stop else (frozenset(), 0, None)
    renumber = bool(stop and stop.renumber)
    stemfn, ignore = (stem._stem, stem.ignore) if stem else (None, frozenset())
    boost, positions, existence = fmt.field_boost, type(fmt) is Positions, type(fmt) is Existence
    encode = fmt.encode if positions else None

    memo: dict[str, str | None] = {}      # token as found -> the word indexed, None for a stop word
    remember = finditer is not None

    def analysed(token: str) -> str | None:
        w = token.strip() if strip else token
        if lower:
            w = w.lower()
        if stop is not None and (len(w) < minsize or (maxsize is not None and len(w) > maxsize) or w in stops):
            return None
        if stemfn is not None and w not in ignore:
            w = stemfn(w)
        if remember:
            if len(memo) >= MEMO_WORDS:
                memo.clear()
            memo[token] = w
        return w

    def words(value: str) -> dict[str, list[int]]:
        """Each analysed word and its positions, in order of first appearance (as Whoosh's format counts them)."""
        found: dict[str, list[int]] = {}
        pos = None
        tokens = ((1, value),) if finditer is None else ((i, m.group(0)) for i, m in enumerate(finditer(value)))
        for i, token in tokens:
            w = memo[token] if token in memo else analysed(token)
            if w is None:
                continue
            pos = (i if pos is None else pos + 1) if renumber else i
            plist = found.get(w)
            if plist is None:
                found[w] = [pos]
            else:
                plist.append(pos)
        return found

    single: dict[int, bytes] = {}       # the encoding of a word found once, by its position (most words)

    def encode_positions(plist: list[int]) -> bytes:
        assert encode is not None
        if len(plist) != 1:
            return encode(plist)
        code = single.get(plist[0])
        if code is None:
            code = single[plist[0]] = encode(plist)
        return code

    def index(value) -> Items:
        if not isinstance(value, str):
            return field.index(value)
        found = words(value)
        if existence:
            return [(w.encode("utf-8"), 1, boost, b"") for w in found]
        if positions:
            return [(w.encode("utf-8"), len(p), len(p) * 1.0 * boost, encode_positions(p)) for w, p in found.items()]
        return [(w.encode("utf-8"), len(p), len(p) * 1.0 * boost, pack_uint(len(p))) for w, p in found.items()]

    return index
