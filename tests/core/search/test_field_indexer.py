"""field_indexer gives what Field.index gives, item for item, for every field of our schema and for analysers it
does not reproduce, on any text: words, numbers, references, stop words, accents and other scripts."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.analysis import IDAnalyzer, NgramFilter, RegexTokenizer, StandardAnalyzer, StemmingAnalyzer
from whoosh.fields import ID, KEYWORD, TEXT
from whoosh.formats import Existence

from ol_desk.core.search.field_indexer import field_indexer
from ol_desk.core.search.schema import build_schema

SCHEMA = build_schema()
TEXT_FIELDS = [name for name, f in SCHEMA.items() if isinstance(f, (TEXT, KEYWORD, ID))]
PIECES = [",", ", ,", "MD,NW", "the", "a", "of", "custody", "Custodies", "detained", "2025-0241", "NW-001",
          "e.g.", "v1.2.3", "naïve", "Öffentliche", "Ordnung", "警察", "ΑΣΦΑΛΕΙΑ", "it's", "x", "I", "rousing",
          "checks", "  ", "\n", "—", "..", "_under_score", "12", "3.5"]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map(" ".join)


def _same(field, value):
    ours, theirs = list(field_indexer(field)(value)), list(field.index(value))
    if type(field.format) is Existence:     # Whoosh gives these words from a set: any order
        ours, theirs = sorted(ours), sorted(theirs)
    assert ours == theirs


@settings(max_examples=300, deadline=None)
@given(value=texts)
def test_every_field_of_our_schema(value):
    for name in TEXT_FIELDS:
        _same(SCHEMA[name], value)


@pytest.mark.parametrize("value", ["", "the of a", "the custody of the detainee was the custody", "x y z custody"])
def test_stop_words_at_the_start_keep_whooshs_positions(value):
    for name in ("title", "body", "context", "ref", "owner"):
        _same(SCHEMA[name], value)


@pytest.mark.parametrize("field", [
    TEXT(analyzer=StandardAnalyzer(minsize=3)),
    TEXT(analyzer=StemmingAnalyzer(stoplist=None), phrase=False),
    TEXT(analyzer=RegexTokenizer(r"[a-z]+")),
    TEXT(analyzer=StemmingAnalyzer() | NgramFilter(2, 3)),     # not reproduced: Field.index itself
    KEYWORD(lowercase=False, commas=False, scorable=True),
    ID(analyzer=IDAnalyzer(lowercase=True)),
], ids=["standard", "no-stops", "bare-tokenizer", "ngrams", "space-keywords", "lowercase-id"])
def test_other_analysers(field):
    for value in ("The custody of detainees in the cells", "naïve 2025-0241 NW-001 checks", ""):
        _same(field, value)


def test_our_text_fields_take_the_fast_path():
    for name in ("ref", "title", "body", "context", "owner"):
        assert field_indexer(SCHEMA[name]) != SCHEMA[name].index, name
    for name in ("key", "kind", "status", "parent", "hub", "theme", "source", "finding"):
        assert field_indexer(SCHEMA[name]) != SCHEMA[name].index, name
