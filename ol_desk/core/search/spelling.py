"""Typo tolerance: a typed word that no item contains is replaced by the nearest word the index knows.

The index keeps only stemmed words, so the correction is found among stems ("custdi" → "custodi") and shown to the
user in a form that occurs in the hits' own text ("custody").
"""
from __future__ import annotations

import re

from whoosh.support.levenshtein import distance

from .schema import SPELLING_FIELDS, TEXT_FIELDS


def _stem(schema, word: str) -> str | None:
    tokens = [t.text for t in schema["body"].analyzer(word)]
    return tokens[0] if len(tokens) == 1 else None


def corrections(searcher, parsed) -> dict[str, str]:
    """{typed word: stem to search instead} for words no document has; the candidate with the fewest edits, then
    the most documents, wins."""
    reader, schema = searcher.reader(), searcher.schema
    out: dict[str, str] = {}
    for atom in parsed.words():
        word = atom.text
        if len(word) < 4 or any(c.isdigit() for c in word) or word in out:
            continue
        if any(reader.doc_frequency(f, t.text) for f in TEXT_FIELDS for t in schema[f].analyzer(word)):
            continue
        stem = _stem(schema, word)
        if not stem:
            continue
        maxdist = 1 if len(word) < 6 else 2
        best = None
        for fname in SPELLING_FIELDS:
            for candidate in reader.terms_within(fname, stem, maxdist, prefix=1):
                key = (distance(candidate, stem), -reader.doc_frequency(fname, candidate))
                if best is None or key < best[0]:
                    best = (key, candidate)
        if best is not None:
            out[word] = best[1]
    return out


def _surface_in(texts, stem: str, schema, typed: str = "") -> str | None:
    """The form of `stem` in these texts closest to what was typed ("persuit" → pursuit, not pursuits)."""
    forms = {word.lower() for text in texts for word in re.findall(r"[A-Za-z]+", text or "")
             if _stem(schema, word) == stem}
    return min(forms, key=lambda w: (distance(w, typed.lower()), w)) if forms else None


def _surface_from_index(searcher, session, stem: str, typed: str) -> str | None:
    """A word with this stem as some item has it (the index keeps only stems): read that item's text."""
    from .sources import display_rows
    reader = searcher.reader()
    for fname in SPELLING_FIELDS:
        if (fname, stem) not in reader:
            continue
        postings = reader.postings(fname, stem)
        if not postings.is_active():
            continue
        kind, _, number = searcher.stored_fields(postings.id())["key"].partition(":")
        row = display_rows(session, kind, [int(number)]).get(int(number))
        if row and (word := _surface_in(row, stem, searcher.schema, typed)):
            return word
    return None


def corrected_text(typed: str, fixes: dict[str, str], hits, searcher, session) -> str:
    """The query as the user would have typed it correctly: each fixed word as it is written in the items."""
    out = typed
    for wrong, stem in fixes.items():
        word = (_surface_in([t for h in hits for t in (h.title, h.snippet_text)], stem, searcher.schema, wrong)
                or _surface_from_index(searcher, session, stem, wrong) or stem)
        out = re.sub(rf"(?<!\w){re.escape(wrong)}(?!\w)", word, out, count=1)
    return out
