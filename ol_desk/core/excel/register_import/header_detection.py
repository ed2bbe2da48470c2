"""Finding the header row: the first rows of a sheet may be a protective marking, a title, blank rows."""
from __future__ import annotations

from dataclasses import dataclass

from .. import value_parsing as vp
from .column_mapping import match_header


@dataclass(frozen=True)
class HeaderRow:
    number: int          # the sheet's row number (1-based)
    position: int        # index among the non-blank rows read
    cells: tuple         # the header cells as text
    score: int           # how many columns are recognised by name
    title_lines: tuple   # the text of the rows above it (for hints: hub, source kind)


def detect(rows: list[tuple[int, tuple]], wanted: set[str] | None = None) -> HeaderRow | None:
    """The row (among the first non-blank rows) with the most recognised column names (at least two), or — when
    the user names columns (`wanted`, normalised) — the first row holding all of them."""
    best: HeaderRow | None = None
    for pos, (number, values) in enumerate(rows):
        texts = [vp.text(v) for v in values]
        if wanted is not None:
            have = {t.strip().lower() for t in texts if t}
            if wanted <= have:
                return _make(rows, pos, number, texts, len(wanted))
            continue
        strings = [v for v in values if isinstance(v, str) and v.strip()]
        if len(strings) < 2 or len(strings) < 0.5 * sum(v is not None for v in values):
            continue
        fields = {match_header(v)[0] for v in strings} - {None}
        score = len(fields)
        if score >= 2 and (best is None or score > best.score):
            best = _make(rows, pos, number, texts, score)
    return best


def _make(rows, pos, number, texts, score) -> HeaderRow:
    while texts and not texts[-1]:
        texts.pop()
    above = tuple(" ".join(vp.text(v) for v in r[1] if v is not None).strip() for r in rows[:pos])
    return HeaderRow(number, pos, tuple(texts), score, tuple(t for t in above if t))
