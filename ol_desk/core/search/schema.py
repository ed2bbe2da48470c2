"""The Whoosh schema of the search index, and its version.

Text is analysed with an English stemming analyser (so "checks" finds "check"). Typos are corrected from the
stemmed words themselves (no separate spelling field: it doubled the postings and the build time). Only what identifies a hit is stored (its key, kind and id); what a hit shows (reference,
title, snippet) is read from the database, which stays the one truth and keeps the index small.

Bump SCHEMA_VERSION whenever the fields or what goes into them change: an index of another version is rebuilt.
"""
from __future__ import annotations

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StemmingAnalyzer
from whoosh.columns import NumericColumn
from whoosh.fields import COLUMN, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

SCHEMA_VERSION = 10

# What the index holds, by Entity value.
KINDS = ("recommendation", "action", "update", "document", "learning")

# The key of the one document that carries the index's own state (last applied outbox seq, database uid).
META_KEY = "_meta"

# All of an item's words (reference, title, own text, context) go into one field, ALL_WORDS ("text"), so that a word has one
# posting list to walk per segment (with four fields a search walked four, and 4× the matches). A reference or
# title is also in a small field of its own that only adds to the score of items ALL_WORDS already matched: a match
# there outranks a mention in a long update without being walked as a list of its own.
ALL_WORDS = "text"
BOOST_FIELDS = {"ref": 6.0, "title": 3.0}
TEXT_FIELDS = (ALL_WORDS, *BOOST_FIELDS)

# The field whose words a misspelt word is corrected to.
SPELLING_FIELD = ALL_WORDS

# What the sources give (sources.py) that goes into ALL_WORDS, in this order.
_TEXT_PARTS = ("ref", "title", "body", "context")


# Put between the parts of ALL_WORDS: it is dropped, and the next part starts POSITION_GAP positions later, so an
# exact phrase cannot run from the end of a title into the start of the text that follows it.
PART_BREAK = "zzpartbreakzz"
POSITION_GAP = 100


class PartBreakFilter(Filter):
    """Drops PART_BREAK tokens and moves the positions of the tokens after each one on by POSITION_GAP."""

    def __call__(self, tokens):
        shift = 0
        for t in tokens:
            if t.text == PART_BREAK:
                shift += POSITION_GAP
                continue
            if shift and t.positions:
                t.pos += shift
            yield t


def _plain():
    """Words and numbers, lowercased, no stemming: for references like 2025-0241 or NW-001 and for names."""
    return RegexTokenizer(r"\w+") | LowercaseFilter()


def build_schema() -> Schema:
    english = StemmingAnalyzer()
    return Schema(
        key=ID(unique=True, stored=True),                  # "recommendation:123"
        # kind, status, due and issued also have a column: with words in a search they are checked on the words'
        # candidates (query.ColumnFilter) instead of intersecting lists of hundreds of thousands of items.
        kind=ID(sortable=True),                            # an Entity value from KINDS
        eid=COLUMN(NumericColumn("I")),                   # the row id, as a column only (for ids_matching)
        ref=TEXT(analyzer=_plain(), phrase=True),
        title=TEXT(analyzer=english, phrase=True),
        # Everything: reference, title, own text, and the words about the item that are not its own text (its
        # document's title, hub and theme names, owner).
        text=TEXT(analyzer=StemmingAnalyzer() | PartBreakFilter(), phrase=True),
        # Filters (all lowercase codes/values).
        source=KEYWORD(lowercase=True, commas=True),       # SourceKind values
        finding=KEYWORD(lowercase=True, commas=True),      # FindingType values
        hub=KEYWORD(lowercase=True, commas=True),          # hub codes
        theme=KEYWORD(lowercase=True, commas=True),        # theme codes
        status=ID(sortable=True),                          # RecStatus / ActionStatus / TriageOutcome / document state
        owner=TEXT(analyzer=_plain()),                     # owner's (or author's) name
        due=NUMERIC(int, bits=32, shift_step=16, sortable=True),          # yyyymmdd of the current target / due / response date
        issued=NUMERIC(int, bits=32, shift_step=16, sortable=True),       # yyyymmdd the source document was issued
        meta=STORED(),                                     # JSON state, on the META_KEY document only
    )


def index_fields(doc: dict) -> dict:
    """A document as sources.py gives it (ref, title, body, context, filters) → the fields this schema has."""
    out = {k: v for k, v in doc.items() if k not in ("body", "context")}
    text = f"\n{PART_BREAK}\n".join(doc[k] for k in _TEXT_PARTS if doc.get(k))
    if text:
        out[ALL_WORDS] = text
    return out


def date_number(value) -> int | None:
    """A date as yyyymmdd (what the NUMERIC date fields hold)."""
    if value is None:
        return None
    return value.year * 10000 + value.month * 100 + value.day
