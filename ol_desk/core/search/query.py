"""The query language a user types, parsed into Whoosh queries.

    custody rousing            both words (in any field; words are stemmed, so "checks" finds "check")
    "rousing checks"           the exact phrase
    -taser                     without this word (also -"exact phrase" and -hub:NW)
    pursuit OR pursuits        either side (OR in capitals; binds tighter than the implied AND)
    hub:NW  hub:"North West"   filters: hub, theme, status, source, kind, finding, owner, due, issued, ref, title

A misspelt word is corrected by the caller (index.py) from the index's own words. Anything that cannot be
understood raises QueryError with one line saying what and how to write it instead.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

from whoosh import query as wq
from whoosh.matching import FilterMatcher, ListMatcher

from ol_desk.core.errors import OlDeskError
from ol_desk.core.model.enums import (
    FINISHED_REC_STATUSES,
    OPEN_ACTION_STATUSES,
    OPEN_REC_STATUSES,
    ActionStatus,
    FindingType,
    RecStatus,
    SourceKind,
    TriageOutcome,
)

from .schema import KINDS, TEXT_FIELDS, date_number
from .sources import DOC_AWAITING, DOC_RESPONDED, overdue_statuses

MAX_QUERY_CHARS = 1000


class QueryError(OlDeskError):
    """A search query that cannot be understood; the message says how to write it."""


@dataclass(frozen=True)
class Atom:
    kind: str                 # "word", "phrase" or "filter"
    text: str                 # the word, the phrase, or the filter's value
    field: str = ""           # for filters (canonical name)
    negated: bool = False


@dataclass
class ParsedQuery:
    text: str
    groups: list[list[Atom]] = field(default_factory=list)   # AND of groups; each group is an OR of atoms

    def words(self) -> list[Atom]:
        """Plain words that must match (candidates for typo correction)."""
        return [a for g in self.groups for a in g if a.kind == "word" and not a.negated]

    @property
    def has_text(self) -> bool:
        return any(a.kind != "filter" for g in self.groups for a in g)


_TOKEN = re.compile(r'(?P<bare>[A-Za-z]+):(?=\s|$)'  # "hub:" with nothing after it
                    r'|(?P<neg>-)?(?:(?P<field>[A-Za-z]+):)?(?:"(?P<quoted>[^"]*)"|(?P<word>[^\s"]+))|(?P<bad>")')

FIELD_ALIASES = {
    "hub": "hub", "hubs": "hub", "bcu": "hub", "ocu": "hub",
    "theme": "theme", "themes": "theme", "topic": "theme",
    "status": "status", "state": "status", "is": "status",
    "source": "source", "src": "source",
    "kind": "kind", "type": "kind", "in": "kind",
    "finding": "finding",
    "owner": "owner", "by": "owner", "author": "owner", "who": "owner",
    "due": "due", "target": "due",
    "issued": "issued", "date": "issued", "year": "issued",
    "ref": "ref", "reference": "ref",
    "title": "title",
}
FILTER_HELP = "hub:, theme:, status:, source:, kind:, finding:, owner:, due:, issued:, ref:, title:"


def parse(text: str) -> ParsedQuery:
    text = (text or "").strip()
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"The search is too long ({len(text):,} characters; at most {MAX_QUERY_CHARS:,}).")
    parsed = ParsedQuery(text)
    pending_or = False
    for m in _TOKEN.finditer(text.replace("\u201c", '"').replace("\u201d", '"')):
        if m.group("bad"):
            raise QueryError('A quotation mark is not closed: put a " at the end of the exact phrase.')
        word, quoted, fname, neg = m.group("word"), m.group("quoted"), m.group("field"), bool(m.group("neg"))
        if m.group("bare"):
            if m.group("bare").lower() in FIELD_ALIASES:
                raise QueryError(f"'{m.group('bare')}:' needs a value after the colon (for example hub:NW).")
            word = m.group("bare")  # "Note:" at the end of a phrase is just a word
        if word is not None and not fname and not neg and word in ("OR", "|"):
            if not parsed.groups or pending_or:
                raise QueryError("OR needs a word on each side (for example: pursuit OR chase).")
            pending_or = True
            continue
        if word is not None and not fname and word in ("AND", "&&"):
            continue
        atom = _atom(fname, word, quoted, neg)
        if atom is None:
            continue
        if pending_or:
            parsed.groups[-1].append(atom)
            pending_or = False
        else:
            parsed.groups.append([atom])
    if pending_or:
        raise QueryError("OR needs a word on each side (for example: pursuit OR chase).")
    return parsed


def _atom(fname: str | None, word: str | None, quoted: str | None, neg: bool) -> Atom | None:
    if fname:
        canonical = FIELD_ALIASES.get(fname.lower())
        if canonical is None:
            raise QueryError(f"'{fname}:' is not a filter. Use one of {FILTER_HELP} "
                             f"or put the words in quotes to search for them.")
        value = (quoted if quoted is not None else word or "").strip()
        if not value:
            raise QueryError(f"'{fname}:' needs a value after the colon (for example {fname}:something).")
        return Atom("filter", value, canonical, neg)
    if quoted is not None:
        quoted = " ".join(quoted.split())
        return Atom("phrase", quoted, negated=neg) if quoted else None
    word = word.strip("()[]{},;!?") if word else ""
    if not word or word == "-":
        return None
    return Atom("word", word, negated=neg)


# -- compiling to Whoosh -----------------------------------------------------------------------------------------

@dataclass
class Vocabulary:
    """What filter values can name: hubs (code → names/aliases) and themes (code → name), from the database."""

    hubs: dict[str, list[str]]
    themes: dict[str, str]


def compile_query(parsed: ParsedQuery, schema, vocab: Vocabulary, *, today: dt.date,
                  corrections: dict[str, str] | None = None) -> wq.Query:
    corrections = corrections or {}
    must: list[wq.Query] = []
    must_not: list[wq.Query] = []
    for group in parsed.groups:
        positives: list[wq.Query] = []
        negatives: list[wq.Query] = []
        for atom in group:
            if atom.kind == "word" and atom.text in corrections:
                atom = replace(atom, text=corrections[atom.text])
            q = _compile_atom(atom, schema, vocab, today)
            if q is None:
                continue
            (negatives if atom.negated else positives).append(q)
        if positives:
            must.append(positives[0] if len(positives) == 1 else wq.Or(positives))
        must_not.extend(negatives)
    checks: list[ColumnCheck] = []
    if parsed.has_text:
        # status: is a union of several huge lists (open = five statuses); with words to narrow the search it is
        # checked on the words' candidates, one column value each (with the date of status:overdue). Measured at
        # 200k: kind: and due: alone were no faster as checks on the candidates of a common word than as lists
        # (one term; a cached docnum list), so they stay lists. Filter-only searches always walk the lists.
        rest = []
        for q in must:
            found = _column_checks(q)
            if found is None or not any(c.fieldname == "status" for c in found):
                rest.append(q)
            else:
                checks.extend(found)
        if rest:
            must = rest
        else:
            checks = []
    base: wq.Query = wq.And(must) if len(must) > 1 else (must[0] if must else wq.Every())
    if must_not:
        base = wq.AndNot(base, wq.Or(must_not))
    return ColumnFilter(base, checks) if checks else base


def text_query(words: str, schema, fields=None) -> wq.Query | None:
    """Words (or a phrase) in any of the free-text fields, each field with its boost."""
    parts = []
    for fname in fields or TEXT_FIELDS:
        tokens = [t.text for t in schema[fname].analyzer(words)]
        boost = TEXT_FIELDS.get(fname, 1.0)
        if len(tokens) == 1:
            parts.append(wq.Term(fname, tokens[0], boost=boost))
        elif tokens and schema[fname].format.supports("positions"):
            parts.append(wq.Phrase(fname, tokens, boost=boost))
    if not parts:
        return None  # only stop words ("the", "of"): ignored
    return parts[0] if len(parts) == 1 else wq.Or(parts)


def _compile_atom(atom: Atom, schema, vocab: Vocabulary, today: dt.date) -> wq.Query | None:
    if atom.kind in ("word", "phrase"):
        return text_query(atom.text, schema)
    f, v = atom.field, atom.text
    if f in ("ref", "title"):
        return text_query(v, schema, fields=[f])
    if f == "owner":
        tokens = [t.text for t in schema["owner"].analyzer(v)]
        if not tokens:
            raise QueryError(f"owner:{v} has no name in it.")
        return wq.And([wq.Term("owner", t) for t in tokens])
    if f == "hub":
        return _any("hub", resolve_hubs(v, vocab))
    if f == "theme":
        return _any("theme", resolve_themes(v, vocab))
    if f == "source":
        return _any("source", [_enum_value(SourceKind, v, "source", SOURCE_ALIASES)])
    if f == "finding":
        return _any("finding", [_enum_value(FindingType, v, "finding", FINDING_ALIASES)])
    if f == "kind":
        return _any("kind", [resolve_kind(v)])
    if f == "status":
        return status_query(v, today)
    if f in ("due", "issued"):
        lo, hi = date_range(v, f)
        return DateRange(f, lo, hi)
    raise QueryError(f"'{f}:' is not a filter.")  # pragma: no cover - FIELD_ALIASES maps onto the above


def _any(fname: str, values) -> wq.Query:
    terms = [wq.Term(fname, v.lower()) for v in values]
    return terms[0] if len(terms) == 1 else wq.Or(terms)


def _norm(value: str) -> str:
    return re.sub(r"[\s\-]+", "_", value.strip().lower())


SOURCE_ALIASES = {"coroner": "pfd", "reg28": "pfd", "regulation_28": "pfd", "inquiry": "public_inquiry",
                  "review": "independent_review", "gold": "gold_group", "psd": "professional_standards",
                  "hmic": "hmicfrs", "internal": "internal_review"}
FINDING_ALIASES = {"coc": "cause_of_concern", "afi": "area_for_improvement", "moc": "matter_of_concern",
                   "rec": "recommendation", "learning": "learning_point"}
KIND_ALIASES = {"rec": "recommendation", "recs": "recommendation", "recommendations": "recommendation",
                "actions": "action", "updates": "update", "progress": "update", "progress_update": "update",
                "doc": "document", "docs": "document", "documents": "document", "report": "document",
                "reports": "document", "gold": "learning", "learning_entry": "learning",
                "file": "evidence", "files": "evidence", "attachment": "evidence", "attachments": "evidence"}


def _enum_value(enum_cls, value: str, what: str, aliases: dict[str, str]) -> str:
    key = _norm(value)
    for member in enum_cls:
        if key in (member.value, _norm(member.label)):
            return member.value
    if key in aliases:
        return aliases[key]
    starts = [m.value for m in enum_cls if m.value.startswith(key) or _norm(m.label).startswith(key)]
    if len(starts) == 1:
        return starts[0]
    known = ", ".join(m.value for m in enum_cls)
    raise QueryError(f"{what}:{value} is not known; use one of {known}.")


def resolve_kind(value: str) -> str:
    key = _norm(value)
    key = KIND_ALIASES.get(key, key)
    if key not in KINDS:
        raise QueryError(f"kind:{value} is not known; use one of {', '.join(KINDS)}.")
    return key


def resolve_hubs(value: str, vocab: Vocabulary) -> list[str]:
    key = value.strip().lower()
    for code, names in vocab.hubs.items():
        if key == code.lower() or key in (n.lower() for n in names):
            return [code]
    partial = [code for code, names in vocab.hubs.items() if any(key in n.lower() for n in names)]
    if partial:
        return partial
    raise QueryError(f"hub:{value} is not a hub; use a code such as {', '.join(sorted(vocab.hubs)[:12])}.")


def resolve_themes(value: str, vocab: Vocabulary) -> list[str]:
    key = value.strip().lower()
    for code, name in vocab.themes.items():
        if key in (code.lower(), name.lower()):
            return [code]
    partial = [code for code, name in vocab.themes.items() if key in code.lower() or key in name.lower()]
    if partial:
        return partial
    raise QueryError(f"theme:{value} is not a theme; use one of {', '.join(sorted(vocab.themes)[:15])}.")


_STATUS_VALUES = {_norm(m.value): m.value for e in (RecStatus, ActionStatus, TriageOutcome) for m in e}
_STATUS_VALUES.update({_norm(m.label): m.value for e in (RecStatus, ActionStatus, TriageOutcome) for m in e})
_STATUS_VALUES.update({DOC_AWAITING: DOC_AWAITING, "awaiting": DOC_AWAITING, DOC_RESPONDED: DOC_RESPONDED,
                       "done": ActionStatus.COMPLETE.value, "completed": ActionStatus.COMPLETE.value})
STATUS_GROUPS = {
    "open": sorted({s.value for s in OPEN_REC_STATUSES} | {s.value for s in OPEN_ACTION_STATUSES}
                   | {DOC_AWAITING, TriageOutcome.PENDING.value}),
    "finished": sorted({s.value for s in FINISHED_REC_STATUSES}
                       | {ActionStatus.COMPLETE.value, ActionStatus.CANCELLED.value}),
}


def status_query(value: str, today: dt.date) -> wq.Query:
    key = _norm(value)
    if key in ("overdue", "late"):
        statuses = sorted({s for group in overdue_statuses().values() for s in group})
        return wq.And([_any("status", statuses), DateRange("due", None, date_number(today - dt.timedelta(days=1)))])
    if key in STATUS_GROUPS:
        return _any("status", STATUS_GROUPS[key])
    if key in _STATUS_VALUES:
        return _any("status", [_STATUS_VALUES[key]])
    raise QueryError(f"status:{value} is not known; use open, overdue, finished, or a status such as "
                     f"new, assigned, in_progress, delivered, closed, complete, cancelled.")


# -- filters checked on candidates -------------------------------------------------------------------------------

COLUMN_FIELDS = ("status", "kind", "due", "issued")  # single-valued fields that also have a column (schema.py)


@dataclass(frozen=True)
class ColumnCheck:
    """An item's value in a column must be one of `values` (when given) and within [lo, hi] (ends None: open)."""

    fieldname: str
    values: frozenset | None = None
    lo: int | None = None
    hi: int | None = None


def _column_checks(q: wq.Query) -> list[ColumnCheck] | None:
    """q as column checks, if it is made only of terms/ranges on COLUMN_FIELDS (else None)."""
    if isinstance(q, DateRange) and q.fieldname in COLUMN_FIELDS:
        return [ColumnCheck(q.fieldname, None, q.lo, q.hi)]
    if isinstance(q, wq.Term) and q.fieldname in COLUMN_FIELDS:
        return [ColumnCheck(q.fieldname, frozenset([q.text]))]
    if isinstance(q, wq.Or) and q.subqueries and all(isinstance(t, wq.Term) for t in q.subqueries) \
            and len({t.fieldname for t in q.subqueries}) == 1 and q.subqueries[0].fieldname in COLUMN_FIELDS:
        return [ColumnCheck(q.subqueries[0].fieldname, frozenset(t.text for t in q.subqueries))]
    if isinstance(q, wq.And):
        checks: list[ColumnCheck] = []
        for sub in q.subqueries:
            part = _column_checks(sub)
            if part is None:
                return None
            checks.extend(part)
        return checks
    return None


class _Passes:
    """`docnum in this`: whether a document of one segment passes every check (read from its columns)."""

    def __init__(self, reader, schema, checks):
        self._tests: list[tuple[Any, set[bytes] | None, Any, Any]] = []  # (column, values, lo, hi)
        for c in checks:
            column = reader.column_reader(c.fieldname, translate=False) if reader.has_column(c.fieldname) else None
            field = schema[c.fieldname]
            if c.values is not None:
                self._tests.append((column, {v.encode("utf-8") for v in c.values}, None, None))
            else:  # numbers are kept in their sortable form; an item without the date holds the column's default
                missing = field.column_type.default_value()
                lo = field.to_column_value(c.lo) if c.lo is not None else None
                hi = field.to_column_value(c.hi) if c.hi is not None else missing - 1
                self._tests.append((column, None, lo, min(hi, missing - 1)))

    def __contains__(self, docnum) -> bool:
        for column, values, lo, hi in self._tests:
            if column is None:
                return False
            value = column[docnum]
            if values is not None:
                if value not in values:
                    return False
            elif value > hi or (lo is not None and value < lo):
                return False
        return True


class _CheckedMatcher(FilterMatcher):
    def skip_to_quality(self, minquality):
        skipped = self.child.skip_to_quality(minquality)
        self._find_next()
        return skipped


class ColumnFilter(wq.WrappingQuery):
    """The child query's matches that pass the column checks; scores are the child's."""

    def __init__(self, child: wq.Query, checks):
        super().__init__(child)
        self.checks = tuple(checks)

    def _rewrap(self, child):
        return self.__class__(child, self.checks)

    def __eq__(self, other):
        return type(other) is type(self) and (other.child, other.checks) == (self.child, self.checks)

    def __hash__(self):
        return hash((type(self).__name__, hash(self.child), self.checks))

    def __repr__(self):
        return f"ColumnFilter({self.child!r}, {self.checks!r})"

    def matcher(self, searcher, context=None):
        m = self.child.matcher(searcher, context)
        if not m.is_active():
            return m
        return _CheckedMatcher(m, _Passes(searcher.reader(), searcher.schema, self.checks))


# -- dates -------------------------------------------------------------------------------------------------------

class DateRange(wq.Query):
    """Items whose date field (yyyymmdd) lies in [lo, hi]; None leaves that end open. Constant score.

    Whoosh's NumericRange turns a range into a deep tree of unions over hundreds of terms, which took seconds
    per query; this reads the docnums of the full-precision terms in the range into one sorted list instead.
    """

    def __init__(self, fieldname: str, lo: int | None, hi: int | None, boost: float = 1.0):
        self.fieldname, self.lo, self.hi, self.boost = fieldname, lo, hi, boost

    def __eq__(self, other):
        return type(other) is type(self) and (other.fieldname, other.lo, other.hi) == (self.fieldname, self.lo, self.hi)

    def __hash__(self):
        return hash((type(self).__name__, self.fieldname, self.lo, self.hi))

    def __repr__(self):
        return f"DateRange({self.fieldname!r}, {self.lo!r}, {self.hi!r})"

    def __str__(self):
        return f"{self.fieldname}:[{self.lo or ''} TO {self.hi or ''}]"

    def has_terms(self):
        return False

    def estimate_size(self, ixreader):
        return ixreader.doc_count()

    def matcher(self, searcher, context=None):
        from whoosh.matching import NullMatcher
        reader = searcher.reader()
        segment = reader.segment() if hasattr(reader, "segment") else None
        key = (segment.segment_id(), segment.deleted_count(), self.fieldname, self.lo, self.hi) if segment else None
        ids = _RANGE_CACHE.get(key) if key else None
        if ids is None:
            ids = self._docnums(reader, searcher.schema[self.fieldname])
            if key:
                while len(_RANGE_CACHE) >= 32:
                    _RANGE_CACHE.pop(next(iter(_RANGE_CACHE)))
                _RANGE_CACHE[key] = ids
        return _SortedIdsMatcher(ids, all_weights=self.boost) if ids else NullMatcher()

    def _docnums(self, reader, field) -> list[int]:
        start = field.to_bytes(self.lo if self.lo is not None else 10000101)
        end = field.to_bytes(self.hi if self.hi is not None else 99991231)
        ids: set[int] = set()
        if self.fieldname in reader.indexed_field_names():
            for (fname, btext), _info in reader.iter_from(self.fieldname, start):
                if fname != self.fieldname or btext > end:
                    break
                ids.update(reader.postings(self.fieldname, btext).all_ids())
        return sorted(ids)


class _SortedIdsMatcher(ListMatcher):
    """A constant-score list of ascending docnums that skips by bisection and takes part in block-max skipping.

    Whoosh's ListMatcher steps through its list one id at a time on skip_to (a date range of 88,000 items walked
    for every candidate of "training kind:action due:<2025-06-01") and, without a scorer, reports no block quality,
    which switched block-max skipping off for the whole query it is part of.
    """

    _i: int
    _ids: list[int]

    def skip_to(self, id):  # noqa: A002 - Whoosh's name
        if self._i < len(self._ids) and id > self._ids[self._i]:
            self._i = bisect.bisect_left(self._ids, id, self._i)

    def supports_block_quality(self):
        return True

    def max_quality(self):
        return self._all_weights

    def block_quality(self):
        return self._all_weights

    def skip_to_quality(self, minquality):
        if self._all_weights <= minquality:   # one block: nothing in it can reach that
            skipped, self._i = len(self._ids) - self._i, len(self._ids)
            return skipped
        return 0


# Docnums of a date range in one segment: segments never change (a new deletion gives a new key), and the same
# ranges ("overdue" = before today) come back query after query.
_RANGE_CACHE: dict[tuple, list[int]] = {}


_DATE_HELP = "write dates as 2025-06-01, 01/06/2025, 2025-06 or 2025; compare with <, >, <=, >= or a range a..b"


def _period(text: str, what: str) -> tuple[dt.date, dt.date]:
    """The first and last day that a written date covers (a day, a month or a year)."""
    text = text.strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            y = int(text)
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if re.fullmatch(r"\d{4}-\d{1,2}", text):
            y, m = map(int, text.split("-"))
            first = dt.date(y, m, 1)
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
            day = dt.date(*map(int, text.split("-")))
            return day, day
        if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", text):
            d, m, y = map(int, text.split("/"))
            day = dt.date(y, m, d)
            return day, day
    except ValueError:
        pass
    raise QueryError(f"{what}:{text} is not a date; {_DATE_HELP}.")


def date_range(value: str, what: str) -> tuple[int | None, int | None]:
    """Inclusive (low, high) yyyymmdd bounds for a date filter such as <2025-06-01, 2024, 2025-01..2025-03."""
    value = value.strip()
    if ".." in value:
        lo_text, hi_text = value.split("..", 1)
        lo = date_number(_period(lo_text, what)[0]) if lo_text.strip() else None
        hi = date_number(_period(hi_text, what)[1]) if hi_text.strip() else None
        return lo, hi
    m = re.fullmatch(r"(<=|>=|<|>|=)?\s*(.+)", value)
    if m is None:  # only an empty value; the parser never lets one through
        raise QueryError(f"{what}:{value} is not a date; {_DATE_HELP}.")
    op, rest = m.group(1) or "=", m.group(2)
    first, last = _period(rest, what)
    one_day = dt.timedelta(days=1)
    if op == "<":
        return None, date_number(first - one_day)
    if op == "<=":
        return None, date_number(last)
    if op == ">":
        return date_number(last + one_day), None
    if op == ">=":
        return date_number(first), None
    return date_number(first), date_number(last)
