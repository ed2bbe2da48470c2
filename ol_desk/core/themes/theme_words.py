"""A theme's words: the terms that suggest it for a finding's text, kept with the theme as "; "-separated text.

A term is a word or a phrase, matched whole and regardless of case; a plural "s"/"es" matches too. A term ending
in "*" matches any ending ("restrain*" → restraint, restrained, restraining). Spaces and hyphens inside a phrase
match each other ("self harm" = "self-harm"). A phrase (two or more words) says more than one word, so it counts
double: one phrase, or two different words, are enough to suggest a theme.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ol_desk.core.errors import ValidationError

MIN_SCORE = 2.0        # one phrase or two different words
_REPEAT_BONUS = 0.25   # each further occurrence of a term already counted (capped)
_REPEAT_CAP = 1.0
MAX_TERMS = 200
MAX_TERM_LENGTH = 80


def split_words(words: str) -> list[str]:
    """The terms of a theme's words text: split at ";" or new lines, trimmed, duplicates (any case) dropped."""
    seen: dict[str, str] = {}
    for part in re.split(r"[;\n]", words or ""):
        term = " ".join(part.split())
        if term and term.lower() not in seen:
            seen[term.lower()] = term
    return list(seen.values())


def clean_words(words: str) -> str:
    """The words text as it is stored: terms in the user's order, "; "-separated; refuses what cannot match."""
    terms = split_words(words)
    if len(terms) > MAX_TERMS:
        raise ValidationError(f"A theme takes up to {MAX_TERMS} words and phrases ({len(terms)} given).")
    for term in terms:
        if len(term) > MAX_TERM_LENGTH:
            raise ValidationError(f"'{term[:30]}…' is too long for a theme word ({len(term)} characters; at most "
                                  f"{MAX_TERM_LENGTH}).")
        if not re.search(r"\w", term.rstrip("*")):
            raise ValidationError(f"'{term}' has no letters or digits to match.")
        if "*" in term.rstrip("*"):
            raise ValidationError(f"'{term}': a * may only end a word or phrase (restrain* matches restraint).")
    return "; ".join(terms)


def _term_regex(term: str) -> str:
    prefix = term.endswith("*")
    words = [re.escape(w) for w in re.split(r"[\s\-]+", term.rstrip("*").strip()) if w]
    body = r"[\s\-]+".join(words)
    tail = r"\w*" if prefix else r"(?:s|es|'s)?"
    return rf"(?<!\w){body}{tail}(?!\w)"


def weight(term: str) -> float:
    return 2.0 if len(re.split(r"[\s\-]+", term.rstrip("*").strip())) > 1 else 1.0


@dataclass(frozen=True)
class WordMatch:
    score: float
    terms: tuple[str, ...]    # the terms found, in the theme's order


class ThemeWords:
    """One theme's terms compiled into one pattern; `match(text)` says how strongly the text suggests it."""

    def __init__(self, words: str | Iterable[str]):
        self.terms = split_words(words if isinstance(words, str) else "; ".join(words))
        self._pattern = (re.compile("|".join(f"(?P<t{i}>{_term_regex(t)})" for i, t in enumerate(self.terms)),
                                    re.IGNORECASE) if self.terms else None)

    def match(self, text: str) -> WordMatch:
        if self._pattern is None or not text:
            return WordMatch(0.0, ())
        counts: dict[int, int] = {}
        for m in self._pattern.finditer(text):
            assert m.lastgroup is not None, "every alternative is a named group"
            i = int(m.lastgroup[1:])
            counts[i] = counts.get(i, 0) + 1
        if not counts:
            return WordMatch(0.0, ())
        score = sum(weight(self.terms[i]) for i in counts)
        score += min(_REPEAT_CAP, _REPEAT_BONUS * sum(n - 1 for n in counts.values()))
        return WordMatch(score, tuple(self.terms[i] for i in sorted(counts)))
