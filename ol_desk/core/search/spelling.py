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


def corrected_text(typed: str, fixes: dict[str, str], hits, schema) -> str:
    """The query as the user would have typed it correctly: each fixed word in a form found in the hits."""
    surface: dict[str, str] = {}
    for hit in hits:
        for text in (hit.title, hit.snippet_text, hit.reference):
            for word in re.findall(r"[A-Za-z]+", text or ""):
                stem = _stem(schema, word)
                if stem in fixes.values() and stem not in surface:
                    surface[stem] = word.lower()
    out = typed
    for wrong, stem in fixes.items():
        out = re.sub(rf"(?<!\w){re.escape(wrong)}(?!\w)", surface.get(stem, stem), out, count=1)
    return out
