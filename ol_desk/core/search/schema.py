"""The Whoosh schema of the search index, and its version.

Text is analysed with an English stemming analyser (so "checks" finds "check"). Typos are corrected from the
stemmed words themselves (no separate spelling field: it doubled the postings and the build time). Only what
identifies a hit is stored (its key, kind and id); what a hit shows (reference, title, snippet) is read from the
database, which stays the one truth and keeps the index small. The one exception is the text of evidence files:
it is derived from the files, in no table, so the index keeps it (compressed) with a note when a file had none.

Bump SCHEMA_VERSION whenever the fields or what goes into them change: an index of another version is rebuilt.
"""
from __future__ import annotations

import datetime as dt
from typing import overload

from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemmingAnalyzer
from whoosh.columns import NumericColumn
from whoosh.fields import COLUMN, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

SCHEMA_VERSION = 14

# What the index holds, by Entity value.
KINDS = ("recommendation", "action", "update", "document", "learning", "evidence")

# The key of the one document that carries the index's own state (last applied outbox seq, database uid).
META_KEY = "_meta"

# Free-text fields and the boost a match in each gets: a reference or a title outranks a long update.
# (Tried: one combined field for all words with ref/title as optional boosts, schema 9-10. At 200k it made single
# words 4x faster but multi-word 1.25x and phrases 3.4x slower, p95 557 -> 916 ms: reverted; see docs/benchmarks.md.)
TEXT_FIELDS = {"ref": 6.0, "title": 3.0, "body": 1.0, "context": 0.5}

# Fields whose words a misspelt word is corrected to.
SPELLING_FIELDS = ("title", "body")


def _plain():
    """Words and numbers, lowercased, no stemming: for references like 2025-0241 or NW-001 and for names."""
    return RegexTokenizer(r"\w+") | LowercaseFilter()


def build_schema() -> Schema:
    english = StemmingAnalyzer()
    return Schema(
        key=ID(unique=True, stored=True),                  # "recommendation:123"
        # kind, status, due and issued also have a column: with words in a search, status: is checked on the words'
        # candidates (query.ColumnFilter) instead of intersecting lists of hundreds of thousands of items.
        kind=ID(sortable=True),                            # an Entity value from KINDS
        eid=COLUMN(NumericColumn("I")),                   # the row id, as a column only (for ids_matching)
        ref=TEXT(analyzer=_plain(), phrase=True),
        title=TEXT(analyzer=english, phrase=True),
        body=TEXT(analyzer=english, phrase=True),
        # Words about the item that are not its own text: its document's title, hub and theme names, owner.
        context=TEXT(analyzer=english, phrase=False),
        # Filters (all lowercase codes/values).
        source=KEYWORD(lowercase=True, commas=True),       # SourceKind values
        finding=KEYWORD(lowercase=True, commas=True),      # FindingType values
        hub=KEYWORD(lowercase=True, commas=True),          # hub codes
        theme=KEYWORD(lowercase=True, commas=True),        # theme codes
        status=ID(sortable=True),                          # RecStatus / ActionStatus / TriageOutcome / document state
        owner=TEXT(analyzer=_plain()),                     # owner's (or author's) name
        # yyyymmdd of the current target / due / response date
        due=NUMERIC(int, bits=32, shift_step=16, sortable=True),
        issued=NUMERIC(int, bits=32, shift_step=16, sortable=True),       # yyyymmdd the source document was issued
        meta=STORED(),                                     # JSON state, on the META_KEY document only
        # Evidence only (evidence_source.py): the item it is attached to ("action:7"), the words read from the file
        # (zlib-compressed, for snippets: they are in no table) and why a file gave no text.
        parent=ID(),
        evtext=STORED(),
        evnote=STORED(),
    )


@overload
def date_number(value: dt.date) -> int: ...
@overload
def date_number(value: dt.date | None) -> int | None: ...


def date_number(value: dt.date | None) -> int | None:
    """A date as yyyymmdd (what the NUMERIC date fields hold)."""
    if value is None:
        return None
    return value.year * 10000 + value.month * 100 + value.day
